use atrium_events::agreements::EngagementState;
use atrium_kernel::{Date, Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{BillingModel, ClientCompanyId, ContractId, DatePatch, DealId, EngagementId, EngagementStatus, Title};

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
    #[schema(inline)]
    pub name: Title,
    pub client_company_id: Option<ClientCompanyId>,
    pub contract_id: Option<ContractId>,
    pub deal_id: Option<DealId>,
    pub billing_model: BillingModel,
    pub budget: Option<Money>,
    #[schema(inline)]
    pub start_date: Option<Date>,
    #[schema(inline)]
    pub end_date: Option<Date>,
    /// Defaults to `planned`.
    pub status: Option<EngagementStatus>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "active", "budget": {"amount_minor": 5000000, "currency": "EUR"}}))]
pub struct EngagementPatch {
    #[schema(inline)]
    pub name: Option<Title>,
    #[serde(default)]
    #[schema(value_type = Option<ClientCompanyId>)]
    pub client_company_id: Patch<ClientCompanyId>,
    #[serde(default)]
    #[schema(value_type = Option<ContractId>)]
    pub contract_id: Patch<ContractId>,
    #[serde(default)]
    #[schema(value_type = Option<DealId>)]
    pub deal_id: Patch<DealId>,
    pub billing_model: Option<BillingModel>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub budget: Patch<Money>,
    #[serde(default)]
    #[schema(inline)]
    pub start_date: DatePatch,
    #[serde(default)]
    #[schema(inline)]
    pub end_date: DatePatch,
    pub status: Option<EngagementStatus>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EngagementOut {
    pub id: EngagementId,
    #[schema(example = "Website relaunch delivery")]
    pub name: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contract_id: Option<ContractId>,
    pub deal_id: Option<DealId>,
    pub billing_model: BillingModel,
    pub budget: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: EngagementStatus,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

impl From<EngagementState> for EngagementOut {
    fn from(e: EngagementState) -> Self {
        Self {
            id: e.id,
            name: e.name,
            client_company_id: e.client_company_id,
            contract_id: e.contract_id,
            deal_id: e.deal_id,
            billing_model: e.billing_model,
            budget: e.budget,
            start_date: e.start_date,
            end_date: e.end_date,
            status: e.status,
            version: e.version,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct EngagementFilter {
    pub status: Option<EngagementStatus>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contract_id: Option<ContractId>,
}
