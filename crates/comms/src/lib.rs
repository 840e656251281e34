//! Comms: email threads (filed under an engagement, or unfiled) and their
//! messages, synced from mailbox connections (IMAP) every five minutes with
//! visible health. CRM contacts and engagements are reached through [`ports`].

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod ports;
pub mod send;
pub mod service;
pub mod sync;

use std::sync::Arc;

use atrium_kernel::vault::ProtectedColumn;
use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::CommsError;
pub use http::router;
pub use ports::{Contacts, Engagements};
pub use send::reminders::ReminderSubscriber;
pub use send::{SendOutcome, SendSubscriber};
pub use service::{CommsConfig, CommsService, Notice};
pub use sync::metrics::SyncMetrics;
pub use sync::{RunOutcome, RunReport, SyncJob};

/// Mailbox credentials, encrypted at rest by the kernel's vault, bound to the connection id.
pub const CREDENTIALS_COLUMN: ProtectedColumn =
    ProtectedColumn::text("mailbox_connections", "credentials_ciphertext", "comms.mailbox-credentials");

/// The comms domain, ready to register: routes, the sync job, its OpenAPI tag.
pub fn module(
    platform: &Platform,
    cfg: CommsConfig,
    engagements: Arc<dyn Engagements>,
    contacts: Arc<dyn Contacts>,
    metrics: SyncMetrics,
) -> Module<CommsService> {
    let credentials = platform.protect(&CREDENTIALS_COLUMN);
    let svc = CommsService::new(
        platform.db.clone(),
        platform.clock.clone(),
        engagements,
        contacts,
        credentials,
        cfg,
        metrics,
    );
    Module::new(svc.clone(), http::router(svc.clone()))
        .subscriber(SendSubscriber(svc.clone()))
        .subscriber(ReminderSubscriber(svc.clone()))
        .job(SyncJob(svc))
        .tag("comms", "Email threads and messages, mailbox connections and their sync health")
        .cached(CACHED)
}

/// What the query cache may serve: a thread changes with its own events, its
/// messages' and its engagement's.
const CACHED: &[CachedRoute] =
    &[CachedRoute::new("/api/v1/threads/{id}", THREAD), CachedRoute::new("/api/v1/threads/{id}/messages", THREAD)];
const THREAD: &[&str] = &["thread", "message", "engagement"];
