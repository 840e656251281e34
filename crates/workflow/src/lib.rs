//! Workflow: trigger rules (versioned) with conditions over an event and ordered
//! actions that run through other domains' services (ports), the run log, and
//! dry runs. The engine is an outbox subscriber, so every event, synced or not,
//! can trigger a rule.

pub mod conditions;
pub mod dto;
pub mod engine;
pub mod entity;
pub mod error;
pub mod http;
pub mod paths;
pub mod ports;
pub mod rule;
pub mod service;
pub mod template;

use atrium_outbox::{Module, Platform};

pub use engine::{ActionPorts, WorkflowEngine};
pub use error::WorkflowError;
pub use http::router;
pub use service::WorkflowService;

/// The workflow domain: rule routes and the engine that runs them; a rule does
/// not fire on an event `max_depth` workflow runs deep.
pub fn module(platform: &Platform, ports: ActionPorts, max_depth: i32) -> Module<WorkflowService> {
    let svc = WorkflowService::new(platform.db.clone(), platform.clock.clone());
    Module::new(svc.clone(), router(svc))
        .subscriber(WorkflowEngine::new(platform.db.clone(), platform.clock.clone(), ports, max_depth))
        .tag("workflow", "Trigger rules on events: conditions, actions across domains, runs and dry runs")
}
