use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, Page, PageRequest, SortOrder};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::json;

use super::{CrmService, emit};
use crate::dto::{DealFilter, DealId, DealIn, DealOut, DealPatch, DealStage};
use crate::entity::deal;

impl CrmService {
    pub async fn create_deal(&self, ctx: &OrgCtx, input: DealIn) -> Result<DealOut, AppError> {
        if let Some(owner) = input.owner_id {
            self.require_member(ctx, owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        if let Some(c) = input.client_company_id {
            self.require_company(&txn, ctx, c.into_uuid(), "client_company_id").await?;
        }
        if let Some(c) = input.contact_id {
            self.require_contact(&txn, ctx, c.into_uuid(), "contact_id").await?;
        }
        let now = self.clock.now();
        let row = deal::ActiveModel {
            id: Set(DealId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.trim().to_owned()),
            stage: Set(input.stage.unwrap_or(DealStage::Lead).as_str().to_owned()),
            value_amount_minor: Set(input.value.map(|m| m.amount_minor)),
            value_currency: Set(input.value.map(|m| m.currency.code().to_owned())),
            probability: Set(input.probability),
            expected_close_date: Set(input.expected_close_date),
            client_company_id: Set(input.client_company_id.map(Into::into)),
            contact_id: Set(input.contact_id.map(Into::into)),
            owner_id: Set(input.owner_id.map(Into::into)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let out = deal_out(deal::Entity::insert(row).exec_with_returning(&txn).await?)?;
        emit(&txn, ctx, now, "crm.deal.created", "deal", out.id.into_uuid(), json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

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
        let items = page.items.into_iter().map(deal_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn get_deal(&self, ctx: &OrgCtx, id: DealId) -> Result<DealOut, AppError> {
        deal_out(self.find_deal(&self.db, ctx, id).await?)
    }

    /// Updates a deal; a stage change is also recorded as `crm.deal.stage_changed` with from/to.
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
        if let Some(p) = patch.probability.as_value()
            && !(0..=100).contains(p)
        {
            return Err(AppError::invalid("probability", "must be between 0 and 100"));
        }
        let txn = begin_write(&self.db).await?;
        let current = self.find_deal(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        if let Some(c) = patch.client_company_id.as_value() {
            self.require_company(&txn, ctx, c.into_uuid(), "client_company_id").await?;
        }
        if let Some(c) = patch.contact_id.as_value() {
            self.require_contact(&txn, ctx, c.into_uuid(), "contact_id").await?;
        }
        let now = self.clock.now();
        let old_stage = current.stage.clone();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.trim().to_owned());
        }
        if let Some(s) = patch.stage {
            row.stage = Set(s.as_str().to_owned());
        }
        if let Some(v) = patch.value.into_change() {
            row.value_amount_minor = Set(v.map(|m: Money| m.amount_minor));
            row.value_currency = Set(v.map(|m| m.currency.code().to_owned()));
        }
        if let Some(v) = patch.probability.into_change() {
            row.probability = Set(v);
        }
        if let Some(v) = patch.expected_close_date.into_change() {
            row.expected_close_date = Set(v);
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
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = deal_out(row.update(&txn).await?)?;
        emit(&txn, ctx, now, "crm.deal.updated", "deal", current.id, json!(out)).await?;
        if out.stage.as_str() != old_stage {
            let data = json!({"name": out.name, "from": old_stage, "to": out.stage});
            emit(&txn, ctx, now, "crm.deal.stage_changed", "deal", current.id, data).await?;
        }
        txn.commit().await?;
        Ok(out)
    }

    pub async fn delete_deal(&self, ctx: &OrgCtx, id: DealId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_deal(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        deal::Entity::delete_by_id(current.id).exec(&txn).await?;
        emit(&txn, ctx, self.clock.now(), "crm.deal.deleted", "deal", current.id, json!({"name": current.name}))
            .await?;
        txn.commit().await?;
        Ok(())
    }

    async fn find_deal<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: DealId,
    ) -> Result<deal::Model, AppError> {
        deal::Entity::scoped(ctx.org_id)
            .filter(deal::Column::Id.eq(id.into_uuid()))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("deal"))
    }
}

pub(crate) fn deal_out(r: deal::Model) -> Result<DealOut, AppError> {
    let stage = match r.stage.as_str() {
        "qualified" => DealStage::Qualified,
        "proposal" => DealStage::Proposal,
        "negotiation" => DealStage::Negotiation,
        "won" => DealStage::Won,
        "lost" => DealStage::Lost,
        _ => DealStage::Lead,
    };
    let value = match (r.value_amount_minor, r.value_currency.as_deref()) {
        (Some(amount), Some(code)) => {
            let currency = code.parse().map_err(|e| AppError::internal(format!("stored currency: {e}")))?;
            Some(Money::new(amount, currency))
        }
        _ => None,
    };
    Ok(DealOut {
        id: r.id.into(),
        name: r.name,
        stage,
        value,
        probability: r.probability,
        expected_close_date: r.expected_close_date,
        client_company_id: r.client_company_id.map(Into::into),
        contact_id: r.contact_id.map(Into::into),
        owner_id: r.owner_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
