//! Rows → wire and event shapes.

use std::collections::BTreeMap;

use atrium_events::revenue::{InvoiceState, PaymentState};
use atrium_kernel::{AppError, Currency, Money};
use chrono::NaiveDate;

use crate::calc::{self, format_rate};
use crate::dto::{
    CreditNoteOut, InvoiceOut, InvoiceStatus, LineOut, LineTax, PaymentOut, Quantity, TaxTotal, stored, stored_currency,
};
use crate::entity::{credit_note, credit_note_line, invoice, invoice_line, payment};

/// A stored line of either document kind.
pub(crate) struct LineRow<'a> {
    pub position: i32,
    pub description: &'a str,
    pub quantity: i64,
    pub unit_price: i64,
    pub tax_name: Option<&'a str>,
    pub tax_basis_points: i32,
    pub tax_inclusive: bool,
    pub net: i64,
    pub tax: i64,
    pub gross: i64,
}

impl<'a> From<&'a invoice_line::Model> for LineRow<'a> {
    fn from(l: &'a invoice_line::Model) -> Self {
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

impl<'a> From<&'a credit_note_line::Model> for LineRow<'a> {
    fn from(l: &'a credit_note_line::Model) -> Self {
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

pub(crate) fn lines_out(rows: &[LineRow<'_>], cur: Currency) -> Result<(Vec<LineOut>, Vec<TaxTotal>), AppError> {
    let mut by_rate: BTreeMap<(String, i32, bool), (i64, i64)> = BTreeMap::new();
    let lines = rows
        .iter()
        .map(|l| {
            let tax = l.tax_name.map(|name| {
                let entry = by_rate.entry((name.to_owned(), l.tax_basis_points, l.tax_inclusive)).or_default();
                entry.0 = entry.0.saturating_add(l.net);
                entry.1 = entry.1.saturating_add(l.tax);
                LineTax { name: name.to_owned(), basis_points: l.tax_basis_points, inclusive: l.tax_inclusive }
            });
            Ok(LineOut {
                position: l.position,
                description: l.description.to_owned(),
                quantity: Quantity::from_milli(l.quantity).map_err(AppError::internal)?,
                unit_price: Money::new(l.unit_price, cur),
                tax,
                net: Money::new(l.net, cur),
                tax_amount: Money::new(l.tax, cur),
                total: Money::new(l.gross, cur),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let totals = by_rate
        .into_iter()
        .map(|((name, basis_points, inclusive), (taxable, tax))| TaxTotal {
            name,
            basis_points,
            inclusive,
            taxable: Money::new(taxable, cur),
            tax: Money::new(tax, cur),
        })
        .collect();
    Ok((lines, totals))
}

pub(crate) fn balance(r: &invoice::Model) -> i64 {
    r.total - r.paid - r.credited
}

pub(crate) fn is_overdue(r: &invoice::Model, status: InvoiceStatus, today: NaiveDate) -> bool {
    status.is_open() && balance(r) > 0 && r.due_date.is_some_and(|d| d < today)
}

pub(crate) fn invoice_out(
    r: invoice::Model,
    lines: &[invoice_line::Model],
    today: NaiveDate,
) -> Result<InvoiceOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let base = stored_currency(&r.base_currency)?;
    let status: InvoiceStatus = stored(&r.status)?;
    let rows: Vec<LineRow<'_>> = lines.iter().map(Into::into).collect();
    let (lines, tax_totals) = lines_out(&rows, cur)?;
    let base_total = r
        .fx_rate
        .map(|rate| calc::convert(r.total, cur, base, rate).map(|v| Money::new(v, base)))
        .transpose()
        .map_err(AppError::internal)?;
    Ok(InvoiceOut {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        client_company_id: r.client_company_id.map(Into::into),
        schedule_id: r.schedule_id.map(Into::into),
        status,
        overdue: is_overdue(&r, status, today),
        number: r.number.clone(),
        currency: cur,
        issue_date: r.issue_date,
        due_date: r.due_date,
        payment_terms_days: r.payment_terms_days,
        lines,
        tax_totals,
        subtotal: Money::new(r.subtotal, cur),
        tax_total: Money::new(r.tax_total, cur),
        total: Money::new(r.total, cur),
        paid: Money::new(r.paid, cur),
        credited: Money::new(r.credited, cur),
        balance: Money::new(balance(&r), cur),
        base_currency: base,
        fx_rate: r.fx_rate.map(format_rate),
        base_total,
        notes: r.notes,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
        issued_at: r.issued_at,
        voided_at: r.voided_at,
    })
}

pub(crate) fn invoice_state(r: &invoice::Model) -> Result<InvoiceState, AppError> {
    let cur = stored_currency(&r.currency)?;
    Ok(InvoiceState {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        client_company_id: r.client_company_id.map(Into::into),
        schedule_id: r.schedule_id.map(Into::into),
        status: r.status.clone(),
        number: r.number.clone(),
        issue_date: r.issue_date,
        due_date: r.due_date,
        total: Money::new(r.total, cur),
        balance: Money::new(balance(r), cur),
        version: r.version,
        updated_at: r.updated_at,
    })
}

pub(crate) fn credit_note_out(
    r: credit_note::Model,
    lines: &[credit_note_line::Model],
) -> Result<CreditNoteOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let rows: Vec<LineRow<'_>> = lines.iter().map(Into::into).collect();
    let (lines, _) = lines_out(&rows, cur)?;
    Ok(CreditNoteOut {
        id: r.id.into(),
        invoice_id: r.invoice_id.into(),
        number: r.number,
        issue_date: r.issue_date,
        reason: r.reason,
        lines,
        subtotal: Money::new(r.subtotal, cur),
        tax_total: Money::new(r.tax_total, cur),
        total: Money::new(r.total, cur),
        fx_rate: r.fx_rate.map(format_rate),
        created_at: r.created_at,
    })
}

/// A payment, with its realized exchange difference against the invoice's rate.
pub(crate) fn payment_out(r: payment::Model, inv: &invoice::Model) -> Result<PaymentOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let base = stored_currency(&inv.base_currency)?;
    let at_invoice_rate = match inv.fx_rate {
        Some(rate) => calc::convert(r.amount, cur, base, rate).map_err(AppError::internal)?,
        None => r.base_amount,
    };
    Ok(PaymentOut {
        id: r.id.into(),
        invoice_id: r.invoice_id.into(),
        amount: Money::new(r.amount, cur),
        received_on: r.received_on,
        method: r.method,
        reference: r.reference,
        fx_rate: r.fx_rate.map(format_rate),
        base_amount: Money::new(r.base_amount, base),
        realized_fx_difference: Money::new(r.base_amount - at_invoice_rate, base),
        reversed_at: r.reversed_at,
        reversal_reason: r.reversal_reason,
        version: r.version,
        created_at: r.created_at,
    })
}

pub(crate) fn payment_state(r: &payment::Model, inv: &invoice::Model) -> Result<PaymentState, AppError> {
    let cur = stored_currency(&r.currency)?;
    let base = stored_currency(&inv.base_currency)?;
    Ok(PaymentState {
        id: r.id.into(),
        invoice_id: inv.id.into(),
        engagement_id: inv.engagement_id.into(),
        invoice_number: inv.number.clone().unwrap_or_default(),
        amount: Money::new(r.amount, cur),
        base_amount: Money::new(r.base_amount, base),
        received_on: r.received_on,
        invoice_status: inv.status.clone(),
        invoice_balance: Money::new(balance(inv), cur),
    })
}
