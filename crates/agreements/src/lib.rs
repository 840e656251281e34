//! Agreements: proposals (numbered per organization, priced server-side),
//! contracts (with signatures encrypted at rest) and engagements, the unit of
//! delivery other domains hang their work on. Depends on kernel, events and outbox
//! only; CRM is reached through [`ports::Crm`] and followed through its merge events.

pub mod crypto;
pub mod dto;
pub mod entity;
pub mod error;
mod http;
pub mod jobs;
pub mod ports;
pub mod service;
pub mod subscriber;

use std::sync::Arc;

use atrium_outbox::{Module, Platform};

pub use crypto::SignatureKey;
pub use error::AgreementsError;
pub use jobs::ProposalExpiryJob;
pub use ports::{ContactRef, Crm, DealRef};
pub use service::{AgreementsService, EngagementRef};
pub use subscriber::CrmMergeSubscriber;

/// The label the signature key is derived under. Changing it makes every stored
/// signature unreadable.
pub const SIGNATURE_KEY_LABEL: &str = "atrium signature key v1";

/// The agreements domain, ready to register: its routes, the CRM merge
/// subscriber, the hourly proposal expiry job and its OpenAPI tag.
pub fn module(platform: &Platform, crm: Arc<dyn Crm>) -> Module<AgreementsService> {
    let signatures = SignatureKey::new(platform.derive_key(SIGNATURE_KEY_LABEL));
    let svc = AgreementsService::new(platform.db.clone(), platform.clock.clone(), crm, signatures);
    Module::new(svc.clone(), http::router(svc.clone()))
        .subscriber(CrmMergeSubscriber::new(svc.clone()))
        .job(ProposalExpiryJob::new(svc))
        .tag("agreements", "Proposals, contracts (with signatures) and engagements")
}
