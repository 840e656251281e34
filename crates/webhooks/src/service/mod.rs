//! The webhooks service: the organization's endpoints and their delivery attempts.

mod endpoints;
mod patterns;

use std::sync::Arc;

use atrium_kernel::Clock;
use sea_orm::DatabaseConnection;

use crate::guard::UrlGuard;

pub use patterns::matches;
pub(crate) use patterns::patterns;

#[derive(Clone)]
pub struct WebhookService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    guard: UrlGuard,
}

impl WebhookService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, guard: UrlGuard) -> Self {
        Self { db, clock, guard }
    }
}
