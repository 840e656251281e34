//! Wire types of the projects API. These field names are the contract web clients use.

mod tasks;
mod templates;

pub use tasks::*;
pub use templates::*;

use atrium_kernel::{AppError, Patch, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

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

/// `as_str` for storage and `from_stored` back; the CHECK constraints hold the same lists.
macro_rules! stored_enum {
    ($name:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $name {
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            pub(crate) fn from_stored(s: &str) -> Result<Self, AppError> {
                match s {
                    $($text => Ok(Self::$variant),)*
                    other => Err(AppError::internal(format!(concat!("stored ", stringify!($name), " `{}`"), other))),
                }
            }
        }
    };
}
pub(crate) use stored_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Active,
    OnHold,
    Completed,
    Cancelled,
}

stored_enum!(ProjectStatus {
    Planned => "planned",
    Active => "active",
    OnHold => "on_hold",
    Completed => "completed",
    Cancelled => "cancelled",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    Open,
    Done,
}

stored_enum!(MilestoneStatus { Open => "open", Done => "done" });

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Website relaunch", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "status": "active", "start_date": "2026-12-01", "due_date": "2027-03-31"}))]
pub struct ProjectIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    /// The engagement this project delivers; the project's client is the engagement's.
    pub engagement_id: Uuid,
    #[schema(max_length = 20000)]
    #[validate(length(max = 20000))]
    pub description: Option<String>,
    /// Default `planned`.
    pub status: Option<ProjectStatus>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "on_hold", "due_date": null}))]
pub struct ProjectPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub description: Patch<String>,
    pub status: Option<ProjectStatus>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub start_date: Patch<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub due_date: Patch<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectOut {
    pub id: ProjectId,
    pub engagement_id: Uuid,
    /// The engagement's client company (follows CRM merges).
    pub client_company_id: Option<Uuid>,
    #[schema(example = "Website relaunch")]
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ProjectFilter {
    pub engagement_id: Option<Uuid>,
    pub status: Option<ProjectStatus>,
    pub client_company_id: Option<Uuid>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Design signed off", "due_date": "2027-01-15"}))]
pub struct MilestoneIn {
    pub project_id: ProjectId,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    pub due_date: Option<NaiveDate>,
    /// Default `open`.
    pub status: Option<MilestoneStatus>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "done"}))]
pub struct MilestonePatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub due_date: Patch<NaiveDate>,
    pub status: Option<MilestoneStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneOut {
    pub id: MilestoneId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: Uuid,
    #[schema(example = "Design signed off")]
    pub name: String,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct MilestoneFilter {
    pub project_id: Option<ProjectId>,
    pub status: Option<MilestoneStatus>,
}
