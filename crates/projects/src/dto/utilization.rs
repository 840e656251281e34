use atrium_kernel::{Date, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{AssigneeFilter, EngagementId, ProjectId};

/// Which time the ratios count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UtilizationBasis {
    /// Approved time only: what an accountant counts (the default).
    #[default]
    Approved,
    /// Everything logged, in any approval state: the live view.
    Logged,
}

/// The period and filters of the utilization report. `from` and `to` are required
/// (they are optional here only so a missing one is a 422 naming it).
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct UtilizationQuery {
    /// The period's first day (required).
    #[param(inline, required = true)]
    pub from: Option<Date>,
    /// The period's last day, inclusive (required).
    #[param(inline, required = true)]
    pub to: Option<Date>,
    /// One member's row: a user id, or `me` for the caller.
    #[param(value_type = Option<String>, example = "me")]
    pub member_id: Option<AssigneeFilter>,
    /// Count only time on this project.
    pub project_id: Option<ProjectId>,
    /// Count only time on this engagement's projects.
    pub engagement_id: Option<EngagementId>,
    /// `approved` (default) or `logged`: the time the ratios count.
    pub basis: Option<UtilizationBasis>,
}

/// One member's utilization over the period. Ratios are basis points (10000 =
/// 100 %), rounded half to even, and may pass 10000 for overtime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "available_minutes": 9600,
    "logged_minutes": 9000, "billable_minutes": 7200, "approved_minutes": 8400, "approved_billable_minutes": 6720,
    "basis": "approved", "utilization_bp": 7000, "billable_share_bp": 8000}))]
pub struct UtilizationRow {
    pub member_id: UserId,
    /// The member's capacity over the period: each working day in it counts its
    /// capacity's `minutes_per_week / working days`, following capacity changes
    /// inside the period; days before the first capacity count 0. Rounded half to
    /// even to the minute.
    pub available_minutes: i64,
    /// All time logged in the period (any approval state).
    pub logged_minutes: i64,
    /// The billable part of `logged_minutes`.
    pub billable_minutes: i64,
    /// Approved time in the period.
    pub approved_minutes: i64,
    /// The billable part of `approved_minutes`.
    pub approved_billable_minutes: i64,
    /// The time the ratios count.
    pub basis: UtilizationBasis,
    /// Billable minutes (of the basis) / available minutes (exact, before
    /// rounding); `null` when nothing is available.
    pub utilization_bp: Option<i64>,
    /// Billable minutes / all minutes of the basis; `null` when there are none.
    pub billable_share_bp: Option<i64>,
}
