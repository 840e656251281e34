//! The transactional outbox. Writers `append` an event in the transaction of their
//! change; the `Dispatcher` sequences committed events, delivers them to every
//! interested `Subscriber` (at least once, in order per aggregate, with retries and
//! dead letters), and the change feed exposes them to integrators.

pub mod admin;
pub mod catalog;
pub mod dispatcher;
pub mod dto;
pub mod entity;
pub mod event;
pub mod http;
pub mod jobs;
pub mod module;
pub mod subscriber;

pub use admin::OutboxService;
pub use dispatcher::{Dispatcher, DispatcherConfig, Round};
pub use atrium_events::EventPayload;
pub use event::{Event, EventId, NewEvent, append, append_for, publish, publish_as};
pub use http::router;
pub use module::{Module, Platform};
pub use jobs::{Job, JobRun, RetentionJob, Scheduler};
pub use subscriber::{DeliveryError, Subscriber};
