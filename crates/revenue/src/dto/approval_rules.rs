use atrium_kernel::{Currency, Money, Patch, Role, Text, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::{ApprovalRuleId, EngagementId, Label, LabelPatch, StepMode, VendorId};

/// An approval rule's name (`varchar(200)`).
pub type RuleName = Text<200>;
/// Most steps on one route.
pub const MAX_STEPS: u64 = 10;
/// Most approvers named on one step.
pub const MAX_APPROVERS: u64 = 20;
/// Highest priority number (rules are evaluated from the lowest up).
pub const MAX_PRIORITY: i32 = 1_000_000;

/// Who may decide a step: every member holding a role (resolved when the bill is
/// submitted), or one member. Exactly one of the two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "admin"}))]
pub struct ApproverIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// A member's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<UserId>,
}

/// One step of a route: its approvers and how they decide. Steps run in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"mode": "any_of", "approvers": [{"role": "admin"}]}))]
pub struct ApprovalStep {
    #[schema(inline)]
    pub mode: StepMode,
    #[validate(length(min = 1, max = MAX_APPROVERS), nested)]
    pub approvers: Vec<ApproverIn>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Large bills",
    "priority": 10,
    "min_amount": {"amount_minor": 500000, "currency": "USD"},
    "steps": [
        {"mode": "any_of", "approvers": [{"role": "admin"}]},
        {"mode": "all_of", "approvers": [{"role": "owner"}]}
    ]
}))]
pub struct ApprovalRuleIn {
    #[schema(inline)]
    pub name: RuleName,
    /// Rules are evaluated from the lowest priority up; the first that matches routes the bill.
    #[validate(range(min = 0, max = MAX_PRIORITY))]
    pub priority: i32,
    /// Default true; an inactive rule is skipped.
    #[serde(default = "yes")]
    pub active: bool,
    /// Matches bills whose total in the base currency is at least this (base currency).
    pub min_amount: Option<Money>,
    /// … and below this (base currency).
    pub max_amount: Option<Money>,
    /// Matches bills of this vendor only.
    pub vendor_id: Option<VendorId>,
    /// Matches bills of this engagement only.
    pub engagement_id: Option<EngagementId>,
    /// Matches bills in this currency only.
    pub currency: Option<Currency>,
    /// Matches bills with at least one line booked to this account or category.
    #[schema(inline)]
    pub account: Option<Label>,
    #[validate(length(min = 1, max = MAX_STEPS), nested)]
    pub steps: Vec<ApprovalStep>,
}

fn yes() -> bool {
    true
}

/// A change to a rule. Bills already submitted keep the route they got.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"priority": 20, "active": false}))]
pub struct ApprovalRulePatch {
    #[schema(inline)]
    pub name: Option<RuleName>,
    #[validate(range(min = 0, max = MAX_PRIORITY))]
    pub priority: Option<i32>,
    pub active: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub min_amount: Patch<Money>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub max_amount: Patch<Money>,
    #[serde(default)]
    #[schema(value_type = Option<VendorId>)]
    pub vendor_id: Patch<VendorId>,
    #[serde(default)]
    #[schema(value_type = Option<EngagementId>)]
    pub engagement_id: Patch<EngagementId>,
    #[serde(default)]
    #[schema(value_type = Option<Currency>)]
    pub currency: Patch<Currency>,
    #[serde(default)]
    #[schema(inline)]
    pub account: LabelPatch,
    #[validate(length(min = 1, max = MAX_STEPS), nested)]
    pub steps: Option<Vec<ApprovalStep>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRuleOut {
    pub id: ApprovalRuleId,
    pub name: String,
    pub priority: i32,
    pub active: bool,
    pub min_amount: Option<Money>,
    pub max_amount: Option<Money>,
    pub vendor_id: Option<VendorId>,
    pub engagement_id: Option<EngagementId>,
    pub currency: Option<Currency>,
    pub account: Option<String>,
    pub steps: Vec<ApprovalStep>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}
