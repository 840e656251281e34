use atrium_kernel::{Currency, Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use super::{ContractId, EngagementId, ProposalId, text_enum};

text_enum!(
    /// draft → sent → signed → active → completed | terminated
    ContractStatus {
        Draft => "draft",
        Sent => "sent",
        Signed => "signed",
        Active => "active",
        Completed => "completed",
        Terminated => "terminated",
    }
);

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
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub title: String,
    pub client_company_id: Uuid,
    pub contact_id: Option<Uuid>,
    pub deal_id: Option<Uuid>,
    pub currency: Currency,
    /// Contract value; its currency must be `currency`.
    pub total: Option<Money>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[schema(max_length = 100000)]
    #[validate(length(max = 100000))]
    pub terms: Option<String>,
}

/// Partial update of a draft contract: absent is unchanged, `null` clears.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"terms": "Monthly invoicing, 30 days net.", "end_date": null}))]
pub struct ContractPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub title: Option<String>,
    pub client_company_id: Option<Uuid>,
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub contact_id: Patch<Uuid>,
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub deal_id: Patch<Uuid>,
    pub currency: Option<Currency>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub total: Patch<Money>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub start_date: Patch<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub end_date: Patch<NaiveDate>,
    #[serde(default)]
    /// At most 100000 characters.
    #[schema(value_type = Option<String>)]
    pub terms: Patch<String>,
}

/// The client's signature. `signature_data` (e.g. a drawn signature as a data URL)
/// is stored encrypted and only returned by `GET /contracts/{id}/signature`.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"signer_name": "Hank Scorpio", "signer_email": "hank@globex.example", "signature_data": "data:image/png;base64,iVBORw0KGgo="}))]
pub struct SignIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub signer_name: String,
    #[schema(max_length = 320)]
    #[validate(email, length(max = 320))]
    pub signer_email: String,
    #[schema(min_length = 1, max_length = 200000)]
    #[validate(length(min = 1, max = 200000))]
    pub signature_data: String,
}

/// Who signed and when; never the signature itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignatureOut {
    #[schema(example = "Hank Scorpio")]
    pub signer_name: String,
    #[schema(example = "hank@globex.example")]
    pub signer_email: String,
    /// Server clock at signing.
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
    pub client_company_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub deal_id: Option<Uuid>,
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ContractFilter {
    pub status: Option<ContractStatus>,
    pub client_company_id: Option<Uuid>,
}
