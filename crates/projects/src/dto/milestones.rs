use atrium_kernel::Date;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{DatePatch, EngagementId, MilestoneId, MilestoneStatus, Name, ProjectId};

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"project_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Design signed off", "due_date": "2027-01-15"}))]
pub struct MilestoneIn {
    pub project_id: ProjectId,
    #[schema(inline)]
    pub name: Name,
    #[schema(inline)]
    pub due_date: Option<Date>,
    /// Default `open`.
    pub status: Option<MilestoneStatus>,
    /// Shown in the client portal (when its project is too). Default `false`.
    pub client_visible: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "done"}))]
pub struct MilestonePatch {
    #[schema(inline)]
    pub name: Option<Name>,
    #[serde(default)]
    #[schema(inline)]
    pub due_date: DatePatch,
    pub status: Option<MilestoneStatus>,
    /// Shown in the client portal (when its project is too); absent is unchanged.
    pub client_visible: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneOut {
    pub id: MilestoneId,
    pub project_id: ProjectId,
    /// The project's engagement.
    pub engagement_id: EngagementId,
    #[schema(example = "Design signed off")]
    pub name: String,
    pub due_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    /// Shown in the client portal (when its project is too).
    pub client_visible: bool,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct MilestoneFilter {
    pub project_id: Option<ProjectId>,
    pub status: Option<MilestoneStatus>,
    /// Only those shown (`true`) or not shown (`false`) in the client portal.
    pub client_visible: Option<bool>,
}

impl From<atrium_events::projects::MilestoneState> for MilestoneOut {
    fn from(s: atrium_events::projects::MilestoneState) -> Self {
        Self {
            id: s.id,
            project_id: s.project_id,
            engagement_id: s.engagement_id,
            name: s.name,
            due_date: s.due_date,
            status: s.status,
            client_visible: s.client_visible,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}
