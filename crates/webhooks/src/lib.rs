//! Outgoing webhooks: organizations subscribe URLs to event types; deliveries are
//! outbox deliveries (retries, dead letters, replay) signed with HMAC-SHA256.

pub mod dto;
pub mod entity;
pub mod guard;
pub mod http;
pub mod service;
pub mod signature;
mod subscriber;

pub use guard::UrlGuard;
pub use http::router;
pub use service::WebhookService;
pub use subscriber::WebhookSubscriber;
