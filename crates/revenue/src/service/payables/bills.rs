//! Bills: drafts entered from a vendor's invoice (lines with tax, totals computed
//! by the server), changed freely until submitted, deleted while drafts, voided
//! while nothing is paid.

use std::collections::HashMap;

use atrium_events::revenue::payables::{BillCreated, BillDeleted, BillId, BillUpdated, BillVoided};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Currency, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use chrono::{Days, NaiveDate};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::PayablesService;
use super::view::{bill_out, bill_state};
use crate::dto::{
    BillFilter, BillIn, BillLineIn, BillOut, BillPatch, BillStatus, EngagementId, LineIn, VendorId, VendorStatus,
    stored, stored_currency,
};
use crate::entity::{bill, bill_approval, bill_line, vendor};
use crate::error::RevenueError;
use crate::service::lines::{self, Computed};
use crate::service::{changed, settings};

/// Lines as revenue's line arithmetic takes them, and each one's account.
fn split_lines(input: Vec<BillLineIn>) -> (Vec<LineIn>, Vec<Option<String>>) {
    input
        .into_iter()
        .map(|l| {
            let account = l.account.map(|a| a.into_inner());
            let line = LineIn {
                description: l.description,
                quantity: l.quantity,
                unit_price: l.unit_price,
                tax_rate_id: l.tax_rate_id,
            };
            (line, account)
        })
        .unzip()
}

impl PayablesService {
    /// The vendor a bill may name: the caller's (else 404) and not archived (else 422).
    pub(super) async fn usable_vendor<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        id: VendorId,
    ) -> Result<vendor::Model, AppError> {
        let v = vendor::Entity::find_in(conn, org, id).await?;
        if v.status == VendorStatus::Archived.as_str() {
            return Err(AppError::invalid("vendor_id", "the vendor is archived"));
        }
        Ok(v)
    }

    /// An engagement of the caller's, through the agreements port (else 404).
    pub(super) async fn check_engagement(&self, org: OrganizationId, id: EngagementId) -> Result<(), AppError> {
        self.engagements.engagement(org, id).await?.ok_or(RevenueError::NoSuchEngagement)?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_bill(&self, ctx: &OrgCtx, input: BillIn) -> Result<BillOut, AppError> {
        if let Some(e) = input.engagement_id {
            self.check_engagement(ctx.org_id, e).await?;
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let vendor = match input.vendor_id {
            Some(v) => Some(self.usable_vendor(&txn, ctx.org_id, v).await?),
            None => None,
        };
        let s = settings::current(&txn, ctx.org_id, now).await?;
        let base = settings::base_currency(&s)?;
        let vendor_currency = vendor.as_ref().and_then(|v| v.default_currency.as_deref()).map(stored_currency);
        let currency = match (input.currency, vendor_currency) {
            (Some(c), _) => c,
            (None, Some(c)) => c?,
            (None, None) => base,
        };
        let bill_date = input.bill_date.get();
        let terms = vendor.as_ref().and_then(|v| v.payment_terms_days).unwrap_or(s.payment_terms_days);
        let due_date = match input.due_date {
            Some(d) => d.get(),
            None => add_days(bill_date, terms)?,
        };
        check_due(bill_date, Some(due_date))?;
        let (line_ins, accounts) = split_lines(input.lines);
        let computed = lines::compute(&txn, ctx.org_id, currency, line_ins).await?;
        let totals = lines::totals(&computed)?;
        let id = BillId::new().into_uuid();
        let row = bill::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            vendor_id: Set(vendor.as_ref().map(|v| v.id)),
            engagement_id: Set(input.engagement_id.map(Into::into)),
            vendor_reference: Set(input.vendor_reference.map(|r| r.into_inner())),
            bill_date: Set(bill_date),
            due_date: Set(Some(due_date)),
            currency: Set(currency.code().to_owned()),
            base_currency: Set(base.code().to_owned()),
            fx_rate: Set(None),
            base_total: Set(None),
            subtotal: Set(totals.net),
            tax_total: Set(totals.tax),
            total: Set(totals.gross),
            paid: Set(0),
            status: Set(BillStatus::Draft.as_str().to_owned()),
            notes: Set(input.notes.map(|n| n.into_inner())),
            approval_round: Set(0),
            current_step: Set(None),
            rule_id: Set(None),
            rule_name: Set(None),
            submitted_by: Set(None),
            submitted_at: Set(None),
            approved_at: Set(None),
            rejection_reason: Set(None),
            rejected_by: Set(None),
            rejected_at: Set(None),
            voided_at: Set(None),
            version: Set(1),
            created_by: Set(ctx.actor()),
            created_at: Set(now),
            updated_at: Set(now),
        };
        // The engagement may be deleted between the check and the insert: its FK says so.
        let row = bill::Entity::insert(row).exec_with_returning(&txn).await.map_err(missing_parent)?;
        let stored_lines = write_lines(&txn, ctx.org_id, id, computed, accounts).await?;
        atrium_outbox::publish(&txn, ctx, now, &BillCreated { bill: bill_state(&row)? }).await?;
        txn.commit().await?;
        bill_out(row, &stored_lines, &[])
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn get_bill(&self, ctx: &OrgCtx, id: BillId) -> Result<BillOut, AppError> {
        let row = bill::Entity::find_in(&self.db, ctx.org_id, id).await?;
        self.full(&self.db, ctx.org_id, row).await
    }

    /// A bill with its lines and route, read on `conn`.
    pub(super) async fn full<C: ConnectionTrait>(
        &self,
        conn: &C,
        org: OrganizationId,
        row: bill::Model,
    ) -> Result<BillOut, AppError> {
        let lines = lines_of(conn, org, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        let seats = seats_of(conn, org, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        bill_out(row, &lines, &seats)
    }

    /// Bills with their lines and routes, read in two queries for the page.
    pub(super) async fn page_out(
        &self,
        org: OrganizationId,
        page: Page<bill::Model>,
    ) -> Result<Page<BillOut>, AppError> {
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let mut lines = lines_of(&self.db, org, &ids).await?;
        let mut seats = seats_of(&self.db, org, &ids).await?;
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let (l, s) = (lines.remove(&r.id).unwrap_or_default(), seats.remove(&r.id).unwrap_or_default());
                bill_out(r, &l, &s)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Bills, oldest first; a vendor or engagement filter of another organization is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_bills(&self, ctx: &OrgCtx, f: &BillFilter, req: PageRequest) -> Result<Page<BillOut>, AppError> {
        let mut q = bill::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(bill::Column::Status.eq(s.as_str()));
        }
        if let Some(v) = f.vendor_id {
            vendor::Entity::find_in(&self.db, ctx.org_id, v).await?;
            q = q.filter(bill::Column::VendorId.eq(v.into_uuid()));
        }
        if let Some(e) = f.engagement_id {
            self.check_engagement(ctx.org_id, e).await?;
            q = q.filter(bill::Column::EngagementId.eq(e.into_uuid()));
        }
        let rows = req.apply(q, bill::Column::Id, SortOrder::Asc).all(&self.db).await?;
        self.page_out(ctx.org_id, Page::from_rows(rows, &req, |r| r.id)).await
    }

    /// Changes a draft (`lines` replaces every line).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn update_bill(
        &self,
        ctx: &OrgCtx,
        id: BillId,
        patch: BillPatch,
        if_match: IfMatch,
    ) -> Result<BillOut, AppError> {
        if let Some(e) = patch.engagement_id.as_value() {
            self.check_engagement(ctx.org_id, *e).await?;
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        require_draft(&current)?;
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.vendor_id.into_change() {
            let v = match v {
                Some(v) => Some(self.usable_vendor(&txn, ctx.org_id, v).await?.id),
                None => None,
            };
            row.vendor_id = Set(v);
        }
        if let Some(e) = patch.engagement_id.into_change() {
            row.engagement_id = Set(e.map(Into::into));
        }
        if let Some(r) = patch.vendor_reference.into_change() {
            row.vendor_reference = Set(r.map(|r| r.into_inner()));
        }
        let bill_date = patch.bill_date.map_or(current.bill_date, |d| d.get());
        row.bill_date = Set(bill_date);
        let due_date = match patch.due_date.into_change() {
            Some(d) => d.map(|d| d.get()),
            None => current.due_date,
        };
        check_due(bill_date, due_date)?;
        row.due_date = Set(due_date);
        if let Some(n) = patch.notes.into_change() {
            row.notes = Set(n.map(|n| n.into_inner()));
        }
        let currency = match patch.currency {
            Some(c) => c,
            None => stored_currency(&current.currency)?,
        };
        let existing = match patch.lines {
            Some(_) => Vec::new(),
            None => lines_of(&txn, ctx.org_id, &[current.id]).await?.remove(&current.id).unwrap_or_default(),
        };
        // Prices are in the bill's currency: a new currency needs new prices.
        if !existing.is_empty() && currency.code() != current.currency {
            return Err(
                RevenueError::Field("currency", "send the lines again with prices in the new currency".into()).into()
            );
        }
        row.currency = Set(currency.code().to_owned());
        let lines_changed = patch.lines.is_some();
        let stored_lines = match patch.lines {
            Some(new) => {
                let (line_ins, accounts) = split_lines(new);
                let computed = lines::compute(&txn, ctx.org_id, currency, line_ins).await?;
                let totals = lines::totals(&computed)?;
                row.subtotal = Set(totals.net);
                row.tax_total = Set(totals.tax);
                row.total = Set(totals.gross);
                bill_line::Entity::delete_scoped(ctx.org_id)
                    .filter(bill_line::Column::BillId.eq(current.id))
                    .exec(&txn)
                    .await?;
                write_lines(&txn, ctx.org_id, current.id, computed, accounts).await?
            }
            None => existing,
        };
        row.updated_at = Set(now);
        let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let mut changed = changed!(current, updated;
            vendor_id, engagement_id, vendor_reference, bill_date, due_date, currency, notes, total);
        if lines_changed {
            changed.push("lines".to_owned());
        }
        atrium_outbox::publish(&txn, ctx, now, &BillUpdated { bill: bill_state(&updated)?, changed }).await?;
        let seats = seats_of(&txn, ctx.org_id, &[updated.id]).await?.remove(&updated.id).unwrap_or_default();
        txn.commit().await?;
        bill_out(updated, &stored_lines, &seats)
    }

    /// Deletes a draft. A submitted bill is voided instead.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn delete_bill(&self, ctx: &OrgCtx, id: BillId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked(&txn, ctx.org_id, id).await?;
        require_draft(&current)?;
        bill::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &BillDeleted { bill: bill_state(&current)? }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Voids a bill nothing was paid against, in any state but void.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn void_bill(&self, ctx: &OrgCtx, id: BillId, if_match: IfMatch) -> Result<BillOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let status: BillStatus = stored(&current.status)?;
        if status == BillStatus::Void || current.paid != 0 {
            return Err(RevenueError::BillNotVoidable(current.status.clone()).into());
        }
        let mut row = current.into_active_model();
        row.status = Set(BillStatus::Void.as_str().to_owned());
        row.current_step = Set(None);
        row.voided_at = Set(Some(now));
        row.updated_at = Set(now);
        let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        atrium_outbox::publish(&txn, ctx, now, &BillVoided { bill: bill_state(&updated)? }).await?;
        let out = self.full(&txn, ctx.org_id, updated).await?;
        txn.commit().await?;
        Ok(out)
    }
}

fn add_days(d: NaiveDate, days: i32) -> Result<NaiveDate, AppError> {
    u64::try_from(days)
        .ok()
        .and_then(|n| d.checked_add_days(Days::new(n)))
        .ok_or_else(|| AppError::invalid("bill_date", "puts the due date out of range"))
}

fn check_due(bill_date: NaiveDate, due: Option<NaiveDate>) -> Result<(), AppError> {
    match due {
        Some(d) if d < bill_date => Err(AppError::invalid("due_date", "must not be before the bill date")),
        _ => Ok(()),
    }
}

pub(super) fn require_draft(r: &bill::Model) -> Result<(), AppError> {
    if r.status == BillStatus::Draft.as_str() {
        Ok(())
    } else {
        Err(RevenueError::BillNotDraft(r.status.clone()).into())
    }
}

/// The bill, locked for the rest of the transaction on PostgreSQL (SQLite's single
/// writer serializes anyway): decisions and payments must not interleave.
pub(crate) async fn locked<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: impl Into<Uuid>,
) -> Result<bill::Model, AppError> {
    bill::Entity::scoped(org)
        .filter(bill::Column::Id.eq(id.into()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound("bill"))
}

/// The lines of each of `ids`, in order.
pub(super) async fn lines_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<bill_line::Model>>, AppError> {
    let mut out: HashMap<Uuid, Vec<bill_line::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = bill_line::Entity::scoped(org)
        .filter(bill_line::Column::BillId.is_in(ids.iter().copied()))
        .order_by_asc(bill_line::Column::BillId)
        .order_by_asc(bill_line::Column::Position)
        .all(conn)
        .await?;
    for r in rows {
        out.entry(r.bill_id).or_default().push(r);
    }
    Ok(out)
}

/// The route seats of each of `ids`, by round, step and approver.
pub(super) async fn seats_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<bill_approval::Model>>, AppError> {
    let mut out: HashMap<Uuid, Vec<bill_approval::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = bill_approval::Entity::scoped(org)
        .filter(bill_approval::Column::BillId.is_in(ids.iter().copied()))
        .order_by_asc(bill_approval::Column::BillId)
        .order_by_asc(bill_approval::Column::Round)
        .order_by_asc(bill_approval::Column::Step)
        .order_by_asc(bill_approval::Column::Id)
        .all(conn)
        .await?;
    for r in rows {
        out.entry(r.bill_id).or_default().push(r);
    }
    Ok(out)
}

async fn write_lines<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    bill_id: Uuid,
    computed: Vec<Computed>,
    accounts: Vec<Option<String>>,
) -> Result<Vec<bill_line::Model>, AppError> {
    let rows: Vec<bill_line::Model> = computed
        .into_iter()
        .zip(accounts)
        .zip(1..)
        .map(|((l, account), position)| bill_line::Model {
            id: Uuid::now_v7(),
            organization_id: org.into_uuid(),
            bill_id,
            position,
            description: l.description,
            account,
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
        bill_line::Entity::insert_many(rows.iter().cloned().map(IntoActiveModel::into_active_model)).exec(conn).await?;
    }
    Ok(rows)
}

fn missing_parent(e: sea_orm::DbErr) -> AppError {
    if atrium_kernel::error::is_foreign_key_violation(&e) {
        AppError::conflict("the vendor or engagement was removed meanwhile; read again and retry")
    } else {
        e.into()
    }
}

/// The currency a stored bill is in.
pub(super) fn currency_of(r: &bill::Model) -> Result<Currency, AppError> {
    stored_currency(&r.currency)
}
