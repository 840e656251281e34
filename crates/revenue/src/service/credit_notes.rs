//! Credit notes: the only way to correct an issued invoice. Own number series,
//! the invoice's exchange rate, never more than what remains open.

use atrium_events::revenue::{CreditNoteId, CreditNoteIssued};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Money, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::invoices::{lines_of, locked};
use super::lines::{self, Computed};
use super::payments::settle;
use super::view::{balance, credit_note_out};
use super::{RevenueService, numbers, settings};
use crate::calc::LineAmounts;
use crate::dto::{CreditNoteIn, CreditNoteOut, InvoiceId, InvoiceStatus, stored, stored_currency};
use crate::entity::{credit_note, credit_note_line, invoice};
use crate::error::RevenueError;
use crate::numbering::NumberFormat;

impl RevenueService {
    /// Credits lines of an issued invoice (all of it when no lines are given and
    /// nothing was paid or credited yet).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %invoice_id))]
    pub async fn create_credit_note(
        &self,
        ctx: &OrgCtx,
        invoice_id: InvoiceId,
        input: CreditNoteIn,
    ) -> Result<CreditNoteOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let inv = locked(&txn, ctx.org_id, invoice_id).await?;
        let status: InvoiceStatus = stored(&inv.status)?;
        if !matches!(status, InvoiceStatus::Issued | InvoiceStatus::PartiallyPaid | InvoiceStatus::Paid) {
            return Err(RevenueError::NotOpen(inv.status.clone()).into());
        }
        let cur = stored_currency(&inv.currency)?;
        let computed = if input.lines.is_empty() {
            if inv.paid != 0 || inv.credited != 0 {
                return Err(RevenueError::Field(
                    "lines",
                    "name the lines to credit: the invoice is already partly paid or credited".into(),
                )
                .into());
            }
            copy_lines(lines_of(&txn, ctx.org_id, &[inv.id]).await?.remove(&inv.id).unwrap_or_default())
        } else {
            lines::compute(&txn, ctx.org_id, cur, input.lines).await?
        };
        let totals = lines::totals(&computed)?;
        if totals.gross <= 0 {
            return Err(RevenueError::Field("lines", "the credit must be above zero".into()).into());
        }
        let remaining = balance(&inv);
        if totals.gross > remaining {
            return Err(RevenueError::OverCredit { remaining: Money::new(remaining, cur).to_string() }.into());
        }
        let s = settings::current(&txn, ctx.org_id, now).await?;
        let issue_date = input.issue_date.map_or_else(|| self.today(), |d| d.get());
        if inv.issue_date.is_some_and(|d| issue_date < d) {
            return Err(RevenueError::Field("issue_date", "must not be before the invoice's issue date".into()).into());
        }
        let format = NumberFormat::parse(&s.credit_note_number_format)
            .map_err(|e| AppError::internal(format!("stored credit note number format: {e}")))?;
        let number = format.render(numbers::take(&txn, ctx.org_id, numbers::CREDIT_NOTE_SERIES).await?, issue_date);
        let id = CreditNoteId::new().into_uuid();
        let row = credit_note::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            invoice_id: Set(inv.id),
            number: Set(number.clone()),
            issue_date: Set(issue_date),
            reason: Set(input.reason.map(|r| r.into_inner())),
            currency: Set(inv.currency.clone()),
            fx_rate: Set(inv.fx_rate),
            subtotal: Set(totals.net),
            tax_total: Set(totals.tax),
            total: Set(totals.gross),
            created_by: Set(ctx.actor()),
            created_at: Set(now),
        };
        let row = credit_note::Entity::insert(row).exec_with_returning(&txn).await?;
        let stored_lines = write_lines(&txn, ctx, id, computed).await?;
        let inv = settle(&txn, ctx.org_id, inv, 0, totals.gross, now).await?;
        let event = CreditNoteIssued {
            id: id.into(),
            invoice_id,
            engagement_id: inv.engagement_id.into(),
            number,
            invoice_number: inv.number.clone().unwrap_or_default(),
            issue_date,
            total: Money::new(totals.gross, cur),
            invoice_status: inv.status.clone(),
            invoice_balance: Money::new(balance(&inv), cur),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        credit_note_out(row, &stored_lines)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, credit_note_id = %id))]
    pub async fn get_credit_note(&self, ctx: &OrgCtx, id: CreditNoteId) -> Result<CreditNoteOut, AppError> {
        let row = credit_note::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let lines = credit_note_line::Entity::scoped(ctx.org_id)
            .filter(credit_note_line::Column::CreditNoteId.eq(row.id))
            .order_by_asc(credit_note_line::Column::Position)
            .all(&self.db)
            .await?;
        credit_note_out(row, &lines)
    }

    /// The credit notes of one invoice (another organization's invoice is a 404).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %invoice_id))]
    pub async fn list_credit_notes(
        &self,
        ctx: &OrgCtx,
        invoice_id: InvoiceId,
        req: PageRequest,
    ) -> Result<Page<CreditNoteOut>, AppError> {
        invoice::Entity::find_in(&self.db, ctx.org_id, invoice_id).await?;
        let q =
            credit_note::Entity::scoped(ctx.org_id).filter(credit_note::Column::InvoiceId.eq(invoice_id.into_uuid()));
        let rows = req.apply(q, credit_note::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let lines = credit_note_line::Entity::scoped(ctx.org_id)
            .filter(credit_note_line::Column::CreditNoteId.is_in(ids))
            .order_by_asc(credit_note_line::Column::Position)
            .all(&self.db)
            .await?;
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let mine: Vec<_> = lines.iter().filter(|l| l.credit_note_id == r.id).cloned().collect();
                credit_note_out(r, &mine)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }
}

/// A full credit repeats the invoice's lines as they were computed.
fn copy_lines(lines: Vec<crate::entity::invoice_line::Model>) -> Vec<Computed> {
    lines
        .into_iter()
        .map(|l| Computed {
            description: l.description,
            quantity: l.quantity,
            unit_price: l.unit_price,
            tax: l.tax_name.map(|n| (n, l.tax_basis_points, l.tax_inclusive)),
            amounts: LineAmounts { net: l.net, tax: l.tax, gross: l.gross },
        })
        .collect()
}

async fn write_lines<C: sea_orm::ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    credit_note_id: Uuid,
    computed: Vec<Computed>,
) -> Result<Vec<credit_note_line::Model>, AppError> {
    let rows: Vec<credit_note_line::Model> = computed
        .into_iter()
        .zip(1..)
        .map(|(l, position)| credit_note_line::Model {
            id: Uuid::now_v7(),
            organization_id: ctx.org_id.into_uuid(),
            credit_note_id,
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
    credit_note_line::Entity::insert_many(rows.iter().cloned().map(IntoActiveModel::into_active_model))
        .exec(conn)
        .await?;
    Ok(rows)
}
