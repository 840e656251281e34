//! Projects: the delivery side of an engagement — projects, their milestones and
//! tasks, and reusable project templates. Engagements and members belong to other
//! domains and are reached through [`ports`]; CRM merges arrive as events.

pub mod dto;
pub mod entity;
pub mod http;
pub mod ports;
pub mod service;
pub mod subscriber;

pub use http::router;
pub use ports::{EngagementRef, Engagements, Members};
pub use service::{ProjectsService, ReconcileJob};
pub use subscriber::CrmMergeSubscriber;
