//! What projects needs from other domains, implemented by the gateway.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_kernel::{AppError, Currency, OrganizationId, UserId};

use crate::dto::{ClientCompanyId, EngagementId};

/// An engagement as projects sees it: it exists in the organization, and whose it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementRef {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The engagement's currency (its budget's), which its rate overrides use.
    pub currency: Option<Currency>,
}

/// Agreements' engagements. Lookups answer as if another organization's ids did not
/// exist, so they cannot be probed through projects.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError>;

    /// The client company of each engagement of `org` among `ids`; missing ids are absent.
    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError>;
}

/// Membership of users in organizations (identity's knowledge).
#[async_trait]
pub trait Members: Send + Sync + 'static {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError>;
}
