//! The event envelope and `append`, which writers call inside their transaction.

use atrium_kernel::{OrgCtx, OrganizationId, typed_id};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbBackend, DbErr, EntityTrait, Statement};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::entity::event;

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
    /// `user:<id>`, `api_key:<id>` or `system:<job>`.
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

/// Appends an event on `conn`, which must be the writer's transaction: the event
/// exists if and only if the write commits. On PostgreSQL it also queues a NOTIFY,
/// which is delivered at commit (and coalesced within the transaction).
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    now: DateTime<Utc>,
    event: NewEvent,
) -> Result<EventId, DbErr> {
    let id = EventId::new();
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
    if conn.get_database_backend() == DbBackend::Postgres {
        conn.execute_raw(Statement::from_string(DbBackend::Postgres, format!("NOTIFY {NOTIFY_CHANNEL}"))).await?;
    }
    Ok(id)
}

/// [`append`] with the actor taken from the caller's context.
pub async fn append_for<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    now: DateTime<Utc>,
    event: NewEvent,
) -> Result<EventId, DbErr> {
    append(conn, ctx.org_id, &ctx.actor(), now, event).await
}
