use atrium_kernel::Date;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{ClientCompanyId, DatePatch, Description, DescriptionPatch, EngagementId, Name, ProjectId, ProjectStatus};

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Website relaunch", "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "status": "active", "start_date": "2026-12-01", "due_date": "2027-03-31"}))]
pub struct ProjectIn {
    #[schema(inline)]
    pub name: Name,
    /// The engagement this project delivers; the project's client is the engagement's.
    pub engagement_id: EngagementId,
    #[schema(inline)]
    pub description: Option<Description>,
    /// Default `planned`.
    pub status: Option<ProjectStatus>,
    #[schema(inline)]
    pub start_date: Option<Date>,
    #[schema(inline)]
    pub due_date: Option<Date>,
    /// Shown in the client portal. Default `false`.
    pub client_visible: Option<bool>,
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "on_hold", "due_date": null}))]
pub struct ProjectPatch {
    #[schema(inline)]
    pub name: Option<Name>,
    #[serde(default)]
    #[schema(inline)]
    pub description: DescriptionPatch,
    pub status: Option<ProjectStatus>,
    #[serde(default)]
    #[schema(inline)]
    pub start_date: DatePatch,
    #[serde(default)]
    #[schema(inline)]
    pub due_date: DatePatch,
    /// Shown in the client portal; absent is unchanged.
    pub client_visible: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProjectOut {
    pub id: ProjectId,
    pub engagement_id: EngagementId,
    /// The engagement's client company (follows CRM merges).
    pub client_company_id: Option<ClientCompanyId>,
    #[schema(example = "Website relaunch")]
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// Shown in the client portal.
    pub client_visible: bool,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ProjectFilter {
    pub engagement_id: Option<EngagementId>,
    pub status: Option<ProjectStatus>,
    pub client_company_id: Option<ClientCompanyId>,
    /// Only those shown (`true`) or not shown (`false`) in the client portal.
    pub client_visible: Option<bool>,
}

impl From<atrium_events::projects::ProjectState> for ProjectOut {
    fn from(s: atrium_events::projects::ProjectState) -> Self {
        Self {
            id: s.id,
            engagement_id: s.engagement_id,
            client_company_id: s.client_company_id,
            name: s.name,
            description: s.description,
            status: s.status,
            start_date: s.start_date,
            due_date: s.due_date,
            client_visible: s.client_visible,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}
