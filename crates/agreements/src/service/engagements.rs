use atrium_events::agreements::{
    EngagementCreated, EngagementDeleted, EngagementState, EngagementStatusChanged, EngagementUpdated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Date, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::{AgreementsService, changed_fields, stored, stored_money};
use crate::dto::{
    ClientCompanyId, ContractId, DealId, EngagementFilter, EngagementId, EngagementIn, EngagementOut, EngagementPatch,
    EngagementStatus, ProposalId, check_dates,
};
use crate::entity::{contract, engagement};
use crate::error::AgreementsError;

/// Where an engagement may go from `from`: planned → active → completed, with
/// on_hold in between and cancelled from anywhere open; completed and cancelled
/// are final.
fn moves_from(from: EngagementStatus) -> &'static [EngagementStatus] {
    use EngagementStatus::*;
    match from {
        Planned => &[Active, OnHold, Cancelled],
        Active => &[OnHold, Completed, Cancelled],
        OnHold => &[Active, Cancelled],
        Completed | Cancelled => &[],
    }
}

/// What an engagement names after a patch, checked against CRM and its contract.
struct EngagementLinks {
    company: Option<ClientCompanyId>,
    contract: Option<ContractId>,
    deal: Option<DealId>,
}

impl AgreementsService {
    /// Creates an engagement. Its client company comes from the contract, else the
    /// deal; an explicit `client_company_id` must name the same company (422).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_engagement(&self, ctx: &OrgCtx, input: EngagementIn) -> Result<EngagementOut, AppError> {
        let (start, end) = (input.start_date.map(Date::get), input.end_date.map(Date::get));
        check_dates(start, end)?;
        let (derived, deal) = self.derive_company(ctx, input.contract_id, input.deal_id).await?;
        let company = self.settle_company(ctx, input.client_company_id.map(Some), derived).await?;
        let txn = begin_write(&self.db).await?;
        if let Some(c) = input.contract_id {
            contract_in_org(&txn, ctx.org_id, c).await?;
        }
        let now = self.clock.now();
        let row = engagement::ActiveModel {
            id: Set(EngagementId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            contract_id: Set(input.contract_id.map(Into::into)),
            deal_id: Set(deal.map(Into::into)),
            client_company_id: Set(company.unwrap_or(derived).map(Into::into)),
            name: Set(input.name.into_inner()),
            billing_model: Set(input.billing_model.as_str().to_owned()),
            budget_amount_minor: Set(input.budget.map(|m| m.amount_minor)),
            budget_currency: Set(input.budget.map(|m| m.currency.code().to_owned())),
            start_date: Set(start),
            end_date: Set(end),
            status: Set(input.status.unwrap_or(EngagementStatus::Planned).as_str().to_owned()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = engagement::Entity::insert(row).exec_with_returning(&txn).await?;
        let state = self.engagement_view(&txn, ctx.org_id, row).await?;
        publish(&txn, ctx, now, &EngagementCreated { engagement: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
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
            q = q.filter(engagement::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(c) = f.contract_id {
            q = q.filter(engagement::Column::ContractId.eq(c.into_uuid()));
        }
        let rows = req.apply(q, engagement::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        // The wire form has no proposal id, so none is looked up.
        let items = page
            .items
            .into_iter()
            .map(|r| engagement_state(r, None).map(EngagementOut::from))
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn get_engagement(&self, ctx: &OrgCtx, id: EngagementId) -> Result<EngagementOut, AppError> {
        let row = engagement::Entity::find_in(&self.db, ctx.org_id, id).await?;
        Ok(engagement_state(row, None)?.into())
    }

    /// Changes an engagement; a status change must follow the lifecycle (409) and
    /// is also published as `agreements.engagement.status_changed`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn update_engagement(
        &self,
        ctx: &OrgCtx,
        id: EngagementId,
        patch: EngagementPatch,
        if_match: IfMatch,
    ) -> Result<EngagementOut, AppError> {
        let before = engagement::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let start = patch.start_date.clone().into_change().map_or(before.start_date, |d| d.map(Date::get));
        let end = patch.end_date.clone().into_change().map_or(before.end_date, |d| d.map(Date::get));
        check_dates(start, end)?;
        let links = self.plan_engagement_links(ctx, &before, &patch).await?;

        let txn = begin_write(&self.db).await?;
        let current = engagement::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.version != before.version {
            return Err(AgreementsError::ChangedMeanwhile("engagement").into());
        }
        if let Some(c) = links.contract.filter(|c| Some(c.into_uuid()) != current.contract_id) {
            contract_in_org(&txn, ctx.org_id, c).await?;
        }
        let from: EngagementStatus = stored(&current.status)?;
        let to = status_move(from, patch.status)?;
        let old = self.engagement_view(&txn, ctx.org_id, current.clone()).await?;
        let now = self.clock.now();
        let version = current.version;
        let mut row = current.into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.into_inner());
        }
        row.client_company_id = Set(links.company.map(Into::into));
        row.contract_id = Set(links.contract.map(Into::into));
        row.deal_id = Set(links.deal.map(Into::into));
        if let Some(v) = patch.billing_model {
            row.billing_model = Set(v.as_str().to_owned());
        }
        if let Some(v) = patch.budget.into_change() {
            row.budget_amount_minor = Set(v.map(|m| m.amount_minor));
            row.budget_currency = Set(v.map(|m| m.currency.code().to_owned()));
        }
        row.start_date = Set(start);
        row.end_date = Set(end);
        if let Some(to) = to {
            row.status = Set(to.as_str().to_owned());
        }
        row.updated_at = Set(now);
        let updated = engagement::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let new = self.engagement_view(&txn, ctx.org_id, updated).await?;
        let moved = to.map(|to| (from, to));
        publish_update(&txn, ctx, now, &old, &new, moved).await?;
        txn.commit().await?;
        Ok(new.into())
    }

    /// Deletes an engagement; what hangs off it goes with it by foreign key.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %id))]
    pub async fn delete_engagement(&self, ctx: &OrgCtx, id: EngagementId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = engagement::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let version = current.version;
        let state = self.engagement_view(&txn, ctx.org_id, current).await?;
        engagement::Entity::delete_in(&txn, ctx.org_id, id, IfMatch(Some(version))).await?;
        publish(&txn, ctx, self.clock.now(), &EngagementDeleted { engagement: state }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The company, contract and deal after the patch. Only what the patch touches
    /// is re-checked, so a later change to the contract's company does not block
    /// renaming the engagement.
    async fn plan_engagement_links(
        &self,
        ctx: &OrgCtx,
        before: &engagement::Model,
        patch: &EngagementPatch,
    ) -> Result<EngagementLinks, AppError> {
        let stored_company: Option<ClientCompanyId> = before.client_company_id.map(Into::into);
        let contract = patch.contract_id.clone().into_change().unwrap_or(before.contract_id.map(Into::into));
        let deal = patch.deal_id.clone().into_change().unwrap_or(before.deal_id.map(Into::into));
        let touched = !patch.contract_id.is_absent() || !patch.deal_id.is_absent();
        if !touched && patch.client_company_id.is_absent() {
            return Ok(EngagementLinks { company: stored_company, contract, deal: before.deal_id.map(Into::into) });
        }
        let (derived, deal) = self.derive_company(ctx, contract, deal).await?;
        let explicit = patch.client_company_id.clone().into_change();
        let company = match self.settle_company(ctx, explicit, derived).await? {
            Some(c) => c,
            None if touched && derived.is_some() => derived,
            None => stored_company,
        };
        Ok(EngagementLinks { company, contract, deal })
    }

    /// The company implied by a contract and/or a deal (they must agree), and the
    /// deal id resolved through CRM.
    async fn derive_company(
        &self,
        ctx: &OrgCtx,
        contract_id: Option<ContractId>,
        deal_id: Option<DealId>,
    ) -> Result<(Option<ClientCompanyId>, Option<DealId>), AppError> {
        let from_contract = match contract_id {
            Some(id) => contract_in_org(&self.db, ctx.org_id, id).await?.client_company_id.map(Into::into),
            None => None,
        };
        let (from_deal, deal) = match deal_id {
            Some(id) => {
                let d = self
                    .crm
                    .deal(ctx.org_id, id)
                    .await?
                    .ok_or_else(|| AppError::invalid("deal_id", "no such deal in this organization"))?;
                (self.company_of_deal(ctx, d.client_company_id).await?, Some(d.id))
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
        explicit: Option<Option<ClientCompanyId>>,
        derived: Option<ClientCompanyId>,
    ) -> Result<Option<Option<ClientCompanyId>>, AppError> {
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

    /// The event state: the row plus the proposal its contract was made from.
    async fn engagement_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        row: engagement::Model,
    ) -> Result<EngagementState, AppError> {
        let proposal_id = match row.contract_id {
            Some(c) => contract::Entity::scoped(org)
                .filter(contract::Column::Id.eq(c))
                .one(conn)
                .await?
                .and_then(|c| c.proposal_id)
                .map(ProposalId::from),
            None => None,
        };
        engagement_state(row, proposal_id)
    }
}

/// `updated` with what changed, and `status_changed` when the status moved.
async fn publish_update<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    now: DateTime<Utc>,
    old: &EngagementState,
    new: &EngagementState,
    moved: Option<(EngagementStatus, EngagementStatus)>,
) -> Result<(), AppError> {
    let changed = changed_fields(old, new);
    publish(conn, ctx, now, &EngagementUpdated { engagement: new.clone(), changed }).await?;
    if let Some((from, to)) = moved {
        let moved = EngagementStatusChanged { engagement_id: new.id, name: new.name.clone(), from, to };
        publish(conn, ctx, now, &moved).await?;
    }
    Ok(())
}

/// The status a patch moves to, if it moves: setting the current status again is
/// no move; anything the lifecycle does not allow from here is a 409.
fn status_move(from: EngagementStatus, wanted: Option<EngagementStatus>) -> Result<Option<EngagementStatus>, AppError> {
    match wanted.filter(|to| *to != from) {
        Some(to) if !moves_from(from).contains(&to) => {
            Err(AgreementsError::EngagementMove { from, to, allowed: moves_from(from) }.into())
        }
        other => Ok(other),
    }
}

/// The contract `id` of `org`; another organization's or a missing one is a 422
/// on `contract_id` (the engagement names it, it is not the resource asked for).
async fn contract_in_org<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: ContractId,
) -> Result<contract::Model, AppError> {
    match contract::Entity::find_in(conn, org, id).await {
        Err(AppError::NotFound(_)) => Err(AppError::invalid("contract_id", "no such contract in this organization")),
        other => other,
    }
}

fn engagement_state(r: engagement::Model, proposal_id: Option<ProposalId>) -> Result<EngagementState, AppError> {
    Ok(EngagementState {
        id: r.id.into(),
        name: r.name,
        client_company_id: r.client_company_id.map(Into::into),
        contract_id: r.contract_id.map(Into::into),
        deal_id: r.deal_id.map(Into::into),
        billing_model: stored(&r.billing_model)?,
        budget: stored_money(r.budget_amount_minor, r.budget_currency.as_deref())?,
        start_date: r.start_date,
        end_date: r.end_date,
        status: stored(&r.status)?,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        engagement_id: r.id.into(),
        proposal_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_statuses_go_nowhere() {
        assert!(moves_from(EngagementStatus::Completed).is_empty());
        assert_eq!(status_move(EngagementStatus::Active, Some(EngagementStatus::Active)).ok(), Some(None));
        assert!(status_move(EngagementStatus::Planned, Some(EngagementStatus::Completed)).is_err());
    }
}
