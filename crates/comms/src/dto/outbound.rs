use atrium_kernel::{Email, Text};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::{EngagementId, MailboxConnectionId};

/// A new message, starting a new thread. It is queued and sent by the
/// connection's mail server; the answer is the queued message.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"connection_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "to": ["hank@globex.example"], "subject": "Kick-off next week", "body_text": "Hello Hank, …"}))]
pub struct ComposeIn {
    /// The mailbox it is sent from.
    pub connection_id: MailboxConnectionId,
    #[schema(value_type = Vec<String>)]
    #[validate(length(min = 1, max = 100, message = "must name 1 to 100 recipients"))]
    pub to: Vec<Email>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    #[validate(length(max = 100, message = "must name at most 100 recipients"))]
    pub cc: Vec<Email>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    #[validate(length(max = 100, message = "must name at most 100 recipients"))]
    pub bcc: Vec<Email>,
    #[schema(inline)]
    pub subject: Text<998>,
    #[schema(inline)]
    pub body_text: Text<1_000_000>,
    /// Sanitized before it is stored and sent.
    pub body_html: Option<String>,
    /// File the new thread under this engagement.
    pub engagement_id: Option<EngagementId>,
}

/// A reply in the thread. Without `to`, it goes to the sender of the newest
/// message from someone else.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"body_text": "Thanks, see you Monday."}))]
pub struct ReplyIn {
    /// Default: the connection that imported the thread.
    pub connection_id: Option<MailboxConnectionId>,
    #[schema(value_type = Option<Vec<String>>)]
    #[validate(length(min = 1, max = 100, message = "must name 1 to 100 recipients"))]
    pub to: Option<Vec<Email>>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    #[validate(length(max = 100, message = "must name at most 100 recipients"))]
    pub cc: Vec<Email>,
    #[schema(inline)]
    pub body_text: Text<1_000_000>,
    pub body_html: Option<String>,
}

/// Send a draft (an overdue-invoice reminder, for one) after review. Absent
/// fields keep the draft's.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"to": ["accounts@globex.example"]}))]
pub struct SendDraftIn {
    /// The mailbox it is sent from (required when the draft has none).
    pub connection_id: Option<MailboxConnectionId>,
    #[schema(value_type = Option<Vec<String>>)]
    #[validate(length(min = 1, max = 100, message = "must name 1 to 100 recipients"))]
    pub to: Option<Vec<Email>>,
}

/// Edit a draft before it is sent; absent fields keep the draft's. A message
/// that is queued or sent is immutable (409).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"subject": "Invoice INV-2026-0042 is overdue", "cc": ["accounts@globex.example"]}))]
pub struct DraftPatch {
    #[schema(value_type = Option<Vec<String>>)]
    #[validate(length(min = 1, max = 100, message = "must name 1 to 100 recipients"))]
    pub to: Option<Vec<Email>>,
    #[schema(value_type = Option<Vec<String>>)]
    #[validate(length(max = 100, message = "must name at most 100 recipients"))]
    pub cc: Option<Vec<Email>>,
    #[schema(value_type = Option<String>)]
    pub subject: Option<Text<998>>,
    #[schema(value_type = Option<String>)]
    pub body_text: Option<Text<1_000_000>>,
}
