//! Events of revenue's payables side: vendors, bills and their approval route,
//! approval rules and bill payments. Bill events name their engagement (when the
//! cost is on one), so the timeline files them there.

use atrium_kernel::{Money, UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::agreements::EngagementId;
use crate::files::FileId;
use crate::{EventType, Facets, event};

typed_id!(
    /// A vendor (supplier) of an organization.
    VendorId
);
typed_id!(
    /// A bill received from a vendor.
    BillId
);
typed_id!(
    /// A payment made against a bill.
    BillPaymentId
);
typed_id!(
    /// A bill approval rule of an organization.
    ApprovalRuleId
);

/// A vendor as events carry it (the tax id is never in an event: it is encrypted at rest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VendorState {
    pub id: VendorId,
    pub name: String,
    pub email: Option<String>,
    pub default_currency: Option<String>,
    pub payment_terms_days: Option<i32>,
    /// `active` or `archived`.
    pub status: String,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// `revenue.vendor.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VendorCreated {
    #[serde(flatten)]
    pub vendor: VendorState,
}

/// `revenue.vendor.updated`, and what changed (`tax_id` when it did, never its value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VendorUpdated {
    #[serde(flatten)]
    pub vendor: VendorState,
    pub changed: Vec<String>,
}

/// `revenue.vendor.deleted`: its bills stay, without a vendor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct VendorDeleted {
    #[serde(flatten)]
    pub vendor: VendorState,
}

/// A bill as events carry it (lines are not repeated: read the bill).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillState {
    pub id: BillId,
    pub vendor_id: Option<VendorId>,
    pub engagement_id: Option<EngagementId>,
    /// The vendor's own number for the bill.
    pub vendor_reference: Option<String>,
    /// `draft`, `pending_approval`, `approved`, `partially_paid`, `paid` or `void`.
    pub status: String,
    pub bill_date: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub total: Money,
    /// What remains to be paid.
    pub balance: Money,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl BillState {
    fn facets(&self) -> Facets {
        Facets {
            engagement_id: self.engagement_id.map(Into::into),
            label: self.vendor_reference.clone(),
            ..Facets::default()
        }
    }
}

/// `revenue.bill.created`: a draft bill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillCreated {
    #[serde(flatten)]
    pub bill: BillState,
}

/// `revenue.bill.updated`: a draft bill changed, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillUpdated {
    #[serde(flatten)]
    pub bill: BillState,
    pub changed: Vec<String>,
}

/// `revenue.bill.deleted`: a draft bill was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillDeleted {
    #[serde(flatten)]
    pub bill: BillState,
}

/// `revenue.bill.voided`: a bill without payments was voided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillVoided {
    #[serde(flatten)]
    pub bill: BillState,
}

/// `revenue.bill.approval_requested`: a bill reached a step of its approval route;
/// the approvers named must decide (one of them for `any_of`, each for `all_of`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillApprovalRequested {
    #[serde(flatten)]
    pub bill: BillState,
    /// The rule that computed the route at submission.
    pub rule_id: ApprovalRuleId,
    pub rule_name: String,
    /// 1-based step of the route, and how many steps it has.
    pub step: i32,
    pub steps: i32,
    /// `any_of` or `all_of`.
    pub mode: String,
    pub approvers: Vec<UserId>,
    /// The amount the rule was matched on, in the base currency.
    pub base_total: Money,
    pub submitted_by: String,
}

/// `revenue.bill.step_approved`: one approver approved the current step of a bill
/// (`step_complete` when that finished the step).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillStepApproved {
    #[serde(flatten)]
    pub bill: BillState,
    pub step: i32,
    pub approver: UserId,
    pub comment: Option<String>,
    pub step_complete: bool,
}

/// `revenue.bill.approved`: every step of the route approved (or no rule matched
/// at submission: `rule_id` is then null); the bill may be paid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillApproved {
    #[serde(flatten)]
    pub bill: BillState,
    pub rule_id: Option<ApprovalRuleId>,
    pub base_total: Money,
    /// Everyone who approved, in order.
    pub approved_by: Vec<UserId>,
}

/// `revenue.bill.rejected`: an approver rejected the bill; it is a draft again,
/// with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillRejected {
    #[serde(flatten)]
    pub bill: BillState,
    pub step: i32,
    pub rejected_by: UserId,
    pub reason: String,
}

/// A bill approval rule as events carry it (conditions and steps: read the rule).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRuleState {
    pub id: ApprovalRuleId,
    pub name: String,
    pub priority: i32,
    pub active: bool,
    pub steps: i32,
    pub version: i32,
}

/// `revenue.approval_rule.created`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRuleCreated {
    #[serde(flatten)]
    pub rule: ApprovalRuleState,
}

/// `revenue.approval_rule.updated`: bills already submitted keep the route they got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRuleUpdated {
    #[serde(flatten)]
    pub rule: ApprovalRuleState,
    pub changed: Vec<String>,
}

/// `revenue.approval_rule.deleted`: bills already submitted keep the route they got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApprovalRuleDeleted {
    #[serde(flatten)]
    pub rule: ApprovalRuleState,
}

/// `revenue.bill_payment.recorded`: a payment made against an approved bill, with
/// the bill status it led to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillPaymentRecorded {
    pub id: BillPaymentId,
    pub bill_id: BillId,
    pub vendor_id: Option<VendorId>,
    pub engagement_id: Option<EngagementId>,
    pub amount: Money,
    pub base_amount: Money,
    pub paid_on: NaiveDate,
    pub bill_status: String,
    pub bill_balance: Money,
}

/// `revenue.bill_payment.reversed`: a payment no longer counts toward its bill,
/// with why, and the bill status it led back to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillPaymentReversed {
    pub id: BillPaymentId,
    pub bill_id: BillId,
    pub engagement_id: Option<EngagementId>,
    pub amount: Money,
    pub reason: String,
    pub bill_status: String,
    pub bill_balance: Money,
}

/// A file of the files domain as a bill's attachment events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillAttachmentState {
    pub bill_id: BillId,
    /// The bill's engagement, when the cost is on one.
    pub engagement_id: Option<EngagementId>,
    pub file_id: FileId,
    /// The file's name when it was attached or detached (`null` once the file is deleted).
    pub name: Option<String>,
}

/// `revenue.bill.attachment_added`: a file (the vendor's invoice, a receipt) was
/// attached to a bill. The file stays the files domain's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillAttachmentAdded {
    #[serde(flatten)]
    pub attachment: BillAttachmentState,
}

/// `revenue.bill.attachment_removed`: a file was detached from a bill (the file itself is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BillAttachmentRemoved {
    #[serde(flatten)]
    pub attachment: BillAttachmentState,
}

fn summary(f: Facets, text: String) -> Facets {
    Facets { summary: Some(text), ..f }
}

event!(VendorCreated, "revenue.vendor.created", "vendor", "A vendor was created.",
    |e| e.vendor.id, facets: |e| Facets { label: Some(e.vendor.name.clone()), ..Facets::default() });
event!(VendorUpdated, "revenue.vendor.updated", "vendor", "A vendor was changed or archived.",
    |e| e.vendor.id, facets: |e| Facets { label: Some(e.vendor.name.clone()), ..Facets::default() });
event!(VendorDeleted, "revenue.vendor.deleted", "vendor", "A vendor was deleted; its bills stay without it.",
    |e| e.vendor.id, facets: |e| Facets { label: Some(e.vendor.name.clone()), ..Facets::default() });
event!(BillCreated, "revenue.bill.created", "bill", "A draft bill was entered.",
    |e| e.bill.id, facets: |e| summary(e.bill.facets(), format!("Bill of {} entered", e.bill.total)));
event!(BillUpdated, "revenue.bill.updated", "bill", "A draft bill was changed.",
    |e| e.bill.id, facets: |e| e.bill.facets());
event!(BillDeleted, "revenue.bill.deleted", "bill", "A draft bill was deleted.",
    |e| e.bill.id, facets: |e| e.bill.facets());
event!(BillVoided, "revenue.bill.voided", "bill", "A bill without payments was voided.",
    |e| e.bill.id, facets: |e| summary(e.bill.facets(), format!("Bill of {} voided", e.bill.total)));
event!(BillApprovalRequested, "revenue.bill.approval_requested", "bill",
    "A bill reached a step of its approval route; the approvers named must decide.",
    |e| e.bill.id, facets: |e| summary(
        e.bill.facets(),
        format!("Bill of {} awaits approval (step {} of {}, {})", e.bill.total, e.step, e.steps, e.rule_name),
    ));
event!(BillStepApproved, "revenue.bill.step_approved", "bill", "An approver approved the current step of a bill.",
    |e| e.bill.id, facets: |e| summary(e.bill.facets(), format!("Bill step {} approved", e.step)));
event!(BillApproved, "revenue.bill.approved", "bill", "A bill was approved for payment.",
    |e| e.bill.id, facets: |e| summary(e.bill.facets(), format!("Bill of {} approved", e.bill.total)));
event!(BillRejected, "revenue.bill.rejected", "bill", "A bill was rejected and is a draft again, with the reason.",
    |e| e.bill.id, facets: |e| summary(e.bill.facets(), format!("Bill rejected: {}", e.reason)));
event!(ApprovalRuleCreated, "revenue.approval_rule.created", "approval_rule", "A bill approval rule was created.",
    |e| e.rule.id, facets: |e| Facets { label: Some(e.rule.name.clone()), ..Facets::default() });
event!(ApprovalRuleUpdated, "revenue.approval_rule.updated", "approval_rule", "A bill approval rule was changed.",
    |e| e.rule.id, facets: |e| Facets { label: Some(e.rule.name.clone()), ..Facets::default() });
event!(ApprovalRuleDeleted, "revenue.approval_rule.deleted", "approval_rule", "A bill approval rule was deleted.",
    |e| e.rule.id, facets: |e| Facets { label: Some(e.rule.name.clone()), ..Facets::default() });
event!(BillPaymentRecorded, "revenue.bill_payment.recorded", "bill_payment", "A payment was made against a bill.",
    |e| e.id, facets: |e| Facets {
        engagement_id: e.engagement_id.map(Into::into),
        summary: Some(format!("Paid {} on a bill ({} remaining)", e.amount, e.bill_balance)),
        ..Facets::default()
    });

event!(BillPaymentReversed, "revenue.bill_payment.reversed", "bill_payment", "A bill payment was reversed.",
    |e| e.id, facets: |e| Facets {
        engagement_id: e.engagement_id.map(Into::into),
        summary: Some(format!("Reversed a payment of {} on a bill: {}", e.amount, e.reason)),
        ..Facets::default()
    });

event!(BillAttachmentAdded, "revenue.bill.attachment_added", "bill", "A file was attached to a bill.",
    |e| e.attachment.bill_id, facets: |e| Facets {
        engagement_id: e.attachment.engagement_id.map(Into::into),
        label: e.attachment.name.clone(),
        summary: Some(format!("Attached {} to a bill", e.attachment.name.as_deref().unwrap_or("a file"))),
        ..Facets::default()
    });
event!(BillAttachmentRemoved, "revenue.bill.attachment_removed", "bill", "A file was detached from a bill.",
    |e| e.attachment.bill_id, facets: |e| Facets {
        engagement_id: e.attachment.engagement_id.map(Into::into),
        label: e.attachment.name.clone(),
        summary: Some(format!("Detached {} from a bill", e.attachment.name.as_deref().unwrap_or("a file"))),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<VendorCreated>(),
        EventType::of::<VendorUpdated>(),
        EventType::of::<VendorDeleted>(),
        EventType::of::<BillCreated>(),
        EventType::of::<BillUpdated>(),
        EventType::of::<BillDeleted>(),
        EventType::of::<BillVoided>(),
        EventType::of::<BillApprovalRequested>(),
        EventType::of::<BillStepApproved>(),
        EventType::of::<BillApproved>(),
        EventType::of::<BillRejected>(),
        EventType::of::<ApprovalRuleCreated>(),
        EventType::of::<ApprovalRuleUpdated>(),
        EventType::of::<ApprovalRuleDeleted>(),
        EventType::of::<BillPaymentRecorded>(),
        EventType::of::<BillPaymentReversed>(),
        EventType::of::<BillAttachmentAdded>(),
        EventType::of::<BillAttachmentRemoved>(),
    ]
}
