use atrium_kernel::{Email, Patch, Phone, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{ClientCompanyId, ContactId};

/// A first or last name (`contacts.first_name`/`last_name` are `varchar(100)`).
pub type Name = Text<100>;
/// A job title (`contacts.title` is `varchar(200)`).
pub type Title = Text<200>;

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@globex.example", "client_company_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"}))]
pub struct ContactIn {
    pub client_company_id: Option<ClientCompanyId>,
    #[schema(inline)]
    pub first_name: Name,
    /// Absent or `null` when the contact has none.
    #[serde(default)]
    #[schema(inline)]
    pub last_name: Option<Name>,
    #[schema(inline)]
    pub email: Option<Email>,
    #[schema(inline)]
    pub phone: Option<Phone>,
    #[schema(inline)]
    pub title: Option<Title>,
}

impl ContactIn {
    pub fn named(first_name: Name, last_name: Option<Name>) -> Self {
        Self { client_company_id: None, first_name, last_name, email: None, phone: None, title: None }
    }
}

/// Partial update: an absent field is unchanged, `null` clears it.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "CTO", "phone": null}))]
pub struct ContactPatch {
    #[serde(default)]
    #[schema(inline, value_type = Option<ClientCompanyId>)]
    pub client_company_id: Patch<ClientCompanyId>,
    #[schema(inline)]
    pub first_name: Option<Name>,
    /// `null` clears it.
    #[serde(default)]
    #[schema(inline, value_type = Option<Name>)]
    pub last_name: Patch<Name>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Email>)]
    pub email: Patch<Email>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Phone>)]
    pub phone: Patch<Phone>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Title>)]
    pub title: Patch<Title>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactOut {
    pub id: ContactId,
    pub client_company_id: Option<ClientCompanyId>,
    #[schema(example = "Ada")]
    pub first_name: String,
    /// Empty when the contact has none.
    #[schema(example = "Lovelace")]
    pub last_name: String,
    #[schema(example = "ada@globex.example")]
    pub email: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    /// Set on a merged contact (a tombstone): the survivor to use instead.
    pub merged_into_id: Option<ContactId>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ContactFilter {
    pub client_company_id: Option<ClientCompanyId>,
    /// Exact email (case-insensitive).
    #[param(inline)]
    pub email: Option<Email>,
    /// Free text over first name, last name and email (prefix, case-insensitive).
    #[param(inline)]
    pub q: Option<Text<100>>,
}
