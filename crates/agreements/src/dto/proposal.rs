use atrium_events::agreements::{LineItemState, ProposalState};
use atrium_kernel::{Currency, Date, Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{
    ClientCompanyId, ContactId, ContractId, DatePatch, DealId, EngagementId, LineDescription, ProposalId,
    ProposalStatus, Quantity, Title,
};

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"description": "Discovery workshop", "quantity": "1.5", "unit_price": {"amount_minor": 120000, "currency": "EUR"}}))]
pub struct LineItemIn {
    #[schema(inline)]
    pub description: LineDescription,
    pub quantity: Quantity,
    /// In the proposal's currency. May be negative (a discount line).
    pub unit_price: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LineItemOut {
    #[schema(example = "Discovery workshop")]
    pub description: String,
    pub quantity: Quantity,
    pub unit_price: Money,
    /// quantity × unit_price, rounded half away from zero to a minor unit.
    pub amount: Money,
}

/// A new proposal. Totals are computed by the server; any sent are ignored.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({
    "title": "Website relaunch",
    "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "deal_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c",
    "currency": "EUR",
    "valid_until": "2026-12-31",
    "line_items": [
        {"description": "Discovery workshop", "quantity": 2, "unit_price": {"amount_minor": 120000, "currency": "EUR"}},
        {"description": "Design, per day", "quantity": "7.5", "unit_price": {"amount_minor": 95000, "currency": "EUR"}}
    ]
}))]
pub struct ProposalIn {
    #[schema(inline)]
    pub title: Title,
    pub client_company_id: ClientCompanyId,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    #[schema(inline)]
    pub valid_until: Option<Date>,
    #[serde(default)]
    #[schema(max_items = 200)]
    #[validate(length(max = 200), nested)]
    pub line_items: Vec<LineItemIn>,
}

/// Partial update of a draft: an absent field is unchanged, `null` clears it.
/// `line_items`, when present, replaces all lines.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Website relaunch, phase 1", "valid_until": null}))]
pub struct ProposalPatch {
    #[schema(inline)]
    pub title: Option<Title>,
    pub client_company_id: Option<ClientCompanyId>,
    #[serde(default)]
    #[schema(value_type = Option<ContactId>)]
    pub contact_id: Patch<ContactId>,
    #[serde(default)]
    #[schema(value_type = Option<DealId>)]
    pub deal_id: Patch<DealId>,
    /// Changing it requires `line_items` priced in the new currency.
    pub currency: Option<Currency>,
    #[serde(default)]
    #[schema(inline)]
    pub valid_until: DatePatch,
    #[schema(max_items = 200)]
    #[validate(length(max = 200), nested)]
    pub line_items: Option<Vec<LineItemIn>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProposalOut {
    pub id: ProposalId,
    /// 1, 2, 3… per organization.
    #[schema(example = 42)]
    pub number: i64,
    #[schema(example = "Website relaunch")]
    pub title: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    pub valid_until: Option<NaiveDate>,
    pub status: ProposalStatus,
    pub line_items: Vec<LineItemOut>,
    /// Sum of the line amounts.
    pub subtotal: Money,
    /// What the client pays; equals `subtotal` (no taxes or discounts at document level yet).
    pub total: Money,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was accepted, declined or expired.
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub decided_at: Option<DateTime<Utc>>,
    /// The contract made from it, if any.
    pub contract_id: Option<ContractId>,
    /// The engagement of that contract, if any.
    pub engagement_id: Option<EngagementId>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

impl From<LineItemState> for LineItemOut {
    fn from(l: LineItemState) -> Self {
        Self { description: l.description, quantity: l.quantity, unit_price: l.unit_price, amount: l.amount }
    }
}

impl From<ProposalState> for ProposalOut {
    fn from(p: ProposalState) -> Self {
        Self {
            id: p.id,
            number: p.number,
            title: p.title,
            client_company_id: p.client_company_id,
            contact_id: p.contact_id,
            deal_id: p.deal_id,
            currency: p.currency,
            valid_until: p.valid_until,
            status: p.status,
            line_items: p.line_items.into_iter().map(Into::into).collect(),
            subtotal: p.subtotal,
            total: p.total,
            sent_at: p.sent_at,
            decided_at: p.decided_at,
            contract_id: p.contract_id,
            engagement_id: p.engagement_id,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ProposalFilter {
    pub status: Option<ProposalStatus>,
    pub client_company_id: Option<ClientCompanyId>,
    pub deal_id: Option<DealId>,
}
