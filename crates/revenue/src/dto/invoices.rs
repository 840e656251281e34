use atrium_kernel::{Currency, Date, Money, Patch};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{
    ClientCompanyId, CreditNoteId, EngagementId, InvoiceId, InvoiceScheduleId, LineDescription, MAX_LINES,
    MAX_TERMS_DAYS, Note, Quantity, Reason, TaxRateId, TimeEntryId,
};

/// Where an invoice stands. `overdue` is not stored: it is an issued or partly paid
/// invoice whose due date has passed (see `InvoiceOut.overdue` and the list filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Draft,
    Issued,
    PartiallyPaid,
    Paid,
    Void,
}

impl InvoiceStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Issued => "issued",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Void => "void",
        }
    }

    /// Open for payments and credit notes.
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Issued | Self::PartiallyPaid)
    }
}

impl std::str::FromStr for InvoiceStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "draft" => Self::Draft,
            "issued" => Self::Issued,
            "partially_paid" => Self::PartiallyPaid,
            "paid" => Self::Paid,
            "void" => Self::Void,
            other => return Err(format!("`{other}` is not an invoice status")),
        })
    }
}

/// A list filter on status; `overdue` selects open invoices past their due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    Draft,
    Issued,
    PartiallyPaid,
    Paid,
    Void,
    Overdue,
}

/// One line as entered. The server computes every amount from it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"description": "Discovery workshop", "quantity": "1.5", "unit_price": {"amount_minor": 120000, "currency": "EUR"}, "tax_rate_id": null}))]
pub struct LineIn {
    #[schema(inline)]
    pub description: LineDescription,
    /// An integer or a decimal string with at most 3 decimals (`"1.5"` hours), as on proposals.
    pub quantity: Quantity,
    /// Per unit, in the document's currency; negative for a discount line.
    pub unit_price: Money,
    /// A tax rate of the organization; none for an untaxed line.
    pub tax_rate_id: Option<TaxRateId>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "currency": "EUR",
    "lines": [{"description": "Discovery workshop", "quantity": 1, "unit_price": {"amount_minor": 250000, "currency": "EUR"}}]
}))]
pub struct InvoiceIn {
    pub engagement_id: EngagementId,
    /// Default: the organization's base currency.
    pub currency: Option<Currency>,
    /// Default: the organization's payment terms.
    #[validate(range(min = 0, max = MAX_TERMS_DAYS))]
    pub payment_terms_days: Option<i32>,
    #[schema(inline)]
    pub notes: Option<Note>,
    #[serde(default)]
    #[validate(length(max = MAX_LINES), nested)]
    pub lines: Vec<LineIn>,
}

/// A change to a draft. `lines`, when present, replaces every line.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"notes": "Thank you for your business.", "payment_terms_days": 14}))]
pub struct InvoicePatch {
    pub currency: Option<Currency>,
    #[validate(range(min = 0, max = MAX_TERMS_DAYS))]
    pub payment_terms_days: Option<i32>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub notes: Patch<Note>,
    #[validate(length(max = MAX_LINES), nested)]
    pub lines: Option<Vec<LineIn>>,
}

#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"issue_date": "2027-01-31"}))]
pub struct IssueIn {
    /// Default: today (UTC).
    #[schema(inline)]
    pub issue_date: Option<Date>,
}

/// The tax a line carries, copied from the tax rate when the line was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LineTax {
    pub name: String,
    /// `2000` is 20 %.
    pub basis_points: i32,
    /// Whether the unit price already contains this tax.
    pub inclusive: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LineOut {
    pub position: i32,
    pub description: String,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub tax: Option<LineTax>,
    /// Without tax.
    pub net: Money,
    pub tax_amount: Money,
    /// With tax.
    pub total: Money,
}

/// Tax of one rate over the whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TaxTotal {
    pub name: String,
    pub basis_points: i32,
    pub inclusive: bool,
    /// Net amount the rate applies to.
    pub taxable: Money,
    pub tax: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InvoiceOut {
    pub id: InvoiceId,
    pub engagement_id: EngagementId,
    /// The engagement's client when the invoice was written.
    pub client_company_id: Option<ClientCompanyId>,
    /// The schedule that drafted it; `null` for an invoice written by hand.
    pub schedule_id: Option<InvoiceScheduleId>,
    pub status: InvoiceStatus,
    /// Issued or partly paid, due date passed, balance above zero.
    pub overdue: bool,
    /// Assigned at issue; `null` on a draft.
    pub number: Option<String>,
    pub currency: Currency,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub payment_terms_days: i32,
    pub lines: Vec<LineOut>,
    pub tax_totals: Vec<TaxTotal>,
    /// Sum of the lines' net amounts.
    pub subtotal: Money,
    pub tax_total: Money,
    pub total: Money,
    pub paid: Money,
    pub credited: Money,
    /// total − paid − credited.
    pub balance: Money,
    pub base_currency: Currency,
    /// Base-currency units per unit of `currency`, fixed at issue (decimal string).
    pub fx_rate: Option<String>,
    /// The total in the base currency at `fx_rate`.
    pub base_total: Option<Money>,
    pub notes: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub issued_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub voided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct InvoiceFilter {
    #[param(inline)]
    pub status: Option<StatusFilter>,
    pub engagement_id: Option<EngagementId>,
    pub client_company_id: Option<ClientCompanyId>,
    pub schedule_id: Option<InvoiceScheduleId>,
}

/// A credit note as entered: lines credited against an issued invoice.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Workshop shortened", "lines": [{"description": "Discovery workshop (half day)", "quantity": "0.5", "unit_price": {"amount_minor": 250000, "currency": "EUR"}}]}))]
pub struct CreditNoteIn {
    #[schema(inline)]
    pub reason: Option<Reason>,
    /// Default: today (UTC).
    #[schema(inline)]
    pub issue_date: Option<Date>,
    /// Positive amounts: what is credited. Omit to credit the whole remaining balance.
    #[serde(default)]
    #[validate(length(max = MAX_LINES), nested)]
    pub lines: Vec<LineIn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CreditNoteOut {
    pub id: CreditNoteId,
    pub invoice_id: InvoiceId,
    pub number: String,
    pub issue_date: NaiveDate,
    pub reason: Option<String>,
    pub lines: Vec<LineOut>,
    pub subtotal: Money,
    pub tax_total: Money,
    pub total: Money,
    pub fx_rate: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

/// A time entry an invoice line bills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"time_entry_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "line_position": 1, "minutes": 90}))]
pub struct InvoicedTimeOut {
    pub time_entry_id: TimeEntryId,
    /// The line (by position) whose quantity includes it.
    pub line_position: i32,
    pub minutes: i32,
}
