//! What revenue needs from other domains, implemented by the gateway.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::crm::ClientCompanyId;
use atrium_kernel::{AppError, OrgCtx, OrganizationId};

/// An engagement as revenue sees it: whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRef {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
}

/// Agreements' engagements. Another organization's id answers `None`, so it
/// cannot be probed through revenue.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError>;

    /// The client company of each engagement of `org` among `ids`; missing ids are
    /// absent. Reconciliation asks in batches: implementations should answer in
    /// one query (this default asks one engagement at a time).
    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        let mut found = HashMap::new();
        for id in ids {
            if let Some(e) = self.engagement(org, *id).await? {
                found.insert(e.id, e.client_company_id);
            }
        }
        Ok(found)
    }
}

/// Names printed on documents: the issuing organization (identity) and the
/// client company (CRM).
#[async_trait]
pub trait Parties: Send + Sync + 'static {
    async fn organization_name(&self, ctx: &OrgCtx) -> Result<String, AppError>;
    /// `None` when the company is gone.
    async fn company_name(&self, ctx: &OrgCtx, id: ClientCompanyId) -> Result<Option<String>, AppError>;
}
