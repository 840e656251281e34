//! Events published by the `workflow` domain: the organization's trigger rules. A
//! run of a rule is a log entry, not a change of business state, and publishes
//! nothing (what its actions change publishes through the owning domain).

use atrium_kernel::typed_id;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, Facets, event};

typed_id!(
    /// A workflow trigger rule.
    WorkflowRuleId
);
typed_id!(
    /// One immutable version of a workflow rule.
    WorkflowRuleVersionId
);

/// A rule as it is after the change: its current version's definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WorkflowRuleState {
    pub id: WorkflowRuleId,
    pub name: String,
    pub enabled: bool,
    /// The current version's number (1, 2, …).
    pub rule_version: i32,
    /// An event type, or a prefix pattern such as `crm.deal.*`.
    pub trigger: String,
    /// The condition tree (`all`/`any`/`not`/field comparisons), `null` for none.
    #[schema(value_type = Object)]
    pub conditions: serde_json::Value,
    /// The ordered actions.
    #[schema(value_type = Vec<Object>)]
    pub actions: serde_json::Value,
}

/// A rule was created (its version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Kick off won deals", "enabled": true,
    "rule_version": 1, "trigger": "crm.deal.stage_changed",
    "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"}]},
    "actions": [{"kind": "create_engagement", "deal_id": "{{data.id}}", "name": "{{data.name}}"}]}))]
pub struct RuleCreated {
    #[serde(flatten)]
    pub rule: WorkflowRuleState,
}

/// A rule changed: a new version when its definition changed, or its name or
/// enabled flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RuleUpdated {
    #[serde(flatten)]
    pub rule: WorkflowRuleState,
    /// The fields that changed, e.g. `["conditions", "enabled"]`.
    pub changed: Vec<String>,
}

/// A rule was deleted, with its versions and runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RuleDeleted {
    pub id: WorkflowRuleId,
    pub name: String,
}

fn label(s: &str) -> Option<String> {
    Some(s.to_owned())
}

event!(RuleCreated, "workflow.rule.created", "workflow_rule", "A workflow rule was created.",
    |e| e.rule.id, facets: |e| Facets { label: label(&e.rule.name), ..Facets::default() });
event!(RuleUpdated, "workflow.rule.updated", "workflow_rule", "A workflow rule was changed.",
    |e| e.rule.id, facets: |e| Facets { label: label(&e.rule.name), ..Facets::default() });
event!(RuleDeleted, "workflow.rule.deleted", "workflow_rule", "A workflow rule was deleted.",
    |e| e.id, facets: |e| Facets { label: label(&e.name), ..Facets::default() });

pub fn catalog() -> Vec<EventType> {
    vec![EventType::of::<RuleCreated>(), EventType::of::<RuleUpdated>(), EventType::of::<RuleDeleted>()]
}
