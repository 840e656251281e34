//! Agreements: proposals (numbered per organization, priced server-side),
//! contracts (with signatures encrypted at rest) and engagements, the unit of
//! delivery other domains hang their work on. Depends on kernel and outbox only;
//! CRM is reached through [`ports::Crm`].

pub mod crypto;
pub mod dto;
pub mod entity;
pub mod http;
pub mod jobs;
pub mod ports;
pub mod service;
pub mod subscriber;

pub use crypto::SignatureKey;
pub use http::router;
pub use jobs::ProposalExpiryJob;
pub use ports::{ContactRef, Crm, DealRef};
pub use service::{AgreementsService, EngagementRef, MergedKind, Repointed};
pub use subscriber::CrmMergeSubscriber;
