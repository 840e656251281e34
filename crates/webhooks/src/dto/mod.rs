//! Wire types of the webhooks API.

use atrium_kernel::{Text, typed_id};
use atrium_outbox::EventId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

pub use atrium_events::webhooks::WebhookEndpointId;

typed_id!(
    /// One attempt to deliver an event to an endpoint.
    WebhookAttemptId
);

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"url": "https://hooks.example.com/atrium", "event_types": ["identity.member.*"], "description": "HR sync"}))]
pub struct WebhookIn {
    #[schema(inline)]
    pub url: Text<2000>,
    /// Patterns: `*` (everything), `crm.*` (a prefix) or an exact event type.
    #[schema(min_items = 1, max_items = 50)]
    #[validate(length(min = 1, max = 50), custom(function = "validate_patterns"))]
    pub event_types: Vec<String>,
    #[schema(max_length = 500)]
    #[validate(length(max = 500))]
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"enabled": false}))]
pub struct WebhookPatch {
    #[schema(inline)]
    pub url: Option<Text<2000>>,
    #[schema(min_items = 1, max_items = 50)]
    #[validate(length(min = 1, max = 50), custom(function = "validate_patterns"))]
    pub event_types: Option<Vec<String>>,
    #[schema(max_length = 500)]
    #[validate(length(max = 500))]
    pub description: Option<String>,
    pub enabled: Option<bool>,
}

fn validate_patterns(patterns: &[String]) -> Result<(), validator::ValidationError> {
    let ok = patterns.iter().all(|p| {
        let body = p.strip_suffix(".*").unwrap_or(p);
        p == "*"
            || (!body.is_empty()
                && body.len() <= 100
                && body
                    .split('.')
                    .all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')))
    });
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("event_types").with_message(
            "each must be `*`, a prefix like `crm.*`, or an event type like `crm.contact.created`".into(),
        ))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WebhookOut {
    pub id: WebhookEndpointId,
    #[schema(example = "https://hooks.example.com/atrium")]
    pub url: String,
    pub event_types: Vec<String>,
    pub description: String,
    pub enabled: bool,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// The signing secret is shown only in this response.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WebhookCreatedOut {
    pub webhook: WebhookOut,
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AttemptOut {
    pub id: WebhookAttemptId,
    pub event_id: EventId,
    #[schema(example = "identity.member.added")]
    pub event_type: String,
    /// HTTP status of the receiver; absent when it did not answer.
    #[schema(example = 200)]
    pub status_code: Option<i32>,
    pub error: Option<String>,
    pub duration_ms: i64,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}
