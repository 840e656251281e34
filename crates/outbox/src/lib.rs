//! The transactional outbox. Writers `append` an event in the transaction of their
//! change; the `Dispatcher` sequences committed events, delivers them to every
//! interested `Subscriber` (at least once, in order per aggregate, with retries and
//! dead letters), and the change feed exposes them to integrators.

pub mod admin;
pub mod catalog;
pub mod changes;
pub mod dispatcher;
pub mod dto;
pub mod entity;
pub mod event;
pub mod http;
pub mod jobs;
pub mod mark;
pub mod module;
pub mod subscriber;
pub mod wake;

pub use admin::OutboxService;
pub use atrium_events::EventPayload;
pub use changes::{Change, ChangeSink, collecting};
pub use dispatcher::{Dispatcher, DispatcherConfig, Round};
pub use event::{Event, EventId, NewEvent, acting_as, append, publish, publish_as};
pub use http::router;
pub use jobs::{Job, JobRun, RetentionJob, Scheduler};
pub use mark::{MarkedEvent, WriteMark, with_write_mark};
pub use module::{CachedRoute, Module, Platform};
pub use subscriber::{DeliveryError, Subscriber};
pub use wake::notify_after_commits;

/// The outbox's own module: the change feed, dead letters, the event catalog and
/// the retention of delivered events.
pub fn module(platform: &Platform, retention: chrono::Duration) -> Module<OutboxService> {
    let svc = OutboxService::new(platform.db.clone(), platform.clock.clone());
    Module::new(svc.clone(), http::router(svc).merge(catalog::router()))
        .job(RetentionJob::new(platform.db.clone(), retention))
        .tag("events", "The change feed, the event catalog and dead-lettered deliveries")
}
