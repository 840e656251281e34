use atrium_kernel::{Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{ContractId, EngagementId, text_enum};

text_enum!(
    BillingModel {
        Fixed => "fixed",
        TimeAndMaterials => "time_and_materials",
        Retainer => "retainer",
    }
);

text_enum!(
    EngagementStatus {
        Planned => "planned",
        Active => "active",
        OnHold => "on_hold",
        Completed => "completed",
        Cancelled => "cancelled",
    }
);

impl EngagementStatus {
    /// Where an engagement may go from here: planned → active → completed, with
    /// on_hold in between and cancelled from anywhere open; completed and
    /// cancelled are final.
    pub fn next(self) -> &'static [EngagementStatus] {
        use EngagementStatus::*;
        match self {
            Planned => &[Active, OnHold, Cancelled],
            Active => &[OnHold, Completed, Cancelled],
            OnHold => &[Active, Cancelled],
            Completed | Cancelled => &[],
        }
    }
}

/// A new engagement. The client company is copied from the contract, else from the
/// deal; an explicit `client_company_id` must agree with them (422 otherwise).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({
    "name": "Website relaunch delivery",
    "contract_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d",
    "billing_model": "fixed",
    "budget": {"amount_minor": 4500000, "currency": "EUR"},
    "start_date": "2027-01-04",
    "end_date": "2027-03-31"
}))]
pub struct EngagementIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    pub client_company_id: Option<Uuid>,
    pub contract_id: Option<ContractId>,
    pub deal_id: Option<Uuid>,
    pub billing_model: BillingModel,
    pub budget: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Defaults to `planned`.
    pub status: Option<EngagementStatus>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "active", "budget": {"amount_minor": 5000000, "currency": "EUR"}}))]
pub struct EngagementPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub client_company_id: Patch<Uuid>,
    #[serde(default)]
    #[schema(value_type = Option<ContractId>)]
    pub contract_id: Patch<ContractId>,
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub deal_id: Patch<Uuid>,
    pub billing_model: Option<BillingModel>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub budget: Patch<Money>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub start_date: Patch<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub end_date: Patch<NaiveDate>,
    pub status: Option<EngagementStatus>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EngagementOut {
    pub id: EngagementId,
    #[schema(example = "Website relaunch delivery")]
    pub name: String,
    pub client_company_id: Option<Uuid>,
    pub contract_id: Option<ContractId>,
    pub deal_id: Option<Uuid>,
    pub billing_model: BillingModel,
    pub budget: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: EngagementStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct EngagementFilter {
    pub status: Option<EngagementStatus>,
    pub client_company_id: Option<Uuid>,
    pub contract_id: Option<ContractId>,
}
