//! The event envelope and `append`, which writers call inside their transaction.

use atrium_events::EventPayload;
use atrium_kernel::{AppError, OrgCtx, OrganizationId, typed_id};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::entity::event;
use crate::subscriber::DeliveryError;

typed_id!(
    /// An outbox event.
    EventId
);

/// The PostgreSQL channel the dispatcher listens on.
pub const NOTIFY_CHANNEL: &str = "atrium_outbox";

/// What a writer records about its change.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// `<domain>.<entity>.<verb>`, e.g. `crm.contact.merged`.
    pub event_type: String,
    pub aggregate_type: String,
    pub aggregate_id: Uuid,
    pub data: serde_json::Value,
}

impl NewEvent {
    pub fn new(
        event_type: impl Into<String>,
        aggregate_type: impl Into<String>,
        aggregate_id: impl Into<Uuid>,
        data: serde_json::Value,
    ) -> Self {
        Self {
            event_type: event_type.into(),
            aggregate_type: aggregate_type.into(),
            aggregate_id: aggregate_id.into(),
            data,
        }
    }
}

/// An event as subscribers and the change feed see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "org_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "type": "identity.member.role_changed",
    "aggregate_type": "member",
    "aggregate_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
    "occurred_at": "2026-11-25T10:00:00Z",
    "actor": "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "data": {"from": "member", "to": "admin"}
}))]
pub struct Event {
    pub id: EventId,
    pub org_id: OrganizationId,
    #[serde(rename = "type")]
    pub event_type: String,
    pub aggregate_type: String,
    pub aggregate_id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// `user:<id>`, `api_key:<id>`, `system:<job>` or `integration:booking:<endpoint id>`.
    pub actor: String,
    pub data: serde_json::Value,
}

impl From<event::Model> for Event {
    fn from(m: event::Model) -> Self {
        Self {
            id: m.id.into(),
            org_id: m.organization_id.into(),
            event_type: m.event_type,
            aggregate_type: m.aggregate_type,
            aggregate_id: m.aggregate_id,
            occurred_at: m.occurred_at,
            actor: m.actor,
            data: m.data,
        }
    }
}

/// Appends an untyped event on `conn` (the outbox's own machinery and its tests;
/// domains use [`publish`]), which must be the writer's transaction: the event
/// exists if and only if the write commits. Dispatchers are woken after the
/// commit, from outside the transaction (see [`crate::wake`]).
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    now: DateTime<Utc>,
    event: NewEvent,
) -> Result<EventId, DbErr> {
    let id = EventId::new();
    crate::changes::record(org, &event.aggregate_type);
    let row = event::ActiveModel {
        id: Set(id.into_uuid()),
        organization_id: Set(org.into_uuid()),
        event_type: Set(event.event_type),
        aggregate_type: Set(event.aggregate_type),
        aggregate_id: Set(event.aggregate_id),
        actor: Set(actor.chars().take(100).collect()),
        data: Set(event.data),
        occurred_at: Set(now),
        position: Set(None),
    };
    event::Entity::insert(row).exec_without_returning(conn).await?;
    crate::wake::appended();
    Ok(id)
}

tokio::task_local! {
    static ACTING: String;
}

/// Runs `fut` with the events it publishes through [`publish`] attributed to
/// `actor` rather than to the caller's principal: a workflow run acting through
/// another domain's service (`system:workflow:<run id>`), so its events name the
/// run that caused them.
pub async fn acting_as<F: std::future::Future>(actor: String, fut: F) -> F::Output {
    ACTING.scope(actor, fut).await
}

/// Publishes a typed event in the writer's transaction `conn`, with the actor from
/// the caller's context (or [`acting_as`]). This is how every domain emits its events.
pub async fn publish<C: ConnectionTrait, E: EventPayload>(
    conn: &C,
    ctx: &OrgCtx,
    now: DateTime<Utc>,
    payload: &E,
) -> Result<EventId, AppError> {
    let actor = ACTING.try_with(Clone::clone).unwrap_or_else(|_| ctx.actor());
    publish_as(conn, ctx.org_id, &actor, now, payload).await
}

/// [`publish`] for work without a caller (jobs, subscribers): `actor` is e.g.
/// `system:proposal-expiry`.
#[allow(clippy::disallowed_methods)] // the one typed path onto `append`
pub async fn publish_as<C: ConnectionTrait, E: EventPayload>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    now: DateTime<Utc>,
    payload: &E,
) -> Result<EventId, AppError> {
    // The catalog is the contract: an event type that is not in it cannot be sent.
    if atrium_events::find(E::TYPE).is_none() {
        return Err(AppError::internal(format!("event type `{}` is not in the event catalog", E::TYPE)));
    }
    let data = serde_json::to_value(payload).map_err(AppError::internal)?;
    let event = NewEvent::new(E::TYPE, payload.aggregate_type(), payload.aggregate_id(), data);
    let marked = crate::mark::MarkedEvent {
        event_type: E::TYPE,
        aggregate_type: &event.aggregate_type,
        aggregate_id: event.aggregate_id,
    };
    crate::mark::apply(conn, marked).await?;
    Ok(append(conn, org, actor, now, event).await?)
}

impl Event {
    /// The typed payload, when this event is of type `E`.
    pub fn payload<E: EventPayload>(&self) -> Result<E, DeliveryError> {
        if self.event_type != E::TYPE {
            return Err(DeliveryError(format!("event {} is a `{}`, not a `{}`", self.id, self.event_type, E::TYPE)));
        }
        serde_json::from_value(self.data.clone())
            .map_err(|e| DeliveryError(format!("event {} (`{}`) has an unexpected payload: {e}", self.id, E::TYPE)))
    }

    /// The typed payload if this event is of type `E`, `None` if it is of another type.
    pub fn payload_if<E: EventPayload>(&self) -> Result<Option<E>, DeliveryError> {
        if self.event_type == E::TYPE { self.payload().map(Some) } else { Ok(None) }
    }
}
