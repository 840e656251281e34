//! Wire types of runs and dry runs.

use atrium_kernel::typed_id;
use atrium_outbox::EventId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{ActionSpec, WorkflowRuleId, WorkflowRuleVersionId};

typed_id!(
    /// What one rule did with one event.
    WorkflowRunId
);

/// What one action of a run did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"index": 0, "kind": "create_engagement", "status": "succeeded",
    "output": {"engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "project_id": null}}))]
pub struct ActionResultOut {
    pub index: usize,
    #[schema(example = "create_task")]
    pub kind: String,
    /// `succeeded` or `failed`.
    #[schema(example = "succeeded")]
    pub status: String,
    /// The action's outputs (ids of what it created).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub output: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "rule_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "rule_version_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "rule_version": 1,
    "event_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "event_type": "crm.deal.stage_changed",
    "outcome": "succeeded", "conditions_result": true, "actions": [], "error": null, "depth": 0, "attempts": 1,
    "duration_ms": 12, "created_at": "2026-12-09T12:00:00Z", "updated_at": "2026-12-09T12:00:00Z"
}))]
pub struct WorkflowRunOut {
    pub id: WorkflowRunId,
    pub rule_id: WorkflowRuleId,
    pub rule_version_id: WorkflowRuleVersionId,
    pub rule_version: i32,
    pub event_id: EventId,
    pub event_type: String,
    /// `running`, `succeeded`, `failed` (retried with the dispatcher's backoff),
    /// `conditions_not_met` or `depth_limited`.
    #[schema(example = "succeeded")]
    pub outcome: String,
    pub conditions_result: Option<bool>,
    pub actions: Vec<ActionResultOut>,
    pub error: Option<String>,
    /// How many workflow runs in a row caused the event (0: not caused by a rule).
    pub depth: Option<i32>,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// Time spent on the latest attempt.
    pub duration_ms: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `GET /api/v1/workflow-runs?event_id=…`.
#[derive(Debug, Clone, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RunFilter {
    /// The event whose runs to list.
    pub event_id: EventId,
}

/// Which event to try the rule on: this one, or without it the organization's
/// most recent event that the trigger matches.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"event_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d"}))]
pub struct DryRunIn {
    pub event_id: Option<EventId>,
}

/// What one action would do: the action with its templates rendered (outputs of
/// earlier actions appear as `<actions.N.output>`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DryRunActionOut {
    pub index: usize,
    /// Absent when a template could not render.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub would: Option<ActionSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "event_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "event_type": "crm.deal.stage_changed",
    "rule_version": 2, "conditions_result": true,
    "actions": [{"index": 0, "would": {"kind": "create_engagement", "name": "Relaunch",
        "deal_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8e"}}]
}))]
pub struct DryRunOut {
    pub event_id: EventId,
    pub event_type: String,
    pub rule_version: i32,
    pub conditions_result: bool,
    /// Empty when the conditions are not met.
    pub actions: Vec<DryRunActionOut>,
}
