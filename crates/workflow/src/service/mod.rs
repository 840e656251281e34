//! The workflow service: rules and their versions, runs, dry runs.

mod bookings;
mod defaults;
mod dry_run;
mod rules;
mod runs;

use std::sync::Arc;

use atrium_kernel::Clock;
use sea_orm::DatabaseConnection;

pub use bookings::{BookingService, INBOUND_PREFIX, Received, Signatures};
pub(crate) use defaults::ensure_defaults;
pub use defaults::{DEFAULT_TRIGGERS, DEFAULTS_ACTOR};

#[derive(Clone)]
pub struct WorkflowService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl WorkflowService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }
}
