//! Delivers events to webhook endpoints: one outbox target per endpoint
//! (`webhooks:<endpoint id>`), so each endpoint has its own retries, order and
//! dead letters; every attempt is recorded.

use std::time::{Duration, Instant};

use async_trait::async_trait;
use atrium_kernel::{AppError, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::dto::{WebhookAttemptId, WebhookEndpointId};
use crate::entity::{attempt, endpoint};
use crate::guard::{GuardedResolver, UrlGuard};
use crate::secrets::SecretStore;
use crate::service::{matches, patterns};
use crate::signature::sign;

const NAME: &str = "webhooks";

/// Signs and posts each event to the endpoints that want it.
pub struct WebhookSubscriber {
    db: DatabaseConnection,
    http: reqwest::Client,
    guard: UrlGuard,
    secrets: SecretStore,
}

impl WebhookSubscriber {
    /// An HTTP client that resolves hosts through the SSRF guard and connects only
    /// to the addresses it allowed, never follows a redirect (a 3xx is a failed
    /// delivery), never goes through a proxy (the proxy would pick the address),
    /// and gives up on a receiver after `timeout`.
    pub fn new(
        db: DatabaseConnection,
        guard: UrlGuard,
        timeout: Duration,
        secrets: SecretStore,
    ) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(std::sync::Arc::new(GuardedResolver(guard)))
            .user_agent(concat!("Atrium-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { db, http, guard, secrets })
    }

    pub(crate) async fn record(
        &self,
        ep: &endpoint::Model,
        (event_id, event_type): (uuid::Uuid, &str),
        status: Option<u16>,
        error: Option<String>,
        started: Instant,
    ) {
        let row = attempt::ActiveModel {
            id: Set(WebhookAttemptId::new().into_uuid()),
            organization_id: Set(ep.organization_id),
            endpoint_id: Set(ep.id),
            event_id: Set(event_id),
            event_type: Set(event_type.to_owned()),
            status_code: Set(status.map(i32::from)),
            error: Set(error.map(|e| e.chars().take(1000).collect())),
            duration_ms: Set(i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)),
            created_at: Set(chrono::Utc::now()),
        };
        // Through the writer queue, like every write (SQLite has one writer).
        let recorded = async {
            let txn = atrium_kernel::db::begin_write(&self.db).await?;
            attempt::Entity::insert(row).exec_without_returning(&txn).await?;
            txn.commit().await
        };
        if let Err(e) = recorded.await {
            tracing::warn!(error = %e, "cannot record webhook attempt");
        }
    }
}

#[async_trait]
impl Subscriber for WebhookSubscriber {
    fn name(&self) -> &'static str {
        NAME
    }

    fn accepts(&self, _event_type: &str) -> bool {
        true
    }

    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    async fn targets(&self, event: &Event) -> Result<Vec<String>, DeliveryError> {
        // An endpoint receives what happens after it was created, not the backlog
        // the sequencer had not reached yet.
        let endpoints = endpoint::Entity::scoped(event.org_id)
            .filter(endpoint::Column::Enabled.eq(true))
            .filter(endpoint::Column::CreatedAt.lte(event.occurred_at))
            .all(&self.db)
            .await
            .map_err(DeliveryError::new)?;
        Ok(endpoints
            .iter()
            .filter(|ep| matches(&patterns(ep), &event.event_type))
            .map(|ep| format!("{NAME}:{}", ep.id))
            .collect())
    }

    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id, target = %target))]
    async fn deliver(&self, target: &str, event: &Event) -> Result<(), DeliveryError> {
        let Some(id) = target.strip_prefix("webhooks:").and_then(|s| s.parse::<WebhookEndpointId>().ok()) else {
            return Err(DeliveryError(format!("bad target `{target}`")));
        };
        let ep = match endpoint::Entity::find_in(&self.db, event.org_id, id).await {
            Ok(ep) => ep,
            // Deleted since: nothing to deliver to.
            Err(AppError::NotFound(_)) => return Ok(()),
            Err(e) => return Err(DeliveryError::new(e)),
        };
        if !ep.enabled {
            return Ok(());
        }
        let body = serde_json::to_vec(event).map_err(DeliveryError::new)?;
        let about = (event.id.into_uuid(), event.event_type.as_str());
        self.post(&ep, about, &event.id.to_string(), body).await.map(|_| ()).map_err(DeliveryError)
    }
}

impl WebhookSubscriber {
    /// Signs `body` and posts it to the endpoint, recording the attempt (under
    /// `about`: the event id and type); the receiver's 2xx status, or why not.
    pub(crate) async fn post(
        &self,
        ep: &endpoint::Model,
        about: (uuid::Uuid, &str),
        msg_id: &str,
        body: Vec<u8>,
    ) -> Result<u16, String> {
        let started = Instant::now();
        // The URL's form and any address literal here; a name is resolved once, by
        // the connection itself, through the guarded resolver.
        if let Err(e) = self.guard.check_form(&ep.url) {
            self.record(ep, about, None, Some(format!("url {e}")), started).await;
            return Err(format!("url {e}"));
        }
        let timestamp = chrono::Utc::now().timestamp();
        let secret = self.secrets.open(ep).map_err(|e| format!("signing secret: {e}"))?;
        let signature = sign(&secret, msg_id, timestamp, &body);
        let sent = self
            .http
            .post(&ep.url)
            .header("content-type", "application/json")
            .header("webhook-id", msg_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(res) if res.status().is_success() => {
                self.record(ep, about, Some(res.status().as_u16()), None, started).await;
                Ok(res.status().as_u16())
            }
            Ok(res) => {
                let status = res.status();
                let msg = format!("receiver answered {status}");
                self.record(ep, about, Some(status.as_u16()), Some(msg.clone()), started).await;
                Err(msg)
            }
            Err(e) => {
                let msg = format!("request failed: {}", with_causes(&e));
                self.record(ep, about, None, Some(msg.clone()), started).await;
                Err(msg)
            }
        }
    }
}

/// An error and its causes, one line (reqwest's own message leaves out why a
/// connection failed, e.g. the guard refusing the address).
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        msg.push_str(": ");
        msg.push_str(&c.to_string());
        cause = c.source();
    }
    msg
}
