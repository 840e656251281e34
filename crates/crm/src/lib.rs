//! CRM, the golden record: client companies, contacts and deals, with dedup and
//! merge. Only this crate writes these tables; other domains keep copies of the
//! ids and learn of changes from `crm.*` events (`atrium_events::crm`).

pub mod appointments;
pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod ports;
pub mod service;

use std::sync::Arc;

use atrium_outbox::{CachedRoute, Module, Platform};

pub use appointments::BookingOutcome;
pub use error::CrmError;
pub use http::router;
pub use ports::Members;
pub use service::{ContactRef, CrmService, DealRef};

/// The CRM domain: its service (for other domains' ports), routes and its
/// OpenAPI tag. Bookings become contacts through a workflow rule (the
/// organization's default one) calling [`CrmService::contact_from_booking`].
pub fn module(platform: &Platform, members: Arc<dyn Members>) -> Module<CrmService> {
    let svc = CrmService::new(platform.db.clone(), platform.clock.clone(), members);
    Module::new(svc.clone(), http::router(svc))
        .tag("crm", "The golden record: client companies, contacts, deals; dedup and merge")
        .cached(CACHED)
}

/// What the query cache may serve. Answers carry only ids of other records, but
/// merges repoint those ids and member removals clear owners, hence the
/// neighbours in each list.
const CACHED: &[CachedRoute] = &[
    CachedRoute::new("/api/v1/contacts", CONTACT),
    CachedRoute::new("/api/v1/contacts/{id}", CONTACT),
    CachedRoute::new("/api/v1/client-companies", COMPANY),
    CachedRoute::new("/api/v1/client-companies/{id}", COMPANY),
    CachedRoute::new("/api/v1/deals", DEAL),
    CachedRoute::new("/api/v1/deals/{id}", DEAL),
];
const CONTACT: &[&str] = &["contact", "client_company"];
const COMPANY: &[&str] = &["client_company", "contact", "member"];
const DEAL: &[&str] = &["deal", "contact", "client_company", "member"];
