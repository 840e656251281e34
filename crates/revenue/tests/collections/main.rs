//! Getting paid after the invoice: overdue reminders, exchange rates imported from
//! CSV, and invoices following CRM merges and their engagement — against real
//! SQLite and PostgreSQL.

// Snapshots and counts read every organization's rows on purpose: a refused write
// must have changed nothing anywhere.
#![allow(clippy::disallowed_methods)]

mod fx_import;
mod merges;
mod reminders;

use std::sync::Arc;

#[path = "../support/no_projects.rs"]
mod no_projects;

use async_trait::async_trait;
use atrium_kernel::{
    AppError, Clock, Currency, Date, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, Principal, Role, Text, UserId,
};
use atrium_outbox::entity::event;
use atrium_revenue::dto::{ClientCompanyId, EngagementId, InvoiceIn, InvoiceOut, IssueIn, LineIn, PaymentIn, Quantity};
use atrium_revenue::{EngagementRef, Engagements, Parties, RevenueService};
use atrium_testkit::TestDb;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// Agreements as the gateway wires it: the engagements table, scoped by organization.
pub struct TableEngagements(pub DatabaseConnection);

#[async_trait]
impl Engagements for TableEngagements {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError> {
        let stmt = Query::select()
            .columns(["id", "client_company_id"].map(Alias::new))
            .from(Alias::new("engagements"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        let row = self.0.query_one(&stmt).await?;
        row.map(|r| {
            let company: Option<Uuid> = r.try_get("", "client_company_id")?;
            Ok(EngagementRef {
                id,
                client_company_id: company.map(ClientCompanyId::from),
                currency: None,
                contract_id: None,
            })
        })
        .transpose()
        .map_err(|e: sea_orm::DbErr| e.into())
    }
}

struct FixedParties;

#[async_trait]
impl Parties for FixedParties {
    async fn organization_name(&self, _: &OrgCtx) -> Result<String, AppError> {
        Ok("Acme Consulting".into())
    }
    async fn company_name(&self, _: &OrgCtx, _: ClientCompanyId) -> Result<Option<String>, AppError> {
        Ok(Some("Globex".into()))
    }
}

pub struct Harness {
    pub svc: RevenueService,
    pub conn: DatabaseConnection,
}

/// The service's clock reads 2027-01-15 09:00 UTC; jobs are given their own `now`.
pub fn harness(db: &TestDb) -> Harness {
    let clock = Arc::new(FrozenClock::at(at(2027, 1, 15))) as Arc<dyn Clock>;
    let svc = RevenueService::new(
        db.conn.clone(),
        clock,
        Arc::new(TableEngagements(db.conn.clone())),
        Arc::new(FixedParties),
        Arc::new(no_projects::NoProjects),
    );
    Harness { svc, conn: db.conn.clone() }
}

impl Harness {
    pub async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user: UserId = atrium_testkit::seed_user(&self.conn).await.into();
        OrgCtx { org_id: org, principal: Principal::User(user), role: Role::Owner }
    }

    pub async fn company(&self, ctx: &OrgCtx, name: &str) -> ClientCompanyId {
        atrium_testkit::seed_company(&self.conn, ctx.org_id.into_uuid(), name).await.into()
    }

    pub async fn engagement(&self, ctx: &OrgCtx, company: ClientCompanyId) -> EngagementId {
        let id = Uuid::now_v7();
        let now = Utc::now();
        let stmt = Query::insert()
            .into_table(Alias::new("engagements"))
            .columns(
                [
                    "id",
                    "organization_id",
                    "client_company_id",
                    "name",
                    "billing_model",
                    "status",
                    "version",
                    "created_at",
                    "updated_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                id.into(),
                ctx.org_id.into_uuid().into(),
                company.into_uuid().into(),
                "Relaunch".into(),
                "fixed".into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id.into()
    }

    pub async fn draft(&self, ctx: &OrgCtx, engagement: EngagementId, currency: &str, amount: i64) -> InvoiceOut {
        let line = LineIn {
            description: Text::parse("Work").expect("text"),
            quantity: Quantity::from_milli(1000).expect("quantity"),
            unit_price: money(amount, currency),
            tax_rate_id: None,
        };
        let input = InvoiceIn {
            engagement_id: engagement,
            currency: Some(cur(currency)),
            payment_terms_days: None,
            notes: None,
            lines: vec![line],
        };
        self.svc.create_invoice(ctx, input).await.expect("create draft")
    }

    /// A USD invoice issued on `issued_on` with the default 30 days' terms.
    pub async fn issued(&self, ctx: &OrgCtx, engagement: EngagementId, amount: i64, issued_on: Date) -> InvoiceOut {
        let d = self.draft(ctx, engagement, "USD", amount).await;
        let input = IssueIn { issue_date: Some(issued_on) };
        self.svc.issue_invoice(ctx, d.id, input, IfMatch(None)).await.expect("issue")
    }

    pub async fn pay(&self, ctx: &OrgCtx, invoice: &InvoiceOut, amount: i64) {
        let input =
            PaymentIn { amount: money(amount, "USD"), received_on: day(2027, 1, 14), method: None, reference: None };
        self.svc.record_payment(ctx, invoice.id, input).await.expect("pay");
    }

    /// The events of `event_type` published so far, oldest first.
    pub async fn events(&self, event_type: &str) -> Vec<event::Model> {
        event::Entity::find()
            .filter(event::Column::EventType.eq(event_type))
            .order_by_asc(event::Column::Id)
            .all(&self.conn)
            .await
            .expect("events")
    }

    pub async fn count(&self, table: &str) -> usize {
        let stmt = Query::select().expr(Expr::cust("*")).from(Alias::new(table)).to_owned();
        self.conn.query_all(&stmt).await.expect("count").len()
    }
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 5, 17, 0).single().expect("time")
}

pub fn cur(code: &str) -> Currency {
    code.parse().expect("ISO 4217")
}

pub fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(NaiveDate::from_ymd_opt(y, m, d).expect("date")).expect("storable")
}

pub fn money(amount: i64, code: &str) -> Money {
    Money::new(amount, cur(code))
}

pub fn status_of(e: &AppError) -> u16 {
    e.status().as_u16()
}

pub fn fields_of(e: &AppError) -> Vec<String> {
    match e {
        AppError::Validation(fields) => fields.iter().map(|f| f.field.clone()).collect(),
        _ => Vec::new(),
    }
}
