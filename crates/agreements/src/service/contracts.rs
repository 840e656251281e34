use atrium_events::agreements::{ContractCreated, ContractDeleted, ContractState, ContractUpdated, SignatureState};
use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_unique_violation;
use atrium_kernel::{
    AppError, Currency, Date, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder,
};
use atrium_outbox::publish;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use super::links::engagements_of;
use super::parties::Parties;
use super::{AgreementsService, changed_fields, stored, stored_currency, stored_money, wrong_status};
use crate::dto::{
    ContractFilter, ContractId, ContractIn, ContractOut, ContractPatch, ContractStatus, EngagementId, ProposalId,
    ProposalStatus, check_dates,
};
use crate::entity::{contract, proposal};
use crate::error::AgreementsError;

/// What a patch resolves to before the transaction: the checked money, dates and
/// parties of the contract after the change.
struct ContractPlan {
    currency: Currency,
    total: Option<Money>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    parties: Option<Parties>,
}

impl AgreementsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_contract(&self, ctx: &OrgCtx, input: ContractIn) -> Result<ContractOut, AppError> {
        check_total(input.total, input.currency)?;
        let (start, end) = (input.start_date.map(Date::get), input.end_date.map(Date::get));
        check_dates(start, end)?;
        let wanted = Parties { company: Some(input.client_company_id), contact: input.contact_id, deal: input.deal_id };
        let parties = self.resolve_parties(ctx, wanted).await?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let row = contract::ActiveModel {
            title: Set(input.title.into_inner()),
            currency: Set(input.currency.code().to_owned()),
            total_amount_minor: Set(input.total.map(|m| m.amount_minor)),
            start_date: Set(start),
            end_date: Set(end),
            terms: Set(input.terms.map(|t| t.into_inner())),
            ..new_contract(ctx.org_id, parties, now)
        };
        let row = contract::Entity::insert(row).exec_with_returning(&txn).await?;
        let state = contract_state(row, None)?;
        publish(&txn, ctx, now, &ContractCreated { contract: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    /// A draft contract from an accepted proposal: title, parties, currency and
    /// total are copied. One contract per proposal (409 with `existing_id`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %proposal_id))]
    pub async fn contract_from_proposal(&self, ctx: &OrgCtx, proposal_id: ProposalId) -> Result<ContractOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let p = proposal::Entity::find_in(&txn, ctx.org_id, proposal_id).await?;
        if p.status != ProposalStatus::Accepted.as_str() {
            return Err(wrong_status("proposal", &p.status, "a contract", &["accepted"]));
        }
        if let Some(existing_id) = contract_of(&txn, ctx.org_id, p.id).await? {
            return Err(AgreementsError::AlreadyContracted { existing_id }.into());
        }
        let now = self.clock.now();
        let parties = Parties::stored(p.client_company_id, p.contact_id, p.deal_id);
        let row = contract::ActiveModel {
            proposal_id: Set(Some(p.id)),
            title: Set(p.title.clone()),
            currency: Set(p.currency.clone()),
            total_amount_minor: Set(Some(p.total_minor)),
            ..new_contract(ctx.org_id, parties, now)
        };
        let row = match contract::Entity::insert(row).exec_with_returning(&txn).await {
            Ok(row) => row,
            Err(e) if is_unique_violation(&e) => {
                // A concurrent request made it first. The failed statement spoiled
                // this transaction, so the winner is read outside it.
                drop(txn);
                return Err(match contract_of(&self.db, ctx.org_id, p.id).await? {
                    Some(existing_id) => AgreementsError::AlreadyContracted { existing_id }.into(),
                    None => AgreementsError::ChangedMeanwhile("proposal").into(),
                });
            }
            Err(e) => return Err(e.into()),
        };
        let state = contract_state(row, None)?;
        publish(&txn, ctx, now, &ContractCreated { contract: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_contracts(
        &self,
        ctx: &OrgCtx,
        f: &ContractFilter,
        req: PageRequest,
    ) -> Result<Page<ContractOut>, AppError> {
        let mut q = contract::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(contract::Column::Status.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(contract::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        let rows = req.apply(q, contract::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let engagements = engagements_of(&self.db, ctx.org_id, &ids).await?;
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let e = engagements.get(&r.id).copied();
                contract_state(r, e).map(ContractOut::from)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn get_contract(&self, ctx: &OrgCtx, id: ContractId) -> Result<ContractOut, AppError> {
        let row = contract::Entity::find_in(&self.db, ctx.org_id, id).await?;
        Ok(self.contract_view(&self.db, ctx.org_id, row).await?.into())
    }

    /// Changes a draft contract; once sent its terms are fixed (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn update_contract(
        &self,
        ctx: &OrgCtx,
        id: ContractId,
        patch: ContractPatch,
        if_match: IfMatch,
    ) -> Result<ContractOut, AppError> {
        let before = contract::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let plan = self.plan_contract_patch(ctx, &before, &patch).await?;

        let txn = begin_write(&self.db).await?;
        let current = contract::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.status != ContractStatus::Draft.as_str() {
            return Err(wrong_status("contract", &current.status, "a change", &["draft"]));
        }
        if current.version != before.version {
            return Err(AgreementsError::ChangedMeanwhile("contract").into());
        }
        let old = self.contract_view(&txn, ctx.org_id, current.clone()).await?;
        let now = self.clock.now();
        let version = current.version;
        let mut row = current.into_active_model();
        if let Some(v) = patch.title {
            row.title = Set(v.into_inner());
        }
        if let Some(p) = plan.parties {
            row.client_company_id = Set(p.company.map(Into::into));
            row.contact_id = Set(p.contact.map(Into::into));
            row.deal_id = Set(p.deal.map(Into::into));
        }
        row.currency = Set(plan.currency.code().to_owned());
        row.total_amount_minor = Set(plan.total.map(|m| m.amount_minor));
        row.start_date = Set(plan.start);
        row.end_date = Set(plan.end);
        if let Some(v) = patch.terms.into_change() {
            row.terms = Set(v.map(|t| t.into_inner()));
        }
        row.updated_at = Set(now);
        let updated = contract::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let new = self.contract_view(&txn, ctx.org_id, updated).await?;
        let changed = changed_fields(&old, &new);
        publish(&txn, ctx, now, &ContractUpdated { contract: new.clone(), changed }).await?;
        txn.commit().await?;
        Ok(new.into())
    }

    /// Deletes a contract that was never signed; a signed one is a record to keep (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn delete_contract(&self, ctx: &OrgCtx, id: ContractId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = contract::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.signed_at.is_some() {
            return Err(AgreementsError::SignedContractKept { status: current.status }.into());
        }
        let version = current.version;
        let state = self.contract_view(&txn, ctx.org_id, current).await?;
        contract::Entity::delete_in(&txn, ctx.org_id, id, IfMatch(Some(version))).await?;
        publish(&txn, ctx, self.clock.now(), &ContractDeleted { contract: state }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The contract after the patch, checked: its total is in its currency, its
    /// dates are in order, and the parties the patch touches are valid.
    async fn plan_contract_patch(
        &self,
        ctx: &OrgCtx,
        before: &contract::Model,
        patch: &ContractPatch,
    ) -> Result<ContractPlan, AppError> {
        let currency = match patch.currency {
            Some(c) => c,
            None => stored_currency(&before.currency)?,
        };
        let total = match patch.total.clone().into_change() {
            Some(t) => t,
            None => stored_money(before.total_amount_minor, Some(&before.currency))?,
        };
        check_total(total, currency)?;
        let start = patch.start_date.clone().into_change().map_or(before.start_date, |d| d.map(Date::get));
        let end = patch.end_date.clone().into_change().map_or(before.end_date, |d| d.map(Date::get));
        check_dates(start, end)?;
        let touches_parties =
            patch.client_company_id.is_some() || !patch.contact_id.is_absent() || !patch.deal_id.is_absent();
        let parties = if touches_parties {
            let stored = Parties::stored(before.client_company_id, before.contact_id, before.deal_id);
            let wanted = Parties {
                company: patch.client_company_id.or(stored.company),
                contact: patch.contact_id.clone().into_change().unwrap_or(stored.contact),
                deal: patch.deal_id.clone().into_change().unwrap_or(stored.deal),
            };
            Some(self.resolve_parties(ctx, wanted).await?)
        } else {
            None
        };
        Ok(ContractPlan { currency, total, start, end, parties })
    }

    /// The event state of one row, with the engagement delivering it.
    pub(crate) async fn contract_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        row: contract::Model,
    ) -> Result<ContractState, AppError> {
        let engagement = engagements_of(conn, org, &[row.id]).await?.get(&row.id).copied();
        contract_state(row, engagement)
    }
}

/// The contract made from `proposal`, if any.
async fn contract_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    proposal: Uuid,
) -> Result<Option<ContractId>, AppError> {
    let found = contract::Entity::scoped(org).filter(contract::Column::ProposalId.eq(proposal)).one(conn).await?;
    Ok(found.map(|c| c.id.into()))
}

fn new_contract(org: OrganizationId, parties: Parties, now: DateTime<Utc>) -> contract::ActiveModel {
    contract::ActiveModel {
        id: Set(ContractId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        proposal_id: Set(None),
        client_company_id: Set(parties.company.map(Into::into)),
        contact_id: Set(parties.contact.map(Into::into)),
        deal_id: Set(parties.deal.map(Into::into)),
        total_amount_minor: Set(None),
        start_date: Set(None),
        end_date: Set(None),
        terms: Set(None),
        status: Set(ContractStatus::Draft.as_str().to_owned()),
        signer_name: Set(None),
        signer_email: Set(None),
        signer_ip: Set(None),
        signed_at: Set(None),
        signature_ciphertext: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

fn check_total(total: Option<Money>, currency: Currency) -> Result<(), AppError> {
    match total {
        Some(t) if t.currency != currency => {
            Err(AppError::invalid("total.currency", format!("must be {currency}, the contract's currency")))
        }
        _ => Ok(()),
    }
}

pub(crate) fn contract_state(r: contract::Model, engagement: Option<EngagementId>) -> Result<ContractState, AppError> {
    let currency = stored_currency(&r.currency)?;
    let signature = match (r.signer_name, r.signer_email, r.signed_at) {
        (Some(signer_name), Some(signer_email), Some(signed_at)) => {
            Some(SignatureState { signer_name, signer_email, signed_at, signer_ip: r.signer_ip })
        }
        _ => None,
    };
    Ok(ContractState {
        id: r.id.into(),
        proposal_id: r.proposal_id.map(Into::into),
        title: r.title,
        client_company_id: r.client_company_id.map(Into::into),
        contact_id: r.contact_id.map(Into::into),
        deal_id: r.deal_id.map(Into::into),
        currency,
        total: r.total_amount_minor.map(|a| Money::new(a, currency)),
        start_date: r.start_date,
        end_date: r.end_date,
        terms: r.terms,
        status: stored(&r.status)?,
        signature,
        engagement_id: engagement,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
