//! Revenue by client and month: what was invoiced, net of tax, less what was
//! credited, net of tax. Accountants book revenue without the tax collected for
//! the state, so subtotals are used, never totals. Invoices count in the month of
//! their issue date (void ones never); credit notes in the month of theirs.

use std::collections::BTreeMap;

use atrium_kernel::{AppError, Currency, Money, OrgCtx, Page, PageRequest, Scoped};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::aging::page_take;
use super::{ReportsService, add, alias, month_of, single, to_base};
use crate::dto::{ClientRevenue, InvoiceStatus, Month, MonthRevenue, RevenueByClientQuery};
use crate::entity::{credit_note, invoice};
use crate::error::RevenueError;

#[derive(Debug, FromQueryResult)]
struct Group {
    client_company_id: Option<Uuid>,
    month: String,
    currency: String,
    fx_rate: Option<i64>,
    amount: i64,
}

/// Invoiced and credited in base minor units.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    invoiced: i64,
    credited: i64,
}

impl Sums {
    fn out(self, month: Month, base: Currency) -> Result<MonthRevenue, AppError> {
        let revenue = self.invoiced.checked_sub(self.credited).ok_or_else(|| AppError::internal("out of range"))?;
        Ok(MonthRevenue {
            month,
            invoiced: Money::new(self.invoiced, base),
            credited: Money::new(self.credited, base),
            revenue: Money::new(revenue, base),
        })
    }
}

type Months = BTreeMap<Month, Sums>;

/// The months covered (first, last), the base currency, a page of clients and the
/// totals per month over every client.
pub type ByClient = (Month, Month, Currency, Page<ClientRevenue>, Vec<MonthRevenue>);

impl ReportsService {
    /// Per client (no client first, then by id) and month, in the base currency at
    /// each document's stored rate. One aggregate each over invoices and credit
    /// notes of the months asked answers the page and the totals.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn revenue_by_client(
        &self,
        ctx: &OrgCtx,
        q: &RevenueByClientQuery,
        req: PageRequest,
    ) -> Result<ByClient, AppError> {
        let to = q.to.unwrap_or_else(|| Month::of(self.today()));
        let from = q.from.unwrap_or_else(|| to.minus(11));
        if from > to {
            return Err(RevenueError::Field("from", "must not be after `to`".into()).into());
        }
        self.check_client(ctx, q.client_company_id).await?;
        let base = self.base_currency(ctx).await?;
        let (first, last) = (from.first(), to.last());
        let backend = self.backend();

        let inv = |c: invoice::Column| Expr::col((invoice::Entity, c));
        let mut invoices = invoice::Entity::scoped(ctx.org_id)
            .filter(invoice::Column::Status.is_in([
                InvoiceStatus::Issued.as_str(),
                InvoiceStatus::PartiallyPaid.as_str(),
                InvoiceStatus::Paid.as_str(),
            ]))
            .filter(invoice::Column::IssueDate.between(first, last));
        if let Some(c) = q.client_company_id {
            invoices = invoices.filter(invoice::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        let invoiced = invoices
            .select_only()
            .column(invoice::Column::ClientCompanyId)
            .column_as(month_of(backend, r#""invoices"."issue_date""#), "month")
            .column(invoice::Column::Currency)
            .column(invoice::Column::FxRate)
            .column_as(single(inv(invoice::Column::Currency), base, inv(invoice::Column::Id)), "single")
            .column_as(inv(invoice::Column::Subtotal).sum().cast_as("bigint"), "amount")
            .group_by(invoice::Column::ClientCompanyId)
            .group_by(alias("month"))
            .group_by(invoice::Column::Currency)
            .group_by(invoice::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;

        let cn = |c: credit_note::Column| Expr::col((credit_note::Entity, c));
        let mut notes = credit_note::Entity::scoped(ctx.org_id)
            .join(
                JoinType::InnerJoin,
                credit_note::Entity::belongs_to(invoice::Entity)
                    .from(credit_note::Column::InvoiceId)
                    .to(invoice::Column::Id)
                    .into(),
            )
            .filter(invoice::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(credit_note::Column::IssueDate.between(first, last));
        if let Some(c) = q.client_company_id {
            notes = notes.filter(invoice::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        let credited = notes
            .select_only()
            .column(invoice::Column::ClientCompanyId)
            .column_as(month_of(backend, r#""credit_notes"."issue_date""#), "month")
            .column(credit_note::Column::Currency)
            .column(credit_note::Column::FxRate)
            .column_as(single(cn(credit_note::Column::Currency), base, cn(credit_note::Column::Id)), "single")
            .column_as(cn(credit_note::Column::Subtotal).sum().cast_as("bigint"), "amount")
            .group_by(invoice::Column::ClientCompanyId)
            .group_by(alias("month"))
            .group_by(credit_note::Column::Currency)
            .group_by(credit_note::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;

        let mut clients: BTreeMap<Uuid, Months> = BTreeMap::new();
        let mut totals = Months::new();
        for (groups, credit) in [(invoiced, false), (credited, true)] {
            for g in groups {
                let month = Month::parse(&g.month).ok_or_else(|| AppError::internal("month of a stored date"))?;
                let amount = to_base(g.amount, &g.currency, g.fx_rate, base)?;
                let key = g.client_company_id.unwrap_or_else(Uuid::nil);
                for sums in
                    [clients.entry(key).or_default().entry(month).or_default(), totals.entry(month).or_default()]
                {
                    if credit {
                        sums.credited = add(sums.credited, amount)?;
                    } else {
                        sums.invoiced = add(sums.invoiced, amount)?;
                    }
                }
            }
        }

        let rows: Vec<(Uuid, Months)> = match req.after {
            Some(after) => clients.into_iter().filter(|(k, _)| *k > after).take(page_take(&req)).collect(),
            None => clients.into_iter().take(page_take(&req)).collect(),
        };
        let page = Page::from_rows(rows, &req, |(id, _)| *id);
        let items =
            page.items.into_iter().map(|(id, months)| client_out(id, months, base)).collect::<Result<_, AppError>>()?;
        let totals = totals.into_iter().map(|(m, s)| s.out(m, base)).collect::<Result<_, AppError>>()?;
        Ok((from, to, base, Page { items, next_after: page.next_after }, totals))
    }
}

fn client_out(id: Uuid, months: Months, base: Currency) -> Result<ClientRevenue, AppError> {
    let mut all = Sums::default();
    for s in months.values() {
        all.invoiced = add(all.invoiced, s.invoiced)?;
        all.credited = add(all.credited, s.credited)?;
    }
    let revenue = all.invoiced.checked_sub(all.credited).ok_or_else(|| AppError::internal("out of range"))?;
    Ok(ClientRevenue {
        client_company_id: (!id.is_nil()).then(|| id.into()),
        months: months.into_iter().map(|(m, s)| s.out(m, base)).collect::<Result<_, AppError>>()?,
        invoiced: Money::new(all.invoiced, base),
        credited: Money::new(all.credited, base),
        revenue: Money::new(revenue, base),
    })
}
