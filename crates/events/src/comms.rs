//! Events published by the `comms` domain: mailbox connections (and their sync
//! health), email threads and the messages synced into them. A thread filed under
//! an engagement names it, so the timeline files its events there; a message names
//! the contacts it was matched to, so it also appears on theirs.

use atrium_kernel::typed_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::crm::ContactId;
use crate::{EventType, Facets, event};

typed_id!(
    /// An email thread.
    ThreadId
);
typed_id!(
    /// An email message (always in a thread).
    MessageId
);
typed_id!(
    /// A mailbox connection (IMAP, Gmail or Microsoft) that is synced into threads.
    MailboxConnectionId
);

/// A mailbox connection as events carry it (never its credentials).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionState {
    pub id: MailboxConnectionId,
    /// `imap`, `gmail` or `microsoft`.
    pub provider: String,
    /// The mailbox's own address (mail from it is outbound).
    pub email_address: String,
    /// `active`, `backing_off`, `auth_failed` or `paused`.
    pub state: String,
}

impl ConnectionState {
    fn facets(&self, summary: String) -> Facets {
        Facets { label: Some(self.email_address.clone()), summary: Some(summary), ..Facets::default() }
    }
}

/// `comms.connection.created`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionCreated {
    #[serde(flatten)]
    pub connection: ConnectionState,
}

/// `comms.connection.updated`: settings or credentials changed (new credentials
/// end an `auth_failed` state; another server or folder starts the cursor over).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionUpdated {
    #[serde(flatten)]
    pub connection: ConnectionState,
    /// The fields that changed (`password` when new credentials were given; never their value).
    pub changed: Vec<String>,
}

/// `comms.connection.paused`: sync stops until resumed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionPaused {
    #[serde(flatten)]
    pub connection: ConnectionState,
}

/// `comms.connection.resumed`: sync runs again (also after new credentials).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionResumed {
    #[serde(flatten)]
    pub connection: ConnectionState,
}

/// `comms.connection.resync_requested`: the next run reads the mailbox again from
/// the start of the first-sync window (nothing already imported is imported twice).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionResyncRequested {
    #[serde(flatten)]
    pub connection: ConnectionState,
}

/// `comms.connection.deleted`: imported threads and messages stay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionDeleted {
    #[serde(flatten)]
    pub connection: ConnectionState,
}

/// `comms.connection.auth_failed`: the provider refused the credentials; sync is
/// stopped until they are replaced (or the connection is resumed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionAuthFailed {
    #[serde(flatten)]
    pub connection: ConnectionState,
    /// What the provider answered.
    pub error: String,
    pub failed_at: DateTime<Utc>,
}

/// `comms.connection.sync_failed`: a run failed for another reason (network,
/// server error); the connection backs off and retries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionSyncFailed {
    #[serde(flatten)]
    pub connection: ConnectionState,
    pub error: String,
    pub failed_at: DateTime<Utc>,
    /// When the next attempt runs.
    pub retry_at: DateTime<Utc>,
    /// Failed runs in a row.
    pub consecutive_failures: i32,
}

event!(ConnectionCreated, "comms.connection.created", "mailbox_connection", "A mailbox connection was added.",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Mailbox {} connected", e.connection.email_address)));
event!(ConnectionUpdated, "comms.connection.updated", "mailbox_connection",
    "A mailbox connection's settings or credentials were changed.",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Mailbox {} updated", e.connection.email_address)));
event!(ConnectionPaused, "comms.connection.paused", "mailbox_connection", "A mailbox connection's sync was paused.",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Mailbox {} paused", e.connection.email_address)));
event!(ConnectionResumed, "comms.connection.resumed", "mailbox_connection", "A mailbox connection's sync was resumed.",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Mailbox {} resumed", e.connection.email_address)));
event!(ConnectionResyncRequested, "comms.connection.resync_requested", "mailbox_connection",
    "A full resync of a mailbox connection was requested.",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Resync of {} requested", e.connection.email_address)));
event!(ConnectionDeleted, "comms.connection.deleted", "mailbox_connection",
    "A mailbox connection was removed (its imported mail stays).",
    |e| e.connection.id, facets: |e| e.connection.facets(format!("Mailbox {} removed", e.connection.email_address)));
event!(ConnectionAuthFailed, "comms.connection.auth_failed", "mailbox_connection",
    "The mail provider refused a connection's credentials; its sync stopped.",
    |e| e.connection.id,
    facets: |e| e.connection.facets(format!("Mailbox {} needs new credentials", e.connection.email_address)));
event!(ConnectionSyncFailed, "comms.connection.sync_failed", "mailbox_connection",
    "A sync run of a mailbox connection failed; it backs off and retries.",
    |e| e.connection.id,
    facets: |e| e.connection.facets(format!("Sync of {} failed", e.connection.email_address)));

/// A thread as events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadState {
    pub id: ThreadId,
    /// `null` while unfiled.
    pub engagement_id: Option<EngagementId>,
    pub subject: String,
    /// Lower-case addresses of everyone on the thread.
    pub participants: Vec<String>,
    pub shared_with_client: bool,
    pub last_message_at: DateTime<Utc>,
    pub version: i32,
}

impl ThreadState {
    fn facets(&self, summary: String) -> Facets {
        Facets {
            engagement_id: self.engagement_id.map(Into::into),
            label: Some(self.subject.clone()),
            summary: Some(summary),
            ..Facets::default()
        }
    }
}

/// `comms.thread.created`: a synced message started a new thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadCreated {
    #[serde(flatten)]
    pub thread: ThreadState,
}

/// `comms.thread.filed`: a thread was filed under an engagement (or moved to another).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadFiled {
    #[serde(flatten)]
    pub thread: ThreadState,
    /// The engagement it was filed under before, if any.
    pub previous_engagement_id: Option<EngagementId>,
}

/// `comms.thread.shared`: the client portal shows the thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadShared {
    #[serde(flatten)]
    pub thread: ThreadState,
}

/// `comms.thread.unshared`: the client portal no longer shows the thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ThreadUnshared {
    #[serde(flatten)]
    pub thread: ThreadState,
}

event!(ThreadCreated, "comms.thread.created", "thread", "A new email thread was started by a synced message.",
    |e| e.thread.id, facets: |e| e.thread.facets(format!("Email thread “{}” started", e.thread.subject)));
event!(ThreadFiled, "comms.thread.filed", "thread", "An email thread was filed under an engagement.",
    |e| e.thread.id, facets: |e| Facets {
        holds: true,
        ..e.thread.facets(format!("Email thread “{}” filed", e.thread.subject))
    });
event!(ThreadShared, "comms.thread.shared", "thread", "An email thread was shared with the client.",
    |e| e.thread.id, facets: |e| e.thread.facets(format!("Email thread “{}” shared with the client", e.thread.subject)));
event!(ThreadUnshared, "comms.thread.unshared", "thread", "An email thread is no longer shared with the client.",
    |e| e.thread.id,
    facets: |e| e.thread.facets(format!("Email thread “{}” no longer shared", e.thread.subject)));

/// `comms.message.received`: a message was imported from a mailbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageReceived {
    pub id: MessageId,
    pub thread_id: ThreadId,
    pub connection_id: Option<MailboxConnectionId>,
    pub engagement_id: Option<EngagementId>,
    /// `inbound` or `outbound` (sent from the connected mailbox).
    pub direction: String,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    /// The RFC 5322 `Message-ID`.
    pub message_id: String,
    pub sent_at: DateTime<Utc>,
    /// CRM contacts matched by address (sender and recipients).
    pub contact_ids: Vec<ContactId>,
}

event!(MessageReceived, "comms.message.received", "message", "An email message was imported from a mailbox.",
    |e| e.id, facets: |e| Facets {
        engagement_id: e.engagement_id.map(Into::into),
        label: Some(e.subject.clone()),
        summary: Some(format!("Email from {}: “{}”", e.from, e.subject)),
        contact_ids: e.contact_ids.iter().map(|c| c.into_uuid()).collect(),
        within: Some(e.thread_id.into_uuid()),
        ..Facets::default()
    });

/// An outbound message as the sending events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OutboundState {
    pub id: MessageId,
    pub thread_id: ThreadId,
    pub connection_id: Option<MailboxConnectionId>,
    pub engagement_id: Option<EngagementId>,
    pub from: String,
    pub to: Vec<String>,
    pub subject: String,
    /// The RFC 5322 `Message-ID`, fixed before the first attempt.
    pub message_id: String,
    /// `draft`, `queued`, `retrying`, `sent` or `failed`.
    pub status: String,
    /// CRM contacts of the thread (matched by address).
    #[serde(default)]
    pub contact_ids: Vec<ContactId>,
}

impl OutboundState {
    fn facets(&self, summary: String) -> Facets {
        Facets {
            engagement_id: self.engagement_id.map(Into::into),
            label: Some(self.subject.clone()),
            summary: Some(summary),
            contact_ids: self.contact_ids.iter().map(|c| c.into_uuid()).collect(),
            within: Some(self.thread_id.into_uuid()),
            ..Facets::default()
        }
    }
}

/// `comms.message.queued`: a reply or new message was written and waits to be
/// sent (the sending subscriber sends it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageQueued {
    #[serde(flatten)]
    pub message: OutboundState,
    pub in_reply_to: Option<String>,
}

/// `comms.message.drafted`: a draft was written for someone to review and send
/// (an overdue-invoice reminder, for one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageDrafted {
    #[serde(flatten)]
    pub message: OutboundState,
    /// The revenue reminder it was drafted for.
    pub reminder_id: Option<uuid::Uuid>,
}

/// `comms.message.edited`: a draft was changed before it was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageEdited {
    #[serde(flatten)]
    pub message: OutboundState,
    /// The fields that changed (`to`, `cc`, `subject`, `body_text`).
    pub changed: Vec<String>,
}

/// `comms.message.sent`: the mail server accepted the message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageSent {
    #[serde(flatten)]
    pub message: OutboundState,
    pub sent_at: DateTime<Utc>,
    /// Attempts it took.
    pub attempts: i32,
}

/// `comms.message.send_failed`: an attempt to send failed; `status` says whether
/// it is retried (`retrying`) or given up (`failed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MessageSendFailed {
    #[serde(flatten)]
    pub message: OutboundState,
    pub error: String,
    pub attempts: i32,
    pub failed_at: DateTime<Utc>,
}

event!(MessageQueued, "comms.message.queued", "message", "An email message was written and queued to be sent.",
    |e| e.message.id, facets: |e| e.message.facets(format!("Email “{}” queued to {}", e.message.subject, e.message.to.join(", "))));
event!(MessageDrafted, "comms.message.drafted", "message", "An email draft was written, to be reviewed and sent.",
    |e| e.message.id, facets: |e| e.message.facets(format!("Email draft “{}”", e.message.subject)));
event!(MessageEdited, "comms.message.edited", "message", "An email draft was edited before it was sent.",
    |e| e.message.id, facets: |e| e.message.facets(format!("Email draft “{}” edited", e.message.subject)));
event!(MessageSent, "comms.message.sent", "message", "An email message was accepted by the mail server.",
    |e| e.message.id, facets: |e| e.message.facets(format!("Email “{}” sent to {}", e.message.subject, e.message.to.join(", "))));
event!(MessageSendFailed, "comms.message.send_failed", "message",
    "Sending an email message failed (it is retried with backoff, or given up).",
    |e| e.message.id, facets: |e| e.message.facets(format!("Sending “{}” failed: {}", e.message.subject, e.error)));

/// `comms.message.attachment_settled`: one attachment of a synced message was
/// handed to the files domain once its thread was filed (`stored`, with the file),
/// or could not be (`skipped`, with the reason).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"message_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "thread_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "part_index": 1, "filename": "brief.pdf",
    "status": "stored", "file_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c"}))]
pub struct AttachmentSettled {
    pub message_id: MessageId,
    pub thread_id: ThreadId,
    /// The attachment's position among the message's parts.
    pub part_index: i32,
    pub filename: String,
    /// `stored` or `skipped`.
    pub status: String,
    /// The file it was stored as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<uuid::Uuid>,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

event!(AttachmentSettled, "comms.message.attachment_settled", "message",
    "An attachment of a synced message was stored as a file, or skipped with the reason.",
    |e| e.message_id, facets: |e| Facets {
        label: Some(e.filename.clone()),
        within: Some(e.thread_id.into_uuid()),
        ..Facets::default()
    });

/// `comms.contacts.repointed`: after a CRM contact merge, the threads and
/// messages matched to a merged contact now name the survivor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactsRepointed {
    pub survivor_id: ContactId,
    pub merged_ids: Vec<ContactId>,
    /// The threads whose contact links moved.
    pub thread_ids: Vec<ThreadId>,
    /// How many messages' sender moved.
    pub messages: u64,
    /// The `crm.contact.merged` event this follows.
    pub cause_event_id: uuid::Uuid,
}

event!(ContactsRepointed, "comms.contacts.repointed", "contact",
    "Email threads and messages matched to merged contacts now name the surviving one.",
    |e| e.survivor_id, facets: |e| Facets {
        summary: Some(format!("{} email thread(s) now name this contact after a merge", e.thread_ids.len())),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<ConnectionCreated>(),
        EventType::of::<ConnectionUpdated>(),
        EventType::of::<ConnectionPaused>(),
        EventType::of::<ConnectionResumed>(),
        EventType::of::<ConnectionResyncRequested>(),
        EventType::of::<ConnectionDeleted>(),
        EventType::of::<ConnectionAuthFailed>(),
        EventType::of::<ConnectionSyncFailed>(),
        EventType::of::<ThreadCreated>(),
        EventType::of::<ThreadFiled>(),
        EventType::of::<ThreadShared>(),
        EventType::of::<ThreadUnshared>(),
        EventType::of::<MessageReceived>(),
        EventType::of::<MessageQueued>(),
        EventType::of::<MessageDrafted>(),
        EventType::of::<MessageEdited>(),
        EventType::of::<MessageSent>(),
        EventType::of::<MessageSendFailed>(),
        EventType::of::<AttachmentSettled>(),
        EventType::of::<ContactsRepointed>(),
    ]
}
