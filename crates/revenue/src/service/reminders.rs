//! Payment reminders for overdue invoices. A daily job walks every organization's
//! open invoices past their due date and drafts a reminder when an invoice reaches
//! one of the organization's steps (days past due); comms sends them.
//!
//! Catch-up: when the job missed days (or an invoice is already well overdue when
//! first seen), only the highest step reached is drafted. An accountant chasing a
//! client wants one letter that says how late the invoice is, not the 1-, 7- and
//! 14-day letters at once; the steps skipped are never drafted afterwards. A step
//! at or below one already drafted (or dismissed) for the invoice is not drafted
//! again, and the unique key on (invoice, step) keeps two workers or a rerun from
//! drafting the same step twice.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use atrium_events::revenue::{InvoiceReminderId, ReminderDismissed, ReminderDrafted};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish_as;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::view::{balance, is_overdue};
use super::{RevenueService, settings};
use crate::dto::{InvoiceId, InvoiceStatus, ReminderFilter, ReminderOut, ReminderStatus, stored, stored_currency};
use crate::entity::{invoice, invoice_reminder};

/// The job's name, and its actor on the events it publishes (`system:…`).
pub const REMINDER_JOB: &str = "revenue.overdue_reminders";
/// Overdue invoices read per round trip.
const BATCH: u64 = 500;

/// The step to draft for an invoice `days_overdue` days past due, given the steps
/// already drafted for it: the highest step reached, unless one at or above it exists.
pub(crate) fn step_to_draft(steps: &[i32], days_overdue: i64, highest_drafted: Option<i32>) -> Option<i32> {
    let reached = steps.iter().copied().filter(|s| i64::from(*s) <= days_overdue).max()?;
    match highest_drafted {
        Some(h) if h >= reached => None,
        _ => Some(reached),
    }
}

fn reminder_out(r: invoice_reminder::Model, number: Option<String>) -> Result<ReminderOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    Ok(ReminderOut {
        id: r.id.into(),
        invoice_id: r.invoice_id.into(),
        invoice_number: number,
        step_days: r.step_days,
        days_overdue: r.days_overdue,
        balance: Money::new(r.balance, cur),
        status: stored(&r.status)?,
        version: r.version,
        drafted_at: r.drafted_at,
        updated_at: r.updated_at,
    })
}

/// Open invoices past due with something left to pay.
fn overdue(today: NaiveDate) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(invoice::Column::Status.is_in([InvoiceStatus::Issued.as_str(), InvoiceStatus::PartiallyPaid.as_str()]))
        .add(invoice::Column::DueDate.lt(today))
}

impl RevenueService {
    /// Drafts the due reminders of every organization; returns how many.
    #[tracing::instrument(skip_all)]
    #[allow(clippy::disallowed_methods)]
    pub async fn draft_due_reminders(&self, now: DateTime<Utc>) -> Result<u64, AppError> {
        let today = now.date_naive();
        let mut steps: HashMap<Uuid, Vec<i32>> = HashMap::new();
        let mut drafted = 0;
        let mut after: Option<Uuid> = None;
        loop {
            // The one unscoped read: a system job walks every organization's overdue
            // invoices, then works on each inside its own organization.
            let mut q = invoice::Entity::find().filter(overdue(today));
            if let Some(a) = after {
                q = q.filter(invoice::Column::Id.gt(a));
            }
            let batch = q.order_by_asc(invoice::Column::Id).limit(BATCH).all(&self.db).await?;
            let Some(last) = batch.last() else { break };
            after = Some(last.id);
            let highest = self.highest_steps(&batch).await?;
            for inv in &batch {
                let org: OrganizationId = inv.organization_id.into();
                let org_steps = match steps.entry(inv.organization_id) {
                    Entry::Occupied(e) => e.into_mut(),
                    Entry::Vacant(e) => e.insert(settings::steps(&settings::current(&self.db, org, now).await?)),
                };
                let Some(due) = inv.due_date else { continue };
                let days = (today - due).num_days();
                let Some(step) = step_to_draft(org_steps, days, highest.get(&inv.id).copied()) else { continue };
                if self.draft_reminder(org, inv.id.into(), step, now).await? {
                    drafted += 1;
                }
            }
            if (batch.len() as u64) < BATCH {
                break;
            }
        }
        Ok(drafted)
    }

    /// The highest step drafted so far for each invoice of the batch.
    #[allow(clippy::disallowed_methods)]
    async fn highest_steps(&self, batch: &[invoice::Model]) -> Result<HashMap<Uuid, i32>, AppError> {
        let ids: Vec<Uuid> = batch.iter().map(|i| i.id).collect();
        // Keyed by invoice ids the batch read inside their organizations.
        let rows: Vec<(Uuid, Option<i32>)> = invoice_reminder::Entity::find()
            .select_only()
            .column(invoice_reminder::Column::InvoiceId)
            .column_as(invoice_reminder::Column::StepDays.max(), "step")
            .filter(invoice_reminder::Column::InvoiceId.is_in(ids))
            .group_by(invoice_reminder::Column::InvoiceId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().filter_map(|(id, s)| s.map(|s| (id, s))).collect())
    }

    /// Drafts one reminder if the invoice, read again inside the transaction, is
    /// still overdue; false when it is not or another run drafted the step first.
    async fn draft_reminder(
        &self,
        org: OrganizationId,
        id: InvoiceId,
        step: i32,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let today = now.date_naive();
        let txn = begin_write(&self.db).await?;
        let inv = match invoice::Entity::find_in(&txn, org, id).await {
            Ok(inv) => inv,
            Err(AppError::NotFound(_)) => return Ok(false),
            Err(e) => return Err(e),
        };
        let status: InvoiceStatus = stored(&inv.status)?;
        let Some(due) = inv.due_date.filter(|_| is_overdue(&inv, status, today)) else {
            return Ok(false);
        };
        let days_overdue = i32::try_from((today - due).num_days()).map_err(AppError::internal)?;
        let cur = stored_currency(&inv.currency)?;
        let reminder = InvoiceReminderId::new();
        let row = invoice_reminder::ActiveModel {
            id: Set(reminder.into_uuid()),
            organization_id: Set(org.into_uuid()),
            invoice_id: Set(inv.id),
            step_days: Set(step),
            days_overdue: Set(days_overdue),
            balance: Set(balance(&inv)),
            currency: Set(inv.currency.clone()),
            status: Set(ReminderStatus::Drafted.as_str().to_owned()),
            version: Set(1),
            drafted_at: Set(now),
            updated_at: Set(now),
        };
        let inserted = invoice_reminder::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([invoice_reminder::Column::InvoiceId, invoice_reminder::Column::StepDays])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        if inserted == 0 {
            txn.rollback().await?;
            return Ok(false);
        }
        let event = ReminderDrafted {
            id: reminder,
            invoice_id: id,
            invoice_number: inv.number.clone().unwrap_or_default(),
            engagement_id: inv.engagement_id.into(),
            client_company_id: inv.client_company_id.map(Into::into),
            step_days: step,
            days_overdue,
            due_date: due,
            balance: Money::new(balance(&inv), cur),
        };
        publish_as(&txn, org, &format!("system:{REMINDER_JOB}"), now, &event).await?;
        txn.commit().await?;
        Ok(true)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_reminders(
        &self,
        ctx: &OrgCtx,
        f: &ReminderFilter,
        req: PageRequest,
    ) -> Result<Page<ReminderOut>, AppError> {
        let mut q = invoice_reminder::Entity::scoped(ctx.org_id);
        if let Some(i) = f.invoice_id {
            // Another organization's invoice is as unknown as a missing one.
            invoice::Entity::find_in(&self.db, ctx.org_id, i).await?;
            q = q.filter(invoice_reminder::Column::InvoiceId.eq(i.into_uuid()));
        }
        if let Some(s) = f.status {
            q = q.filter(invoice_reminder::Column::Status.eq(s.as_str()));
        }
        let rows = req.apply(q, invoice_reminder::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let mut ids: Vec<Uuid> = page.items.iter().map(|r| r.invoice_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let numbers: HashMap<Uuid, Option<String>> = invoice::Entity::scoped(ctx.org_id)
            .filter(invoice::Column::Id.is_in(ids))
            .select_only()
            .column(invoice::Column::Id)
            .column(invoice::Column::Number)
            .into_tuple::<(Uuid, Option<String>)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let number = numbers.get(&r.invoice_id).cloned().flatten();
                reminder_out(r, number)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Drafted → dismissed: the reminder will not be sent. Dismissing a dismissed
    /// reminder changes nothing; a sent one cannot be taken back (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, reminder_id = %id))]
    pub async fn dismiss_reminder(
        &self,
        ctx: &OrgCtx,
        id: InvoiceReminderId,
        if_match: IfMatch,
    ) -> Result<ReminderOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = invoice_reminder::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let inv = invoice::Entity::find_in(&txn, ctx.org_id, current.invoice_id).await?;
        match stored::<ReminderStatus>(&current.status)? {
            ReminderStatus::Dismissed => return reminder_out(current, inv.number),
            ReminderStatus::Sent => return Err(AppError::conflict("the reminder was sent; it cannot be dismissed")),
            ReminderStatus::Drafted => {}
        }
        let version = current.version;
        let mut row = current.into_active_model();
        row.status = Set(ReminderStatus::Dismissed.as_str().to_owned());
        row.updated_at = Set(now);
        let updated = invoice_reminder::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let event = ReminderDismissed {
            id,
            invoice_id: inv.id.into(),
            invoice_number: inv.number.clone().unwrap_or_default(),
            engagement_id: inv.engagement_id.into(),
            step_days: updated.step_days,
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        reminder_out(updated, inv.number)
    }
}

#[cfg(test)]
mod tests {
    use super::step_to_draft;

    #[test]
    fn only_the_highest_step_reached_is_drafted_once() {
        let steps = [1, 7, 14, 30];
        assert_eq!(step_to_draft(&steps, 0, None), None, "not overdue enough");
        assert_eq!(step_to_draft(&steps, 1, None), Some(1));
        assert_eq!(step_to_draft(&steps, 20, None), Some(14), "catch-up drafts the latest step only");
        assert_eq!(step_to_draft(&steps, 20, Some(1)), Some(14));
        assert_eq!(step_to_draft(&steps, 20, Some(14)), None, "never twice");
        assert_eq!(step_to_draft(&steps, 29, Some(14)), None);
        assert_eq!(step_to_draft(&steps, 400, Some(14)), Some(30));
        assert_eq!(step_to_draft(&[], 400, None), None, "no steps configured");
    }
}
