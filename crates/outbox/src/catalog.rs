//! `GET /api/v1/event-types`: the event catalog, so webhook consumers and SDK users
//! can generate types for every payload.

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{AnyRole, AppError, Authorized};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// One event type of the catalog.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "name": "crm.contact.merged",
    "aggregate_type": "contact",
    "description": "Duplicate contacts were merged into a survivor.",
    "schema": {"type": "object", "required": ["survivor_id", "merged_ids"], "properties": {}}
}))]
pub struct EventTypeOut {
    /// `<domain>.<entity>.<verb>`: the envelope's `type`.
    pub name: &'static str,
    pub aggregate_type: &'static str,
    pub description: &'static str,
    /// JSON Schema of the envelope's `data`, standing alone (no references).
    #[schema(value_type = Object)]
    pub schema: serde_json::Value,
}

/// The catalog as a (single-page) list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventTypesOut {
    pub items: Vec<EventTypeOut>,
    /// Always `null`: the catalog is one page.
    #[schema(value_type = Option<String>)]
    pub next_cursor: Option<String>,
}

/// Every event type with its payload schema; the same payloads reach webhooks and
/// the change feed (`GET /api/v1/events`).
#[utoipa::path(get, path = "/api/v1/event-types", tag = "events",
    extensions(("x-required-role" = json!("any"))),
    responses((status = 200, description = "The event catalog", body = EventTypesOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list(ctx: Authorized<AnyRole>) -> Result<Json<EventTypesOut>, AppError> {
    let items = atrium_events::catalog()
        .iter()
        .map(|t| EventTypeOut {
            name: t.name,
            aggregate_type: t.aggregate_type,
            description: t.description,
            schema: t.json_schema(),
        })
        .collect();
    Ok(Json(EventTypesOut { items, next_cursor: None }))
}

pub fn router() -> ApiRouter {
    ApiRouter::new().routes(routes!(list))
}
