//! CRM, the golden record: client companies, contacts and deals, with dedup and
//! merge. Only this crate writes these tables; other domains keep copies of the
//! ids and learn of changes from `crm.*` events.

pub mod appointments;
pub mod dto;
pub mod entity;
pub mod http;
pub mod ports;
pub mod service;

pub use appointments::{AppointmentSubscriber, BookingOutcome};
pub use http::router;
pub use ports::Members;
pub use service::{ContactRef, CrmService, DealRef};
