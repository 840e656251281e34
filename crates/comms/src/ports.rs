//! What comms needs from other domains, implemented by the gateway. Comms never
//! reads or writes CRM or agreements tables itself.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::comms::MessageId;
use atrium_events::crm::{ClientCompanyId, ContactId};
use atrium_kernel::{AppError, OrganizationId};
use uuid::Uuid;

/// Agreements' engagements: whether one exists in the organization. Another
/// organization's id answers `false`, so it cannot be probed through comms.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError>;
}

/// CRM's contacts, matched by email address.
#[async_trait]
pub trait Contacts: Send + Sync + 'static {
    /// The live contact of `org` for each of `emails` (lower-case) that has one;
    /// addresses without a contact are absent.
    async fn by_emails(&self, org: OrganizationId, emails: &[String]) -> Result<HashMap<String, ContactId>, AppError>;

    /// Whether the contact exists in `org` (merged ones resolve to their survivor).
    async fn contact(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactId>, AppError>;

    /// The live contacts of a client company that have an address: (id,
    /// lower-case address, display name). Reminders go to them.
    async fn of_company(
        &self,
        org: OrganizationId,
        company: ClientCompanyId,
    ) -> Result<Vec<(ContactId, String, String)>, AppError>;
}

/// Where a mailbox server may be reached (SSRF guard, implemented by the gateway
/// with the webhooks' rules): loopback and private hosts are refused unless the
/// operator allows them. The sync connects only to the addresses judged here, so
/// a DNS answer that changes later cannot turn a connection inward.
#[async_trait]
pub trait HostGuard: Send + Sync + 'static {
    /// Every address `host` resolves to, when all are allowed; else why not.
    async fn resolve(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, String>;
}

/// An email attachment to keep as a file of the thread's engagement.
#[derive(Debug, Clone)]
pub struct AttachmentFile {
    /// The file's id, chosen by comms (the attachment's own id), so storing it
    /// again after a crash finds the file instead of writing a second one.
    pub id: Uuid,
    pub engagement: EngagementId,
    pub message: MessageId,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the files domain made of an attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentStored {
    /// Kept as this file (downloads go through the files routes and their checks).
    File(Uuid),
    /// Refused for good (too large for files, say), with the reason to record.
    Refused(String),
}

/// Files: attachment bytes are kept as files of the thread's engagement,
/// attached to the message (`attached_type` `message`).
#[async_trait]
pub trait Attachments: Send + Sync + 'static {
    /// Idempotent on `file.id`. `Err` is a failure worth retrying (storage down).
    async fn store(&self, org: OrganizationId, file: AttachmentFile) -> Result<AttachmentStored, AppError>;
}

/// The ports comms needs, as the gateway wires them.
#[derive(Clone)]
pub struct Ports {
    pub engagements: Arc<dyn Engagements>,
    pub contacts: Arc<dyn Contacts>,
    pub hosts: Arc<dyn HostGuard>,
    pub attachments: Arc<dyn Attachments>,
}
