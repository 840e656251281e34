use atrium_kernel::{Date, Patch, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{
    DatePatch, Description, DescriptionPatch, EngagementId, MilestoneId, ProjectId, TaskId, TaskStatus, Title,
};
use crate::error::ProjectsError;

/// Longest estimate accepted: a year of full-time work, in minutes.
pub const MAX_ESTIMATE_MINUTES: i32 = 124_800;

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "title": "Wireframes", "assignee_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "due_date": "2026-12-15", "estimate_minutes": 480}))]
pub struct TaskIn {
    pub project_id: ProjectId,
    #[schema(inline)]
    pub title: Title,
    /// A milestone of the same project.
    pub milestone_id: Option<MilestoneId>,
    /// A member of the organization.
    pub assignee_id: Option<UserId>,
    /// Default `todo`.
    pub status: Option<TaskStatus>,
    #[schema(inline)]
    pub description: Option<Description>,
    #[schema(inline)]
    pub due_date: Option<Date>,
    #[schema(minimum = 0, maximum = 124_800)]
    #[validate(range(min = 0, max = MAX_ESTIMATE_MINUTES))]
    pub estimate_minutes: Option<i32>,
    /// Shown in the client portal (when its project is too). Default `false`.
    pub client_visible: Option<bool>,
}

/// Partial update: an absent field is unchanged, `null` clears it. A task stays in
/// its project; reorder it with `POST /tasks/{id}/move`.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "done", "assignee_id": null}))]
pub struct TaskPatch {
    #[schema(inline)]
    pub title: Option<Title>,
    #[serde(default)]
    #[schema(inline)]
    pub description: DescriptionPatch,
    pub status: Option<TaskStatus>,
    #[serde(default)]
    #[schema(value_type = Option<MilestoneId>)]
    pub milestone_id: Patch<MilestoneId>,
    #[serde(default)]
    #[schema(value_type = Option<UserId>)]
    pub assignee_id: Patch<UserId>,
    #[serde(default)]
    #[schema(inline)]
    pub due_date: DatePatch,
    #[serde(default)]
    #[schema(value_type = Option<i32>, minimum = 0, maximum = 124_800)]
    pub estimate_minutes: Patch<i32>,
    /// Shown in the client portal (when its project is too); absent is unchanged.
    pub client_visible: Option<bool>,
}

impl TaskPatch {
    /// The rules `validator` cannot see through `Patch`.
    pub fn check(&self) -> Result<(), ProjectsError> {
        match self.estimate_minutes.as_value() {
            Some(e) if !(0..=MAX_ESTIMATE_MINUTES).contains(e) => Err(ProjectsError::EstimateOutOfRange),
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskOut {
    pub id: TaskId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: EngagementId,
    pub milestone_id: Option<MilestoneId>,
    #[schema(example = "Wireframes")]
    pub title: String,
    pub description: Option<String>,
    pub status: TaskStatus,
    pub assignee_id: Option<UserId>,
    pub due_date: Option<NaiveDate>,
    pub estimate_minutes: Option<i32>,
    /// 0-based rank within the project (dense: the project's tasks hold 0..n).
    pub position: i32,
    /// When the task last became `done`; `null` unless it is done.
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Shown in the client portal (when its project is too).
    pub client_visible: bool,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `assignee_id` in a filter: a user id, or `me` for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssigneeFilter {
    Me,
    User(UserId),
}

impl<'de> Deserialize<'de> for AssigneeFilter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        if raw == "me" {
            return Ok(Self::Me);
        }
        raw.parse::<Uuid>()
            .map(|u| Self::User(u.into()))
            .map_err(|_| serde::de::Error::custom("must be a user id or `me`"))
    }
}

impl AssigneeFilter {
    /// The user meant; `me` needs a signed-in user, not an API key.
    pub fn resolve(self, caller: Option<UserId>) -> Result<UserId, ProjectsError> {
        match self {
            Self::User(u) => Ok(u),
            Self::Me => caller.ok_or(ProjectsError::MeWithoutUser),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct TaskFilter {
    /// Tasks of one project, listed in `position` order (otherwise oldest first).
    pub project_id: Option<ProjectId>,
    pub status: Option<TaskStatus>,
    /// A user id, or `me` for the caller: "my work" across projects.
    #[param(value_type = Option<String>, example = "me")]
    pub assignee_id: Option<AssigneeFilter>,
    /// Tasks due strictly before this date (tasks without a due date are left out).
    #[param(inline)]
    pub due_before: Option<Date>,
    pub milestone_id: Option<MilestoneId>,
    /// Only those shown (`true`) or not shown (`false`) in the client portal.
    pub client_visible: Option<bool>,
}

/// Where to move a task within its project: exactly one of `position` (the 0-based
/// rank it takes; past the end means last), `before_id` or `after_id` (a task of the
/// same project).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"after_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c"}))]
pub struct TaskMoveIn {
    #[schema(minimum = 0)]
    #[validate(range(min = 0))]
    pub position: Option<i32>,
    pub before_id: Option<TaskId>,
    pub after_id: Option<TaskId>,
}

impl From<atrium_events::projects::TaskState> for TaskOut {
    fn from(s: atrium_events::projects::TaskState) -> Self {
        Self {
            id: s.id,
            project_id: s.project_id,
            engagement_id: s.engagement_id,
            milestone_id: s.milestone_id,
            title: s.title,
            description: s.description,
            status: s.status,
            assignee_id: s.assignee_id,
            due_date: s.due_date,
            estimate_minutes: s.estimate_minutes,
            position: s.position,
            completed_at: s.completed_at,
            client_visible: s.client_visible,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}
