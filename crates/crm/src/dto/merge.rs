use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use super::{ClientCompanyId, CompanyOut, ContactId, ContactOut};

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

impl MergeIn {
    /// The sources as ids of the kind merged (the wire type serves contacts and companies).
    pub fn sources<T: From<Uuid>>(&self) -> Vec<T> {
        self.source_ids.iter().copied().map(T::from).collect()
    }
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
