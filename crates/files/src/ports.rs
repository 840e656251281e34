//! What files needs from other domains, implemented by the gateway.

use async_trait::async_trait;
use atrium_kernel::{AppError, OrganizationId};
use uuid::Uuid;

use crate::dto::EngagementId;

/// Agreements' engagements: whether one exists in the organization. Another
/// organization's id answers `false`, so it cannot be probed through files.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError>;
}

/// What the client portal will implement for a client contact: the engagements
/// they take part in. Files then shows them only `client` files of those.
#[async_trait]
pub trait FileAccess: Send + Sync + 'static {
    async fn engagements_of_contact(&self, org: OrganizationId, contact: Uuid) -> Result<Vec<EngagementId>, AppError>;
}
