use atrium_kernel::{Currency, Email, Patch, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{MAX_TERMS_DAYS, VendorId};

/// A vendor's name (`varchar(200)`).
pub type VendorName = Text<200>;
/// A tax id (VAT number, EIN): stored encrypted.
pub type TaxId = Text<50>;
// PATCH fields by alias: the schema derive documents a named `Patch<T>` through
// its own schema (`T | null`) only when it does not see the type argument.
/// A tax id in a PATCH: absent, `null` (clears) or the new one.
pub type TaxIdPatch = Patch<TaxId>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VendorStatus {
    Active,
    /// Kept for the bills that name it; new bills cannot.
    Archived,
}

impl VendorStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Archived => "archived",
        }
    }
}

impl std::str::FromStr for VendorStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "active" => Ok(Self::Active),
            "archived" => Ok(Self::Archived),
            other => Err(format!("`{other}` is not a vendor status")),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Northwind Print Ltd", "email": "billing@northwind.example", "tax_id": "GB123456789", "default_currency": "GBP", "payment_terms_days": 30}))]
/// A vendor. `name` is unique per organization once normalized (case, punctuation and
/// a legal-form suffix such as `Ltd` or `GmbH` are ignored), `email` too
/// (case-insensitive): a duplicate is 409 naming the existing vendor (`existing_id`).
pub struct VendorIn {
    #[schema(inline)]
    pub name: VendorName,
    #[schema(inline)]
    pub email: Option<Email>,
    /// Stored encrypted.
    #[schema(inline)]
    pub tax_id: Option<TaxId>,
    /// The currency of the vendor's bills unless a bill says otherwise.
    pub default_currency: Option<Currency>,
    /// Days from the bill date to its due date, unless a bill says otherwise.
    #[validate(range(min = 0, max = MAX_TERMS_DAYS))]
    pub payment_terms_days: Option<i32>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "accounts@northwind.example", "status": "active"}))]
pub struct VendorPatch {
    #[schema(inline)]
    pub name: Option<VendorName>,
    #[serde(default)]
    #[schema(inline, value_type = Option<Email>)]
    pub email: Patch<Email>,
    #[serde(default)]
    #[schema(inline)]
    pub tax_id: TaxIdPatch,
    #[serde(default)]
    #[schema(value_type = Option<Currency>)]
    pub default_currency: Patch<Currency>,
    #[validate(range(min = 0, max = MAX_TERMS_DAYS))]
    pub payment_terms_days: Option<i32>,
    pub status: Option<VendorStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VendorOut {
    pub id: VendorId,
    pub name: String,
    pub email: Option<String>,
    pub tax_id: Option<String>,
    pub default_currency: Option<Currency>,
    pub payment_terms_days: Option<i32>,
    pub status: VendorStatus,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct VendorFilter {
    #[param(inline)]
    pub status: Option<VendorStatus>,
}
