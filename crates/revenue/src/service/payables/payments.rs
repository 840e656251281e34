//! Payments made against approved bills: partial and several, never more than the
//! balance, each with the exchange rate of the day paid; the bill is `paid` when
//! settled.

use atrium_events::revenue::payables::{BillId, BillPaymentId, BillPaymentRecorded, BillPaymentReversed};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::PayablesService;
use super::bills::{currency_of, locked};
use super::view::{balance, bill_payment_out};
use crate::calc;
use crate::dto::{BillPaymentIn, BillPaymentOut, BillPaymentReverseIn, BillStatus, stored, stored_currency};
use crate::entity::{bill, bill_payment};
use crate::error::RevenueError;
use crate::service::rates;

impl PayablesService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %bill_id))]
    pub async fn record_bill_payment(
        &self,
        ctx: &OrgCtx,
        bill_id: BillId,
        input: BillPaymentIn,
    ) -> Result<BillPaymentOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let b = locked(&txn, ctx.org_id, bill_id).await?;
        let status: BillStatus = stored(&b.status)?;
        if !status.is_payable() {
            return Err(RevenueError::BillNotPayable(b.status.clone()).into());
        }
        let cur = currency_of(&b)?;
        if input.amount.currency != cur {
            return Err(RevenueError::WrongCurrency(cur.code().into()).into());
        }
        let amount = input.amount.amount_minor;
        if amount <= 0 {
            return Err(RevenueError::Field("amount.amount_minor", "must be above zero".into()).into());
        }
        if amount > balance(&b) {
            return Err(AppError::invalid(
                "amount",
                format!("exceeds the bill balance of {}", Money::new(balance(&b), cur)),
            ));
        }
        let base = stored_currency(&b.base_currency)?;
        let paid_on = input.paid_on.get();
        let rate = rates::rate_on(&txn, ctx.org_id, cur, base, paid_on, "paid_on").await?;
        let base_amount = calc::convert(amount, cur, base, rate).map_err(|e| RevenueError::Calc(e, "amount"))?;
        let row = bill_payment::ActiveModel {
            id: Set(BillPaymentId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            bill_id: Set(b.id),
            amount: Set(amount),
            currency: Set(cur.code().to_owned()),
            paid_on: Set(paid_on),
            method: Set(input.method.map(|m| m.into_inner())),
            reference: Set(input.reference.map(|r| r.into_inner())),
            fx_rate: Set((cur != base).then_some(rate)),
            base_amount: Set(base_amount),
            reversed_at: Set(None),
            reversal_reason: Set(None),
            version: Set(1),
            created_by: Set(ctx.actor()),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = bill_payment::Entity::insert(row).exec_with_returning(&txn).await?;
        let paid = b.paid + amount;
        let settled = if paid >= b.total { BillStatus::Paid } else { BillStatus::PartiallyPaid };
        let mut changes = b.clone().into_active_model();
        changes.paid = Set(paid);
        changes.status = Set(settled.as_str().to_owned());
        changes.updated_at = Set(now);
        let b = bill::Entity::update_in(&txn, ctx.org_id, bill_id, changes, IfMatch(None)).await?;
        let event = BillPaymentRecorded {
            id: row.id.into(),
            bill_id,
            vendor_id: b.vendor_id.map(Into::into),
            engagement_id: b.engagement_id.map(Into::into),
            amount: Money::new(amount, cur),
            base_amount: Money::new(base_amount, base),
            paid_on,
            bill_status: b.status.clone(),
            bill_balance: Money::new(balance(&b), cur),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        bill_payment_out(row, &b)
    }

    /// Reverses a payment (it no longer counts toward the bill): the bill's paid
    /// amount goes down, and its status back to `partially_paid` or `approved`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_payment_id = %id))]
    pub async fn reverse_bill_payment(
        &self,
        ctx: &OrgCtx,
        id: BillPaymentId,
        input: BillPaymentReverseIn,
        if_match: IfMatch,
    ) -> Result<BillPaymentOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = bill_payment::Entity::find_in(&txn, ctx.org_id, id).await?;
        let b = locked(&txn, ctx.org_id, current.bill_id).await?;
        if current.reversed_at.is_some() {
            return Err(RevenueError::AlreadyReversed.into());
        }
        let reason = input.reason.into_inner();
        let mut row = current.clone().into_active_model();
        row.reversed_at = Set(Some(now));
        row.reversal_reason = Set(Some(reason.clone()));
        row.updated_at = Set(now);
        let updated = bill_payment::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let paid = b.paid - current.amount;
        let status = if paid > 0 { BillStatus::PartiallyPaid } else { BillStatus::Approved };
        let mut changes = b.clone().into_active_model();
        changes.paid = Set(paid);
        changes.status = Set(status.as_str().to_owned());
        changes.updated_at = Set(now);
        let b = bill::Entity::update_in(&txn, ctx.org_id, b.id, changes, IfMatch(None)).await?;
        let cur = currency_of(&b)?;
        let event = BillPaymentReversed {
            id,
            bill_id: b.id.into(),
            engagement_id: b.engagement_id.map(Into::into),
            amount: Money::new(current.amount, cur),
            reason,
            bill_status: b.status.clone(),
            bill_balance: Money::new(balance(&b), cur),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        bill_payment_out(updated, &b)
    }

    /// The payments of a bill, oldest first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %bill_id))]
    pub async fn list_bill_payments(
        &self,
        ctx: &OrgCtx,
        bill_id: BillId,
        req: PageRequest,
    ) -> Result<Page<BillPaymentOut>, AppError> {
        let b = bill::Entity::find_in(&self.db, ctx.org_id, bill_id).await?;
        let q = bill_payment::Entity::scoped(ctx.org_id).filter(bill_payment::Column::BillId.eq(b.id));
        let rows = req.apply(q, bill_payment::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|p| bill_payment_out(p, &b)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_payment_id = %id))]
    pub async fn get_bill_payment(&self, ctx: &OrgCtx, id: BillPaymentId) -> Result<BillPaymentOut, AppError> {
        let row = bill_payment::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let b = bill::Entity::find_in(&self.db, ctx.org_id, row.bill_id).await?;
        bill_payment_out(row, &b)
    }
}
