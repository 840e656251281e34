use atrium_kernel::db::begin_write;
use atrium_kernel::{
    AppError, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, SortOrder, error::is_unique_violation,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use super::links::engagements_of;
use super::parties::Parties;
use super::{Actor, AgreementsService, changed_meanwhile, emit, stored_currency, stored_money, wrong_status};
use crate::dto::{
    ContractFilter, ContractId, ContractIn, ContractOut, ContractPatch, ContractStatus, ProposalId, ProposalStatus,
    SignatureOut, check_dates,
};
use crate::entity::contract;

impl AgreementsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_contract(&self, ctx: &OrgCtx, input: ContractIn) -> Result<ContractOut, AppError> {
        check_total(input.total, input.currency)?;
        check_dates(input.start_date, input.end_date)?;
        let wanted = Parties { company: Some(input.client_company_id), contact: input.contact_id, deal: input.deal_id };
        let parties = self.resolve_parties(ctx, wanted).await?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let row = contract::ActiveModel {
            title: Set(input.title.trim().to_owned()),
            currency: Set(input.currency.code().to_owned()),
            total_amount_minor: Set(input.total.map(|m| m.amount_minor)),
            start_date: Set(input.start_date),
            end_date: Set(input.end_date),
            terms: Set(input.terms),
            ..new_contract(ctx.org_id, parties, now)
        };
        let row = contract::Entity::insert(row).exec_with_returning(&txn).await?;
        let out = contract_out(row, None)?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.contract.created", "contract", out.id.into(), json!(out))
            .await?;
        txn.commit().await?;
        Ok(out)
    }

    /// A draft contract from an accepted proposal: title, parties, currency and
    /// total are copied. One contract per proposal (409 with `existing_id`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %proposal_id))]
    pub async fn contract_from_proposal(&self, ctx: &OrgCtx, proposal_id: ProposalId) -> Result<ContractOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let p = self.find_proposal(&txn, ctx.org_id, proposal_id.into_uuid()).await?;
        if p.status != ProposalStatus::Accepted.as_str() {
            return Err(wrong_status("proposal", &p.status, "a contract", &["accepted"]));
        }
        let existing =
            contract::Entity::scoped(ctx.org_id).filter(contract::Column::ProposalId.eq(p.id)).one(&txn).await?;
        if let Some(c) = existing {
            return Err(already_contracted(c.id));
        }
        let now = self.clock.now();
        let parties = Parties { company: p.client_company_id, contact: p.contact_id, deal: p.deal_id };
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
                return Err(AppError::conflict("this proposal already has a contract"));
            }
            Err(e) => return Err(e.into()),
        };
        let out = contract_out(row, None)?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.contract.created", "contract", out.id.into(), json!(out))
            .await?;
        txn.commit().await?;
        Ok(out)
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
            q = q.filter(contract::Column::ClientCompanyId.eq(c));
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
                contract_out(r, e)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn get_contract(&self, ctx: &OrgCtx, id: ContractId) -> Result<ContractOut, AppError> {
        let row = self.find_contract(&self.db, ctx.org_id, id.into_uuid()).await?;
        self.contract_view(&self.db, ctx.org_id, row).await
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
        let before = self.find_contract(&self.db, ctx.org_id, id.into_uuid()).await?;
        let currency = match patch.currency {
            Some(c) => c,
            None => stored_currency(&before.currency)?,
        };
        let total = match patch.total.clone().into_change() {
            Some(t) => t,
            None => stored_money(before.total_amount_minor, Some(&before.currency))?,
        };
        check_total(total, currency)?;
        let start = patch.start_date.clone().into_change().unwrap_or(before.start_date);
        let end = patch.end_date.clone().into_change().unwrap_or(before.end_date);
        check_dates(start, end)?;
        if patch.terms.as_value().is_some_and(|t| t.chars().count() > 100_000) {
            return Err(AppError::invalid("terms", "length must be at most 100000"));
        }
        let touches_parties =
            patch.client_company_id.is_some() || !patch.contact_id.is_absent() || !patch.deal_id.is_absent();
        let parties = if touches_parties {
            let wanted = Parties {
                company: patch.client_company_id.or(before.client_company_id),
                contact: patch.contact_id.clone().into_change().unwrap_or(before.contact_id),
                deal: patch.deal_id.clone().into_change().unwrap_or(before.deal_id),
            };
            Some(self.resolve_parties(ctx, wanted).await?)
        } else {
            None
        };

        let txn = begin_write(&self.db).await?;
        let current = self.find_contract(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        if current.status != ContractStatus::Draft.as_str() {
            return Err(wrong_status("contract", &current.status, "a change", &["draft"]));
        }
        if current.version != before.version {
            return Err(changed_meanwhile("contract"));
        }
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.title {
            row.title = Set(v.trim().to_owned());
        }
        if let Some(p) = parties {
            row.client_company_id = Set(p.company);
            row.contact_id = Set(p.contact);
            row.deal_id = Set(p.deal);
        }
        row.currency = Set(currency.code().to_owned());
        row.total_amount_minor = Set(total.map(|m| m.amount_minor));
        row.start_date = Set(start);
        row.end_date = Set(end);
        if let Some(v) = patch.terms.into_change() {
            row.terms = Set(v);
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let updated = row.update(&txn).await?;
        let out = self.contract_view(&txn, ctx.org_id, updated).await?;
        emit(&txn, Actor::Caller(ctx), now, "agreements.contract.updated", "contract", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a contract that was never signed; a signed one is a record to keep (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn delete_contract(&self, ctx: &OrgCtx, id: ContractId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_contract(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        if current.signed_at.is_some() {
            return Err(AppError::conflict(format!(
                "contract is `{}` and was signed; a signed contract is kept (terminate it instead)",
                current.status
            )));
        }
        let out = self.contract_view(&txn, ctx.org_id, current.clone()).await?;
        contract::Entity::delete_by_id(current.id).exec(&txn).await?;
        let now = self.clock.now();
        emit(&txn, Actor::Caller(ctx), now, "agreements.contract.deleted", "contract", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(())
    }

    pub(crate) async fn find_contract<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        id: Uuid,
    ) -> Result<contract::Model, AppError> {
        contract::Entity::scoped(org)
            .filter(contract::Column::Id.eq(id))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("contract"))
    }

    pub(crate) async fn contract_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        row: contract::Model,
    ) -> Result<ContractOut, AppError> {
        let engagement = engagements_of(conn, org, &[row.id]).await?.get(&row.id).copied();
        contract_out(row, engagement)
    }
}

fn new_contract(org: OrganizationId, parties: Parties, now: chrono::DateTime<chrono::Utc>) -> contract::ActiveModel {
    contract::ActiveModel {
        id: Set(ContractId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        proposal_id: Set(None),
        client_company_id: Set(parties.company),
        contact_id: Set(parties.contact),
        deal_id: Set(parties.deal),
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

fn check_total(total: Option<Money>, currency: atrium_kernel::Currency) -> Result<(), AppError> {
    match total {
        Some(t) if t.currency != currency => {
            Err(AppError::invalid("total.currency", format!("must be {currency}, the contract's currency")))
        }
        _ => Ok(()),
    }
}

fn already_contracted(existing: Uuid) -> AppError {
    AppError::Conflict {
        detail: "this proposal already has a contract".into(),
        existing_id: Some(existing.to_string()),
    }
}

pub(crate) fn contract_out(r: contract::Model, engagement: Option<Uuid>) -> Result<ContractOut, AppError> {
    let currency = stored_currency(&r.currency)?;
    let signature = match (r.signer_name, r.signer_email, r.signed_at) {
        (Some(signer_name), Some(signer_email), Some(signed_at)) => {
            Some(SignatureOut { signer_name, signer_email, signed_at, signer_ip: r.signer_ip })
        }
        _ => None,
    };
    Ok(ContractOut {
        id: r.id.into(),
        proposal_id: r.proposal_id.map(Into::into),
        title: r.title,
        client_company_id: r.client_company_id,
        contact_id: r.contact_id,
        deal_id: r.deal_id,
        currency,
        total: r.total_amount_minor.map(|a| Money::new(a, currency)),
        start_date: r.start_date,
        end_date: r.end_date,
        terms: r.terms,
        status: ContractStatus::parse(&r.status)?,
        signature,
        engagement_id: engagement.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
