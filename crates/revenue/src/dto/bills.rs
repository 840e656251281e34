use atrium_kernel::{Currency, Date, Money, Patch, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{
    ApprovalRuleId, BillId, BillPaymentId, EngagementId, FileId, Label, LineDescription, LineTax, MAX_LINES, Note,
    Quantity, Reason, TaxRateId, TaxTotal, VendorId,
};

// PATCH fields by alias: the schema derive documents a named `Patch<T>` through
// its own schema (`T | null`) only when it does not see the type argument.
/// A date in a PATCH: absent, `null` (clears) or a date.
pub type DatePatch = Patch<Date>;
/// A label in a PATCH: absent, `null` (clears) or the new one.
pub type LabelPatch = Patch<Label>;
/// Notes in a PATCH: absent, `null` (clears) or the new text.
pub type NotePatch = Patch<Note>;

/// Where a bill stands: entered as a draft, submitted for approval (routed by the
/// organization's rules), approved for payment, paid in part or in full, or void.
/// A rejected bill goes back to `draft` with the reason (`rejection`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BillStatus {
    Draft,
    PendingApproval,
    Approved,
    PartiallyPaid,
    Paid,
    Void,
}

impl BillStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::PendingApproval => "pending_approval",
            Self::Approved => "approved",
            Self::PartiallyPaid => "partially_paid",
            Self::Paid => "paid",
            Self::Void => "void",
        }
    }

    /// Approved and not yet settled: payments apply.
    pub fn is_payable(&self) -> bool {
        matches!(self, Self::Approved | Self::PartiallyPaid)
    }

    /// Counts as a cost of its engagement.
    pub fn is_cost(&self) -> bool {
        matches!(self, Self::Approved | Self::PartiallyPaid | Self::Paid)
    }
}

impl std::str::FromStr for BillStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "draft" => Self::Draft,
            "pending_approval" => Self::PendingApproval,
            "approved" => Self::Approved,
            "partially_paid" => Self::PartiallyPaid,
            "paid" => Self::Paid,
            "void" => Self::Void,
            other => return Err(format!("`{other}` is not a bill status")),
        })
    }
}

/// One bill line as entered. The server computes every amount from it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"description": "Printing, 500 brochures", "account": "6100", "quantity": 1, "unit_price": {"amount_minor": 120000, "currency": "EUR"}, "tax_rate_id": null}))]
pub struct BillLineIn {
    #[schema(inline)]
    pub description: LineDescription,
    /// The ledger account or expense category (approval rules can match on it).
    #[schema(inline)]
    pub account: Option<Label>,
    /// An integer or a decimal string with at most 3 decimals.
    pub quantity: Quantity,
    /// Per unit, in the bill's currency; negative for a discount line.
    pub unit_price: Money,
    /// A tax rate of the organization; none for an untaxed line.
    pub tax_rate_id: Option<TaxRateId>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "vendor_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "vendor_reference": "NW-2027-0113",
    "bill_date": "2027-01-13",
    "currency": "EUR",
    "lines": [{"description": "Printing, 500 brochures", "account": "6100", "quantity": 1, "unit_price": {"amount_minor": 120000, "currency": "EUR"}}]
}))]
pub struct BillIn {
    pub vendor_id: Option<VendorId>,
    /// The engagement the cost belongs to (and may be billed through to).
    pub engagement_id: Option<EngagementId>,
    /// The vendor's own number for the bill.
    #[schema(inline)]
    pub vendor_reference: Option<Label>,
    #[schema(inline)]
    pub bill_date: Date,
    /// Default: the bill date plus the vendor's payment terms (or the organization's).
    #[schema(inline)]
    pub due_date: Option<Date>,
    /// Default: the vendor's currency, else the organization's base currency.
    pub currency: Option<Currency>,
    #[schema(inline)]
    pub notes: Option<Note>,
    #[serde(default)]
    #[validate(length(max = MAX_LINES), nested)]
    pub lines: Vec<BillLineIn>,
}

/// A change to a draft bill. `lines`, when present, replaces every line.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"vendor_reference": "NW-2027-0113-A", "notes": "Corrected invoice from the vendor"}))]
pub struct BillPatch {
    #[serde(default)]
    #[schema(value_type = Option<VendorId>)]
    pub vendor_id: Patch<VendorId>,
    #[serde(default)]
    #[schema(value_type = Option<EngagementId>)]
    pub engagement_id: Patch<EngagementId>,
    #[serde(default)]
    #[schema(inline)]
    pub vendor_reference: LabelPatch,
    #[schema(inline)]
    pub bill_date: Option<Date>,
    #[serde(default)]
    #[schema(inline)]
    pub due_date: DatePatch,
    pub currency: Option<Currency>,
    #[serde(default)]
    #[schema(inline)]
    pub notes: NotePatch,
    #[validate(length(max = MAX_LINES), nested)]
    pub lines: Option<Vec<BillLineIn>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillLineOut {
    pub position: i32,
    pub description: String,
    pub account: Option<String>,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub tax: Option<LineTax>,
    /// Without tax.
    pub net: Money,
    pub tax_amount: Money,
    /// With tax.
    pub total: Money,
}

/// One approver's seat on a step of the route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalSeatOut {
    pub approver_id: UserId,
    /// `role:<role>` when the rule named a role, `member` when it named the person.
    pub source: String,
    /// `approved`, `rejected`, or `null` while undecided.
    pub decision: Option<String>,
    pub comment: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub decided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RouteStepOut {
    pub step: i32,
    #[schema(inline)]
    pub mode: StepMode,
    pub approvers: Vec<ApprovalSeatOut>,
}

/// The route computed when the bill was last submitted; rule changes never move it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRouteOut {
    /// `null` when no rule matched (the bill was approved at submission).
    pub rule_id: Option<ApprovalRuleId>,
    pub rule_name: Option<String>,
    /// Which submission of the bill this route belongs to (1 for the first).
    pub round: i32,
    /// The step awaiting decisions while the bill is pending.
    pub current_step: Option<i32>,
    pub steps: Vec<RouteStepOut>,
    pub submitted_by: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub submitted_at: Option<DateTime<Utc>>,
}

/// Why the bill was last sent back to draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RejectionOut {
    pub reason: String,
    pub rejected_by: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub rejected_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillOut {
    pub id: BillId,
    pub vendor_id: Option<VendorId>,
    pub engagement_id: Option<EngagementId>,
    pub vendor_reference: Option<String>,
    pub status: BillStatus,
    pub bill_date: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub currency: Currency,
    pub lines: Vec<BillLineOut>,
    pub tax_totals: Vec<TaxTotal>,
    pub subtotal: Money,
    pub tax_total: Money,
    pub total: Money,
    pub paid: Money,
    /// total − paid.
    pub balance: Money,
    pub base_currency: Currency,
    /// Base-currency units per unit of `currency` on the bill date, fixed at submission.
    pub fx_rate: Option<String>,
    /// The total in the base currency at `fx_rate`: what approval rules match on.
    pub base_total: Option<Money>,
    pub notes: Option<String>,
    /// The approval route of the last submission; `null` before the first.
    pub approval: Option<ApprovalRouteOut>,
    /// The last rejection, while the bill is back in draft because of it.
    pub rejection: Option<RejectionOut>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub approved_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub voided_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct BillFilter {
    #[param(inline)]
    pub status: Option<BillStatus>,
    pub vendor_id: Option<VendorId>,
    pub engagement_id: Option<EngagementId>,
}

/// An approval, with an optional comment.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"comment": "Matches the purchase order"}))]
pub struct ApproveIn {
    #[schema(inline)]
    pub comment: Option<Note>,
}

/// A rejection: the bill goes back to draft with this reason.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Wrong engagement: this is internal marketing"}))]
pub struct RejectIn {
    #[schema(inline)]
    pub reason: Reason,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": {"amount_minor": 60000, "currency": "EUR"}, "paid_on": "2027-02-10", "method": "bank transfer", "reference": "SEPA 2027-0210-03"}))]
pub struct BillPaymentIn {
    /// In the bill's currency; at most its balance.
    pub amount: Money,
    #[schema(inline)]
    pub paid_on: Date,
    #[schema(inline)]
    pub method: Option<Label>,
    #[schema(inline)]
    pub reference: Option<Label>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillPaymentOut {
    pub id: BillPaymentId,
    pub bill_id: BillId,
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub method: Option<String>,
    pub reference: Option<String>,
    /// Base-currency units per unit of the payment's currency on the day paid.
    pub fx_rate: Option<String>,
    pub base_amount: Money,
    /// Set once reversed: the payment no longer counts toward the bill.
    pub reversed_at: Option<DateTime<Utc>>,
    pub reversal_reason: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

/// Why a bill payment is reversed (bounced, recorded against the wrong bill).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Bank returned the transfer"}))]
pub struct BillPaymentReverseIn {
    #[schema(inline)]
    pub reason: Reason,
}

/// How a step of a route is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepMode {
    /// One approval of the approvers completes the step.
    AnyOf,
    /// Every approver must approve.
    AllOf,
}

impl StepMode {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::AnyOf => "any_of",
            Self::AllOf => "all_of",
        }
    }
}

impl std::str::FromStr for StepMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "any_of" => Ok(Self::AnyOf),
            "all_of" => Ok(Self::AllOf),
            other => Err(format!("`{other}` is not a step mode")),
        }
    }
}

/// Attach a file of the files domain to a bill: upload it first (`POST /api/v1/files`,
/// or a presigned upload through `POST /api/v1/files/uploads`), as `internal`, under
/// the bill's engagement when it has one.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"file_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a"}))]
pub struct BillAttachmentIn {
    pub file_id: FileId,
}

/// The attached file as the files domain has it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AttachedFileOut {
    pub engagement_id: EngagementId,
    #[schema(example = "northwind-NW-2027-0113.pdf")]
    pub name: String,
    /// Of the current version; `null` while its first upload is pending.
    pub size: Option<i64>,
    pub media_type: Option<String>,
    /// Where the bytes are read (with the files domain's access checks).
    #[schema(example = "/api/v1/files/01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a/download")]
    pub download_url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillAttachmentOut {
    pub bill_id: BillId,
    pub file_id: FileId,
    /// `null` once the file was deleted in the files domain (detach it, or restore the file).
    pub file: Option<AttachedFileOut>,
    pub attached_by: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub attached_at: DateTime<Utc>,
}
