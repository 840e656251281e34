use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::{Validate, ValidationError};

use super::{ContactId, EngagementId, MailboxConnectionId, MessageId, ThreadId};
pub use atrium_events::files::FileId;

/// Which threads to list: at most one of `engagement_id`, `contact_id`, `unfiled=true`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[validate(schema(function = "one_filter", skip_on_field_errors = false))]
pub struct ThreadFilter {
    /// Threads filed under this engagement.
    pub engagement_id: Option<EngagementId>,
    /// Threads with a message from or to this CRM contact.
    pub contact_id: Option<ContactId>,
    /// `true`: only threads not filed under any engagement.
    pub unfiled: Option<bool>,
}

fn one_filter(f: &ThreadFilter) -> Result<(), ValidationError> {
    let n = usize::from(f.engagement_id.is_some())
        + usize::from(f.contact_id.is_some())
        + usize::from(f.unfiled == Some(true));
    if n > 1 {
        let mut e = ValidationError::new("one_filter");
        e.message = Some("give at most one of engagement_id, contact_id, unfiled=true".into());
        return Err(e);
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadOut {
    pub id: ThreadId,
    /// `null` while unfiled.
    pub engagement_id: Option<EngagementId>,
    #[schema(example = "Kick-off next week")]
    pub subject: String,
    /// Lower-case addresses of everyone on the thread.
    pub participants: Vec<String>,
    /// CRM contacts matched to its messages.
    pub contact_ids: Vec<ContactId>,
    /// The client portal shows shared threads only.
    pub shared_with_client: bool,
    pub message_count: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub last_message_at: DateTime<Utc>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// File a thread under an engagement (or move it to another).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"}))]
pub struct FileThreadIn {
    pub engagement_id: EngagementId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AddressOut {
    #[schema(example = "hank@globex.example")]
    pub address: String,
    pub name: Option<String>,
}

/// Where an attachment's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentStatus {
    /// Held until the thread is filed under an engagement (files belong to one).
    #[default]
    Pending,
    /// Kept by the files domain as `file_id`: download it through `/api/v1/files/{id}`.
    Stored,
    /// Not kept; `reason` says why.
    Skipped,
}

impl AttachmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Stored => "stored",
            Self::Skipped => "skipped",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "stored" => Self::Stored,
            "skipped" => Self::Skipped,
            _ => Self::Pending,
        }
    }
}

/// An attachment of a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AttachmentOut {
    pub filename: Option<String>,
    #[schema(example = "application/pdf")]
    pub media_type: String,
    pub size: u64,
    #[serde(default)]
    pub status: AttachmentStatus,
    /// The file that keeps it, once `stored`.
    #[serde(default)]
    pub file_id: Option<FileId>,
    /// Why it was `skipped`.
    #[serde(default)]
    pub reason: Option<String>,
}

/// A part of the message that was not kept, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SkippedPartOut {
    /// `text`, `html` or `attachment`.
    pub part: String,
    pub media_type: String,
    pub size: u64,
    #[schema(example = "larger than the 1048576 bytes allowed for a part")]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageOut {
    pub id: MessageId,
    pub thread_id: ThreadId,
    pub connection_id: Option<MailboxConnectionId>,
    /// `inbound`, or `outbound` when sent from the connected mailbox.
    pub direction: String,
    pub from: AddressOut,
    pub to: Vec<AddressOut>,
    pub cc: Vec<AddressOut>,
    pub bcc: Vec<AddressOut>,
    pub subject: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub sent_at: DateTime<Utc>,
    /// The RFC 5322 `Message-ID` (without angle brackets).
    pub message_id: String,
    pub in_reply_to: Option<String>,
    pub references: Vec<String>,
    pub body_text: String,
    /// Sanitized: no scripts, event handlers or `javascript:` links.
    pub body_html: Option<String>,
    pub attachments: Vec<AttachmentOut>,
    pub skipped_parts: Vec<SkippedPartOut>,
    pub size_bytes: i64,
    /// The CRM contact the sender was matched to.
    pub from_contact_id: Option<ContactId>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    /// `received` (imported), or for mail written here: `draft`, `queued`,
    /// `retrying` (the last attempt failed; retried with backoff), `sent`, `failed` (given up).
    pub status: String,
    /// Why the last send attempt failed.
    pub status_reason: Option<String>,
    pub send_attempts: i32,
    /// For `If-Match` when editing a draft.
    pub version: i32,
}

/// An address that sent mail and matches no CRM contact (yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UnknownSenderOut {
    pub id: Uuid,
    #[schema(example = "newcomer@prospect.example")]
    pub email_address: String,
    pub name: Option<String>,
    pub message_count: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub first_seen_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub last_seen_at: DateTime<Utc>,
    /// The thread of its latest message.
    pub last_thread_id: Option<ThreadId>,
}
