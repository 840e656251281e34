//! Accounts receivable aging: each client's open balances by days past due.

use std::collections::BTreeMap;

use atrium_kernel::{AppError, Currency, Money, OrgCtx, Page, PageRequest, Scoped};
use chrono::{Days, NaiveDate};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, FromQueryResult, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{ReportsService, add, alias, single, to_base};
use crate::dto::{AgingBuckets, ArAgingQuery, ArAgingRow, InvoiceStatus};
use crate::entity::invoice;

/// Upper bounds (days past due) of the buckets after `current`; the last is open.
const EDGES: [u64; 3] = [30, 60, 90];

#[derive(Debug, FromQueryResult)]
struct Group {
    client_company_id: Option<Uuid>,
    bucket: i32,
    currency: String,
    fx_rate: Option<i64>,
    balance: i64,
    invoices: i64,
}

/// One client's figures in base minor units: five buckets and a count.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    buckets: [i64; 5],
    invoices: i64,
}

impl Tally {
    fn add(&mut self, bucket: usize, amount: i64, invoices: i64) -> Result<(), AppError> {
        let slot = self.buckets.get_mut(bucket).ok_or_else(|| AppError::internal("aging bucket out of range"))?;
        *slot = add(*slot, amount)?;
        self.invoices = add(self.invoices, invoices)?;
        Ok(())
    }

    fn out(&self, base: Currency) -> Result<AgingBuckets, AppError> {
        let m = |v: i64| Money::new(v, base);
        let total = self.buckets.iter().try_fold(0_i64, |acc, v| add(acc, *v))?;
        let [current, d30, d60, d90, over] = self.buckets;
        Ok(AgingBuckets {
            current: m(current),
            days_1_30: m(d30),
            days_31_60: m(d60),
            days_61_90: m(d90),
            days_over_90: m(over),
            total: m(total),
        })
    }
}

/// The bucket of an invoice due on `due_date`, counted to `as_of`: 0 when not
/// past due, then 1–30, 31–60, 61–90 and 91+ days. Written as date comparisons
/// (`due_date >= as_of − 30`) so both backends run it on the indexed column.
fn bucket_expr(as_of: NaiveDate) -> Result<Expr, AppError> {
    let before =
        |days: u64| as_of.checked_sub_days(Days::new(days)).ok_or_else(|| AppError::invalid("as_of", "is too early"));
    let due = || Expr::col((invoice::Entity, invoice::Column::DueDate));
    let mut case = Expr::case(due().gte(as_of), 0);
    for (i, days) in EDGES.iter().enumerate() {
        case = case.case(due().gte(before(*days)?), i32::try_from(i + 1).unwrap_or(i32::MAX));
    }
    Ok(case.finally(4).into())
}

impl ReportsService {
    /// Open receivables (issued or partly paid invoices with a balance, issued on or
    /// before `as_of`) per client, in the base currency at each invoice's stored
    /// rate. One aggregate over the organization's open invoices answers both the
    /// page and the totals; pages are keyed by client id (no client sorts first).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn ar_aging(
        &self,
        ctx: &OrgCtx,
        q: &ArAgingQuery,
        req: PageRequest,
    ) -> Result<(NaiveDate, Currency, Page<ArAgingRow>, AgingBuckets), AppError> {
        self.check_client(ctx, q.client_company_id).await?;
        let as_of = q.as_of.map_or_else(|| self.today(), |d| d.get());
        let base = self.base_currency(ctx).await?;
        let mut sel = invoice::Entity::scoped(ctx.org_id)
            .filter(
                invoice::Column::Status.is_in([InvoiceStatus::Issued.as_str(), InvoiceStatus::PartiallyPaid.as_str()]),
            )
            .filter(invoice::Column::IssueDate.lte(as_of))
            .filter(balance().gt(0));
        if let Some(c) = q.client_company_id {
            sel = sel.filter(invoice::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        let col = |c: invoice::Column| Expr::col((invoice::Entity, c));
        let groups = sel
            .select_only()
            .column(invoice::Column::ClientCompanyId)
            .column_as(bucket_expr(as_of)?, "bucket")
            .column(invoice::Column::Currency)
            .column(invoice::Column::FxRate)
            .column_as(single(col(invoice::Column::Currency), base, col(invoice::Column::Id)), "single")
            .column_as(balance().sum().cast_as("bigint"), "balance")
            .column_as(Expr::col((invoice::Entity, invoice::Column::Id)).count().cast_as("bigint"), "invoices")
            .group_by(invoice::Column::ClientCompanyId)
            .group_by(alias("bucket"))
            .group_by(invoice::Column::Currency)
            .group_by(invoice::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;

        let mut clients: BTreeMap<Uuid, Tally> = BTreeMap::new();
        let mut totals = Tally::default();
        for g in groups {
            let amount = to_base(g.balance, &g.currency, g.fx_rate, base)?;
            let bucket = usize::try_from(g.bucket).map_err(|_| AppError::internal("negative aging bucket"))?;
            // Uuid::nil() stands for "no client": it sorts before every UUIDv7.
            clients
                .entry(g.client_company_id.unwrap_or_else(Uuid::nil))
                .or_default()
                .add(bucket, amount, g.invoices)?;
            totals.add(bucket, amount, g.invoices)?;
        }
        let rows: Vec<(Uuid, Tally)> = match req.after {
            Some(after) => clients
                .range((std::ops::Bound::Excluded(after), std::ops::Bound::Unbounded))
                .map(|(k, v)| (*k, *v))
                .take(page_take(&req))
                .collect(),
            None => clients.iter().map(|(k, v)| (*k, *v)).take(page_take(&req)).collect(),
        };
        let page = Page::from_rows(rows, &req, |(id, _)| *id);
        let items = page
            .items
            .into_iter()
            .map(|(id, t)| {
                Ok(ArAgingRow {
                    client_company_id: (!id.is_nil()).then(|| id.into()),
                    open_invoices: t.invoices,
                    buckets: t.out(base)?,
                })
            })
            .collect::<Result<_, AppError>>()?;
        Ok((as_of, base, Page { items, next_after: page.next_after }, totals.out(base)?))
    }
}

/// `total − paid − credited`, in the document's currency.
fn balance() -> Expr {
    let col = |c: invoice::Column| Expr::col((invoice::Entity, c));
    col(invoice::Column::Total).sub(col(invoice::Column::Paid)).sub(col(invoice::Column::Credited))
}

/// Rows to take for a page: one more than the limit tells whether another follows.
pub(super) fn page_take(req: &PageRequest) -> usize {
    usize::try_from(req.limit.saturating_add(1)).unwrap_or(usize::MAX)
}
