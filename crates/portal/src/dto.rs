//! Wire types of the portal: the staff API's grants and links, and the portal's
//! own session and overview.

use atrium_kernel::{Patch, Text, Timestamp};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub use atrium_events::agreements::EngagementId;
pub use atrium_events::crm::ContactId;
pub use atrium_events::portal::{PortalAccessId, PortalLinkId, PortalSessionId};

/// What a contact may do in the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// See the engagement's overview, client-visible work and shared files.
    View,
    /// Accept or decline proposals sent to the client.
    ApproveProposals,
    /// Sign contracts sent to the client.
    SignContracts,
    /// See issued invoices, their PDFs and payment status.
    Invoices,
    /// Reply to threads shared with the client.
    ReplyThreads,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::ApproveProposals => "approve_proposals",
            Self::SignContracts => "sign_contracts",
            Self::Invoices => "invoices",
            Self::ReplyThreads => "reply_threads",
        }
    }
}

fn default_permissions() -> Vec<Permission> {
    vec![Permission::View]
}

/// Give a contact portal access to an engagement.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "permissions": ["view", "invoices", "approve_proposals"],
    "expires_at": "2027-06-30T00:00:00Z"}))]
pub struct AccessIn {
    pub engagement_id: EngagementId,
    /// A contact of the organization (merged ones resolve to their survivor).
    pub contact_id: ContactId,
    /// Default `["view"]`.
    #[serde(default = "default_permissions")]
    #[validate(length(min = 1, max = 5, message = "must name 1 to 5 permissions"))]
    pub permissions: Vec<Permission>,
    /// When the grant stops working; none: until revoked.
    pub expires_at: Option<Timestamp>,
}

/// Change a grant: absent is unchanged; `expires_at: null` removes the expiry.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"permissions": ["view"], "expires_at": null}))]
pub struct AccessPatch {
    #[validate(length(min = 1, max = 5, message = "must name 1 to 5 permissions"))]
    pub permissions: Option<Vec<Permission>>,
    #[serde(default)]
    #[schema(value_type = Option<Timestamp>)]
    pub expires_at: Patch<Timestamp>,
}

/// A grant of portal access.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee", "permissions": ["view", "invoices"],
    "status": "active", "expires_at": null, "revoked_at": null, "last_used_at": null, "created_by": "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b80",
    "version": 1, "created_at": "2026-12-09T13:00:00Z", "updated_at": "2026-12-09T13:00:00Z"}))]
pub struct AccessOut {
    pub id: PortalAccessId,
    pub engagement_id: EngagementId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub permissions: Vec<Permission>,
    /// `active`, `expired` or `revoked`.
    pub status: String,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the contact last signed in or acted.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Who granted it (`user:<id>` or `api_key:<id>`).
    pub created_by: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which grants to list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct AccessFilter {
    pub engagement_id: Option<EngagementId>,
    pub contact_id: Option<ContactId>,
}

/// Options of issuing a link.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct LinkOptions {
    /// `true`: the answer carries the link and its token, once (they are never
    /// stored; the mail to the contact carries them too).
    pub return_link: Option<bool>,
}

/// A sign-in link that was issued and mailed.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "access_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "expires_at": "2026-12-09T13:30:00Z", "message_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8f",
    "url": "https://atrium.example.com/portal/sign-in?token=atr_pl_…", "token": "atr_pl_…"}))]
pub struct LinkOut {
    pub id: PortalLinkId,
    pub access_id: PortalAccessId,
    pub expires_at: DateTime<Utc>,
    /// The comms message that carries the link to the contact.
    pub message_id: uuid::Uuid,
    /// Only with `return_link=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Only with `return_link=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// Exchange a sign-in link's token (`token`, from the link's URL) for a portal session.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"token": "atr_pl_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6"}))]
pub struct SessionIn {
    #[schema(inline)]
    pub token: Text<200>,
}

/// The engagement a portal session sees.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PortalEngagementOut {
    pub id: EngagementId,
    pub name: String,
}

/// Who is signed in to the portal, and what they see.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"contact_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "contact_name": "Ann Lee",
    "engagement": {"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "name": "Website relaunch"},
    "permissions": ["view", "invoices"], "session_expires_at": "2026-12-09T21:00:00Z"}))]
pub struct PortalMeOut {
    pub contact_id: ContactId,
    pub contact_name: String,
    pub engagement: PortalEngagementOut,
    pub permissions: Vec<Permission>,
    pub session_expires_at: DateTime<Utc>,
}

/// An issued invoice of the engagement, with its payment status.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b90", "number": "INV-2026-0007", "status": "partially_paid",
    "overdue": false, "issue_date": "2026-12-01", "due_date": "2026-12-31",
    "total": {"amount_minor": 120000, "currency": "EUR"}, "paid": {"amount_minor": 20000, "currency": "EUR"},
    "balance": {"amount_minor": 100000, "currency": "EUR"}}))]
pub struct PortalInvoiceOut {
    pub id: uuid::Uuid,
    pub number: String,
    /// `issued`, `partially_paid` or `paid`.
    pub status: String,
    /// Past its due date with a balance left.
    pub overdue: bool,
    pub issue_date: Option<chrono::NaiveDate>,
    pub due_date: Option<chrono::NaiveDate>,
    pub total: atrium_kernel::Money,
    pub paid: atrium_kernel::Money,
    pub balance: atrium_kernel::Money,
}

/// One priced line of a proposal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PortalLineOut {
    pub description: String,
    /// Decimal string, e.g. `"1.5"`.
    pub quantity: String,
    pub unit_price: atrium_kernel::Money,
    pub amount: atrium_kernel::Money,
}

/// A proposal sent to the client.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b91", "reference": "P-0012", "title": "Website relaunch",
    "status": "sent", "valid_until": "2027-01-31", "total": {"amount_minor": 1200000, "currency": "EUR"},
    "lines": [{"description": "Design", "quantity": "1", "unit_price": {"amount_minor": 1200000, "currency": "EUR"},
        "amount": {"amount_minor": 1200000, "currency": "EUR"}}],
    "sent_at": "2026-12-01T09:00:00Z", "decided_at": null}))]
pub struct PortalProposalOut {
    pub id: uuid::Uuid,
    /// `P-` and the organization's number, e.g. `P-0012`.
    pub reference: String,
    pub title: String,
    /// `sent` (awaiting the client), `accepted`, `declined` or `expired`.
    pub status: String,
    pub valid_until: Option<chrono::NaiveDate>,
    pub total: atrium_kernel::Money,
    pub lines: Vec<PortalLineOut>,
    pub sent_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// A contract sent to the client for signature.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b92", "title": "Website relaunch", "status": "sent",
    "total": {"amount_minor": 1200000, "currency": "EUR"}, "start_date": "2027-01-01", "end_date": null,
    "terms": "Payment within 30 days.", "signer_name": null, "signed_at": null}))]
pub struct PortalContractOut {
    pub id: uuid::Uuid,
    pub title: String,
    /// `sent` (awaiting signature), `signed`, `active`, `completed` or `terminated`.
    pub status: String,
    pub total: Option<atrium_kernel::Money>,
    pub start_date: Option<chrono::NaiveDate>,
    pub end_date: Option<chrono::NaiveDate>,
    pub terms: Option<String>,
    pub signer_name: Option<String>,
    pub signed_at: Option<DateTime<Utc>>,
}

/// The client's signature of a sent contract. `signature_data` (e.g. the typed
/// name or a drawn signature as a data URL) is stored encrypted.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"signer_name": "Ann Lee", "signer_email": "ann@globex.example", "signature_data": "Ann Lee"}))]
pub struct PortalSignIn {
    #[schema(inline)]
    pub signer_name: Text<200>,
    #[schema(inline)]
    pub signer_email: atrium_kernel::Email,
    #[schema(inline)]
    pub signature_data: Text<200_000>,
}

/// A file the firm shares with the client.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b93", "name": "brief.pdf", "size": 48213,
    "media_type": "application/pdf", "uploaded_at": "2026-12-02T10:00:00Z"}))]
pub struct PortalFileOut {
    pub id: uuid::Uuid,
    pub name: String,
    pub size: i64,
    pub media_type: String,
    pub uploaded_at: DateTime<Utc>,
}

/// A link to download a file (a presigned URL, valid a few minutes).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PortalDownloadOut {
    pub url: String,
}

/// A thread the firm shares with the client.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b94", "subject": "Kick-off", "message_count": 3,
    "last_message_at": "2026-12-03T08:00:00Z"}))]
pub struct PortalThreadOut {
    pub id: uuid::Uuid,
    pub subject: String,
    pub message_count: i32,
    pub last_message_at: DateTime<Utc>,
}

/// A message of a shared thread.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b95", "from_name": "Ada", "from_address": "ada@firm.example",
    "sent_at": "2026-12-03T08:00:00Z", "body_text": "Hello Ann, …", "status": "sent"}))]
pub struct PortalMessageOut {
    pub id: uuid::Uuid,
    pub from_name: Option<String>,
    pub from_address: String,
    pub sent_at: DateTime<Utc>,
    pub body_text: String,
    /// `received`, or for mail written here `queued`, `retrying`, `sent` or `failed`.
    pub status: String,
}

/// The client's reply to a shared thread.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"body_text": "Thanks, the draft looks good."}))]
pub struct PortalReplyIn {
    #[schema(inline)]
    pub body_text: Text<20_000>,
}

/// A project of the engagement the firm shows the client.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b96", "name": "Website relaunch", "status": "active",
    "start_date": "2026-12-01", "due_date": "2027-03-31"}))]
pub struct PortalProjectOut {
    pub id: uuid::Uuid,
    pub name: String,
    /// `planned`, `active`, `on_hold`, `completed` or `cancelled`.
    pub status: String,
    pub start_date: Option<chrono::NaiveDate>,
    pub due_date: Option<chrono::NaiveDate>,
}

/// A milestone of a client-visible project the firm shows the client.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b97", "project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b96",
    "name": "Design signed off", "status": "open", "due_date": "2027-01-15"}))]
pub struct PortalMilestoneOut {
    pub id: uuid::Uuid,
    pub project_id: uuid::Uuid,
    pub name: String,
    /// `open` or `done`.
    pub status: String,
    pub due_date: Option<chrono::NaiveDate>,
}

/// A task of a client-visible project the firm shows the client: what it is and
/// where it stands, nothing of who does it or the time it takes.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b98", "project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b96",
    "title": "Wireframes", "status": "done", "due_date": "2026-12-15", "completed_at": "2026-12-14T16:00:00Z"}))]
pub struct PortalTaskOut {
    pub id: uuid::Uuid,
    pub project_id: uuid::Uuid,
    pub title: String,
    /// `todo`, `in_progress`, `blocked` or `done`.
    pub status: String,
    pub due_date: Option<chrono::NaiveDate>,
    /// When it was completed; `null` unless it is done.
    pub completed_at: Option<DateTime<Utc>>,
}
