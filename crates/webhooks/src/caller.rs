//! Signed calls that are not event deliveries: a workflow rule's `call_webhook`
//! action posts to one of the organization's endpoints with the same URL rules
//! (SSRF guard), signing secret, headers and attempt log as a delivery. Retries
//! are the caller's (a workflow run is retried like any delivery).

use std::sync::Arc;
use std::time::Duration;

use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::Platform;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::dto::WebhookEndpointId;
use crate::entity::endpoint;
use crate::guard::UrlGuard;
use crate::secrets::{SECRET_COLUMN, SecretStore};
use crate::subscriber::WebhookSubscriber;

/// Posts signed calls to endpoints on request.
#[derive(Clone)]
pub struct WebhookCaller {
    db: DatabaseConnection,
    poster: Arc<WebhookSubscriber>,
}

impl WebhookCaller {
    /// With the same guard and timeout as the deliveries (see [`crate::module`]).
    pub fn new(platform: &Platform, guard: UrlGuard, timeout: Duration) -> Result<Self, reqwest::Error> {
        let secrets = SecretStore::new(platform.protect(&SECRET_COLUMN));
        let poster = WebhookSubscriber::new(platform.db.clone(), guard, timeout, secrets)?;
        Ok(Self { db: platform.db.clone(), poster: Arc::new(poster) })
    }

    /// Posts `body` to the organization's endpoint `id` as message `msg_id`,
    /// recorded in its attempts under `about` (the event that caused the call, and
    /// a type); the receiver's status. Another organization's endpoint is 404; a
    /// disabled one, a refused URL or a receiver that does not answer 2xx is an error.
    #[tracing::instrument(skip_all, fields(org_id = %org, endpoint_id = %id))]
    pub async fn call(
        &self,
        org: OrganizationId,
        id: Uuid,
        about: (Uuid, &str),
        msg_id: &str,
        body: &serde_json::Value,
    ) -> Result<u16, AppError> {
        let ep = endpoint::Entity::find_in(&self.db, org, WebhookEndpointId::from(id)).await?;
        if !ep.enabled {
            return Err(AppError::conflict("the webhook endpoint is disabled"));
        }
        let body = serde_json::to_vec(body).map_err(AppError::internal)?;
        self.poster.post(&ep, about, msg_id, body).await.map_err(AppError::conflict)
    }
}
