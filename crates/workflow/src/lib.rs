//! Workflow: trigger rules (versioned) with conditions over an event and ordered
//! actions that run through other domains' services (ports), the run log, and
//! dry runs. The engine is an outbox subscriber, so every event, synced or not,
//! can trigger a rule. Inbound booking endpoints (Cal.com, Calendly) publish
//! `appointment.booked`, which the default rule turns into a contact.

pub mod booking;
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

use atrium_kernel::vault::ProtectedColumn;
use atrium_outbox::{Module, Platform};

pub use engine::{ActionPorts, WorkflowEngine};
pub use error::WorkflowError;
pub use http::router;
pub use service::{BookingService, WorkflowService};

/// Booking endpoints' signing secrets, sealed by the vault and bound to the
/// endpoint id. Never change the purpose: it derives the key.
pub const BOOKING_SECRET_COLUMN: ProtectedColumn =
    ProtectedColumn::text("booking_endpoints", "secret_ciphertext", "atrium booking endpoint secret v1");

/// The workflow domain: rule routes and the engine that runs them; a rule does
/// not fire on an event `max_depth` workflow runs deep.
pub fn module(platform: &Platform, ports: ActionPorts, max_depth: i32) -> Module<WorkflowService> {
    let svc = WorkflowService::new(platform.db.clone(), platform.clock.clone());
    let bookings =
        BookingService::new(platform.db.clone(), platform.clock.clone(), platform.protect(&BOOKING_SECRET_COLUMN));
    Module::new(svc.clone(), router(svc).merge(http::bookings::router(bookings)))
        .subscriber(WorkflowEngine::new(platform.db.clone(), platform.clock.clone(), ports, max_depth))
        .tag("workflow", "Trigger rules on events: conditions, actions across domains, runs and dry runs")
}
