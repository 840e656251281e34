//! Wire types of the timeline API.

use atrium_events::agreements::EngagementId;
use atrium_events::crm::ContactId;
use atrium_kernel::Text;
use atrium_outbox::EventId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ActivityOut {
    /// The id of the event this entry came from.
    pub id: EventId,
    pub engagement_id: Option<EngagementId>,
    #[schema(example = "member")]
    pub entity_type: String,
    pub entity_id: Uuid,
    #[schema(example = "identity.member.role_changed")]
    pub event_type: String,
    #[schema(example = "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d")]
    pub actor: String,
    #[schema(example = "ada@example.com's role changed from member to admin")]
    pub summary: String,
    /// The event's payload, as the event catalog describes its type.
    pub data: serde_json::Value,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

/// Filters; with none, the whole organization's timeline.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct TimelineFilter {
    /// Only entries of this engagement.
    pub engagement_id: Option<EngagementId>,
    /// Only entries of this entity type (e.g. `member`); combine with `entity_id`.
    #[param(inline)]
    pub entity_type: Option<Text<50>>,
    /// Only entries of this entity.
    pub entity_id: Option<Uuid>,
    /// Only entries of this CRM contact: its own, and those naming it (emails
    /// sent or received that were matched to it).
    pub contact_id: Option<ContactId>,
    #[serde(default)]
    #[param(ignore)]
    pub limit: Option<String>,
    #[serde(default)]
    #[param(ignore)]
    pub cursor: Option<String>,
}
