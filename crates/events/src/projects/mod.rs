//! Events published by the `projects` domain: projects, milestones, tasks,
//! project templates, and (in [`time`]) time entries and rate cards. Every
//! project, milestone and task event names the engagement the work belongs to, so
//! the timeline files it under that engagement.

use atrium_kernel::{UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::agreements::EngagementId;
use crate::crm::ClientCompanyId;
use crate::{EventType, Facets, event};

typed_id!(
    /// A project.
    ProjectId
);
typed_id!(
    /// A milestone of a project.
    MilestoneId
);
typed_id!(
    /// A task of a project.
    TaskId
);
typed_id!(
    /// A project template.
    ProjectTemplateId
);

/// A status enum stored as its snake_case name (the CHECK constraints hold the
/// same lists): `as_str` for storage, `FromStr` to read it back.
macro_rules! status {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok(Self::$variant),)*
                    other => Err(format!(concat!("`{}` is not a ", stringify!($name)), other)),
                }
            }
        }
    };
}

// After `status!`, which it uses.
mod time;
pub use time::*;
mod capacity;
pub use capacity::*;

status!(
    /// Where a project stands.
    ProjectStatus {
        Planned => "planned",
        Active => "active",
        OnHold => "on_hold",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

status!(
    /// Whether a milestone is reached.
    MilestoneStatus { Open => "open", Done => "done" }
);

status!(
    /// Where a task stands.
    TaskStatus { Todo => "todo", InProgress => "in_progress", Blocked => "blocked", Done => "done" }
);

/// A project as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectState {
    pub id: ProjectId,
    /// The engagement the project delivers.
    pub engagement_id: EngagementId,
    /// The engagement's client company (follows CRM merges).
    pub client_company_id: Option<ClientCompanyId>,
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// Shown in the client portal (absent in events older than the flag: false).
    #[serde(default)]
    pub client_visible: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ProjectState {
    fn facets(&self) -> Facets {
        Facets { engagement_id: Some(self.engagement_id.into()), label: Some(self.name.clone()), ..Facets::default() }
    }
}

/// `projects.project.created`: the new project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectCreated {
    #[serde(flatten)]
    pub project: ProjectState,
}

/// `projects.project.updated`: the project after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectUpdated {
    #[serde(flatten)]
    pub project: ProjectState,
    /// The fields whose value changed, e.g. `["status", "due_date"]`.
    pub changed: Vec<String>,
}

/// `projects.project.instantiated`: a project made from a template with all its
/// milestones and tasks (one event stands for the whole creation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectInstantiated {
    #[serde(flatten)]
    pub project: ProjectState,
    pub template_id: ProjectTemplateId,
    pub milestone_ids: Vec<MilestoneId>,
    pub task_ids: Vec<TaskId>,
}

/// `projects.project.deleted`: the project went, and its milestones and tasks with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectDeleted {
    pub id: ProjectId,
    pub name: String,
    pub engagement_id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    pub deleted_milestone_ids: Vec<MilestoneId>,
    pub deleted_task_ids: Vec<TaskId>,
}

/// `projects.project.reconciled`: the project's client company was realigned with
/// its engagement's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectReconciled {
    pub id: ProjectId,
    pub engagement_id: EngagementId,
    pub from: Option<ClientCompanyId>,
    pub to: Option<ClientCompanyId>,
}

event!(ProjectCreated, "projects.project.created", "project", "A project was created under an engagement.",
    |e| e.project.id, facets: |e| e.project.facets());
event!(ProjectUpdated, "projects.project.updated", "project", "A project was changed.",
    |e| e.project.id, facets: |e| e.project.facets());
event!(ProjectInstantiated, "projects.project.instantiated", "project",
    "A project was created from a template, with the template's milestones and tasks.",
    |e| e.project.id, facets: |e| e.project.facets());
event!(ProjectDeleted, "projects.project.deleted", "project", "A project was deleted with its milestones and tasks.",
|e| e.id, facets: |e| Facets {
    engagement_id: Some(e.engagement_id.into()),
    label: Some(e.name.clone()),
    ..Facets::default()
});
event!(ProjectReconciled, "projects.project.reconciled", "project",
    "A project's client company was realigned with its engagement's.",
    |e| e.id, facets: |e| Facets { engagement_id: Some(e.engagement_id.into()), ..Facets::default() });

/// A milestone as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneState {
    pub id: MilestoneId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: EngagementId,
    pub name: String,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    /// Shown in the client portal when its project is (absent in older events: false).
    #[serde(default)]
    pub client_visible: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl MilestoneState {
    fn facets(&self) -> Facets {
        Facets { engagement_id: Some(self.engagement_id.into()), label: Some(self.name.clone()), ..Facets::default() }
    }
}

/// `projects.milestone.created`: the new milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneCreated {
    #[serde(flatten)]
    pub milestone: MilestoneState,
}

/// `projects.milestone.updated`: the milestone after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneUpdated {
    #[serde(flatten)]
    pub milestone: MilestoneState,
    /// The fields whose value changed.
    pub changed: Vec<String>,
}

/// `projects.milestone.deleted`: the milestone as it was; its tasks stay in the
/// project without a milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneDeleted {
    #[serde(flatten)]
    pub milestone: MilestoneState,
    pub detached_task_ids: Vec<TaskId>,
}

event!(MilestoneCreated, "projects.milestone.created", "milestone", "A milestone was added to a project.",
    |e| e.milestone.id, facets: |e| e.milestone.facets());
event!(MilestoneUpdated, "projects.milestone.updated", "milestone", "A milestone was changed.",
    |e| e.milestone.id, facets: |e| e.milestone.facets());
event!(MilestoneDeleted, "projects.milestone.deleted", "milestone",
    "A milestone was deleted; its tasks stay in the project without a milestone.",
    |e| e.milestone.id, facets: |e| e.milestone.facets());

/// `projects.milestone.completed`: a milestone went from open to done (published
/// beside its `projects.milestone.updated`). Revenue bills milestone schedules on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneCompleted {
    #[serde(flatten)]
    pub milestone: MilestoneState,
}

event!(MilestoneCompleted, "projects.milestone.completed", "milestone", "A milestone was completed.",
    |e| e.milestone.id, facets: |e| Facets {
        summary: Some(format!("Milestone {} completed", e.milestone.name)),
        ..e.milestone.facets()
    });

/// A task as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskState {
    pub id: TaskId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: EngagementId,
    pub milestone_id: Option<MilestoneId>,
    pub title: String,
    pub description: Option<String>,
    pub status: TaskStatus,
    pub assignee_id: Option<UserId>,
    pub due_date: Option<NaiveDate>,
    pub estimate_minutes: Option<i32>,
    /// 0-based rank within the project.
    pub position: i32,
    pub completed_at: Option<DateTime<Utc>>,
    /// Shown in the client portal when its project is (absent in older events: false).
    #[serde(default)]
    pub client_visible: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TaskState {
    fn facets(&self) -> Facets {
        Facets { engagement_id: Some(self.engagement_id.into()), label: Some(self.title.clone()), ..Facets::default() }
    }
}

/// `projects.task.created`: the new task, last in its project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskCreated {
    #[serde(flatten)]
    pub task: TaskState,
}

/// `projects.task.updated`: the task after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskUpdated {
    #[serde(flatten)]
    pub task: TaskState,
    /// The fields whose value changed.
    pub changed: Vec<String>,
}

/// `projects.task.moved`: the task at its new position, and where it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskMoved {
    #[serde(flatten)]
    pub task: TaskState,
    pub from_position: i32,
}

/// `projects.task.status_changed`: a task moved from one status to another (sent
/// beside the `projects.task.updated` of the same change).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskStatusChanged {
    pub id: TaskId,
    pub title: String,
    pub project_id: ProjectId,
    pub engagement_id: EngagementId,
    pub from: TaskStatus,
    pub to: TaskStatus,
}

/// `projects.task.deleted`: the task that went; the tasks after it moved up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaskDeleted {
    pub id: TaskId,
    pub title: String,
    pub project_id: ProjectId,
    pub engagement_id: EngagementId,
    pub milestone_id: Option<MilestoneId>,
}

event!(TaskCreated, "projects.task.created", "task", "A task was added to a project.",
    |e| e.task.id, facets: |e| e.task.facets());
event!(TaskUpdated, "projects.task.updated", "task", "A task was changed.",
    |e| e.task.id, facets: |e| e.task.facets());
event!(TaskMoved, "projects.task.moved", "task", "A task was moved to another position in its project.",
    |e| e.task.id, facets: |e| e.task.facets());
event!(TaskStatusChanged, "projects.task.status_changed", "task", "A task's status changed.",
|e| e.id, facets: |e| Facets {
    engagement_id: Some(e.engagement_id.into()),
    label: Some(e.title.clone()),
    transition: Some((e.from.as_str().to_owned(), e.to.as_str().to_owned())),
    ..Facets::default()
});
event!(TaskDeleted, "projects.task.deleted", "task", "A task was deleted.",
|e| e.id, facets: |e| Facets {
    engagement_id: Some(e.engagement_id.into()),
    label: Some(e.title.clone()),
    ..Facets::default()
});

/// A template's milestone as events carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TemplateMilestoneState {
    pub key: String,
    pub name: String,
    pub offset_days: i32,
}

/// A template's task as events carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TemplateTaskState {
    pub title: String,
    pub milestone_key: Option<String>,
    pub offset_days: i32,
    pub description: Option<String>,
    pub estimate_minutes: Option<i32>,
}

/// A project template as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateState {
    pub id: ProjectTemplateId,
    pub name: String,
    pub description: Option<String>,
    pub milestones: Vec<TemplateMilestoneState>,
    pub tasks: Vec<TemplateTaskState>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `projects.template.created`: the new template; when saved from a project, that
/// project and its engagement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateCreated {
    #[serde(flatten)]
    pub template: TemplateState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_project_id: Option<ProjectId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_id: Option<EngagementId>,
}

/// `projects.template.updated`: the template after the change, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateUpdated {
    #[serde(flatten)]
    pub template: TemplateState,
    /// The fields whose value changed.
    pub changed: Vec<String>,
}

/// `projects.template.deleted`: the template that went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TemplateDeleted {
    pub id: ProjectTemplateId,
    pub name: String,
}

event!(TemplateCreated, "projects.template.created", "project_template",
"A project template was created, from scratch or saved from a project.",
|e| e.template.id, facets: |e| Facets {
    engagement_id: e.engagement_id.map(Into::into),
    label: Some(e.template.name.clone()),
    ..Facets::default()
});
event!(TemplateUpdated, "projects.template.updated", "project_template", "A project template was changed.",
    |e| e.template.id, facets: |e| Facets { label: Some(e.template.name.clone()), ..Facets::default() });
event!(TemplateDeleted, "projects.template.deleted", "project_template", "A project template was deleted.",
    |e| e.id, facets: |e| Facets { label: Some(e.name.clone()), ..Facets::default() });

/// `projects.references.repointed`: after a CRM company merge, the projects that
/// named a merged company now name the survivor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReferencesRepointed {
    pub survivor_id: ClientCompanyId,
    pub merged_ids: Vec<ClientCompanyId>,
    /// How many projects moved.
    pub count: u64,
    pub project_ids: Vec<ProjectId>,
    /// The `crm.company.merged` event this follows.
    pub cause_event_id: Uuid,
}

event!(ReferencesRepointed, "projects.references.repointed", "client_company",
"Projects that named merged client companies now name the surviving one.",
|e| e.survivor_id, facets: |e| Facets {
    summary: Some(format!("{} project(s) now name this client company after a merge", e.count)),
    ..Facets::default()
});

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<ProjectCreated>(),
        EventType::of::<ProjectUpdated>(),
        EventType::of::<ProjectInstantiated>(),
        EventType::of::<ProjectDeleted>(),
        EventType::of::<ProjectReconciled>(),
        EventType::of::<MilestoneCreated>(),
        EventType::of::<MilestoneUpdated>(),
        EventType::of::<MilestoneDeleted>(),
        EventType::of::<MilestoneCompleted>(),
        EventType::of::<TaskCreated>(),
        EventType::of::<TaskUpdated>(),
        EventType::of::<TaskMoved>(),
        EventType::of::<TaskStatusChanged>(),
        EventType::of::<TaskDeleted>(),
        EventType::of::<TemplateCreated>(),
        EventType::of::<TemplateUpdated>(),
        EventType::of::<TemplateDeleted>(),
        EventType::of::<ReferencesRepointed>(),
    ]
    .into_iter()
    .chain(time::catalog())
    .chain(capacity::catalog())
    .collect()
}
