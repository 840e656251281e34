//! The webhooks service: the organization's endpoints and their delivery attempts.

mod endpoints;
mod patterns;

use std::sync::Arc;

use atrium_kernel::Clock;
use sea_orm::DatabaseConnection;

use crate::guard::UrlGuard;
use crate::secrets::SecretStore;

pub use patterns::matches;
pub(crate) use patterns::patterns;

#[derive(Clone)]
pub struct WebhookService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    guard: UrlGuard,
    secrets: SecretStore,
}

impl WebhookService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, guard: UrlGuard, secrets: SecretStore) -> Self {
        Self { db, clock, guard, secrets }
    }
}
