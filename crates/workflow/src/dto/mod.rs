//! Wire types of the workflow API.

mod actions;
mod bookings;
mod runs;

use atrium_kernel::Text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

pub use actions::ActionSpec;
pub use atrium_events::workflow::{WorkflowRuleId, WorkflowRuleVersionId};
pub use bookings::{
    BookingEndpointId, BookingEndpointIn, BookingEndpointOut, BookingEndpointPatch, BookingEndpointSecretOut,
    BookingIgnoredOut, BookingProvider, BookingReceiptId, BookingReceiptOut, BookingSecretIn, MAX_SECRET, MIN_SECRET,
};
pub use runs::{ActionResultOut, DryRunActionOut, DryRunIn, DryRunOut, RunFilter, WorkflowRunId, WorkflowRunOut};

pub type RuleName = Text<200>;

/// A new rule (owner/admin). Conditions and templates are checked against the
/// schema of every event type the trigger matches.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({
    "name": "Kick off won deals",
    "trigger": "crm.deal.stage_changed",
    "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"}]},
    "actions": [
        {"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}", "project_name": "{{ data.name }} delivery"},
        {"kind": "create_task", "project_id": "{{ actions.0.project_id }}", "title": "Kick-off: {{ data.name }}",
         "due_date": "{{ occurred_at | date_add_days: 3 }}"}
    ]
}))]
pub struct WorkflowRuleIn {
    #[schema(inline)]
    pub name: RuleName,
    /// Default true.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// An event type (`crm.deal.stage_changed`) or a prefix pattern (`crm.deal.*`).
    #[schema(max_length = 120, example = "crm.deal.stage_changed")]
    pub trigger: String,
    /// `{"all": […]}`, `{"any": […]}`, `{"not": {…}}` or a comparison
    /// `{"field": "data.amount_minor", "op": "gte", "value": 1000}`; absent or
    /// `null` for none. Operators: `eq ne gt gte lt lte in exists contains starts_with`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub conditions: serde_json::Value,
    /// Run in order; a later action's templates may read an earlier one's outputs
    /// as `actions.<index>.<output>`.
    #[validate(length(min = 1, max = 20))]
    #[schema(min_items = 1, max_items = 20)]
    pub actions: Vec<ActionSpec>,
}

/// Partial update (owner/admin). A change of trigger, conditions or actions
/// creates a new version; runs keep pointing at the version they used.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"enabled": false}))]
pub struct WorkflowRulePatch {
    #[schema(inline)]
    pub name: Option<RuleName>,
    pub enabled: Option<bool>,
    #[schema(max_length = 120)]
    pub trigger: Option<String>,
    /// Replaces the conditions; `null` removes them.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<Object>)]
    pub conditions: Option<serde_json::Value>,
    #[validate(length(min = 1, max = 20))]
    #[schema(min_items = 1, max_items = 20)]
    pub actions: Option<Vec<ActionSpec>>,
}

/// A present `conditions` (even `null`) is `Some`, so `null` can clear them.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Kick off won deals", "enabled": true,
    "rule_version": 2, "rule_version_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b",
    "trigger": "crm.deal.stage_changed",
    "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"}]},
    "actions": [{"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}"}],
    "version": 3, "created_at": "2026-12-09T12:00:00Z", "updated_at": "2026-12-09T12:30:00Z"
}))]
pub struct WorkflowRuleOut {
    pub id: WorkflowRuleId,
    pub name: String,
    pub enabled: bool,
    /// The current definition's version number.
    pub rule_version: i32,
    pub rule_version_id: WorkflowRuleVersionId,
    pub trigger: String,
    #[schema(value_type = Object)]
    pub conditions: serde_json::Value,
    pub actions: Vec<ActionSpec>,
    /// The row's version, for `If-Match`.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One saved version of a rule's definition.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WorkflowRuleVersionOut {
    pub id: WorkflowRuleVersionId,
    pub rule_id: WorkflowRuleId,
    pub number: i32,
    pub trigger: String,
    #[schema(value_type = Object)]
    pub conditions: serde_json::Value,
    pub actions: Vec<ActionSpec>,
    /// Who saved it; actions of runs on this version act as them.
    #[schema(example = "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d")]
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}
