//! Invoices: drafts that change freely, issue (number, rate, due date) after
//! which they are immutable, and void.

use std::collections::HashMap;

use atrium_events::revenue::{InvoiceCreated, InvoiceDeleted, InvoiceIssued, InvoiceUpdated, InvoiceVoided};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use chrono::{Days, NaiveDate};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::lines::{self, Computed};
use super::view::{invoice_out, invoice_state};
use super::{RevenueService, changed, numbers, rates, settings};
use crate::calc;
use crate::dto::{
    InvoiceFilter, InvoiceId, InvoiceIn, InvoiceOut, InvoicePatch, InvoiceStatus, IssueIn, StatusFilter, stored,
    stored_currency,
};
use crate::entity::{invoice, invoice_line, invoice_time_entry};
use crate::error::RevenueError;
use crate::numbering::NumberFormat;

impl RevenueService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %input.engagement_id))]
    pub async fn create_invoice(&self, ctx: &OrgCtx, input: InvoiceIn) -> Result<InvoiceOut, AppError> {
        let engagement = self
            .engagements
            .engagement(ctx.org_id, input.engagement_id)
            .await?
            .ok_or(RevenueError::NoSuchEngagement)?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let s = settings::current(&txn, ctx.org_id, now).await?;
        let base = settings::base_currency(&s)?;
        let currency = input.currency.unwrap_or(base);
        let computed = lines::compute(&txn, ctx.org_id, currency, input.lines).await?;
        let draft = NewDraft {
            engagement: &engagement,
            currency,
            base,
            payment_terms_days: input.payment_terms_days.unwrap_or(s.payment_terms_days),
            notes: input.notes.map(|n| n.into_inner()),
            schedule_id: None,
            created_by: ctx.actor(),
        };
        let (row, stored_lines) = insert_draft(&txn, ctx.org_id, now, draft, computed).await?;
        atrium_outbox::publish(&txn, ctx, now, &InvoiceCreated { invoice: invoice_state(&row)? }).await?;
        txn.commit().await?;
        invoice_out(row, &stored_lines, self.today())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn get_invoice(&self, ctx: &OrgCtx, id: InvoiceId) -> Result<InvoiceOut, AppError> {
        let row = invoice::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let lines = lines_of(&self.db, ctx.org_id, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        invoice_out(row, &lines, self.today())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_invoices(
        &self,
        ctx: &OrgCtx,
        f: &InvoiceFilter,
        req: PageRequest,
    ) -> Result<Page<InvoiceOut>, AppError> {
        let today = self.today();
        let mut q = invoice::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = match s {
                StatusFilter::Overdue => q
                    .filter(
                        invoice::Column::Status
                            .is_in([InvoiceStatus::Issued.as_str(), InvoiceStatus::PartiallyPaid.as_str()]),
                    )
                    .filter(invoice::Column::DueDate.lt(today)),
                other => q.filter(invoice::Column::Status.eq(status_of(other).as_str())),
            };
        }
        if let Some(e) = f.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(RevenueError::NoSuchEngagement)?;
            q = q.filter(invoice::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(invoice::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(s) = f.schedule_id {
            crate::entity::invoice_schedule::Entity::find_in(&self.db, ctx.org_id, s).await?;
            q = q.filter(invoice::Column::ScheduleId.eq(s.into_uuid()));
        }
        let rows = req.apply(q, invoice::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let mut lines = lines_of(&self.db, ctx.org_id, &ids).await?;
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let l = lines.remove(&r.id).unwrap_or_default();
                invoice_out(r, &l, today)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn update_invoice(
        &self,
        ctx: &OrgCtx,
        id: InvoiceId,
        patch: InvoicePatch,
        if_match: IfMatch,
    ) -> Result<InvoiceOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        require_draft(&current)?;
        let mut row = current.clone().into_active_model();
        let currency = match patch.currency {
            Some(c) => c,
            None => stored_currency(&current.currency)?,
        };
        // Without new lines, the stored ones stay: read once, for the check and the answer.
        let existing = match patch.lines {
            Some(_) => Vec::new(),
            None => lines_of(&txn, ctx.org_id, &[current.id]).await?.remove(&current.id).unwrap_or_default(),
        };
        // Prices are in the document's currency: a new currency needs new prices.
        if !existing.is_empty() && currency.code() != current.currency {
            return Err(
                RevenueError::Field("currency", "send the lines again with prices in the new currency".into()).into()
            );
        }
        row.currency = Set(currency.code().to_owned());
        if let Some(d) = patch.payment_terms_days {
            row.payment_terms_days = Set(d);
        }
        if let Some(n) = patch.notes.into_change() {
            row.notes = Set(n.map(|n| n.into_inner()));
        }
        let lines_changed = patch.lines.is_some();
        let stored_lines = match patch.lines {
            Some(new) => {
                let computed = lines::compute(&txn, ctx.org_id, currency, new).await?;
                let totals = lines::totals(&computed)?;
                row.subtotal = Set(totals.net);
                row.tax_total = Set(totals.tax);
                row.total = Set(totals.gross);
                invoice_line::Entity::delete_scoped(ctx.org_id)
                    .filter(invoice_line::Column::InvoiceId.eq(current.id))
                    .exec(&txn)
                    .await?;
                write_lines(&txn, ctx.org_id, current.id, computed).await?
            }
            None => existing,
        };
        row.updated_at = Set(now);
        let updated = invoice::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let mut changed = changed!(current, updated; currency, payment_terms_days, notes, total);
        if lines_changed {
            changed.push("lines".to_owned());
        }
        atrium_outbox::publish(&txn, ctx, now, &InvoiceUpdated { invoice: invoice_state(&updated)?, changed }).await?;
        txn.commit().await?;
        invoice_out(updated, &stored_lines, self.today())
    }

    /// Deletes a draft. Issued invoices are never deleted: they are voided or credited.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn delete_invoice(&self, ctx: &OrgCtx, id: InvoiceId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked(&txn, ctx.org_id, id).await?;
        require_draft(&current)?;
        invoice::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &InvoiceDeleted { invoice: invoice_state(&current)? })
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Issues a draft: the next number of the series, the exchange rate of the
    /// issue date, the due date from the payment terms. From here on it is immutable.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn issue_invoice(
        &self,
        ctx: &OrgCtx,
        id: InvoiceId,
        input: IssueIn,
        if_match: IfMatch,
    ) -> Result<InvoiceOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        require_draft(&current)?;
        let lines = lines_of(&txn, ctx.org_id, &[current.id]).await?.remove(&current.id).unwrap_or_default();
        if lines.is_empty() {
            return Err(RevenueError::NoLines.into());
        }
        if current.total <= 0 {
            return Err(RevenueError::Field("lines", "the invoice total must be above zero to issue it".into()).into());
        }
        let s = settings::current(&txn, ctx.org_id, now).await?;
        let base = settings::base_currency(&s)?;
        let cur = stored_currency(&current.currency)?;
        let issue_date = input.issue_date.map_or_else(|| self.today(), |d| d.get());
        let rate = rates::rate_on(&txn, ctx.org_id, cur, base, issue_date, "issue_date").await?;
        let base_total = calc::convert(current.total, cur, base, rate).map_err(|e| RevenueError::Calc(e, "lines"))?;
        let due_date = due(issue_date, current.payment_terms_days)?;
        let format = NumberFormat::parse(&s.invoice_number_format)
            .map_err(|e| AppError::internal(format!("stored invoice number format: {e}")))?;
        let number = format.render(numbers::take(&txn, ctx.org_id, numbers::INVOICE_SERIES).await?, issue_date);
        let mut row = current.clone().into_active_model();
        row.status = Set(InvoiceStatus::Issued.as_str().to_owned());
        row.number = Set(Some(number.clone()));
        row.issue_date = Set(Some(issue_date));
        row.due_date = Set(Some(due_date));
        row.base_currency = Set(base.code().to_owned());
        row.fx_rate = Set(Some(rate));
        row.issued_at = Set(Some(now));
        row.updated_at = Set(now);
        let updated = invoice::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let event = InvoiceIssued {
            invoice_id: id,
            engagement_id: updated.engagement_id.into(),
            client_company_id: updated.client_company_id.map(Into::into),
            number,
            issue_date,
            due_date,
            total: Money::new(updated.total, cur),
            base_total: Money::new(base_total, base),
            fx_rate: calc::format_rate(rate),
            time_entry_ids: billed_time(&txn, ctx.org_id, current.id).await?,
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        invoice_out(updated, &lines, self.today())
    }

    /// Voids an issued invoice that nothing was paid or credited against. Its
    /// number stays used (numbers are never reused).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn void_invoice(&self, ctx: &OrgCtx, id: InvoiceId, if_match: IfMatch) -> Result<InvoiceOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let status: InvoiceStatus = stored(&current.status)?;
        if status != InvoiceStatus::Issued || current.paid != 0 || current.credited != 0 {
            return Err(RevenueError::NotVoidable(current.status.clone()).into());
        }
        let mut row = current.clone().into_active_model();
        row.status = Set(InvoiceStatus::Void.as_str().to_owned());
        row.voided_at = Set(Some(now));
        row.updated_at = Set(now);
        let updated = invoice::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let event = InvoiceVoided {
            invoice_id: id,
            engagement_id: updated.engagement_id.into(),
            number: updated.number.clone().unwrap_or_default(),
            time_entry_ids: release_time(&txn, ctx.org_id, updated.id).await?,
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        let lines = lines_of(&txn, ctx.org_id, &[updated.id]).await?.remove(&updated.id).unwrap_or_default();
        txn.commit().await?;
        invoice_out(updated, &lines, self.today())
    }
}

/// A draft about to be written, by hand or by a schedule.
pub(crate) struct NewDraft<'a> {
    pub engagement: &'a crate::ports::EngagementRef,
    pub currency: atrium_kernel::Currency,
    pub base: atrium_kernel::Currency,
    pub payment_terms_days: i32,
    pub notes: Option<String>,
    pub schedule_id: Option<Uuid>,
    pub created_by: String,
}

/// Inserts a draft invoice and its computed lines (the caller publishes).
pub(crate) async fn insert_draft<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    now: chrono::DateTime<chrono::Utc>,
    d: NewDraft<'_>,
    computed: Vec<Computed>,
) -> Result<(invoice::Model, Vec<invoice_line::Model>), AppError> {
    let totals = lines::totals(&computed)?;
    let id = InvoiceId::new().into_uuid();
    let row = invoice::ActiveModel {
        id: Set(id),
        organization_id: Set(org.into_uuid()),
        engagement_id: Set(d.engagement.id.into_uuid()),
        client_company_id: Set(d.engagement.client_company_id.map(Into::into)),
        schedule_id: Set(d.schedule_id),
        currency: Set(d.currency.code().to_owned()),
        status: Set(InvoiceStatus::Draft.as_str().to_owned()),
        number: Set(None),
        issue_date: Set(None),
        due_date: Set(None),
        payment_terms_days: Set(d.payment_terms_days),
        base_currency: Set(d.base.code().to_owned()),
        fx_rate: Set(None),
        subtotal: Set(totals.net),
        tax_total: Set(totals.tax),
        total: Set(totals.gross),
        paid: Set(0),
        credited: Set(0),
        notes: Set(d.notes),
        version: Set(1),
        created_by: Set(d.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        issued_at: Set(None),
        voided_at: Set(None),
    };
    // The engagement may be deleted between the check and the insert: its FK says so.
    let row = invoice::Entity::insert(row).exec_with_returning(conn).await.map_err(missing_engagement)?;
    let stored_lines = write_lines(conn, org, id, computed).await?;
    Ok((row, stored_lines))
}

fn status_of(f: StatusFilter) -> InvoiceStatus {
    match f {
        StatusFilter::Draft => InvoiceStatus::Draft,
        StatusFilter::Issued | StatusFilter::Overdue => InvoiceStatus::Issued,
        StatusFilter::PartiallyPaid => InvoiceStatus::PartiallyPaid,
        StatusFilter::Paid => InvoiceStatus::Paid,
        StatusFilter::Void => InvoiceStatus::Void,
    }
}

fn due(issue: NaiveDate, terms: i32) -> Result<NaiveDate, AppError> {
    u64::try_from(terms)
        .ok()
        .and_then(|d| issue.checked_add_days(Days::new(d)))
        .ok_or_else(|| RevenueError::Field("issue_date", "puts the due date out of range".into()).into())
}

pub(crate) fn require_draft(r: &invoice::Model) -> Result<(), AppError> {
    if r.status == InvoiceStatus::Draft.as_str() {
        Ok(())
    } else {
        Err(RevenueError::NotDraft(r.status.clone()).into())
    }
}

/// The invoice, locked for the rest of the transaction on PostgreSQL (SQLite's
/// single writer serializes anyway): payments, credits and issue read its totals
/// and must not interleave.
pub(crate) async fn locked<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: impl Into<Uuid>,
) -> Result<invoice::Model, AppError> {
    invoice::Entity::scoped(org)
        .filter(invoice::Column::Id.eq(id.into()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound("invoice"))
}

/// The lines of each of `ids`, in order.
pub(crate) async fn lines_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<invoice_line::Model>>, AppError> {
    let mut out: HashMap<Uuid, Vec<invoice_line::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = invoice_line::Entity::scoped(org)
        .filter(Condition::all().add(invoice_line::Column::InvoiceId.is_in(ids.iter().copied())))
        .order_by_asc(invoice_line::Column::InvoiceId)
        .order_by_asc(invoice_line::Column::Position)
        .all(conn)
        .await?;
    for r in rows {
        out.entry(r.invoice_id).or_default().push(r);
    }
    Ok(out)
}

pub(crate) async fn write_lines<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    invoice_id: Uuid,
    computed: Vec<Computed>,
) -> Result<Vec<invoice_line::Model>, AppError> {
    let rows: Vec<invoice_line::Model> = computed
        .into_iter()
        .zip(1..)
        .map(|(l, position)| invoice_line::Model {
            id: Uuid::now_v7(),
            organization_id: org.into_uuid(),
            invoice_id,
            position,
            description: l.description,
            quantity: l.quantity,
            unit_price: l.unit_price,
            tax_name: l.tax.as_ref().map(|t| t.0.clone()),
            tax_basis_points: l.tax.as_ref().map_or(0, |t| t.1),
            tax_inclusive: l.tax.as_ref().is_some_and(|t| t.2),
            net: l.amounts.net,
            tax: l.amounts.tax,
            gross: l.amounts.gross,
        })
        .collect();
    if !rows.is_empty() {
        invoice_line::Entity::insert_many(rows.iter().cloned().map(IntoActiveModel::into_active_model))
            .exec(conn)
            .await?;
    }
    Ok(rows)
}

/// The time entries the invoice's lines bill.
async fn billed_time<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    invoice: Uuid,
) -> Result<Vec<atrium_events::projects::TimeEntryId>, AppError> {
    let ids: Vec<Uuid> = invoice_time_entry::Entity::scoped(org)
        .filter(invoice_time_entry::Column::InvoiceId.eq(invoice))
        .select_only()
        .column(invoice_time_entry::Column::TimeEntryId)
        .order_by_asc(invoice_time_entry::Column::TimeEntryId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(ids.into_iter().map(Into::into).collect())
}

/// A voided invoice bills no time any more: its entries may go on another invoice
/// (the event tells projects to mark them unbilled).
async fn release_time<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    invoice: Uuid,
) -> Result<Vec<atrium_events::projects::TimeEntryId>, AppError> {
    let ids = billed_time(conn, org, invoice).await?;
    if !ids.is_empty() {
        invoice_time_entry::Entity::delete_scoped(org)
            .filter(invoice_time_entry::Column::InvoiceId.eq(invoice))
            .exec(conn)
            .await?;
    }
    Ok(ids)
}

fn missing_engagement(e: sea_orm::DbErr) -> AppError {
    if atrium_kernel::error::is_foreign_key_violation(&e) { RevenueError::NoSuchEngagement.into() } else { e.into() }
}
