//! Tax rates and exchange rates of an organization.

use atrium_events::revenue::{FxRateId, FxRateRecorded, TaxRateCreated, TaxRateId, TaxRateState, TaxRateUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::{RevenueService, changed, settings};
use crate::calc::{self, RATE_SCALE, format_rate};
use crate::dto::{FxRateFilter, FxRateIn, FxRateOut, TaxRateIn, TaxRateOut, TaxRatePatch, stored_currency};
use crate::entity::{fx_rate, tax_rate};
use crate::error::RevenueError;

fn tax_state(r: &tax_rate::Model) -> TaxRateState {
    TaxRateState {
        id: r.id.into(),
        name: r.name.clone(),
        basis_points: r.basis_points,
        inclusive: r.inclusive,
        archived: r.archived_at.is_some(),
        version: r.version,
    }
}

fn tax_out(r: tax_rate::Model) -> TaxRateOut {
    TaxRateOut {
        id: r.id.into(),
        archived: r.archived_at.is_some(),
        name: r.name,
        basis_points: r.basis_points,
        inclusive: r.inclusive,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

fn fx_out(r: fx_rate::Model) -> Result<FxRateOut, AppError> {
    Ok(FxRateOut {
        id: r.id.into(),
        currency: stored_currency(&r.currency)?,
        base_currency: stored_currency(&r.base_currency)?,
        rate_date: r.rate_date,
        rate: format_rate(r.rate),
        created_at: r.created_at,
    })
}

/// Base-currency units per unit of `currency` on `date`, in billionths: 1 for the
/// base currency itself, else the rate entered for that very day (`field` names
/// the date the caller gave, for the 422 when there is none).
pub(crate) async fn rate_on<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    currency: Currency,
    base: Currency,
    date: NaiveDate,
    field: &'static str,
) -> Result<i64, AppError> {
    if currency == base {
        return Ok(RATE_SCALE);
    }
    let found = fx_rate::Entity::scoped(org)
        .filter(fx_rate::Column::Currency.eq(currency.code()))
        .filter(fx_rate::Column::BaseCurrency.eq(base.code()))
        .filter(fx_rate::Column::RateDate.eq(date))
        .one(conn)
        .await?;
    found.map(|r| r.rate).ok_or_else(|| {
        RevenueError::NoRate { field, currency: currency.code().into(), base: base.code().into(), date }.into()
    })
}

impl RevenueService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_tax_rate(&self, ctx: &OrgCtx, input: TaxRateIn) -> Result<TaxRateOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let row = tax_rate::ActiveModel {
            id: Set(TaxRateId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.into_inner()),
            basis_points: Set(input.basis_points),
            inclusive: Set(input.inclusive),
            archived_at: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = tax_rate::Entity::insert(row).exec_with_returning(&txn).await?;
        atrium_outbox::publish(&txn, ctx, now, &TaxRateCreated { tax_rate: tax_state(&row) }).await?;
        txn.commit().await?;
        Ok(tax_out(row))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_tax_rates(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<TaxRateOut>, AppError> {
        let rows =
            req.apply(tax_rate::Entity::scoped(ctx.org_id), tax_rate::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        Ok(Page { items: page.items.into_iter().map(tax_out).collect(), next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, tax_rate_id = %id))]
    pub async fn get_tax_rate(&self, ctx: &OrgCtx, id: TaxRateId) -> Result<TaxRateOut, AppError> {
        Ok(tax_out(tax_rate::Entity::find_in(&self.db, ctx.org_id, id).await?))
    }

    /// Renames or archives a rate. Its percentage never changes: documents copy the
    /// rate when written, and a changed rate is a new rate.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, tax_rate_id = %id))]
    pub async fn update_tax_rate(
        &self,
        ctx: &OrgCtx,
        id: TaxRateId,
        patch: TaxRatePatch,
        if_match: IfMatch,
    ) -> Result<TaxRateOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = tax_rate::Entity::find_in(&txn, ctx.org_id, id).await?;
        let mut row = current.clone().into_active_model();
        if let Some(n) = patch.name {
            row.name = Set(n.into_inner());
        }
        if let Some(a) = patch.archived {
            row.archived_at = Set(match (a, current.archived_at) {
                (true, None) => Some(now),
                (true, at) => at,
                (false, _) => None,
            });
        }
        row.updated_at = Set(now);
        let updated = tax_rate::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let (before, after) = (tax_state(&current), tax_state(&updated));
        let changed = changed!(before, after; name, archived);
        atrium_outbox::publish(&txn, ctx, now, &TaxRateUpdated { tax_rate: after, changed }).await?;
        txn.commit().await?;
        Ok(tax_out(updated))
    }

    /// Enters the rate of `currency` against the base currency for one day,
    /// replacing an earlier entry for that day. Documents already issued keep the
    /// rate they stored.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn record_fx_rate(&self, ctx: &OrgCtx, input: FxRateIn) -> Result<FxRateOut, AppError> {
        let rate = calc::parse_rate(input.rate.trim()).map_err(|e| RevenueError::Calc(e, "rate"))?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let base = settings::base_currency(&settings::current(&txn, ctx.org_id, now).await?)?;
        if input.currency == base {
            return Err(RevenueError::Field("currency", format!("is the base currency {base}; its rate is 1")).into());
        }
        let row = fx_rate::ActiveModel {
            id: Set(FxRateId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            currency: Set(input.currency.code().to_owned()),
            base_currency: Set(base.code().to_owned()),
            rate_date: Set(input.rate_date.get()),
            rate: Set(rate),
            created_at: Set(now),
        };
        fx_rate::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    fx_rate::Column::OrganizationId,
                    fx_rate::Column::Currency,
                    fx_rate::Column::BaseCurrency,
                    fx_rate::Column::RateDate,
                ])
                .update_columns([fx_rate::Column::Rate, fx_rate::Column::CreatedAt])
                .to_owned(),
            )
            .exec(&txn)
            .await?;
        let stored = fx_rate::Entity::scoped(ctx.org_id)
            .filter(fx_rate::Column::Currency.eq(input.currency.code()))
            .filter(fx_rate::Column::BaseCurrency.eq(base.code()))
            .filter(fx_rate::Column::RateDate.eq(input.rate_date.get()))
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::internal("exchange rate vanished inside its transaction"))?;
        let event = FxRateRecorded {
            id: stored.id.into(),
            currency: stored.currency.clone(),
            base_currency: stored.base_currency.clone(),
            rate_date: stored.rate_date,
            rate: format_rate(stored.rate),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        fx_out(stored)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_fx_rates(
        &self,
        ctx: &OrgCtx,
        f: &FxRateFilter,
        req: PageRequest,
    ) -> Result<Page<FxRateOut>, AppError> {
        let mut q = fx_rate::Entity::scoped(ctx.org_id);
        if let Some(c) = f.currency {
            q = q.filter(fx_rate::Column::Currency.eq(c.code()));
        }
        let rows = req.apply(q, fx_rate::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(fx_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }
}
