//! Payables rows → wire and event shapes.

use atrium_events::revenue::payables::{BillState, VendorState};
use atrium_kernel::vault::ColumnVault;
use atrium_kernel::{AppError, Money};

use crate::calc::format_rate;
use crate::dto::{
    ApprovalRouteOut, ApprovalRuleOut, ApprovalSeatOut, ApprovalStep, BillLineOut, BillOut, BillPaymentOut,
    RejectionOut, RouteStepOut, StepMode, VendorOut, stored, stored_currency,
};
use crate::entity::{approval_rule, bill, bill_approval, bill_line, bill_payment, vendor};
use crate::service::view::{LineRow, lines_out};

pub(crate) fn vendor_out(vault: &ColumnVault, r: vendor::Model) -> Result<VendorOut, AppError> {
    let tax_id = r.tax_id_ciphertext.as_deref().map(|c| vault.open_str(r.id, c)).transpose()?;
    Ok(VendorOut {
        id: r.id.into(),
        status: stored(&r.status)?,
        default_currency: r.default_currency.as_deref().map(stored_currency).transpose()?,
        name: r.name,
        email: r.email,
        tax_id,
        payment_terms_days: r.payment_terms_days,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

pub(crate) fn vendor_state(r: &vendor::Model) -> Result<VendorState, AppError> {
    Ok(VendorState {
        id: r.id.into(),
        name: r.name.clone(),
        email: r.email.clone(),
        default_currency: r.default_currency.clone(),
        payment_terms_days: r.payment_terms_days,
        status: r.status.clone(),
        version: r.version,
        updated_at: r.updated_at,
    })
}

pub(crate) fn balance(r: &bill::Model) -> i64 {
    r.total - r.paid
}

pub(crate) fn bill_state(r: &bill::Model) -> Result<BillState, AppError> {
    let cur = stored_currency(&r.currency)?;
    Ok(BillState {
        id: r.id.into(),
        vendor_id: r.vendor_id.map(Into::into),
        engagement_id: r.engagement_id.map(Into::into),
        vendor_reference: r.vendor_reference.clone(),
        status: r.status.clone(),
        bill_date: r.bill_date,
        due_date: r.due_date,
        total: Money::new(r.total, cur),
        balance: Money::new(balance(r), cur),
        version: r.version,
        updated_at: r.updated_at,
    })
}

impl<'a> From<&'a bill_line::Model> for LineRow<'a> {
    fn from(l: &'a bill_line::Model) -> Self {
        Self {
            position: l.position,
            description: &l.description,
            quantity: l.quantity,
            unit_price: l.unit_price,
            tax_name: l.tax_name.as_deref(),
            tax_basis_points: l.tax_basis_points,
            tax_inclusive: l.tax_inclusive,
            net: l.net,
            tax: l.tax,
            gross: l.gross,
        }
    }
}

/// The bill with its lines and the seats of its last route (`seats` of any round:
/// only the bill's current round is shown).
pub(crate) fn bill_out(
    r: bill::Model,
    lines: &[bill_line::Model],
    seats: &[bill_approval::Model],
) -> Result<BillOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let base = stored_currency(&r.base_currency)?;
    let rows: Vec<LineRow<'_>> = lines.iter().map(Into::into).collect();
    let (plain, tax_totals) = lines_out(&rows, cur)?;
    let lines = plain
        .into_iter()
        .zip(lines)
        .map(|(l, stored)| BillLineOut {
            position: l.position,
            description: l.description,
            account: stored.account.clone(),
            quantity: l.quantity,
            unit_price: l.unit_price,
            tax: l.tax,
            net: l.net,
            tax_amount: l.tax_amount,
            total: l.total,
        })
        .collect();
    let approval = (r.approval_round > 0).then(|| route_out(&r, seats)).transpose()?;
    let rejection = match (&r.rejection_reason, &r.rejected_by, r.rejected_at) {
        (Some(reason), Some(by), Some(at)) => {
            Some(RejectionOut { reason: reason.clone(), rejected_by: by.clone(), rejected_at: at })
        }
        _ => None,
    };
    Ok(BillOut {
        id: r.id.into(),
        vendor_id: r.vendor_id.map(Into::into),
        engagement_id: r.engagement_id.map(Into::into),
        vendor_reference: r.vendor_reference.clone(),
        status: stored(&r.status)?,
        bill_date: r.bill_date,
        due_date: r.due_date,
        currency: cur,
        lines,
        tax_totals,
        subtotal: Money::new(r.subtotal, cur),
        tax_total: Money::new(r.tax_total, cur),
        total: Money::new(r.total, cur),
        paid: Money::new(r.paid, cur),
        balance: Money::new(balance(&r), cur),
        base_currency: base,
        fx_rate: r.fx_rate.map(format_rate),
        base_total: r.base_total.map(|t| Money::new(t, base)),
        notes: r.notes,
        approval,
        rejection,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        approved_at: r.approved_at,
        voided_at: r.voided_at,
    })
}

fn route_out(r: &bill::Model, seats: &[bill_approval::Model]) -> Result<ApprovalRouteOut, AppError> {
    let mut steps: Vec<RouteStepOut> = Vec::new();
    for s in seats.iter().filter(|s| s.round == r.approval_round) {
        let seat = ApprovalSeatOut {
            approver_id: s.approver_id.into(),
            source: s.source.clone(),
            decision: s.decision.clone(),
            comment: s.comment.clone(),
            decided_at: s.decided_at,
        };
        match steps.last_mut() {
            Some(last) if last.step == s.step => last.approvers.push(seat),
            _ => steps.push(RouteStepOut { step: s.step, mode: stored::<StepMode>(&s.mode)?, approvers: vec![seat] }),
        }
    }
    Ok(ApprovalRouteOut {
        rule_id: r.rule_id.map(Into::into),
        rule_name: r.rule_name.clone(),
        round: r.approval_round,
        current_step: r.current_step,
        steps,
        submitted_by: r.submitted_by.clone(),
        submitted_at: r.submitted_at,
    })
}

pub(crate) fn bill_payment_out(r: bill_payment::Model, b: &bill::Model) -> Result<BillPaymentOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let base = stored_currency(&b.base_currency)?;
    Ok(BillPaymentOut {
        id: r.id.into(),
        bill_id: r.bill_id.into(),
        amount: Money::new(r.amount, cur),
        paid_on: r.paid_on,
        method: r.method,
        reference: r.reference,
        fx_rate: r.fx_rate.map(format_rate),
        base_amount: Money::new(r.base_amount, base),
        reversed_at: r.reversed_at,
        reversal_reason: r.reversal_reason,
        version: r.version,
        created_at: r.created_at,
    })
}

pub(crate) fn rule_steps(r: &approval_rule::Model) -> Result<Vec<ApprovalStep>, AppError> {
    serde_json::from_str(&r.steps).map_err(|e| AppError::internal(format!("stored approval steps: {e}")))
}

pub(crate) fn rule_out(r: approval_rule::Model, base: atrium_kernel::Currency) -> Result<ApprovalRuleOut, AppError> {
    let steps = rule_steps(&r)?;
    Ok(ApprovalRuleOut {
        id: r.id.into(),
        priority: r.priority,
        active: r.active,
        min_amount: r.min_base_amount.map(|a| Money::new(a, base)),
        max_amount: r.max_base_amount.map(|a| Money::new(a, base)),
        vendor_id: r.vendor_id.map(Into::into),
        engagement_id: r.engagement_id.map(Into::into),
        currency: r.currency.as_deref().map(stored_currency).transpose()?,
        account: r.account,
        steps,
        name: r.name,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
