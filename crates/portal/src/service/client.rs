//! What a signed-in contact sees and does beyond invoices: proposals (accept or
//! decline), contracts (sign), the engagement's client files and shared threads
//! (reply). Every call is scoped by the session's organization and engagement
//! and checked against the grant's permissions; the other domains are reached
//! through [`crate::ports`], and their events name the contact as the actor.

use atrium_kernel::{AppError, Page, PageRequest};

use super::PortalService;
use super::invoices::require;
use super::sessions::PortalCtx;
use crate::dto::{
    Permission, PortalContractOut, PortalFileOut, PortalMessageOut, PortalProposalOut, PortalSignIn, PortalThreadOut,
};
use crate::ports::ClientScope;

impl PortalCtx {
    fn scope(&self) -> ClientScope {
        ClientScope {
            engagement_id: self.engagement_id,
            contact_id: self.contact_id,
            contact_name: self.contact_name.clone(),
        }
    }
}

/// Seeing a kind of document needs `view` or the permission that acts on it.
fn require_any(ctx: &PortalCtx, acting: Permission) -> Result<(), AppError> {
    if ctx.may(Permission::View) { Ok(()) } else { require(ctx, acting) }
}

impl PortalService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn proposals(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalProposalOut>, AppError> {
        require_any(ctx, Permission::ApproveProposals)?;
        self.agreements.proposals(ctx.org_id, &ctx.scope(), req).await
    }

    /// Accept or decline a sent proposal (permission `approve_proposals`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id, accept))]
    pub async fn decide_proposal(
        &self,
        ctx: &PortalCtx,
        id: uuid::Uuid,
        accept: bool,
    ) -> Result<PortalProposalOut, AppError> {
        require(ctx, Permission::ApproveProposals)?;
        self.agreements.decide(ctx.org_id, &ctx.scope(), id, accept).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn contracts(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalContractOut>, AppError> {
        require_any(ctx, Permission::SignContracts)?;
        self.agreements.contracts(ctx.org_id, &ctx.scope(), req).await
    }

    /// Sign a sent contract (permission `sign_contracts`) from the client's address.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contract_id = %id))]
    pub async fn sign_contract(
        &self,
        ctx: &PortalCtx,
        id: uuid::Uuid,
        input: PortalSignIn,
        ip: Option<String>,
    ) -> Result<PortalContractOut, AppError> {
        require(ctx, Permission::SignContracts)?;
        self.agreements.sign(ctx.org_id, &ctx.scope(), id, input, ip).await
    }

    /// The engagement's `client` files (permission `view`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn files(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalFileOut>, AppError> {
        require(ctx, Permission::View)?;
        self.files.files(ctx.org_id, ctx.engagement_id, req).await
    }

    /// A presigned URL of one of them; any other id is 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn file_url(&self, ctx: &PortalCtx, id: uuid::Uuid) -> Result<String, AppError> {
        require(ctx, Permission::View)?;
        self.files.download_url(ctx.org_id, ctx.engagement_id, id).await
    }

    /// The engagement's threads shared with the client (`view` or `reply_threads`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn threads(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalThreadOut>, AppError> {
        require_any(ctx, Permission::ReplyThreads)?;
        self.threads.threads(ctx.org_id, ctx.engagement_id, req).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn thread_messages(
        &self,
        ctx: &PortalCtx,
        id: uuid::Uuid,
        req: PageRequest,
    ) -> Result<Page<PortalMessageOut>, AppError> {
        require_any(ctx, Permission::ReplyThreads)?;
        self.threads.messages(ctx.org_id, ctx.engagement_id, id, req).await
    }

    /// The contact's reply to a shared thread (permission `reply_threads`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
    pub async fn reply(&self, ctx: &PortalCtx, id: uuid::Uuid, body: String) -> Result<PortalMessageOut, AppError> {
        require(ctx, Permission::ReplyThreads)?;
        self.threads.reply(ctx.org_id, &ctx.scope(), id, body).await
    }
}
