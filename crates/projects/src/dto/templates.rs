use std::collections::HashSet;

use atrium_events::projects::{TemplateMilestoneState, TemplateTaskState};
use atrium_kernel::{AppError, Date, FieldError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::{Description, DescriptionPatch, EngagementId, Key, MAX_ESTIMATE_MINUTES, Name, ProjectTemplateId, Title};
use crate::error::ProjectsError;

/// The furthest a template item may fall after the project's start: ten years.
pub const MAX_OFFSET_DAYS: i32 = 3650;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"key": "design", "name": "Design signed off", "offset_days": 14}))]
pub struct TemplateMilestone {
    /// Names the milestone within the template, for tasks' `milestone_key`.
    // `value_type`, not `inline`: an inlined field with a doc comment is documented
    // as `allOf [string, object]` (juhaku/utoipa#1507).
    #[schema(value_type = String, min_length = 1, max_length = 50)]
    pub key: Key,
    #[schema(inline)]
    pub name: Name,
    /// Days after the project's start date the milestone is due.
    #[schema(minimum = 0, maximum = 3650)]
    #[validate(range(min = 0, max = MAX_OFFSET_DAYS))]
    pub offset_days: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Wireframes", "milestone_key": "design", "offset_days": 7, "estimate_minutes": 480}))]
pub struct TemplateTask {
    #[schema(inline)]
    pub title: Title,
    /// The `key` of one of the template's milestones.
    #[schema(inline)]
    pub milestone_key: Option<Key>,
    /// Days after the project's start date the task is due.
    #[schema(minimum = 0, maximum = 3650)]
    #[validate(range(min = 0, max = MAX_OFFSET_DAYS))]
    pub offset_days: i32,
    #[schema(inline)]
    pub description: Option<Description>,
    #[schema(minimum = 0, maximum = 124_800)]
    #[validate(range(min = 0, max = MAX_ESTIMATE_MINUTES))]
    pub estimate_minutes: Option<i32>,
}

impl TemplateMilestone {
    pub(crate) fn state(&self) -> TemplateMilestoneState {
        TemplateMilestoneState { key: self.key.to_string(), name: self.name.to_string(), offset_days: self.offset_days }
    }
}

impl TemplateTask {
    pub(crate) fn state(&self) -> TemplateTaskState {
        TemplateTaskState {
            title: self.title.to_string(),
            milestone_key: self.milestone_key.as_ref().map(ToString::to_string),
            offset_days: self.offset_days,
            description: self.description.as_ref().map(ToString::to_string),
            estimate_minutes: self.estimate_minutes,
        }
    }
}

/// What a template holds, as stored (the `body` column).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct TemplateBody {
    #[validate(length(max = 100), nested)]
    pub milestones: Vec<TemplateMilestone>,
    #[validate(length(max = 1000), nested)]
    pub tasks: Vec<TemplateTask>,
}

impl TemplateBody {
    /// Field rules plus the cross-item ones (milestone keys are unique and every
    /// task's `milestone_key` names one of them), all reported at once.
    pub fn check(&self) -> Result<(), AppError> {
        let mut errors = match atrium_kernel::input::validate(self) {
            Err(AppError::Validation(fields)) => fields,
            Err(other) => return Err(other),
            Ok(()) => Vec::new(),
        };
        let mut keys = HashSet::new();
        for (i, m) in self.milestones.iter().enumerate() {
            if !keys.insert(m.key.as_str()) {
                errors.push(FieldError::new(format!("milestones[{i}].key"), format!("duplicate key `{}`", m.key)));
            }
        }
        for (i, t) in self.tasks.iter().enumerate() {
            if let Some(k) = &t.milestone_key
                && !keys.contains(k.as_str())
            {
                errors
                    .push(FieldError::new(format!("tasks[{i}].milestone_key"), format!("no milestone has key `{k}`")));
            }
        }
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        if errors.is_empty() { Ok(()) } else { Err(ProjectsError::InvalidTemplate(errors).into()) }
    }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({
    "name": "Website relaunch",
    "milestones": [{"key": "design", "name": "Design signed off", "offset_days": 14}],
    "tasks": [{"title": "Wireframes", "milestone_key": "design", "offset_days": 7, "estimate_minutes": 480}]
}))]
pub struct TemplateIn {
    #[schema(inline)]
    pub name: Name,
    #[schema(inline)]
    pub description: Option<Description>,
    // Items are checked with the cross-item rules by the service (no `nested`
    // here), so one answer names every invalid item.
    #[serde(default)]
    #[schema(max_items = 100)]
    #[validate(length(max = 100))]
    pub milestones: Vec<TemplateMilestone>,
    #[serde(default)]
    #[schema(max_items = 1000)]
    #[validate(length(max = 1000))]
    pub tasks: Vec<TemplateTask>,
}

/// Partial update: `milestones` and `tasks` are replaced whole when given, and the
/// result must still hold together (tasks' keys name milestones).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Website relaunch (v2)", "description": null}))]
pub struct TemplatePatch {
    #[schema(inline)]
    pub name: Option<Name>,
    #[serde(default)]
    #[schema(inline)]
    pub description: DescriptionPatch,
    #[schema(max_items = 100)]
    #[validate(length(max = 100))]
    pub milestones: Option<Vec<TemplateMilestone>>,
    #[schema(max_items = 1000)]
    #[validate(length(max = 1000))]
    pub tasks: Option<Vec<TemplateTask>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateOut {
    pub id: ProjectTemplateId,
    #[schema(example = "Website relaunch")]
    pub name: String,
    pub description: Option<String>,
    pub milestones: Vec<TemplateMilestone>,
    pub tasks: Vec<TemplateTask>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// A new project from a template: each milestone and task is due `offset_days`
/// after `start_date`.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Globex relaunch", "start_date": "2026-12-01"}))]
pub struct InstantiateIn {
    pub engagement_id: EngagementId,
    #[schema(inline)]
    pub name: Name,
    #[schema(inline)]
    pub start_date: Date,
}

/// Saves a project's milestones and tasks as a template; offsets count from the
/// project's start date, or its earliest due date when it has none.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Relaunch playbook"}))]
pub struct SaveAsTemplateIn {
    #[schema(inline)]
    pub name: Name,
    #[schema(inline)]
    pub description: Option<Description>,
}
