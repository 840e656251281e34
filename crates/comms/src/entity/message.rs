use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub thread_id: Uuid,
    pub connection_id: Option<Uuid>,
    /// IMAP: `<uidvalidity>:<uid>`; Gmail: the message id.
    pub provider_message_id: Option<String>,
    /// The RFC 5322 `Message-ID` without angle brackets.
    pub message_id_header: String,
    /// Gmail `threadId` (Graph `conversationId`): mail of one provider thread shares an Atrium thread.
    pub provider_thread_id: Option<String>,
    pub in_reply_to: Option<String>,
    pub references: Json,
    /// inbound | outbound
    pub direction: String,
    pub from_address: String,
    pub from_name: Option<String>,
    pub to_addresses: Json,
    pub cc_addresses: Json,
    pub bcc_addresses: Json,
    pub subject: String,
    pub sent_at: DateTimeUtc,
    pub body_text: String,
    /// Sanitized by ammonia before it is stored.
    pub body_html: Option<String>,
    pub attachments: Json,
    pub skipped_parts: Json,
    pub size_bytes: i64,
    pub from_contact_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    /// received (imported) | draft | queued | retrying | sent | failed
    pub status: String,
    /// Why the last send attempt failed.
    pub status_reason: Option<String>,
    pub send_attempts: i32,
    pub status_changed_at: Option<DateTimeUtc>,
    /// The revenue reminder a draft was written for.
    pub reminder_id: Option<Uuid>,
    /// Moves on every edit of a draft (`If-Match`).
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("message", version = Version);
