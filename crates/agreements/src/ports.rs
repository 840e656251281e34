//! What agreements needs from other domains, implemented by the gateway.

use async_trait::async_trait;
use atrium_events::crm::{ClientCompanyId, ContactId, DealId};
use atrium_kernel::{AppError, OrganizationId};

/// A live contact: the survivor when the id asked for was merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRef {
    pub id: ContactId,
    pub client_company_id: Option<ClientCompanyId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealRef {
    pub id: DealId,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
}

/// CRM's golden record. Each lookup answers `None` for an id that is not in `org`,
/// so another organization's ids are indistinguishable from missing ones.
#[async_trait]
pub trait Crm: Send + Sync + 'static {
    /// The live company behind `id` (the survivor of a merge).
    async fn company(&self, org: OrganizationId, id: ClientCompanyId) -> Result<Option<ClientCompanyId>, AppError>;
    async fn contact(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactRef>, AppError>;
    async fn deal(&self, org: OrganizationId, id: DealId) -> Result<Option<DealRef>, AppError>;
}
