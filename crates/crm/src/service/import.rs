//! CSV import of contacts. The file is read as a stream, row by row, inside one
//! transaction: a malformed file (or one over the row limit) changes nothing,
//! while a row that is merely wrong is skipped and reported. Cells are parsed with
//! the same types as the JSON API. Rows are matched to existing contacts by
//! normalized email: a match is updated with the row's non-empty cells (an empty
//! cell never clears a field), anything else is created.

use std::collections::HashMap;

use atrium_events::crm::{ContactUpdated, Source};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Email, IfMatch, OrgCtx, Phone, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use futures::StreamExt;
use sea_orm::{ActiveValue::Set, DatabaseTransaction, IntoActiveModel};
use tokio::io::AsyncRead;

use super::companies::company_named;
use super::contacts::{insert_contact, live_contact_by_email};
use super::state::contact_state;
use super::{CrmService, changed, live_company};
use crate::dto::{
    ClientCompanyId, CompanyName, ContactIn, ImportOutcome, ImportReportOut, ImportRow, ImportRowOut, Name, Title,
};
use crate::entity::contact;
use crate::error::CrmError;

/// Rows per import; larger files are split by the client.
pub const IMPORT_MAX_ROWS: u64 = 10_000;
/// The columns an import understands (header names, any order).
pub const IMPORT_COLUMNS: [&str; 7] =
    ["first_name", "last_name", "email", "phone", "title", "company", "client_company_id"];

/// A row's cells, parsed; empty cells are `None`.
struct Cells {
    first_name: Option<Name>,
    last_name: Option<Name>,
    email: Option<Email>,
    phone: Option<Phone>,
    title: Option<Title>,
    company: Option<CompanyCell>,
}

enum CompanyCell {
    Id(ClientCompanyId),
    Named(CompanyName),
}

impl CrmService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, dry_run))]
    pub async fn import_contacts<R>(&self, ctx: &OrgCtx, reader: R, dry_run: bool) -> Result<ImportReportOut, AppError>
    where
        R: AsyncRead + Unpin + Send,
    {
        let mut csv = csv_async::AsyncReaderBuilder::new().trim(csv_async::Trim::All).create_deserializer(reader);
        check_header(csv.headers().await.map_err(|e| csv_error(e, 0))?)?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let mut report = ImportReportOut { dry_run, created: 0, updated: 0, skipped: 0, rows: Vec::new() };
        let mut seen: HashMap<String, u64> = HashMap::new();
        let mut records = csv.deserialize::<ImportRow>();
        let mut row = 0u64;
        while let Some(record) = records.next().await {
            row += 1;
            if row > IMPORT_MAX_ROWS {
                return Err(CrmError::TooManyRows { max: IMPORT_MAX_ROWS }.into());
            }
            let record = record.map_err(|e| csv_error(e, row))?;
            let out = self.import_row(&txn, ctx, row, record, &mut seen, now).await?;
            match out.outcome {
                ImportOutcome::Created => report.created += 1,
                ImportOutcome::Updated => report.updated += 1,
                ImportOutcome::Skipped => report.skipped += 1,
            }
            report.rows.push(out);
        }
        if dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        Ok(report)
    }

    /// One row: parsed, checked against earlier rows, then an update of the
    /// contact with that email or a new contact.
    async fn import_row(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        row: u64,
        record: ImportRow,
        seen: &mut HashMap<String, u64>,
        now: DateTime<Utc>,
    ) -> Result<ImportRowOut, AppError> {
        let email_cell = clean(record.email.as_deref()).map(str::to_owned);
        let cells = match Cells::parse(&record) {
            Ok(c) => c,
            Err(reason) => return Ok(skipped(row, email_cell, None, reason)),
        };
        let normalized = cells.email.as_ref().map(Email::normalized);
        if let Some(n) = &normalized {
            if let Some(first) = seen.get(n) {
                return Ok(skipped(row, email_cell, None, format!("same email as row {first}")));
            }
            seen.insert(n.clone(), row);
        }
        let company = match self.import_company(txn, ctx, cells.company.as_ref(), now).await? {
            Ok(company) => company,
            Err(reason) => return Ok(skipped(row, email_cell, None, reason)),
        };
        let existing = match &normalized {
            Some(n) => live_contact_by_email(txn, ctx.org_id, n).await?,
            None => None,
        };
        match existing {
            Some(current) => import_update(txn, ctx, row, current, cells, company, now).await,
            None => import_create(txn, ctx, row, cells, company, now).await,
        }
    }

    /// The company a row names, created by name when needed; `Err` is a skip reason.
    async fn import_company(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        cell: Option<&CompanyCell>,
        now: DateTime<Utc>,
    ) -> Result<Result<Option<ClientCompanyId>, String>, AppError> {
        Ok(Ok(match cell {
            None => None,
            Some(CompanyCell::Id(id)) => match live_company(txn, ctx.org_id, *id).await? {
                Some(_) => Some(*id),
                None => return Ok(Err("client_company_id is not a company of this organization".into())),
            },
            Some(CompanyCell::Named(name)) => {
                Some(company_named(txn, ctx.org_id, &ctx.actor(), Source::CsvImport, name.clone(), now).await?)
            }
        }))
    }
}

/// Applies a row's non-empty cells to the contact with its email; a row that
/// changes nothing is skipped as `unchanged`.
async fn import_update(
    txn: &DatabaseTransaction,
    ctx: &OrgCtx,
    row: u64,
    current: contact::Model,
    cells: Cells,
    company: Option<ClientCompanyId>,
    now: DateTime<Utc>,
) -> Result<ImportRowOut, AppError> {
    let mut changes = current.clone().into_active_model();
    let mut touched = false;
    let mut set = |field: &mut sea_orm::ActiveValue<String>, old: &str, new: Option<String>| {
        if let Some(new) = new.filter(|n| n != old) {
            *field = Set(new);
            touched = true;
        }
    };
    set(&mut changes.first_name, &current.first_name, cells.first_name.map(Name::into_inner));
    set(&mut changes.last_name, &current.last_name, cells.last_name.map(Name::into_inner));
    if let Some(title) = cells.title.map(Title::into_inner).filter(|t| current.title.as_ref() != Some(t)) {
        changes.title = Set(Some(title));
        touched = true;
    }
    if let Some(phone) = cells.phone.filter(|p| current.phone.as_deref() != Some(p.as_str())) {
        changes.phone_normalized = Set(phone.normalized());
        changes.phone = Set(Some(phone.into_inner()));
        touched = true;
    }
    if let Some(company) = company.filter(|c| current.client_company_id != Some(c.into_uuid())) {
        changes.client_company_id = Set(Some(company.into_uuid()));
        touched = true;
    }
    let contact_id = Some(current.id.into());
    if !touched {
        return Ok(skipped(row, current.email, contact_id, "unchanged".into()));
    }
    changes.updated_at = Set(now);
    let updated = contact::Entity::update_in(txn, ctx.org_id, current.id, changes, IfMatch(None)).await?;
    let state = contact_state(&updated);
    let event = ContactUpdated { changed: changed(&contact_state(&current), &state), contact: state };
    publish(txn, ctx, now, &event).await?;
    let email = event.contact.email;
    Ok(ImportRowOut { row, outcome: ImportOutcome::Updated, contact_id, email, reason: None })
}

/// A new contact from a row, which then needs a first name.
async fn import_create(
    txn: &DatabaseTransaction,
    ctx: &OrgCtx,
    row: u64,
    cells: Cells,
    company: Option<ClientCompanyId>,
    now: DateTime<Utc>,
) -> Result<ImportRowOut, AppError> {
    let Some(first_name) = cells.first_name else {
        let email = cells.email.map(Email::into_inner);
        return Ok(skipped(row, email, None, "first_name is required for a new contact".into()));
    };
    let input = ContactIn {
        client_company_id: company,
        first_name,
        last_name: cells.last_name,
        email: cells.email,
        phone: cells.phone,
        title: cells.title,
    };
    let state = insert_contact(txn, ctx.org_id, &ctx.actor(), input, now, Some(Source::CsvImport)).await?;
    Ok(ImportRowOut {
        row,
        outcome: ImportOutcome::Created,
        contact_id: Some(state.id),
        email: state.email,
        reason: None,
    })
}

impl Cells {
    /// Every cell through the type the JSON API uses; `Err` names the column.
    fn parse(record: &ImportRow) -> Result<Self, String> {
        let company = match (clean(record.client_company_id.as_deref()), clean(record.company.as_deref())) {
            (Some(raw), _) => {
                Some(CompanyCell::Id(raw.parse().map_err(|_| "client_company_id is not a UUID".to_owned())?))
            }
            (None, Some(_)) => cell("company", &record.company, CompanyName::parse)?.map(CompanyCell::Named),
            (None, None) => None,
        };
        Ok(Self {
            first_name: cell("first_name", &record.first_name, Name::parse)?,
            last_name: cell("last_name", &record.last_name, Name::parse)?,
            email: cell("email", &record.email, Email::parse).map_err(|_| "email is not a valid address".to_owned())?,
            phone: cell("phone", &record.phone, Phone::parse)?,
            title: cell("title", &record.title, Title::parse)?,
            company,
        })
    }
}

/// A cell parsed by `parse`, `None` when empty; the error names the column.
fn cell<T>(column: &str, raw: &Option<String>, parse: fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    clean(raw.as_deref()).map(|v| parse(v).map_err(|problem| format!("{column} {problem}"))).transpose()
}

fn clean(cell: Option<&str>) -> Option<&str> {
    cell.map(str::trim).filter(|c| !c.is_empty())
}

fn skipped(row: u64, email: Option<String>, contact_id: Option<crate::dto::ContactId>, reason: String) -> ImportRowOut {
    ImportRowOut { row, outcome: ImportOutcome::Skipped, contact_id, email, reason: Some(reason) }
}

fn check_header(headers: &csv_async::StringRecord) -> Result<(), AppError> {
    let unknown: Vec<&str> = headers.iter().filter(|h| !IMPORT_COLUMNS.contains(h)).collect();
    if !unknown.is_empty() {
        return Err(CrmError::UnknownColumns { unknown: unknown.join(", "), known: IMPORT_COLUMNS.join(", ") }.into());
    }
    if !headers.iter().any(|h| h == "first_name" || h == "email") {
        return Err(CrmError::NoKeyColumn.into());
    }
    Ok(())
}

/// A broken file is the client's error (400, naming the row); a body over the
/// size limit is 413.
fn csv_error(err: csv_async::Error, row: u64) -> AppError {
    if let csv_async::ErrorKind::Io(io) = err.kind()
        && io.kind() == std::io::ErrorKind::FileTooLarge
    {
        return AppError::PayloadTooLarge;
    }
    CrmError::MalformedCsv { row, detail: err.to_string() }.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(first: &str, email: &str, title: &str) -> ImportRow {
        ImportRow {
            first_name: Some(first.into()),
            email: Some(email.into()),
            title: Some(title.into()),
            ..ImportRow::default()
        }
    }

    #[test]
    fn cells_follow_the_api_rules_and_name_the_column() {
        let ok = Cells::parse(&row(" Ada ", "ada@example.com", "")).expect("valid");
        assert_eq!(ok.first_name.as_deref(), Some("Ada"));
        assert!(ok.title.is_none(), "an empty cell is no value");
        let err = |r: ImportRow| Cells::parse(&r).err().unwrap_or_default();
        assert_eq!(err(row("Ada", "nope", "")), "email is not a valid address");
        assert_eq!(err(row("Ada", "", &"t".repeat(201))), "title must be at most 200 characters");
        assert_eq!(err(row("A\0da", "", "")), "first_name must not contain NUL characters");
        let phone = ImportRow { phone: Some("12".into()), ..row("Ada", "", "") };
        assert_eq!(err(phone), "phone must be at least 3 characters");
        let company = ImportRow { client_company_id: Some("x".into()), ..row("Ada", "", "") };
        assert_eq!(err(company), "client_company_id is not a UUID");
    }
}
