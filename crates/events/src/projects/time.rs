//! Time tracking events: time entries through their approval, their invoicing
//! (following revenue's invoices), and members' rate cards. Only approvals and
//! rejections name the engagement as a facet: a timeline entry for every logged
//! quarter hour would bury the engagement's history.

use atrium_kernel::{Money, UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{ProjectId, TaskId};
use crate::agreements::EngagementId;
use crate::revenue::InvoiceId;
use crate::{EventType, Facets, event};

typed_id!(
    /// A time entry: minutes a member worked on a project on one day.
    TimeEntryId
);
typed_id!(
    /// A rate card: a member's billing and cost rate from a date, by default or
    /// for one engagement.
    RateCardId
);

status!(
    /// Where a time entry is in its approval: `draft → submitted → approved |
    /// rejected`; a rejected entry can be edited and submitted again, an approved
    /// one is locked.
    ApprovalState { Draft => "draft", Submitted => "submitted", Approved => "approved", Rejected => "rejected" }
);

/// A time entry as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryState {
    pub id: TimeEntryId,
    /// Who worked.
    pub member_id: UserId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: EngagementId,
    pub task_id: Option<TaskId>,
    pub date: NaiveDate,
    pub minutes: i32,
    pub billable: bool,
    pub note: Option<String>,
    pub approval_state: ApprovalState,
    /// The invoice that billed this time, once revenue issued one.
    pub invoiced_by: Option<InvoiceId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TimeEntryState {
    fn decided(&self, verb: &str) -> Facets {
        Facets {
            engagement_id: Some(self.engagement_id.into()),
            summary: Some(format!("{} of time on {} {verb}", duration(self.minutes), self.date)),
            ..Facets::default()
        }
    }
}

/// `90` → `1h 30m`.
fn duration(minutes: i32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// `projects.time_entry.created`: a new draft entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryCreated {
    #[serde(flatten)]
    pub entry: TimeEntryState,
}

/// `projects.time_entry.updated`: the entry after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryUpdated {
    #[serde(flatten)]
    pub entry: TimeEntryState,
    pub changed: Vec<String>,
}

/// `projects.time_entry.submitted`: the member handed the entry in for approval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntrySubmitted {
    #[serde(flatten)]
    pub entry: TimeEntryState,
}

/// `projects.time_entry.approved`: the entry is approved and locked from now on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryApproved {
    #[serde(flatten)]
    pub entry: TimeEntryState,
}

/// `projects.time_entry.rejected`: the entry went back to its member, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryRejected {
    #[serde(flatten)]
    pub entry: TimeEntryState,
    pub reason: Option<String>,
}

/// `projects.time_entry.deleted`: a draft or rejected entry was removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryDeleted {
    pub id: TimeEntryId,
    pub member_id: UserId,
    pub project_id: ProjectId,
    pub engagement_id: EngagementId,
    pub date: NaiveDate,
    pub minutes: i32,
}

/// `projects.time_entry.invoiced`: entries an issued invoice named are marked as
/// billed by it (only those that were approved, billable, of the invoice's
/// engagement and not billed yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntriesInvoiced {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub time_entry_ids: Vec<TimeEntryId>,
    /// The `revenue.invoice.issued` event this follows.
    pub cause_event_id: Uuid,
}

/// `projects.time_entry.uninvoiced`: a voided invoice's entries are billable again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntriesUninvoiced {
    pub invoice_id: InvoiceId,
    pub engagement_id: EngagementId,
    pub time_entry_ids: Vec<TimeEntryId>,
    /// The `revenue.invoice.voided` event this follows.
    pub cause_event_id: Uuid,
}

event!(TimeEntryCreated, "projects.time_entry.created", "time_entry", "A member logged time on a project.",
    |e| e.entry.id);
event!(TimeEntryUpdated, "projects.time_entry.updated", "time_entry", "A draft or rejected time entry was changed.",
    |e| e.entry.id);
event!(TimeEntrySubmitted, "projects.time_entry.submitted", "time_entry", "A time entry was submitted for approval.",
    |e| e.entry.id);
event!(TimeEntryApproved, "projects.time_entry.approved", "time_entry",
    "A submitted time entry was approved; it is locked from now on.",
    |e| e.entry.id, facets: |e| e.entry.decided("approved"));
event!(TimeEntryRejected, "projects.time_entry.rejected", "time_entry",
    "A submitted time entry was rejected back to its member.",
    |e| e.entry.id, facets: |e| e.entry.decided("rejected"));
event!(TimeEntryDeleted, "projects.time_entry.deleted", "time_entry", "A draft or rejected time entry was deleted.",
    |e| e.id);
event!(TimeEntriesInvoiced, "projects.time_entry.invoiced", "invoice",
    "Time entries were marked as billed by an issued invoice.", |e| e.invoice_id);
event!(TimeEntriesUninvoiced, "projects.time_entry.uninvoiced", "invoice",
    "Time entries of a voided invoice became unbilled again.", |e| e.invoice_id);

/// A rate card as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RateCardState {
    pub id: RateCardId,
    pub member_id: UserId,
    /// The engagement it overrides the member's default for; `null` for the default.
    pub engagement_id: Option<EngagementId>,
    /// The first day the rates apply.
    pub effective_from: NaiveDate,
    /// Per hour.
    pub billing_rate: Money,
    /// Per hour.
    pub cost_rate: Money,
    pub created_at: DateTime<Utc>,
}

/// `projects.rate_card.created`: rates for a member from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RateCardCreated {
    #[serde(flatten)]
    pub rate_card: RateCardState,
}

/// `projects.rate_card.deleted`: the rates no longer apply from that date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RateCardDeleted {
    #[serde(flatten)]
    pub rate_card: RateCardState,
}

event!(RateCardCreated, "projects.rate_card.created", "rate_card",
    "Billing and cost rates were set for a member from a date.", |e| e.rate_card.id);
event!(RateCardDeleted, "projects.rate_card.deleted", "rate_card", "A member's rate card was deleted.",
    |e| e.rate_card.id);

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<TimeEntryCreated>(),
        EventType::of::<TimeEntryUpdated>(),
        EventType::of::<TimeEntrySubmitted>(),
        EventType::of::<TimeEntryApproved>(),
        EventType::of::<TimeEntryRejected>(),
        EventType::of::<TimeEntryDeleted>(),
        EventType::of::<TimeEntriesInvoiced>(),
        EventType::of::<TimeEntriesUninvoiced>(),
        EventType::of::<RateCardCreated>(),
        EventType::of::<RateCardDeleted>(),
    ]
}
