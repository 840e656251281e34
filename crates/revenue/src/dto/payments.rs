use atrium_kernel::{Date, Money};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{InvoiceId, Label, PaymentId, Reason};

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": {"amount_minor": 50000, "currency": "EUR"}, "received_on": "2027-02-10", "method": "bank transfer", "reference": "SEPA 2027-0210-17"}))]
pub struct PaymentIn {
    /// In the invoice's currency; at most its balance.
    pub amount: Money,
    #[schema(inline)]
    pub received_on: Date,
    #[schema(inline)]
    pub method: Option<Label>,
    #[schema(inline)]
    pub reference: Option<Label>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Refunded: duplicate transfer"}))]
pub struct ReverseIn {
    #[schema(inline)]
    pub reason: Option<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PaymentOut {
    pub id: PaymentId,
    pub invoice_id: InvoiceId,
    pub amount: Money,
    pub received_on: NaiveDate,
    pub method: Option<String>,
    pub reference: Option<String>,
    /// Base-currency units per unit of the payment's currency on the day received.
    pub fx_rate: Option<String>,
    /// The payment in the base currency at its own rate.
    pub base_amount: Money,
    /// `base_amount` minus the same amount at the invoice's rate: the realized
    /// exchange gain (positive) or loss (negative).
    pub realized_fx_difference: Money,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub reversed_at: Option<DateTime<Utc>>,
    pub reversal_reason: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct PaymentFilter {
    pub invoice_id: Option<InvoiceId>,
}
