use atrium_kernel::{Patch, Text, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{ClientCompanyId, CompanyStatus};

/// A company name (`client_companies.name` is `varchar(200)`).
pub type CompanyName = Text<200>;
/// A domain name: at most 253 characters, as DNS allows.
pub type Domain = Text<253>;
pub type Address = Text<2000>;
pub type Notes = Text<20000>;
/// One tag; a company has at most 50.
pub type Tag = Text<100>;

pub(crate) fn not_merged(status: &CompanyStatus) -> Result<(), validator::ValidationError> {
    if *status == CompanyStatus::Merged {
        return Err(validator::ValidationError::new("status").with_message("`merged` is set only by a merge".into()));
    }
    Ok(())
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Globex", "domain": "globex.example", "status": "active", "tags": ["retainer"]}))]
pub struct CompanyIn {
    #[schema(inline)]
    pub name: CompanyName,
    #[schema(inline)]
    pub domain: Option<Domain>,
    #[validate(custom(function = "not_merged"))]
    pub status: Option<CompanyStatus>,
    #[schema(inline)]
    pub address: Option<Address>,
    pub owner_id: Option<UserId>,
    #[serde(default)]
    #[schema(inline, max_items = 50)]
    #[validate(length(max = 50))]
    pub tags: Vec<Tag>,
    #[schema(inline)]
    pub notes: Option<Notes>,
}

impl CompanyIn {
    /// A company known only by its name (bookings and imports name one).
    pub fn named(name: CompanyName) -> Self {
        Self { name, domain: None, status: None, address: None, owner_id: None, tags: Vec::new(), notes: None }
    }
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "inactive", "notes": null}))]
pub struct CompanyPatch {
    #[schema(inline)]
    pub name: Option<CompanyName>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Domain>)]
    pub domain: Patch<Domain>,
    #[validate(custom(function = "not_merged"))]
    pub status: Option<CompanyStatus>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Address>)]
    pub address: Patch<Address>,
    #[serde(default)]
    #[schema(inline, value_type = Option<UserId>)]
    pub owner_id: Patch<UserId>,
    #[schema(inline, max_items = 50)]
    #[validate(length(max = 50))]
    pub tags: Option<Vec<Tag>>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Notes>)]
    pub notes: Patch<Notes>,
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
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct CompanyFilter {
    pub status: Option<CompanyStatus>,
    /// Companies whose name starts with this (case-insensitive).
    #[param(inline)]
    pub name_prefix: Option<CompanyName>,
}
