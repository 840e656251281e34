//! The activity timeline: `activity_events` is written only by [`TimelineSubscriber`]
//! from outbox events, never by hand, and read through `GET /api/v1/timeline`.

pub mod dto;
pub mod entity;
pub mod http;
pub mod service;
mod subscriber;
mod summary;

pub use http::router;
pub use service::TimelineService;
pub use subscriber::TimelineSubscriber;
