//! What CRM needs from other domains, implemented by the gateway.

use async_trait::async_trait;
use atrium_kernel::{AppError, OrganizationId, UserId};

/// Membership of users in organizations (identity's knowledge).
#[async_trait]
pub trait Members: Send + Sync + 'static {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError>;
}
