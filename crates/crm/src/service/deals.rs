use atrium_events::crm::{DealCreated, DealDeleted, DealStageChanged, DealUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::state::{deal_out, deal_state};
use super::{CrmService, changed, require_company, require_contact};
use crate::dto::{DealFilter, DealId, DealIn, DealOut, DealPatch, DealStage, Probability};
use crate::entity::deal;

impl CrmService {
    /// Creates a deal. Company, contact and owner must belong to the organization.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_deal(&self, ctx: &OrgCtx, input: DealIn) -> Result<DealOut, AppError> {
        if let Some(owner) = input.owner_id {
            self.require_member(ctx, owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        if let Some(c) = input.client_company_id {
            require_company(&txn, ctx.org_id, c, "client_company_id").await?;
        }
        if let Some(c) = input.contact_id {
            require_contact(&txn, ctx.org_id, c, "contact_id").await?;
        }
        let now = self.clock.now();
        let row = deal::ActiveModel {
            id: Set(DealId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.into_inner()),
            stage: Set(input.stage.unwrap_or(DealStage::Lead).as_str().to_owned()),
            value_amount_minor: Set(input.value.map(|m| m.amount_minor)),
            value_currency: Set(input.value.map(|m| m.currency.code().to_owned())),
            probability: Set(input.probability.map(Probability::get)),
            expected_close_date: Set(input.expected_close_date.map(Into::into)),
            client_company_id: Set(input.client_company_id.map(Into::into)),
            contact_id: Set(input.contact_id.map(Into::into)),
            owner_id: Set(input.owner_id.map(Into::into)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let inserted = deal::Entity::insert(row).exec_with_returning(&txn).await?;
        let event = DealCreated { deal: deal_state(&inserted)? };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(deal_out(event.deal))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_deals(&self, ctx: &OrgCtx, f: &DealFilter, req: PageRequest) -> Result<Page<DealOut>, AppError> {
        let mut q = deal::Entity::scoped(ctx.org_id);
        if let Some(s) = f.stage {
            q = q.filter(deal::Column::Stage.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(deal::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(o) = f.owner_id {
            q = q.filter(deal::Column::OwnerId.eq(o.into_uuid()));
        }
        let rows = req.apply(q, deal::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.iter().map(|r| deal_state(r).map(deal_out)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, deal_id = %id))]
    pub async fn get_deal(&self, ctx: &OrgCtx, id: DealId) -> Result<DealOut, AppError> {
        deal_state(&deal::Entity::find_in(&self.db, ctx.org_id, id).await?).map(deal_out)
    }

    /// Updates a deal; a stage change is also published as `crm.deal.stage_changed`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, deal_id = %id))]
    pub async fn update_deal(
        &self,
        ctx: &OrgCtx,
        id: DealId,
        patch: DealPatch,
        if_match: IfMatch,
    ) -> Result<DealOut, AppError> {
        if let Some(owner) = patch.owner_id.as_value() {
            self.require_member(ctx, *owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let current = deal::Entity::find_in(&txn, ctx.org_id, id).await?;
        if let Some(c) = patch.client_company_id.as_value() {
            require_company(&txn, ctx.org_id, *c, "client_company_id").await?;
        }
        if let Some(c) = patch.contact_id.as_value() {
            require_contact(&txn, ctx.org_id, *c, "contact_id").await?;
        }
        let now = self.clock.now();
        let before = deal_state(&current)?;
        let updated =
            deal::Entity::update_in(&txn, ctx.org_id, id, deal_changes(&current, patch, now), if_match).await?;
        let after = deal_state(&updated)?;
        let stage_change = (before.stage != after.stage).then(|| DealStageChanged {
            id,
            name: after.name.clone(),
            from: before.stage,
            to: after.stage,
        });
        let event = DealUpdated { changed: changed(&before, &after), deal: after };
        publish(&txn, ctx, now, &event).await?;
        if let Some(stage_change) = stage_change {
            publish(&txn, ctx, now, &stage_change).await?;
        }
        txn.commit().await?;
        Ok(deal_out(event.deal))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, deal_id = %id))]
    pub async fn delete_deal(&self, ctx: &OrgCtx, id: DealId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = deal::Entity::find_in(&txn, ctx.org_id, id).await?;
        deal::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &DealDeleted { id, name: current.name }).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The `Set` columns a patch changes; money moves as both of its columns.
fn deal_changes(current: &deal::Model, patch: DealPatch, now: DateTime<Utc>) -> deal::ActiveModel {
    let mut row = current.clone().into_active_model();
    if let Some(v) = patch.name {
        row.name = Set(v.into_inner());
    }
    if let Some(s) = patch.stage {
        row.stage = Set(s.as_str().to_owned());
    }
    if let Some(v) = patch.value.into_change() {
        row.value_amount_minor = Set(v.map(|m: Money| m.amount_minor));
        row.value_currency = Set(v.map(|m| m.currency.code().to_owned()));
    }
    if let Some(v) = patch.probability.into_change() {
        row.probability = Set(v.map(Probability::get));
    }
    if let Some(v) = patch.expected_close_date.into_change() {
        row.expected_close_date = Set(v.map(Into::into));
    }
    if let Some(v) = patch.client_company_id.into_change() {
        row.client_company_id = Set(v.map(Into::into));
    }
    if let Some(v) = patch.contact_id.into_change() {
        row.contact_id = Set(v.map(Into::into));
    }
    if let Some(v) = patch.owner_id.into_change() {
        row.owner_id = Set(v.map(Into::into));
    }
    row.updated_at = Set(now);
    row
}
