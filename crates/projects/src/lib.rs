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

use atrium_outbox::{CachedRoute, Module, Platform};

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
        .tag(
            "projects",
            "Projects, milestones, tasks, project templates, time entries, rate cards, member capacities and utilization",
        )
        .cached(CACHED)
}

/// What the query cache may serve. `assignee_id=me` makes a task list the
/// caller's own.
const CACHED: &[CachedRoute] = &[
    CachedRoute::new("/api/v1/projects", PROJECT),
    CachedRoute::new("/api/v1/projects/{id}", PROJECT),
    CachedRoute::new("/api/v1/milestones", WORK),
    CachedRoute::new("/api/v1/milestones/{id}", WORK),
    CachedRoute::new("/api/v1/tasks", WORK).caller_param("assignee_id"),
    CachedRoute::new("/api/v1/tasks/{id}", WORK),
    CachedRoute::new("/api/v1/project-templates", TEMPLATE),
    CachedRoute::new("/api/v1/project-templates/{id}", TEMPLATE),
    CachedRoute::new("/api/v1/time-entries", TIME).caller_param("member_id"),
    CachedRoute::new("/api/v1/time-entries/{id}", TIME),
];
const PROJECT: &[&str] = &["project", "engagement", "client_company"];
const WORK: &[&str] = &["task", "milestone", "project", "engagement", "client_company", "member"];
const TEMPLATE: &[&str] = &["project_template"];
// Invoicing marks entries through events on the `invoice` aggregate.
const TIME: &[&str] = &["time_entry", "invoice", "task", "project", "engagement", "member"];
