use atrium_events::agreements::{ContractState, SignatureState};
use atrium_kernel::{Currency, Date, Email, Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{
    ClientCompanyId, ContactId, ContractId, ContractStatus, DatePatch, DealId, EngagementId, ProposalId, SignatureData,
    Terms, TermsPatch, Title,
};

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({
    "title": "Retainer 2027",
    "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "currency": "EUR",
    "total": {"amount_minor": 6000000, "currency": "EUR"},
    "start_date": "2027-01-01",
    "end_date": "2027-12-31",
    "terms": "Monthly invoicing, 14 days net."
}))]
pub struct ContractIn {
    #[schema(inline)]
    pub title: Title,
    pub client_company_id: ClientCompanyId,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    /// Contract value; its currency must be `currency`.
    pub total: Option<Money>,
    #[schema(inline)]
    pub start_date: Option<Date>,
    #[schema(inline)]
    pub end_date: Option<Date>,
    #[schema(inline)]
    pub terms: Option<Terms>,
}

/// Partial update of a draft contract: absent is unchanged, `null` clears.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"terms": "Monthly invoicing, 30 days net.", "end_date": null}))]
pub struct ContractPatch {
    #[schema(inline)]
    pub title: Option<Title>,
    pub client_company_id: Option<ClientCompanyId>,
    #[serde(default)]
    #[schema(value_type = Option<ContactId>)]
    pub contact_id: Patch<ContactId>,
    #[serde(default)]
    #[schema(value_type = Option<DealId>)]
    pub deal_id: Patch<DealId>,
    pub currency: Option<Currency>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub total: Patch<Money>,
    #[serde(default)]
    #[schema(inline)]
    pub start_date: DatePatch,
    #[serde(default)]
    #[schema(inline)]
    pub end_date: DatePatch,
    #[serde(default)]
    #[schema(inline)]
    pub terms: TermsPatch,
}

/// The client's signature. `signature_data` (e.g. a drawn signature as a data URL)
/// is stored encrypted and only returned by `GET /contracts/{id}/signature`.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"signer_name": "Hank Scorpio", "signer_email": "hank@globex.example", "signature_data": "data:image/png;base64,iVBORw0KGgo="}))]
pub struct SignIn {
    #[schema(inline)]
    pub signer_name: Title,
    #[schema(inline)]
    pub signer_email: Email,
    #[schema(inline)]
    pub signature_data: SignatureData,
}

/// Who signed and when; never the signature itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignatureOut {
    #[schema(example = "Hank Scorpio")]
    pub signer_name: String,
    #[schema(example = "hank@globex.example")]
    pub signer_email: String,
    /// Server clock at signing.
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub signed_at: DateTime<Utc>,
    /// The signing request's peer address, when known.
    #[schema(example = "203.0.113.7")]
    pub signer_ip: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignatureDataOut {
    #[serde(flatten)]
    pub signature: SignatureOut,
    /// Decrypted signature data as it was submitted.
    pub signature_data: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContractOut {
    pub id: ContractId,
    /// The accepted proposal it was made from.
    pub proposal_id: Option<ProposalId>,
    #[schema(example = "Website relaunch")]
    pub title: String,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub deal_id: Option<DealId>,
    pub currency: Currency,
    pub total: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub terms: Option<String>,
    pub status: ContractStatus,
    /// Set once signed.
    pub signature: Option<SignatureOut>,
    /// The engagement delivering this contract, if any (the first one created).
    pub engagement_id: Option<EngagementId>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

impl From<SignatureState> for SignatureOut {
    fn from(s: SignatureState) -> Self {
        Self {
            signer_name: s.signer_name,
            signer_email: s.signer_email,
            signed_at: s.signed_at,
            signer_ip: s.signer_ip,
        }
    }
}

impl From<ContractState> for ContractOut {
    fn from(c: ContractState) -> Self {
        Self {
            id: c.id,
            proposal_id: c.proposal_id,
            title: c.title,
            client_company_id: c.client_company_id,
            contact_id: c.contact_id,
            deal_id: c.deal_id,
            currency: c.currency,
            total: c.total,
            start_date: c.start_date,
            end_date: c.end_date,
            terms: c.terms,
            status: c.status,
            signature: c.signature.map(Into::into),
            engagement_id: c.engagement_id,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ContractFilter {
    pub status: Option<ContractStatus>,
    pub client_company_id: Option<ClientCompanyId>,
}
