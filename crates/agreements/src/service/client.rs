//! What a client's contact sees and decides in the client portal (reached through
//! the portal's port in the gateway): the proposals and contracts sent to the
//! client of one engagement, accepting or declining a proposal, and signing a
//! contract through the same protected path staff use. A document is the
//! engagement's client's when it is addressed to the contact, made for the
//! engagement's deal, or is the engagement's contract (or the proposal it was
//! made from); drafts are never shown. Anything else is 404, as if missing.

use atrium_events::agreements::ClientParty;
use atrium_kernel::{
    AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Principal, Role, Scoped, SortOrder, UserId,
};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use super::AgreementsService;
use crate::dto::{
    ContractId, ContractOut, ContractStatus, EngagementId, ProposalId, ProposalOut, ProposalStatus, SignIn,
};
use crate::entity::{contract, engagement, proposal};

/// Whose portal is asking: one engagement of the organization, through one contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientScope {
    pub engagement_id: EngagementId,
    pub party: ClientParty,
}

/// The context the client's writes run under: the organization, no member (the
/// events name the contact through [`super::publish_by`]), reading as a viewer.
fn client_ctx(org: OrganizationId) -> OrgCtx {
    OrgCtx { org_id: org, principal: Principal::User(UserId::from(Uuid::nil())), role: Role::Viewer }
}

/// The engagement's deal, contract and the proposal that contract was made from.
struct Ties {
    deal: Option<Uuid>,
    contract: Option<Uuid>,
    proposal: Option<Uuid>,
}

impl AgreementsService {
    async fn ties(&self, org: OrganizationId, scope: &ClientScope) -> Result<Option<Ties>, AppError> {
        let found = engagement::Entity::scoped(org)
            .filter(engagement::Column::Id.eq(scope.engagement_id.into_uuid()))
            .one(&self.db)
            .await?;
        let Some(e) = found else { return Ok(None) };
        let proposal = match e.contract_id {
            Some(c) => contract::Entity::scoped(org)
                .filter(contract::Column::Id.eq(c))
                .one(&self.db)
                .await?
                .and_then(|c| c.proposal_id),
            None => None,
        };
        Ok(Some(Ties { deal: e.deal_id, contract: e.contract_id, proposal }))
    }

    fn proposal_condition(scope: &ClientScope, ties: &Ties) -> Condition {
        let mut any = Condition::any().add(proposal::Column::ContactId.eq(scope.party.contact_id.into_uuid()));
        if let Some(d) = ties.deal {
            any = any.add(proposal::Column::DealId.eq(d));
        }
        if let Some(p) = ties.proposal {
            any = any.add(proposal::Column::Id.eq(p));
        }
        Condition::all().add(proposal::Column::Status.ne(ProposalStatus::Draft.as_str())).add(any)
    }

    fn contract_condition(scope: &ClientScope, ties: &Ties) -> Condition {
        let mut any = Condition::any().add(contract::Column::ContactId.eq(scope.party.contact_id.into_uuid()));
        if let Some(d) = ties.deal {
            any = any.add(contract::Column::DealId.eq(d));
        }
        if let Some(c) = ties.contract {
            any = any.add(contract::Column::Id.eq(c));
        }
        Condition::all().add(contract::Column::Status.ne(ContractStatus::Draft.as_str())).add(any)
    }

    /// The proposals sent to the engagement's client, newest first, a page at a time.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn client_proposals(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: PageRequest,
    ) -> Result<Page<ProposalOut>, AppError> {
        let Some(ties) = self.ties(org, scope).await? else { return Ok(Page { items: Vec::new(), next_after: None }) };
        let q = proposal::Entity::scoped(org).filter(Self::proposal_condition(scope, &ties));
        let rows = req.apply(q, proposal::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let mut out = Vec::with_capacity(page.items.len());
        for r in page.items {
            out.push(self.proposal_view(&self.db, org, r).await?.into());
        }
        Ok(Page { items: out, next_after: page.next_after })
    }

    /// One of [`Self::client_proposals`], or 404.
    async fn client_proposal_row(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ProposalId,
    ) -> Result<proposal::Model, AppError> {
        let ties = self.ties(org, scope).await?.ok_or(AppError::NotFound("proposal"))?;
        proposal::Entity::scoped(org)
            .filter(proposal::Column::Id.eq(id.into_uuid()))
            .filter(Self::proposal_condition(scope, &ties))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("proposal"))
    }

    pub async fn client_proposal(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ProposalId,
    ) -> Result<ProposalOut, AppError> {
        let row = self.client_proposal_row(org, scope, id).await?;
        Ok(self.proposal_view(&self.db, org, row).await?.into())
    }

    /// The client accepts (`accept`) or declines a sent proposal; the event's
    /// actor is the contact. Not sent (any more) is a 409 naming the status.
    #[tracing::instrument(skip_all, fields(org_id = %org, proposal_id = %id, accept))]
    pub async fn client_decide_proposal(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ProposalId,
        accept: bool,
    ) -> Result<ProposalOut, AppError> {
        self.client_proposal_row(org, scope, id).await?;
        let (action, to) =
            if accept { ("accepting", ProposalStatus::Accepted) } else { ("declining", ProposalStatus::Declined) };
        let party = Some(scope.party.clone());
        self.move_proposal(&client_ctx(org), id, IfMatch(None), action, ProposalStatus::Sent, to, party).await
    }

    /// The contracts sent to the engagement's client, newest first, a page at a time.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn client_contracts(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: PageRequest,
    ) -> Result<Page<ContractOut>, AppError> {
        let Some(ties) = self.ties(org, scope).await? else { return Ok(Page { items: Vec::new(), next_after: None }) };
        let q = contract::Entity::scoped(org).filter(Self::contract_condition(scope, &ties));
        let rows = req.apply(q, contract::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let mut out = Vec::with_capacity(page.items.len());
        for r in page.items {
            out.push(self.contract_view(&self.db, org, r).await?.into());
        }
        Ok(Page { items: out, next_after: page.next_after })
    }

    async fn client_contract_row(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ContractId,
    ) -> Result<contract::Model, AppError> {
        let ties = self.ties(org, scope).await?.ok_or(AppError::NotFound("contract"))?;
        contract::Entity::scoped(org)
            .filter(contract::Column::Id.eq(id.into_uuid()))
            .filter(Self::contract_condition(scope, &ties))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("contract"))
    }

    pub async fn client_contract(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ContractId,
    ) -> Result<ContractOut, AppError> {
        let row = self.client_contract_row(org, scope, id).await?;
        Ok(self.contract_view(&self.db, org, row).await?.into())
    }

    /// The client signs a sent contract: the same path as staff's signing (the
    /// signature data sealed by the vault, the signer's address and the server's
    /// clock recorded), with the contact as the event's actor.
    #[tracing::instrument(skip_all, fields(org_id = %org, contract_id = %id))]
    pub async fn client_sign_contract(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: ContractId,
        input: SignIn,
        signer_ip: Option<String>,
    ) -> Result<ContractOut, AppError> {
        self.client_contract_row(org, scope, id).await?;
        let party = Some(scope.party.clone());
        self.sign_contract_by(&client_ctx(org), id, input, signer_ip, IfMatch(None), party).await
    }
}
