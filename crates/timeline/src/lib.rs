//! The activity timeline: `activity_events` is written only by [`TimelineSubscriber`]
//! from outbox events, never by hand, and read through `GET /api/v1/timeline`.

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod service;
mod subscriber;
mod summary;

use atrium_outbox::{Module, Platform};

pub use error::TimelineError;
pub use http::router;
pub use service::TimelineService;
pub use subscriber::TimelineSubscriber;

/// The timeline domain: its read route and the subscriber that writes it.
pub fn module(platform: &Platform) -> Module<TimelineService> {
    let svc = TimelineService::new(platform.db.clone());
    Module::new(svc.clone(), router(svc))
        .subscriber(TimelineSubscriber::new(platform.db.clone()))
        .tag("timeline", "The activity timeline, built from events")
}
