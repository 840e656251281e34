//! What agreements needs from other domains, implemented by the gateway.

use async_trait::async_trait;
use atrium_kernel::{AppError, OrganizationId};
use uuid::Uuid;

/// A live contact: the survivor when the id asked for was merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRef {
    pub id: Uuid,
    pub client_company_id: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealRef {
    pub id: Uuid,
    pub client_company_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
}

/// CRM's golden record. Each lookup answers `None` for an id that is not in `org`,
/// so another organization's ids are indistinguishable from missing ones.
#[async_trait]
pub trait Crm: Send + Sync + 'static {
    /// The live company behind `id` (the survivor of a merge).
    async fn company(&self, org: OrganizationId, id: Uuid) -> Result<Option<Uuid>, AppError>;
    async fn contact(&self, org: OrganizationId, id: Uuid) -> Result<Option<ContactRef>, AppError>;
    async fn deal(&self, org: OrganizationId, id: Uuid) -> Result<Option<DealRef>, AppError>;
}
