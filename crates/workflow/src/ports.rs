//! What workflow actions need from other domains. The gateway implements each
//! with the owning domain's service, so an action is an ordinary write of that
//! domain (its validation, its event) and workflow writes no other domain's tables.

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::crm::{ContactId, DealId};
use atrium_events::projects::{ProjectId, TaskId};
use atrium_kernel::{AppError, OrgCtx, OrganizationId, UserId};
use chrono::NaiveDate;
use uuid::Uuid;

/// A task to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    pub project_id: ProjectId,
    pub title: String,
    pub assignee_id: Option<UserId>,
    pub due_date: Option<NaiveDate>,
    pub description: Option<String>,
}

/// Projects creates tasks and projects.
#[async_trait]
pub trait Projects: Send + Sync {
    async fn create_task(&self, ctx: &OrgCtx, task: NewTask) -> Result<TaskId, AppError>;
    async fn create_project(&self, ctx: &OrgCtx, engagement: EngagementId, name: String)
    -> Result<ProjectId, AppError>;
}

/// An engagement to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEngagement {
    pub name: String,
    pub deal_id: Option<DealId>,
    /// `fixed`, `time_and_materials` or `retainer`.
    pub billing_model: String,
}

/// Agreements creates engagements.
#[async_trait]
pub trait Agreements: Send + Sync {
    async fn create_engagement(&self, ctx: &OrgCtx, engagement: NewEngagement) -> Result<EngagementId, AppError>;
}

/// A person who booked an appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBooking {
    pub email: String,
    pub name: Option<String>,
    pub company: Option<String>,
}

/// CRM, the golden record, creates contacts.
#[async_trait]
pub trait Crm: Send + Sync {
    /// The contact with the booking's email, created when there is none; `true`
    /// when it was created. `actor` is the run (`system:workflow:<run>`).
    async fn contact_from_booking(
        &self,
        org: OrganizationId,
        actor: &str,
        booking: NewBooking,
    ) -> Result<(ContactId, bool), AppError>;
}

/// An email to draft or queue (comms), from a connected mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub connection_id: Uuid,
    pub to: Vec<String>,
    /// Required for a new thread; a reply takes the thread's.
    pub subject: Option<String>,
    pub body_text: String,
    /// Reply in this thread instead of starting one.
    pub thread_id: Option<Uuid>,
    pub engagement_id: Option<EngagementId>,
    /// Leave it a draft for review instead of queueing it.
    pub draft: bool,
}

/// The message written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenEmail {
    pub message_id: Uuid,
    pub thread_id: Uuid,
    /// `queued` or `draft`.
    pub status: String,
}

/// Comms writes (and its sender sends) mail.
#[async_trait]
pub trait Comms: Send + Sync {
    async fn email(&self, ctx: &OrgCtx, mail: NewEmail) -> Result<WrittenEmail, AppError>;
}

/// One signed call to one of the organization's webhook endpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookCall {
    pub endpoint_id: Uuid,
    /// The event that caused it (the endpoint's attempt log names it).
    pub event_id: Uuid,
    /// The `webhook-id` (receivers dedupe on it): stable across retries.
    pub id: String,
    pub body: serde_json::Value,
}

/// Webhooks signs and posts to an endpoint, by its URL rules (SSRF guard).
#[async_trait]
pub trait Webhooks: Send + Sync {
    /// The receiver's status; an error when the endpoint is unknown or disabled,
    /// its URL is refused, or the receiver did not answer 2xx.
    async fn call(&self, org: OrganizationId, call: WebhookCall) -> Result<u16, AppError>;
}
