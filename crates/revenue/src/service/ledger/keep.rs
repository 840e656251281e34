//! Keeping the ledger's version of a record in conflict: the ledger's edits are
//! copied into Atrium's record, with the record's update event, in the same
//! transaction as the decision. What is copied, per kind:
//!
//! | kind | copied from the ledger |
//! |---|---|
//! | vendor | name and email (QBO `DisplayName`, `PrimaryEmailAddr`; Xero `Name`, `EmailAddress`); dedup holds: a name or email another vendor has is 409 naming it |
//! | bill | due date (not before the bill date) and the vendor's reference (QBO `DocNumber`, Xero `InvoiceNumber`) |
//! | invoice | due date (not before the issue date); the number is Atrium's gapless series and stays |
//! | customer | nothing: client companies are CRM's golden record (rename the company there) |
//! | credit note, payment, bill payment | nothing: amounts change only through a new document in Atrium (a credit note, a reversal) |
//!
//! Lines and amounts are never copied: an issued invoice is corrected by a credit
//! note, and an approved bill was approved for its lines. A field the ledger does
//! not have (`None`) is left as Atrium has it, except a vendor's email, which the
//! ledger may have removed.

use atrium_events::revenue::InvoiceUpdated;
use atrium_events::revenue::payables::BillUpdated;
use atrium_events::revenue::payables::VendorUpdated;
use atrium_kernel::{AppError, Email, IfMatch, OrgCtx, Scoped, Text};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, IntoActiveModel};
use uuid::Uuid;

use super::LedgerService;
use crate::entity::{bill, invoice, vendor};
use crate::ledger::{Body, Record, RecordKind, RemoteFields};
use crate::service::changed;
use crate::service::payables::bills::locked as locked_bill;
use crate::service::payables::vendors::{holder, normalize_name};
use crate::service::payables::view::{bill_state, vendor_state};
use crate::service::view::invoice_state;

fn refused(what: &str, why: impl std::fmt::Display) -> AppError {
    AppError::conflict(format!("the ledger's {what} cannot be kept in Atrium: {why}"))
}

impl LedgerService {
    /// Copies what `kind` takes from `fields` into the local record `id`, publishes
    /// its update event when something changed, and brings `record` (the body the
    /// next push would build) up to date. Answers the fields copied.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn copy_remote(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        kind: RecordKind,
        id: Uuid,
        fields: &RemoteFields,
        record: Option<&mut Record>,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        match kind {
            RecordKind::Vendor => self.copy_vendor(txn, ctx, id, fields, record, now).await,
            RecordKind::Bill => self.copy_bill(txn, ctx, id, fields, record, now).await,
            RecordKind::Invoice => self.copy_invoice(txn, ctx, id, fields, record, now).await,
            RecordKind::Customer | RecordKind::CreditNote | RecordKind::Payment | RecordKind::BillPayment => {
                Ok(Vec::new())
            }
        }
    }

    async fn copy_vendor(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        id: Uuid,
        f: &RemoteFields,
        record: Option<&mut Record>,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let org = ctx.org_id;
        let current = vendor::Entity::find_in(txn, org, id).await?;
        let mut row = current.clone().into_active_model();
        let mut name_norm = current.name_normalized.clone();
        if let Some(name) = f.name.as_deref().map(str::trim).filter(|n| *n != current.name) {
            let name = Text::<200>::parse(name).map_err(|e| refused("vendor name", e))?.into_inner();
            name_norm = normalize_name(&name);
            if name_norm.is_empty() {
                return Err(refused("vendor name", "it has no letter or digit"));
            }
            row.name = Set(name);
            row.name_normalized = Set(name_norm.clone());
        }
        let email =
            f.email.as_deref().map(|e| Email::parse(e).map_err(|why| refused("vendor email", why))).transpose()?;
        let email_norm = email.as_ref().map(Email::normalized);
        let email = email.map(Email::into_inner);
        if email != current.email {
            row.email = Set(email);
            row.email_normalized = Set(email_norm.clone());
        }
        if let Some(taken) = holder(txn, org, &name_norm, email_norm.as_deref(), Some(current.id)).await? {
            return Err(taken.into());
        }
        row.updated_at = Set(now);
        let updated = vendor::Entity::update_in(txn, org, id, row, IfMatch(None)).await?;
        let changed = changed!(current, updated; name, email);
        if !changed.is_empty() {
            let event = VendorUpdated { vendor: vendor_state(&updated)?, changed: changed.clone() };
            atrium_outbox::publish(txn, ctx, now, &event).await?;
        }
        if let Some(Record { body: Body::Party { name, email }, .. }) = record {
            *name = updated.name;
            *email = updated.email;
        }
        Ok(changed)
    }

    async fn copy_bill(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        id: Uuid,
        f: &RemoteFields,
        record: Option<&mut Record>,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let org = ctx.org_id;
        let current = locked_bill(txn, org, id).await?;
        let mut row = current.clone().into_active_model();
        if let Some(due) = f.due.filter(|d| Some(*d) != current.due_date) {
            if due < current.bill_date {
                return Err(refused("due date", format!("{due} is before the bill date {}", current.bill_date)));
            }
            row.due_date = Set(Some(due));
        }
        if let Some(number) =
            f.number.as_deref().map(str::trim).filter(|n| current.vendor_reference.as_deref() != Some(*n))
        {
            let number = Text::<100>::parse(number).map_err(|e| refused("bill number", e))?.into_inner();
            row.vendor_reference = Set(Some(number));
        }
        row.updated_at = Set(now);
        let updated = bill::Entity::update_in(txn, org, id, row, IfMatch(None)).await?;
        let changed = changed!(current, updated; due_date, vendor_reference);
        if !changed.is_empty() {
            let event = BillUpdated { bill: bill_state(&updated)?, changed: changed.clone() };
            atrium_outbox::publish(txn, ctx, now, &event).await?;
        }
        if let Some(Record { body: Body::Document { due, number, .. }, .. }) = record {
            *due = updated.due_date;
            number.clone_from(&updated.vendor_reference);
        }
        Ok(changed)
    }

    async fn copy_invoice(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        id: Uuid,
        f: &RemoteFields,
        record: Option<&mut Record>,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, AppError> {
        let org = ctx.org_id;
        let current = invoice::Entity::find_in(txn, org, id).await?;
        let Some(due) = f.due.filter(|d| Some(*d) != current.due_date) else { return Ok(Vec::new()) };
        if current.issue_date.is_some_and(|issued| due < issued) {
            return Err(refused("due date", "it is before the issue date"));
        }
        let mut row = current.clone().into_active_model();
        row.due_date = Set(Some(due));
        row.updated_at = Set(now);
        let updated = invoice::Entity::update_in(txn, org, id, row, IfMatch(None)).await?;
        let changed = changed!(current, updated; due_date);
        let event = InvoiceUpdated { invoice: invoice_state(&updated)?, changed: changed.clone() };
        atrium_outbox::publish(txn, ctx, now, &event).await?;
        if let Some(Record { body: Body::Document { due, .. }, .. }) = record {
            *due = updated.due_date;
        }
        Ok(changed)
    }
}
