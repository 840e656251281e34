//! Comms: email threads (filed under an engagement, or unfiled) and their
//! messages, synced from mailbox connections (IMAP) every five minutes with
//! visible health. CRM contacts and engagements are reached through [`ports`].

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod ports;
pub mod provider;
pub mod send;
pub mod service;
pub mod sync;

use atrium_kernel::vault::ProtectedColumn;
use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::CommsError;
pub use http::router;
pub use ports::{AttachmentFile, AttachmentStored, Attachments, Contacts, Engagements, HostGuard, Ports};
pub use send::reminders::ReminderSubscriber;
pub use send::{SendOutcome, SendSubscriber};
pub use service::{
    AttachmentSubscriber, CommsConfig, CommsService, ContactMergeSubscriber, Notice, OAuthProvider, TokenVaults,
};
pub use sync::metrics::SyncMetrics;
pub use sync::{RunOutcome, RunReport, SyncJob};

/// Mailbox credentials, encrypted at rest by the kernel's vault, bound to the connection id.
pub const CREDENTIALS_COLUMN: ProtectedColumn =
    ProtectedColumn::text("mailbox_connections", "credentials_ciphertext", "comms.mailbox-credentials");

/// OAuth connections' access tokens.
pub const ACCESS_TOKEN_COLUMN: ProtectedColumn =
    ProtectedColumn::text("mailbox_connections", "access_token_ciphertext", "comms.mailbox-access-token");
/// OAuth connections' refresh tokens.
pub const REFRESH_TOKEN_COLUMN: ProtectedColumn =
    ProtectedColumn::text("mailbox_connections", "refresh_token_ciphertext", "comms.mailbox-refresh-token");
/// The PKCE verifiers of authorizations in progress.
pub const PKCE_VERIFIER_COLUMN: ProtectedColumn =
    ProtectedColumn::text("mailbox_oauth_logins", "pkce_verifier", "comms.mailbox-pkce-verifier");

/// The vaults of the OAuth columns, registered for key rotation.
pub fn token_vaults(platform: &Platform) -> TokenVaults {
    TokenVaults {
        access: platform.protect(&ACCESS_TOKEN_COLUMN),
        refresh: platform.protect(&REFRESH_TOKEN_COLUMN),
        pkce: platform.protect(&PKCE_VERIFIER_COLUMN),
    }
}

/// The comms domain, ready to register: routes, the sync job, its OpenAPI tag.
pub fn module(platform: &Platform, cfg: CommsConfig, ports: Ports, metrics: SyncMetrics) -> Module<CommsService> {
    let credentials = platform.protect(&CREDENTIALS_COLUMN);
    let svc = CommsService::new(
        platform.db.clone(),
        platform.clock.clone(),
        ports,
        (credentials, token_vaults(platform)),
        cfg,
        metrics,
    );
    Module::new(svc.clone(), http::router(svc.clone()))
        .subscriber(SendSubscriber(svc.clone()))
        .subscriber(ReminderSubscriber(svc.clone()))
        .subscriber(AttachmentSubscriber(svc.clone()))
        .subscriber(ContactMergeSubscriber(svc.clone()))
        .job(SyncJob(svc))
        .tag("comms", "Email threads and messages, mailbox connections and their sync health")
        .cached(CACHED)
}

/// What the query cache may serve: a thread changes with its own events, its
/// messages' and its engagement's.
const CACHED: &[CachedRoute] =
    &[CachedRoute::new("/api/v1/threads/{id}", THREAD), CachedRoute::new("/api/v1/threads/{id}/messages", THREAD)];
const THREAD: &[&str] = &["thread", "message", "engagement"];
