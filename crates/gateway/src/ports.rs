//! The gateway implements each domain's port traits with the other domains' services.

use async_trait::async_trait;
use atrium_identity::IdentityService;
use atrium_kernel::{AppError, OrganizationId, UserId};

/// CRM asks identity whether an owner is a member.
pub struct Members(pub IdentityService);

#[async_trait]
impl atrium_crm::Members for Members {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        self.0.is_member(org, user).await
    }
}
