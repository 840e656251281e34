//! Projects: the delivery side of an engagement — projects, their milestones and
//! tasks, reusable project templates, and the time logged on them with the rates
//! that price it. Engagements and members belong to other domains and are
//! reached through [`ports`]; CRM merges and revenue's invoices arrive as events.

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod invoicing;
pub mod ports;
pub mod service;
pub mod subscriber;

use std::sync::Arc;

use atrium_outbox::{Module, Platform};

pub use error::ProjectsError;
pub use http::router;
pub use invoicing::InvoicingSubscriber;
pub use ports::{EngagementRef, Engagements, Members};
pub use service::{ProjectsService, ReconcileJob, TimeService};
pub use subscriber::CrmMergeSubscriber;

/// The projects domain, ready to register: its routes, the CRM merge subscriber
/// and the daily reconciliation of projects' client companies.
pub fn module(
    platform: &Platform,
    engagements: Arc<dyn Engagements>,
    members: Arc<dyn Members>,
) -> Module<ProjectsService> {
    let svc = ProjectsService::new(platform.db.clone(), platform.clock.clone(), engagements, members);
    Module::new(svc.clone(), http::router(svc.clone()))
        .subscriber(CrmMergeSubscriber::new(platform.db.clone(), platform.clock.clone()))
        .subscriber(InvoicingSubscriber::new(platform.db.clone(), platform.clock.clone()))
        .job(ReconcileJob(svc))
        .tag("projects", "Projects, milestones, tasks, project templates, time entries and rate cards")
}
