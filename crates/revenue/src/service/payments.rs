//! Payments against issued invoices: partial and several, never more than the
//! balance, each with the exchange rate of the day it was received; a reversal
//! (refund, bounced transfer) gives the balance back.

use atrium_events::revenue::{PaymentId, PaymentRecorded, PaymentReversed};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

use super::invoices::locked;
use super::view::{balance, payment_out, payment_state};
use super::{RevenueService, rates};
use crate::calc;
use crate::dto::{InvoiceId, InvoiceStatus, PaymentFilter, PaymentIn, PaymentOut, ReverseIn, stored, stored_currency};
use crate::entity::{invoice, payment};
use crate::error::RevenueError;

/// The status an open invoice has with these amounts settled.
pub(crate) fn settled_status(total: i64, paid: i64, credited: i64) -> InvoiceStatus {
    if total - paid - credited <= 0 {
        InvoiceStatus::Paid
    } else if paid + credited > 0 {
        InvoiceStatus::PartiallyPaid
    } else {
        InvoiceStatus::Issued
    }
}

impl RevenueService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %invoice_id))]
    pub async fn record_payment(
        &self,
        ctx: &OrgCtx,
        invoice_id: InvoiceId,
        input: PaymentIn,
    ) -> Result<PaymentOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let new = NewPayment {
            amount: input.amount,
            received_on: input.received_on.get(),
            method: input.method.map(|m| m.into_inner()),
            reference: input.reference.map(|r| r.into_inner()),
        };
        let (row, inv) = insert_payment(&txn, ctx.org_id, &ctx.actor(), invoice_id.into_uuid(), new, now).await?;
        txn.commit().await?;
        payment_out(row, &inv)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, payment_id = %id))]
    pub async fn reverse_payment(
        &self,
        ctx: &OrgCtx,
        id: PaymentId,
        input: ReverseIn,
        if_match: IfMatch,
    ) -> Result<PaymentOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = payment::Entity::find_in(&txn, ctx.org_id, id).await?;
        let inv = locked(&txn, ctx.org_id, current.invoice_id).await?;
        if current.reversed_at.is_some() {
            return Err(RevenueError::AlreadyReversed.into());
        }
        let reason = input.reason.map(|r| r.into_inner());
        let mut row = current.clone().into_active_model();
        row.reversed_at = Set(Some(now));
        row.reversal_reason = Set(reason.clone());
        row.updated_at = Set(now);
        let updated = payment::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let inv = settle(&txn, ctx.org_id, inv, -current.amount, 0, now).await?;
        let event = PaymentReversed { payment: payment_state(&updated, &inv)?, reason };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        payment_out(updated, &inv)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, payment_id = %id))]
    pub async fn get_payment(&self, ctx: &OrgCtx, id: PaymentId) -> Result<PaymentOut, AppError> {
        let row = payment::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let inv = invoice::Entity::find_in(&self.db, ctx.org_id, row.invoice_id).await?;
        payment_out(row, &inv)
    }

    /// Payments, newest last; `invoice_id` of another organization is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_payments(
        &self,
        ctx: &OrgCtx,
        f: &PaymentFilter,
        req: PageRequest,
    ) -> Result<Page<PaymentOut>, AppError> {
        let mut q = payment::Entity::scoped(ctx.org_id);
        if let Some(i) = f.invoice_id {
            invoice::Entity::find_in(&self.db, ctx.org_id, i).await?;
            q = q.filter(payment::Column::InvoiceId.eq(i.into_uuid()));
        }
        let rows = req.apply(q, payment::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|p| p.invoice_id).collect();
        let invoices: HashMap<Uuid, invoice::Model> = invoice::Entity::scoped(ctx.org_id)
            .filter(invoice::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        let items = page
            .items
            .into_iter()
            .map(|p| {
                let inv = invoices.get(&p.invoice_id).ok_or_else(|| AppError::internal("payment without invoice"))?;
                payment_out(p, inv)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }
}

/// A payment as recorded, from the API or pulled from the ledger.
pub(crate) struct NewPayment {
    pub amount: Money,
    pub received_on: chrono::NaiveDate,
    pub method: Option<String>,
    pub reference: Option<String>,
}

/// Records a payment against an open invoice in `txn`, settles the invoice and
/// publishes `revenue.payment.recorded` as `actor`.
pub(crate) async fn insert_payment(
    txn: &sea_orm::DatabaseTransaction,
    org: OrganizationId,
    actor: &str,
    invoice_id: Uuid,
    input: NewPayment,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(payment::Model, invoice::Model), AppError> {
    let inv = locked(txn, org, invoice_id).await?;
    let status: InvoiceStatus = stored(&inv.status)?;
    if !status.is_open() {
        return Err(RevenueError::NotOpen(inv.status.clone()).into());
    }
    let cur = stored_currency(&inv.currency)?;
    if input.amount.currency != cur {
        return Err(RevenueError::WrongCurrency(cur.code().into()).into());
    }
    let amount = input.amount.amount_minor;
    if amount <= 0 {
        return Err(RevenueError::Field("amount.amount_minor", "must be above zero".into()).into());
    }
    if amount > balance(&inv) {
        return Err(RevenueError::Overpayment { balance: Money::new(balance(&inv), cur).to_string() }.into());
    }
    let base = stored_currency(&inv.base_currency)?;
    let received_on = input.received_on;
    let rate = rates::rate_on(txn, org, cur, base, received_on, "received_on").await?;
    let base_amount = calc::convert(amount, cur, base, rate).map_err(|e| RevenueError::Calc(e, "amount"))?;
    let row = payment::ActiveModel {
        id: Set(PaymentId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        invoice_id: Set(inv.id),
        amount: Set(amount),
        currency: Set(cur.code().to_owned()),
        received_on: Set(received_on),
        method: Set(input.method),
        reference: Set(input.reference),
        fx_rate: Set((cur != base).then_some(rate)),
        base_amount: Set(base_amount),
        reversed_at: Set(None),
        reversal_reason: Set(None),
        version: Set(1),
        created_by: Set(actor.chars().take(64).collect()),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let row = payment::Entity::insert(row).exec_with_returning(txn).await?;
    let inv = settle(txn, org, inv, amount, 0, now).await?;
    atrium_outbox::publish_as(txn, org, actor, now, &PaymentRecorded { payment: payment_state(&row, &inv)? }).await?;
    Ok((row, inv))
}

/// Adds `paid` and `credited` (either may be negative for a reversal) to a locked
/// invoice and moves its status accordingly.
pub(crate) async fn settle<C: sea_orm::ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    inv: invoice::Model,
    paid: i64,
    credited: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<invoice::Model, AppError> {
    let (new_paid, new_credited) = (inv.paid + paid, inv.credited + credited);
    let status = settled_status(inv.total, new_paid, new_credited);
    let id = inv.id;
    let mut row = inv.into_active_model();
    row.paid = Set(new_paid);
    row.credited = Set(new_credited);
    row.status = Set(status.as_str().to_owned());
    row.updated_at = Set(now);
    invoice::Entity::update_in(conn, org, id, row, IfMatch(None)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_the_balance() {
        assert_eq!(settled_status(100, 0, 0), InvoiceStatus::Issued);
        assert_eq!(settled_status(100, 40, 0), InvoiceStatus::PartiallyPaid);
        assert_eq!(settled_status(100, 40, 60), InvoiceStatus::Paid);
        assert_eq!(settled_status(100, 0, 100), InvoiceStatus::Paid);
        assert_eq!(settled_status(100, 0, 10), InvoiceStatus::PartiallyPaid);
    }
}
