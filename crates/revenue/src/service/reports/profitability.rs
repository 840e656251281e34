//! Engagement profitability: what was invoiced (net of tax and of credit notes)
//! against what the approved time and the engagement's approved bills cost, and
//! against the budget.

use std::collections::HashMap;

use atrium_kernel::{AppError, Currency, Money, OrgCtx, Page, PageRequest, Scoped};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QuerySelect, Select};
use uuid::Uuid;

use super::{ReportsService, add, alias, single, to_base};
use crate::calc;
use crate::dto::{BillStatus, EngagementId, EngagementProfitability, InvoiceStatus, ProfitabilityQuery};
use crate::entity::{bill, credit_note, invoice};
use crate::error::RevenueError;
use crate::ports::{EngagementBudget, EngagementPage};
use crate::service::rates::rate_on;

#[derive(Debug, FromQueryResult)]
struct Group {
    engagement_id: Uuid,
    currency: String,
    fx_rate: Option<i64>,
    amount: i64,
}

impl ReportsService {
    /// A page of the organization's engagements (id order) with what each
    /// invoiced and what its time cost in the period. Documents convert at their
    /// stored rates; costs and budgets kept in another currency convert at the
    /// rate of `rate_date` (default `to`, else today), and a missing rate is a 422
    /// naming `rate_date` rather than a report that silently leaves money out.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn engagement_profitability(
        &self,
        ctx: &OrgCtx,
        q: &ProfitabilityQuery,
        req: PageRequest,
    ) -> Result<(Currency, NaiveDate, Page<EngagementProfitability>), AppError> {
        let (from, to) = (q.from.map(|d| d.get()), q.to.map(|d| d.get()));
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(RevenueError::Field("from", "must not be after `to`".into()).into());
        }
        if let Some(e) = q.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(RevenueError::NoSuchEngagement)?;
        }
        self.check_client(ctx, q.client_company_id).await?;
        let rate_date = q.rate_date.map(|d| d.get()).or(to).unwrap_or_else(|| self.today());
        let base = self.base_currency(ctx).await?;

        let selection = EngagementPage {
            engagement_id: q.engagement_id,
            client_company_id: q.client_company_id,
            after: req.after.map(Into::into),
            limit: req.limit.saturating_add(1),
        };
        let found = self.budgets.engagements(ctx.org_id, &selection).await?;
        let page = Page::from_rows(found, &req, |e| e.id.into_uuid());
        if page.items.is_empty() {
            return Ok((base, rate_date, Page { items: Vec::new(), next_after: None }));
        }
        let ids: Vec<Uuid> = page.items.iter().map(|e| e.id.into_uuid()).collect();
        let invoiced = self.invoiced(ctx, &ids, from, to, base).await?;
        let billed = self.bill_costs(ctx, &ids, from, to, base).await?;
        let with_currency: Vec<(EngagementId, Option<Currency>)> =
            page.items.iter().map(|e| (e.id, e.budget.map(|b| b.currency))).collect();
        let costs: HashMap<EngagementId, _> = self
            .costs
            .time_costs(ctx, &with_currency, from, to)
            .await?
            .into_iter()
            .map(|c| (c.engagement_id, c))
            .collect();

        // Each currency's rate is looked up once per report.
        let mut rates: HashMap<Currency, i64> = HashMap::new();
        let mut items = Vec::with_capacity(page.items.len());
        for e in page.items {
            let got = invoiced.get(&e.id.into_uuid()).copied().unwrap_or(0);
            let bills = billed.get(&e.id.into_uuid()).copied().unwrap_or(0);
            let (mut cost, mut minutes, mut unpriced) = (bills, 0_i64, 0_i64);
            if let Some(c) = costs.get(&e.id) {
                (minutes, unpriced) = (c.minutes, c.unpriced_minutes);
                for m in &c.costs {
                    cost = add(cost, self.at_rate_date(ctx, &mut rates, *m, base, rate_date).await?)?;
                }
            }
            let budget_in_base = match e.budget {
                Some(b) => Some(Money::new(self.at_rate_date(ctx, &mut rates, b, base, rate_date).await?, base)),
                None => None,
            };
            items.push(row(e, got, (cost, bills), budget_in_base, minutes, unpriced, base)?);
        }
        Ok((base, rate_date, Page { items, next_after: page.next_after }))
    }

    /// `m` in the base currency at the rate entered for `date`.
    async fn at_rate_date(
        &self,
        ctx: &OrgCtx,
        cache: &mut HashMap<Currency, i64>,
        m: Money,
        base: Currency,
        date: NaiveDate,
    ) -> Result<i64, AppError> {
        let rate = match cache.get(&m.currency) {
            Some(r) => *r,
            None => {
                let r = rate_on(&self.db, ctx.org_id, m.currency, base, date, "rate_date").await?;
                cache.insert(m.currency, r);
                r
            }
        };
        calc::convert(m.amount_minor, m.currency, base, rate).map_err(|e| RevenueError::Calc(e, "rate_date").into())
    }

    /// Subtotals (net of tax) of the engagements' approved, partly paid and paid
    /// bills dated within the period, in base minor units at each bill's stored rate.
    async fn bill_costs(
        &self,
        ctx: &OrgCtx,
        ids: &[Uuid],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        base: Currency,
    ) -> Result<HashMap<Uuid, i64>, AppError> {
        let b = |c: bill::Column| Expr::col((bill::Entity, c));
        let bills =
            bill::Entity::scoped(ctx.org_id).filter(bill::Column::EngagementId.is_in(ids.iter().copied())).filter(
                bill::Column::Status
                    .is_in([BillStatus::Approved, BillStatus::PartiallyPaid, BillStatus::Paid].map(|s| s.as_str())),
            );
        let groups = within(bills, bill::Column::BillDate, from, to)
            .select_only()
            .column_as(b(bill::Column::EngagementId), "engagement_id")
            .column(bill::Column::Currency)
            .column(bill::Column::FxRate)
            .column_as(single(b(bill::Column::Currency), base, b(bill::Column::Id)), "single")
            .column_as(b(bill::Column::Subtotal).sum().cast_as("bigint"), "amount")
            .group_by(bill::Column::EngagementId)
            .group_by(bill::Column::Currency)
            .group_by(bill::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, i64> = HashMap::new();
        for g in groups {
            let amount = to_base(g.amount, &g.currency, g.fx_rate, base)?;
            let slot = out.entry(g.engagement_id).or_default();
            *slot = add(*slot, amount)?;
        }
        Ok(out)
    }

    /// Invoice subtotals less credit-note subtotals per engagement, in base minor
    /// units, for documents issued within the period.
    async fn invoiced(
        &self,
        ctx: &OrgCtx,
        ids: &[Uuid],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        base: Currency,
    ) -> Result<HashMap<Uuid, i64>, AppError> {
        let inv = |c: invoice::Column| Expr::col((invoice::Entity, c));
        let invoices = invoice::Entity::scoped(ctx.org_id)
            .filter(invoice::Column::EngagementId.is_in(ids.iter().copied()))
            .filter(invoice::Column::Status.is_in([
                InvoiceStatus::Issued.as_str(),
                InvoiceStatus::PartiallyPaid.as_str(),
                InvoiceStatus::Paid.as_str(),
            ]));
        let invoices = within(invoices, invoice::Column::IssueDate, from, to)
            .select_only()
            .column(invoice::Column::EngagementId)
            .column(invoice::Column::Currency)
            .column(invoice::Column::FxRate)
            .column_as(single(inv(invoice::Column::Currency), base, inv(invoice::Column::Id)), "single")
            .column_as(inv(invoice::Column::Subtotal).sum().cast_as("bigint"), "amount")
            .group_by(invoice::Column::EngagementId)
            .group_by(invoice::Column::Currency)
            .group_by(invoice::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;

        let cn = |c: credit_note::Column| Expr::col((credit_note::Entity, c));
        let notes = credit_note::Entity::scoped(ctx.org_id)
            .join(
                JoinType::InnerJoin,
                credit_note::Entity::belongs_to(invoice::Entity)
                    .from(credit_note::Column::InvoiceId)
                    .to(invoice::Column::Id)
                    .into(),
            )
            .filter(invoice::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(invoice::Column::EngagementId.is_in(ids.iter().copied()));
        let notes = within(notes, credit_note::Column::IssueDate, from, to)
            .select_only()
            .column(invoice::Column::EngagementId)
            .column(credit_note::Column::Currency)
            .column(credit_note::Column::FxRate)
            .column_as(single(cn(credit_note::Column::Currency), base, cn(credit_note::Column::Id)), "single")
            .column_as(cn(credit_note::Column::Subtotal).sum().cast_as("bigint"), "amount")
            .group_by(invoice::Column::EngagementId)
            .group_by(credit_note::Column::Currency)
            .group_by(credit_note::Column::FxRate)
            .group_by(alias("single"))
            .into_model::<Group>()
            .all(&self.db)
            .await?;

        let mut out: HashMap<Uuid, i64> = HashMap::new();
        for (groups, sign) in [(invoices, 1_i64), (notes, -1_i64)] {
            for g in groups {
                let amount = to_base(g.amount, &g.currency, g.fx_rate, base)?;
                let slot = out.entry(g.engagement_id).or_default();
                *slot = add(*slot, sign * amount)?;
            }
        }
        Ok(out)
    }
}

/// Restricts `sel` to `column` within `from..=to` (either end open).
fn within<E: EntityTrait>(
    mut sel: Select<E>,
    column: E::Column,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Select<E> {
    if let Some(f) = from {
        sel = sel.filter(column.gte(f));
    }
    if let Some(t) = to {
        sel = sel.filter(column.lte(t));
    }
    sel
}

fn row(
    e: EngagementBudget,
    invoiced: i64,
    (cost, bill_cost): (i64, i64),
    budget_in_base: Option<Money>,
    approved_minutes: i64,
    unpriced_minutes: i64,
    base: Currency,
) -> Result<EngagementProfitability, AppError> {
    let margin = invoiced.checked_sub(cost).ok_or_else(|| AppError::internal("margin out of range"))?;
    // Basis points of what was invoiced, rounded half-even; the sign follows the margin.
    let margin_basis_points = (invoiced != 0).then(|| {
        let (n, d) = (i128::from(margin) * i128::from(calc::BASIS_POINTS), i128::from(invoiced));
        let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
        i64::try_from(calc::div_half_even(n, d)).unwrap_or(i64::MAX)
    });
    Ok(EngagementProfitability {
        engagement_id: e.id,
        client_company_id: e.client_company_id,
        name: e.name,
        invoiced: Money::new(invoiced, base),
        cost: Money::new(cost, base),
        bill_cost: Money::new(bill_cost, base),
        margin: Money::new(margin, base),
        margin_basis_points,
        budget: e.budget,
        budget_in_base,
        approved_minutes,
        unpriced_minutes,
    })
}
