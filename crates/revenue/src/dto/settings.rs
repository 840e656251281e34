use atrium_kernel::{Currency, Date};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{FxRateId, Label, MAX_TERMS_DAYS, TaxRateId};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SettingsOut {
    /// Reports and exchange rates are in this currency.
    pub base_currency: Currency,
    /// e.g. `INV-{YYYY}-{seq:4}`; placeholders `{seq}`, `{seq:N}`, `{YYYY}`, `{YY}`, `{MM}`.
    pub invoice_number_format: String,
    pub credit_note_number_format: String,
    pub payment_terms_days: i32,
    /// Days past due at which a reminder is drafted.
    pub reminder_steps: Vec<i32>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"base_currency": "USD", "invoice_number_format": "INV-{YYYY}-{seq:5}", "payment_terms_days": 30, "reminder_steps": [1, 7, 14, 30]}))]
pub struct SettingsPatch {
    pub base_currency: Option<Currency>,
    pub invoice_number_format: Option<String>,
    pub credit_note_number_format: Option<String>,
    #[validate(range(min = 0, max = MAX_TERMS_DAYS))]
    pub payment_terms_days: Option<i32>,
    #[validate(length(max = 10))]
    pub reminder_steps: Option<Vec<i32>>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "VAT 20%", "basis_points": 2000, "inclusive": false}))]
pub struct TaxRateIn {
    #[schema(inline)]
    pub name: Label,
    /// `2000` is 20 %; 0 to 10000.
    #[validate(range(min = 0, max = 10_000))]
    pub basis_points: i32,
    /// Whether prices with this tax already contain it. Default false.
    #[serde(default)]
    pub inclusive: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"archived": true}))]
pub struct TaxRatePatch {
    #[schema(inline)]
    pub name: Option<Label>,
    /// Archived rates stay on the documents that used them and cannot be put on new lines.
    pub archived: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaxRateOut {
    pub id: TaxRateId,
    pub name: String,
    pub basis_points: i32,
    pub inclusive: bool,
    pub archived: bool,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// One exchange rate: base-currency units per unit of `currency` on `rate_date`.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"currency": "EUR", "rate_date": "2027-01-31", "rate": "1.0834"}))]
pub struct FxRateIn {
    pub currency: Currency,
    #[schema(inline)]
    pub rate_date: Date,
    /// A positive decimal with at most 9 decimal places, e.g. `"1.0834"`.
    pub rate: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FxRateOut {
    pub id: FxRateId,
    pub currency: Currency,
    pub base_currency: Currency,
    pub rate_date: NaiveDate,
    pub rate: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct FxRateFilter {
    pub currency: Option<Currency>,
}
