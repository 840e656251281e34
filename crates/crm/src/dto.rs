//! Wire types of the CRM API. These field names are the contract web clients use.

use atrium_kernel::{Money, Patch, UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

typed_id!(
    /// A client company.
    ClientCompanyId
);
typed_id!(
    /// A contact.
    ContactId
);
typed_id!(
    /// A deal.
    DealId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    Lead,
    Active,
    Inactive,
    Archived,
    /// A tombstone left by a merge (read-only).
    Merged,
}

impl CompanyStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Active => "active",
            Self::Inactive => "inactive",
            Self::Archived => "archived",
            Self::Merged => "merged",
        }
    }
}

pub(crate) fn not_merged(status: &CompanyStatus) -> Result<(), validator::ValidationError> {
    if *status == CompanyStatus::Merged {
        return Err(validator::ValidationError::new("status").with_message("`merged` is set only by a merge".into()));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DealStage {
    Lead,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

impl DealStage {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Qualified => "qualified",
            Self::Proposal => "proposal",
            Self::Negotiation => "negotiation",
            Self::Won => "won",
            Self::Lost => "lost",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Globex", "domain": "globex.example", "status": "active", "tags": ["retainer"]}))]
pub struct CompanyIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    #[schema(min_length = 1, max_length = 253)]
    #[validate(length(min = 1, max = 253))]
    pub domain: Option<String>,
    #[validate(custom(function = "crate::dto::not_merged"))]
    pub status: Option<CompanyStatus>,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000))]
    pub address: Option<String>,
    pub owner_id: Option<UserId>,
    #[serde(default)]
    #[schema(max_items = 50)]
    #[validate(length(max = 50))]
    pub tags: Vec<String>,
    #[schema(max_length = 20000)]
    #[validate(length(max = 20000))]
    pub notes: Option<String>,
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "inactive", "notes": null}))]
pub struct CompanyPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub domain: Patch<String>,
    #[validate(custom(function = "crate::dto::not_merged"))]
    pub status: Option<CompanyStatus>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub address: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<UserId>)]
    pub owner_id: Patch<UserId>,
    #[schema(max_items = 50)]
    #[validate(length(max = 50))]
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub notes: Patch<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompanyOut {
    pub id: ClientCompanyId,
    #[schema(example = "Globex")]
    pub name: String,
    pub domain: Option<String>,
    pub status: CompanyStatus,
    pub address: Option<String>,
    pub owner_id: Option<UserId>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Set when this company was merged: the surviving company.
    pub merged_into_id: Option<ClientCompanyId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct CompanyFilter {
    pub status: Option<CompanyStatus>,
    /// Companies whose name starts with this (case-insensitive).
    #[param(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name_prefix: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@globex.example", "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"}))]
pub struct ContactIn {
    pub client_company_id: Option<ClientCompanyId>,
    #[schema(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100))]
    pub first_name: String,
    #[serde(default)]
    #[schema(max_length = 100)]
    #[validate(length(max = 100))]
    pub last_name: String,
    #[schema(max_length = 320)]
    #[validate(email, length(max = 320))]
    pub email: Option<String>,
    #[schema(min_length = 3, max_length = 50)]
    #[validate(length(min = 3, max = 50))]
    pub phone: Option<String>,
    #[schema(max_length = 200)]
    #[validate(length(max = 200))]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "CTO", "phone": null}))]
pub struct ContactPatch {
    #[serde(default)]
    #[schema(value_type = Option<ClientCompanyId>)]
    pub client_company_id: Patch<ClientCompanyId>,
    #[schema(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100))]
    pub first_name: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100))]
    pub last_name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub email: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub title: Patch<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactOut {
    pub id: ContactId,
    pub client_company_id: Option<ClientCompanyId>,
    #[schema(example = "Ada")]
    pub first_name: String,
    #[schema(example = "Lovelace")]
    pub last_name: String,
    #[schema(example = "ada@globex.example")]
    pub email: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    /// Set on a merged contact (a tombstone): the survivor to use instead.
    pub merged_into_id: Option<ContactId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ContactFilter {
    pub client_company_id: Option<ClientCompanyId>,
    /// Exact email (case-insensitive).
    #[param(min_length = 1, max_length = 320)]
    #[validate(length(min = 1, max = 320))]
    pub email: Option<String>,
    /// Free text over first name, last name and email (prefix, case-insensitive).
    #[param(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100))]
    pub q: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Website relaunch", "stage": "qualified", "value": {"amount_minor": 4500000, "currency": "EUR"}, "probability": 40}))]
pub struct DealIn {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: String,
    pub stage: Option<DealStage>,
    pub value: Option<Money>,
    #[schema(minimum = 0, maximum = 100)]
    #[validate(range(min = 0, max = 100))]
    pub probability: Option<i32>,
    pub expected_close_date: Option<NaiveDate>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"stage": "won", "probability": 100}))]
pub struct DealPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200))]
    pub name: Option<String>,
    pub stage: Option<DealStage>,
    #[serde(default)]
    #[schema(value_type = Option<Money>)]
    pub value: Patch<Money>,
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    pub probability: Patch<i32>,
    #[serde(default)]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_close_date: Patch<NaiveDate>,
    #[serde(default)]
    #[schema(value_type = Option<ClientCompanyId>)]
    pub client_company_id: Patch<ClientCompanyId>,
    #[serde(default)]
    #[schema(value_type = Option<ContactId>)]
    pub contact_id: Patch<ContactId>,
    #[serde(default)]
    #[schema(value_type = Option<UserId>)]
    pub owner_id: Patch<UserId>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DealOut {
    pub id: DealId,
    #[schema(example = "Website relaunch")]
    pub name: String,
    pub stage: DealStage,
    pub value: Option<Money>,
    pub probability: Option<i32>,
    pub expected_close_date: Option<NaiveDate>,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct DealFilter {
    pub stage: Option<DealStage>,
    pub client_company_id: Option<ClientCompanyId>,
    pub owner_id: Option<UserId>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"source_ids": ["01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b"], "dry_run": true}))]
pub struct MergeIn {
    /// Records folded into the survivor (the path id); they become tombstones.
    #[schema(min_items = 1, max_items = 50)]
    #[validate(length(min = 1, max = 50))]
    pub source_ids: Vec<Uuid>,
    /// Report the outcome without writing anything.
    #[serde(default)]
    pub dry_run: bool,
}

/// A field where a merged record held a different non-empty value than the survivor kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MergeConflict {
    #[schema(example = "phone")]
    pub field: String,
    pub kept: String,
    pub discarded: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactMergeOut {
    /// The survivor as it is (or, on a dry run, would be) after the merge.
    pub survivor: ContactOut,
    pub merged_ids: Vec<ContactId>,
    pub conflicts: Vec<MergeConflict>,
    /// Deals now pointing at the survivor.
    pub repointed_deals: u64,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    SameEmail,
    SameNameInCompany,
    SamePhone,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DuplicateGroupOut {
    pub reason: DuplicateReason,
    /// The shared normalized value.
    #[schema(example = "+4930123456")]
    pub key: String,
    pub contact_ids: Vec<ContactId>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompanyMergeOut {
    /// The survivor as it is (or, on a dry run, would be) after the merge.
    pub survivor: CompanyOut,
    pub merged_ids: Vec<ClientCompanyId>,
    pub conflicts: Vec<MergeConflict>,
    /// Contacts now belonging to the survivor.
    pub repointed_contacts: u64,
    /// Deals now pointing at the survivor.
    pub repointed_deals: u64,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CompanyDuplicateReason {
    SameName,
    SameDomain,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompanyDuplicateGroupOut {
    pub reason: CompanyDuplicateReason,
    /// The shared normalized value.
    #[schema(example = "globex.example")]
    pub key: String,
    pub company_ids: Vec<ClientCompanyId>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Report what the import would do without writing anything.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Created,
    Updated,
    Skipped,
}

/// What happened to one data row of an import.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportRowOut {
    /// 1 is the first row after the header.
    #[schema(example = 1)]
    pub row: u64,
    pub outcome: ImportOutcome,
    pub contact_id: Option<ContactId>,
    pub email: Option<String>,
    /// Why a row was skipped.
    #[schema(example = "same email as row 3")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportReportOut {
    pub dry_run: bool,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub rows: Vec<ImportRowOut>,
}
