use atrium_kernel::{Date, Money, Patch, Text, UserId};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{AssigneeFilter, EngagementId, ProjectId, TaskId};
use crate::error::ProjectsError;

pub use atrium_events::projects::{ApprovalState, TimeEntryId};
pub use atrium_events::revenue::InvoiceId;

/// A day has 1440 minutes; one entry holds at most one day's work.
pub const MAX_ENTRY_MINUTES: i32 = 1440;
/// The years time can be logged in: a typo like 1026 or 20260 is refused.
pub const TIME_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A time entry's note (a `text` column; a paragraph is plenty).
pub type Note = Text<2000>;
/// A note in a PATCH: absent, `null` (clears) or the new text.
pub type NotePatch = Patch<Note>;

/// A date time can be logged on, or the error for `field`.
pub(crate) fn check_year(date: NaiveDate) -> Result<(), ProjectsError> {
    if TIME_YEARS.contains(&date.year()) { Ok(()) } else { Err(ProjectsError::DateOutOfRange) }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "date": "2026-12-07", "minutes": 90, "billable": true, "note": "Workshop"}))]
pub struct TimeEntryIn {
    /// Who worked; default the caller. Only owners, admins and billing log time
    /// for someone else.
    pub member_id: Option<UserId>,
    pub project_id: ProjectId,
    /// A task of the same project.
    pub task_id: Option<TaskId>,
    /// The day worked, in years 2000–2100.
    #[schema(inline)]
    pub date: Date,
    #[schema(minimum = 1, maximum = 1440)]
    #[validate(range(min = 1, max = MAX_ENTRY_MINUTES))]
    pub minutes: i32,
    /// Default `true`.
    pub billable: Option<bool>,
    #[schema(inline)]
    pub note: Option<Note>,
}

/// Partial update of a draft or rejected entry (an absent field is unchanged,
/// `null` clears). An entry stays on its project and member.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"minutes": 120, "note": null}))]
pub struct TimeEntryPatch {
    #[serde(default)]
    #[schema(value_type = Option<TaskId>)]
    pub task_id: Patch<TaskId>,
    #[schema(inline)]
    pub date: Option<Date>,
    #[schema(minimum = 1, maximum = 1440)]
    #[validate(range(min = 1, max = MAX_ENTRY_MINUTES))]
    pub minutes: Option<i32>,
    pub billable: Option<bool>,
    #[serde(default)]
    #[schema(inline)]
    pub note: NotePatch,
}

/// Why an entry goes back to its member.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"reason": "Please split the workshop from the travel time"}))]
pub struct RejectIn {
    #[schema(inline)]
    pub reason: Option<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimeEntryOut {
    pub id: TimeEntryId,
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
    /// The invoice that billed this time; `null` while unbilled.
    pub invoiced_by: Option<InvoiceId>,
    /// Who approved or rejected it last, and when.
    pub decided_by: Option<UserId>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub decided_at: Option<DateTime<Utc>>,
    pub rejection_reason: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct TimeEntryFilter {
    /// A member's user id, or `me` for the caller.
    #[param(value_type = Option<String>, example = "me")]
    pub member_id: Option<AssigneeFilter>,
    pub project_id: Option<ProjectId>,
    pub engagement_id: Option<EngagementId>,
    /// Entries on or after this day.
    #[param(inline)]
    pub date_from: Option<Date>,
    /// Entries on or before this day.
    #[param(inline)]
    pub date_to: Option<Date>,
    pub billable: Option<bool>,
    pub approval_state: Option<ApprovalState>,
    /// `false`: not yet billed by an invoice; `true`: billed.
    pub invoiced: Option<bool>,
}

/// One approved, billable, unbilled entry with the rates that price it, for revenue.
#[derive(Debug, Clone, PartialEq)]
pub struct BillableTime {
    pub entry_id: TimeEntryId,
    pub member_id: UserId,
    pub project_id: ProjectId,
    pub task_id: Option<TaskId>,
    pub date: NaiveDate,
    pub minutes: i32,
    /// Per hour; `None` when no rate card applies (revenue must ask for one).
    pub billing_rate: Option<Money>,
    pub cost_rate: Option<Money>,
}

/// What an engagement's approved time cost, for revenue's profitability report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementTimeCost {
    pub engagement_id: EngagementId,
    /// Approved minutes (billable or not) in the period.
    pub minutes: i64,
    /// Of those, the minutes no rate card prices: they cost nothing here.
    pub unpriced_minutes: i64,
    /// Per currency of the cards that priced the time: Σ minutes × hourly cost
    /// rate ÷ 60, rounded half-even once per currency.
    pub costs: Vec<Money>,
}
