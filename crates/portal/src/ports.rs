//! What the portal needs from other domains, implemented by the gateway. The
//! portal never reads CRM, agreements or comms tables itself.

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::crm::ContactId;
use atrium_kernel::{AppError, OrgCtx, OrganizationId};

/// A CRM contact as the portal needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactInfo {
    /// The live contact (the survivor when the id asked for was merged).
    pub id: ContactId,
    /// Given and family name joined.
    pub name: String,
    pub email: Option<String>,
}

/// CRM's contacts.
#[async_trait]
pub trait Contacts: Send + Sync + 'static {
    /// The contact of the caller's organization, or `None` (also for another organization's).
    async fn contact(&self, ctx: &OrgCtx, id: ContactId) -> Result<Option<ContactInfo>, AppError>;
}

/// An engagement as the portal shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementInfo {
    pub id: EngagementId,
    pub name: String,
}

/// Agreements' engagements.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    /// The engagement of `org`, or `None` (also for another organization's).
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementInfo>, AppError>;
}

/// A sign-in link mail for comms to write and queue to the contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMail {
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
}

/// Comms: writes the message (in a thread of the engagement with the contact) and
/// queues it to be sent; answers the message's id.
#[async_trait]
pub trait Mailer: Send + Sync + 'static {
    async fn send_link(&self, ctx: &OrgCtx, mail: LinkMail) -> Result<uuid::Uuid, AppError>;
}

/// An issued invoice as the client sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub id: uuid::Uuid,
    pub number: String,
    /// `issued`, `partially_paid` or `paid`.
    pub status: String,
    pub overdue: bool,
    pub issue_date: Option<chrono::NaiveDate>,
    pub due_date: Option<chrono::NaiveDate>,
    pub total: atrium_kernel::Money,
    pub paid: atrium_kernel::Money,
    pub balance: atrium_kernel::Money,
}

/// Revenue's invoices of one engagement, issued ones only (never drafts or void ones).
#[async_trait]
pub trait Invoices: Send + Sync + 'static {
    /// The engagement's issued invoices, newest first; `next_after` as revenue's page gives it.
    async fn issued(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<InvoiceSummary>, AppError>;

    /// The PDF (file name, bytes) of an issued invoice of the engagement, or
    /// `None` (another engagement's, a draft, a void one or no such invoice).
    async fn pdf(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<Option<(String, Vec<u8>)>, AppError>;
}

/// Who acts in the client's documents: the engagement of the grant and its contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientScope {
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    /// The contact's name as the staff timeline shows it ("Ann Lee (client) accepted …").
    pub contact_name: String,
}

/// Agreements' proposals and contracts sent to the engagement's client. An id
/// the scope does not see is `AppError::NotFound`, as if it did not exist.
#[async_trait]
pub trait Agreements: Send + Sync + 'static {
    /// Sent proposals, newest first.
    async fn proposals(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalProposalOut>, AppError>;

    /// Accept (`accept`) or decline a sent proposal, as the contact.
    async fn decide(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: uuid::Uuid,
        accept: bool,
    ) -> Result<crate::dto::PortalProposalOut, AppError>;

    /// Sent contracts, newest first.
    async fn contracts(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalContractOut>, AppError>;

    /// Sign a sent contract through agreements' signing path, as the contact, from `ip`.
    async fn sign(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        id: uuid::Uuid,
        input: crate::dto::PortalSignIn,
        ip: Option<String>,
    ) -> Result<crate::dto::PortalContractOut, AppError>;
}

/// Files of the engagement with `client` visibility.
#[async_trait]
pub trait Files: Send + Sync + 'static {
    /// Newest first.
    async fn files(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalFileOut>, AppError>;

    /// A short-lived presigned URL of a client file of the engagement (else NotFound).
    async fn download_url(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<String, AppError>;
}

/// Comms' threads of the engagement shared with the client.
#[async_trait]
pub trait Threads: Send + Sync + 'static {
    /// Newest first.
    async fn threads(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalThreadOut>, AppError>;

    /// The messages of a shared thread of the engagement (else NotFound), oldest first.
    async fn messages(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        thread: uuid::Uuid,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalMessageOut>, AppError>;

    /// The contact's reply: a message comms writes in the thread and sends its normal way.
    async fn reply(
        &self,
        org: OrganizationId,
        scope: &ClientScope,
        thread: uuid::Uuid,
        body: String,
    ) -> Result<crate::dto::PortalMessageOut, AppError>;
}

/// Projects' client-visible work of one engagement. A project that is not
/// client-visible, and everything in it, is `AppError::NotFound`, as if it did
/// not exist; so are a hidden milestone or task of a visible project.
#[async_trait]
pub trait Projects: Send + Sync + 'static {
    /// The engagement's client-visible projects, oldest first.
    async fn projects(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalProjectOut>, AppError>;

    async fn project(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<crate::dto::PortalProjectOut, AppError>;

    /// A visible project's client-visible milestones, oldest first.
    async fn milestones(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        project: uuid::Uuid,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalMilestoneOut>, AppError>;

    async fn milestone(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<crate::dto::PortalMilestoneOut, AppError>;

    /// A visible project's client-visible tasks, in the project's order.
    async fn tasks(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        project: uuid::Uuid,
        req: atrium_kernel::PageRequest,
    ) -> Result<atrium_kernel::Page<crate::dto::PortalTaskOut>, AppError>;

    async fn task(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        id: uuid::Uuid,
    ) -> Result<crate::dto::PortalTaskOut, AppError>;
}
