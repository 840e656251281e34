use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, SortOrder};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Actor, AgreementsService, changed_meanwhile, emit, stored_money};
use crate::dto::{
    BillingModel, EngagementFilter, EngagementId, EngagementIn, EngagementOut, EngagementPatch, EngagementStatus,
    check_dates,
};
use crate::entity::{contract, engagement};

impl AgreementsService {
    /// Creates an engagement. Its client company comes from the contract, else the
    /// deal; an explicit `client_company_id` must name the same company (422).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_engagement(&self, ctx: &OrgCtx, input: EngagementIn) -> Result<EngagementOut, AppError> {
        check_dates(input.start_date, input.end_date)?;
        let contract_id = input.contract_id.map(Into::into);
        let (derived, deal) = self.derive_company(ctx, contract_id, input.deal_id).await?;
        let company = self.settle_company(ctx, input.client_company_id.map(Some), derived).await?;
        let txn = begin_write(&self.db).await?;
        if let Some(c) = contract_id {
            self.contract_still_there(&txn, ctx.org_id, c).await?;
        }
        let now = self.clock.now();
        let row = engagement::ActiveModel {
            id: Set(EngagementId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            contract_id: Set(contract_id),
            deal_id: Set(deal),
            client_company_id: Set(company.unwrap_or(derived)),
            name: Set(input.name.trim().to_owned()),
            billing_model: Set(input.billing_model.as_str().to_owned()),
            budget_amount_minor: Set(input.budget.map(|m| m.amount_minor)),
            budget_currency: Set(input.budget.map(|m| m.currency.code().to_owned())),
            start_date: Set(input.start_date),
            end_date: Set(input.end_date),
            status: Set(input.status.unwrap_or(EngagementStatus::Planned).as_str().to_owned()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = engagement::Entity::insert(row).exec_with_returning(&txn).await?;
        let out = engagement_out(row)?;
        let data = self.engagement_event(&txn, ctx.org_id, &out).await?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.engagement.created", "engagement", out.id.into(), data).await?;
        txn.commit().await?;
        Ok(out)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_engagements(
        &self,
        ctx: &OrgCtx,
        f: &EngagementFilter,
        req: PageRequest,
    ) -> Result<Page<EngagementOut>, AppError> {
        let mut q = engagement::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(engagement::Column::Status.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(engagement::Column::ClientCompanyId.eq(c));
        }
        if let Some(c) = f.contract_id {
            q = q.filter(engagement::Column::ContractId.eq(c.into_uuid()));
        }
        let rows = req.apply(q, engagement::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(engagement_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn get_engagement(&self, ctx: &OrgCtx, id: EngagementId) -> Result<EngagementOut, AppError> {
        engagement_out(self.find_engagement(&self.db, ctx.org_id, id.into_uuid()).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn update_engagement(
        &self,
        ctx: &OrgCtx,
        id: EngagementId,
        patch: EngagementPatch,
        if_match: IfMatch,
    ) -> Result<EngagementOut, AppError> {
        let before = self.find_engagement(&self.db, ctx.org_id, id.into_uuid()).await?;
        let start = patch.start_date.clone().into_change().unwrap_or(before.start_date);
        let end = patch.end_date.clone().into_change().unwrap_or(before.end_date);
        check_dates(start, end)?;
        let contract_id = patch.contract_id.clone().into_change().map_or(before.contract_id, |c| c.map(Into::into));
        let deal_id = patch.deal_id.clone().into_change().unwrap_or(before.deal_id);
        let touched = !patch.contract_id.is_absent() || !patch.deal_id.is_absent();
        // Only what the patch touches is re-checked, so a later change to the
        // contract's company does not block renaming the engagement.
        let (company, deal) = if touched || !patch.client_company_id.is_absent() {
            let (derived, deal) = self.derive_company(ctx, contract_id, deal_id).await?;
            let explicit = patch.client_company_id.clone().into_change();
            let company = match self.settle_company(ctx, explicit, derived).await? {
                Some(c) => c,
                None if touched && derived.is_some() => derived,
                None => before.client_company_id,
            };
            (company, deal)
        } else {
            (before.client_company_id, before.deal_id)
        };

        let txn = begin_write(&self.db).await?;
        let current = self.find_engagement(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        if current.version != before.version {
            return Err(changed_meanwhile("engagement"));
        }
        if let Some(c) = contract_id.filter(|c| Some(*c) != current.contract_id) {
            self.contract_still_there(&txn, ctx.org_id, c).await?;
        }
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.trim().to_owned());
        }
        row.client_company_id = Set(company);
        row.contract_id = Set(contract_id);
        row.deal_id = Set(deal);
        if let Some(v) = patch.billing_model {
            row.billing_model = Set(v.as_str().to_owned());
        }
        if let Some(v) = patch.budget.into_change() {
            row.budget_amount_minor = Set(v.map(|m| m.amount_minor));
            row.budget_currency = Set(v.map(|m| m.currency.code().to_owned()));
        }
        row.start_date = Set(start);
        row.end_date = Set(end);
        let from = EngagementStatus::parse(&current.status)?;
        let status_change = patch.status.filter(|to| *to != from);
        if let Some(to) = status_change {
            if !from.next().contains(&to) {
                let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
                return Err(AppError::conflict(format!(
                    "engagement is `{}`; it can move to {} (not `{}`)",
                    from.as_str(),
                    if allowed.is_empty() { "nothing: the status is final".to_owned() } else { allowed.join(", ") },
                    to.as_str()
                )));
            }
            row.status = Set(to.as_str().to_owned());
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = engagement_out(row.update(&txn).await?)?;
        let data = self.engagement_event(&txn, ctx.org_id, &out).await?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.engagement.updated", "engagement", current.id, data).await?;
        if let Some(to) = status_change {
            let data = json!({"engagement_id": out.id, "name": out.name, "from": from.as_str(), "to": to.as_str()});
            let event = "agreements.engagement.status_changed";
            emit(&txn, Actor::Caller(ctx), now, event, "engagement", current.id, data).await?;
        }
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes an engagement; what hangs off it goes with it by foreign key.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn delete_engagement(&self, ctx: &OrgCtx, id: EngagementId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_engagement(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        let out = engagement_out(current.clone())?;
        let data = self.engagement_event(&txn, ctx.org_id, &out).await?;
        engagement::Entity::delete_by_id(current.id).exec(&txn).await?;
        let now = self.clock.now();
        emit(&txn, Actor::Caller(ctx), now, "agreements.engagement.deleted", "engagement", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The company implied by a contract and/or a deal (they must agree), and the
    /// deal id resolved through CRM.
    async fn derive_company(
        &self,
        ctx: &OrgCtx,
        contract_id: Option<Uuid>,
        deal_id: Option<Uuid>,
    ) -> Result<(Option<Uuid>, Option<Uuid>), AppError> {
        let from_contract = match contract_id {
            Some(id) => {
                let found = contract::Entity::scoped(ctx.org_id)
                    .filter(contract::Column::Id.eq(id))
                    .one(&self.db)
                    .await?
                    .ok_or_else(|| AppError::invalid("contract_id", "no such contract in this organization"))?;
                found.client_company_id
            }
            None => None,
        };
        let (from_deal, deal) = match deal_id {
            Some(id) => {
                let d = self
                    .crm
                    .deal(ctx.org_id, id)
                    .await?
                    .ok_or_else(|| AppError::invalid("deal_id", "no such deal in this organization"))?;
                let company = match d.client_company_id {
                    Some(c) => self.crm.company(ctx.org_id, c).await?,
                    None => None,
                };
                (company, Some(d.id))
            }
            None => (None, None),
        };
        if let (Some(a), Some(b)) = (from_contract, from_deal)
            && a != b
        {
            return Err(AppError::invalid("deal_id", "belongs to another client company than the contract"));
        }
        Ok((from_contract.or(from_deal), deal))
    }

    /// An explicit company (`Some(Some)`), an explicit null (`Some(None)`) or none
    /// given (`None`), checked against the derived one. `Ok(None)`: take the derived.
    async fn settle_company(
        &self,
        ctx: &OrgCtx,
        explicit: Option<Option<Uuid>>,
        derived: Option<Uuid>,
    ) -> Result<Option<Option<Uuid>>, AppError> {
        let mismatch =
            || AppError::invalid("client_company_id", "does not match the contract's or deal's client company");
        match explicit {
            None => Ok(None),
            Some(None) if derived.is_some() => Err(mismatch()),
            Some(None) => Ok(Some(None)),
            Some(Some(id)) => {
                let id = self.company_in_org(ctx, id, "client_company_id").await?;
                if derived.is_some_and(|d| d != id) { Err(mismatch()) } else { Ok(Some(Some(id))) }
            }
        }
    }

    async fn contract_still_there<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        id: Uuid,
    ) -> Result<(), AppError> {
        let found = contract::Entity::scoped(org).filter(contract::Column::Id.eq(id)).one(conn).await?;
        found.map(|_| ()).ok_or_else(|| AppError::invalid("contract_id", "no such contract in this organization"))
    }

    pub(crate) async fn find_engagement<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        id: Uuid,
    ) -> Result<engagement::Model, AppError> {
        engagement::Entity::scoped(org)
            .filter(engagement::Column::Id.eq(id))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("engagement"))
    }

    /// The Out DTO plus `engagement_id` (for the timeline) and the contract's proposal.
    async fn engagement_event<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        out: &EngagementOut,
    ) -> Result<Value, AppError> {
        let proposal_id = match out.contract_id {
            Some(c) => contract::Entity::scoped(org)
                .filter(contract::Column::Id.eq(c.into_uuid()))
                .one(conn)
                .await?
                .and_then(|c| c.proposal_id),
            None => None,
        };
        let mut data = json!(out);
        data["engagement_id"] = json!(out.id);
        data["proposal_id"] = json!(proposal_id);
        Ok(data)
    }
}

pub(crate) fn engagement_out(r: engagement::Model) -> Result<EngagementOut, AppError> {
    Ok(EngagementOut {
        id: r.id.into(),
        name: r.name,
        client_company_id: r.client_company_id,
        contract_id: r.contract_id.map(Into::into),
        deal_id: r.deal_id,
        billing_model: BillingModel::parse(&r.billing_model)?,
        budget: stored_money(r.budget_amount_minor, r.budget_currency.as_deref())?,
        start_date: r.start_date,
        end_date: r.end_date,
        status: EngagementStatus::parse(&r.status)?,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
