//! Agreements: proposals (numbered per organization, priced server-side),
//! contracts (with signatures encrypted at rest) and engagements, the unit of
//! delivery other domains hang their work on. Depends on kernel, events and outbox
//! only; CRM is reached through [`ports::Crm`] and followed through its merge events.

pub mod dto;
pub mod entity;
pub mod error;
mod http;
pub mod jobs;
pub mod ports;
pub mod service;
pub mod subscriber;

use std::sync::Arc;

use atrium_kernel::vault::ProtectedColumn;
use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::AgreementsError;
pub use jobs::ProposalExpiryJob;
pub use ports::{ContactRef, Crm, DealRef};
pub use service::{AgreementsService, ClientScope, EngagementRef};
pub use service::{EngagementBudgetRef, EngagementSelection};
pub use subscriber::CrmMergeSubscriber;

/// The vault purpose of signature data (the label its key was derived under
/// before key ids). Changing it makes every stored signature unreadable.
pub const SIGNATURE_KEY_LABEL: &str = "atrium signature key v1";
/// Signature data, encrypted at rest by the kernel's vault, bound to the contract id.
pub const SIGNATURE_COLUMN: ProtectedColumn =
    ProtectedColumn::text("contracts", "signature_ciphertext", SIGNATURE_KEY_LABEL);

/// The agreements domain, ready to register: its routes, the CRM merge
/// subscriber, the hourly proposal expiry job and its OpenAPI tag.
pub fn module(platform: &Platform, crm: Arc<dyn Crm>) -> Module<AgreementsService> {
    let signatures = platform.protect(&SIGNATURE_COLUMN);
    let svc = AgreementsService::new(platform.db.clone(), platform.clock.clone(), crm, signatures);
    Module::new(svc.clone(), http::router(svc.clone()))
        .subscriber(CrmMergeSubscriber::new(svc.clone()))
        .job(ProposalExpiryJob::new(svc))
        .tag("agreements", "Proposals, contracts (with signatures) and engagements")
        .cached(CACHED)
}

/// What the query cache may serve. Proposals, contracts and engagements refer to
/// each other and to CRM records that merges repoint: any of them invalidates all.
const CACHED: &[CachedRoute] = &[
    CachedRoute::new("/api/v1/proposals", AGREEMENT),
    CachedRoute::new("/api/v1/proposals/{id}", AGREEMENT),
    CachedRoute::new("/api/v1/contracts", AGREEMENT),
    CachedRoute::new("/api/v1/contracts/{id}", AGREEMENT),
    CachedRoute::new("/api/v1/engagements", AGREEMENT),
    CachedRoute::new("/api/v1/engagements/{id}", AGREEMENT),
];
const AGREEMENT: &[&str] = &["proposal", "contract", "engagement", "deal", "contact", "client_company"];
