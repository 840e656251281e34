//! The finance reports: read-only SQL aggregates over one organization's
//! documents, answered in its base currency.
//!
//! Exactness: a document in another currency converts at the rate it stored at
//! issue, and the report must equal Σ convert(document) — converting a sum of
//! documents would round once instead of once per document and can differ by a
//! minor unit per document. So the SQL groups base-currency documents together
//! (their conversion is the identity: same currency, rate 1) and keeps every
//! foreign-currency document in a group of its own (the `single` column is its
//! id); Rust converts each group with `calc::convert` and adds them up.

mod aging;
mod by_client;
mod profitability;

use std::sync::Arc;

use atrium_kernel::{AppError, Clock, Currency, OrgCtx};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{DatabaseConnection, DbBackend};

use super::settings;
use crate::calc;
use crate::dto::{ClientCompanyId, stored_currency};
use crate::error::RevenueError;
use crate::ports::{EngagementBudgets, Engagements, Parties, TimeCosts};

/// What the reports read, and the ports that answer for other domains.
#[derive(Clone)]
pub struct ReportsService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
    parties: Arc<dyn Parties>,
    budgets: Arc<dyn EngagementBudgets>,
    costs: Arc<dyn TimeCosts>,
}

/// The ports only the reports need, wired by the gateway.
#[derive(Clone)]
pub struct ReportPorts {
    pub budgets: Arc<dyn EngagementBudgets>,
    pub costs: Arc<dyn TimeCosts>,
}

impl ReportsService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        parties: Arc<dyn Parties>,
        ports: ReportPorts,
    ) -> Self {
        Self { db, clock, engagements, parties, budgets: ports.budgets, costs: ports.costs }
    }

    fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }

    async fn base_currency(&self, ctx: &OrgCtx) -> Result<Currency, AppError> {
        settings::base_currency(&settings::current(&self.db, ctx.org_id, self.clock.now()).await?)
    }

    /// A client filter must name one of the caller's companies: anything else is 404.
    async fn check_client(&self, ctx: &OrgCtx, client: Option<ClientCompanyId>) -> Result<(), AppError> {
        match client {
            Some(c) if self.parties.company_name(ctx, c).await?.is_none() => Err(AppError::NotFound("client company")),
            _ => Ok(()),
        }
    }

    fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }
}

/// `amount` of a document in `currency` at its stored `rate`, in `base`.
fn to_base(amount: i64, currency: &str, rate: Option<i64>, base: Currency) -> Result<i64, AppError> {
    let from = stored_currency(currency)?;
    let rate = match rate {
        Some(r) => r,
        None if from == base => calc::RATE_SCALE,
        None => return Err(AppError::internal("an issued document without its exchange rate")),
    };
    calc::convert(amount, from, base, rate).map_err(|e| RevenueError::Calc(e, "amount").into())
}

/// Adds without wrapping: an overflow is reported, never folded into a wrong total.
fn add(a: i64, b: i64) -> Result<i64, AppError> {
    a.checked_add(b).ok_or_else(|| AppError::internal("report total out of range"))
}

/// `CASE WHEN currency = base THEN NULL ELSE id END`: base-currency documents share
/// a group, each foreign one is its own (see the module comment).
fn single(currency: SimpleExpr, base: Currency, id: SimpleExpr) -> SimpleExpr {
    Expr::case(currency.eq(base.code()), Expr::val(None::<uuid::Uuid>)).finally(id).into()
}

/// `YYYY-MM` of a date column, in each backend's dialect (SQLite keeps dates as
/// ISO text, so its month is the first seven characters).
fn month_of(backend: DbBackend, column: &str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust(format!("to_char({column}, 'YYYY-MM')")),
        _ => Expr::cust(format!("substr({column}, 1, 7)")),
    }
}

/// A grouping column named by its select alias, so an expression carrying bound
/// values is not repeated (PostgreSQL could not tell the copies are equal).
fn alias(name: &str) -> SimpleExpr {
    Expr::cust(name.to_owned())
}
