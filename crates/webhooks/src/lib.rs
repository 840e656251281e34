//! Outgoing webhooks: organizations subscribe URLs to event types; deliveries are
//! outbox deliveries (retries, dead letters, replay) signed with HMAC-SHA256.

pub mod caller;
pub mod dto;
pub mod entity;
pub mod error;
pub mod guard;
pub mod http;
pub mod secrets;
pub mod service;
pub mod signature;
mod subscriber;

use std::time::Duration;

use atrium_outbox::{Module, Platform};

pub use caller::WebhookCaller;
pub use error::WebhookError;
pub use guard::UrlGuard;
pub use http::router;
pub use secrets::{SealSecretsJob, SecretStore};
pub use service::WebhookService;
pub use subscriber::WebhookSubscriber;

/// The webhooks domain: endpoints (routes and service) and the subscriber that
/// delivers to them. `guard` decides which URLs may receive deliveries; a receiver
/// that does not answer within `timeout` counts as a failed attempt.
pub fn module(
    platform: &Platform,
    guard: UrlGuard,
    timeout: Duration,
) -> Result<Module<WebhookService>, reqwest::Error> {
    let secrets = SecretStore::new(platform.protect(&secrets::SECRET_COLUMN));
    let svc = WebhookService::new(platform.db.clone(), platform.clock.clone(), guard, secrets.clone());
    let subscriber = WebhookSubscriber::new(platform.db.clone(), guard, timeout, secrets.clone())?;
    Ok(Module::new(svc.clone(), router(svc))
        .subscriber(subscriber)
        .job(SealSecretsJob { db: platform.db.clone(), secrets })
        .tag("webhooks", "Signed event deliveries to the organization's URLs"))
}
