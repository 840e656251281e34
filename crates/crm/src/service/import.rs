//! CSV import of contacts. The file is read as a stream, row by row, inside one
//! transaction: a malformed file (or one over the row limit) changes nothing,
//! while a row that is merely wrong is skipped and reported. Rows are matched to
//! existing contacts by normalized email: a match is updated with the row's
//! non-empty cells (an empty cell never clears a field), anything else is created.

use std::collections::HashMap;

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx};
use futures::StreamExt;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, IntoActiveModel};
use serde::Deserialize;
use serde_json::json;
use tokio::io::AsyncRead;
use uuid::Uuid;

use super::companies::company_named;
use super::contacts::{contact_out, insert_contact, live_contact_by_email};
use super::{CrmService, emit, normalize_email, normalize_phone};
use crate::dto::{ContactIn, ImportOutcome, ImportReportOut, ImportRowOut};

/// Rows per import; larger files are split by the client.
pub const IMPORT_MAX_ROWS: u64 = 10_000;
/// The columns an import understands (header names, any order).
pub const IMPORT_COLUMNS: [&str; 7] =
    ["first_name", "last_name", "email", "phone", "title", "company", "client_company_id"];

#[derive(Debug, Default, Deserialize)]
struct CsvContact {
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    title: Option<String>,
    /// A company name: the live company of that name, created when there is none.
    company: Option<String>,
    client_company_id: Option<String>,
}

/// A row's cleaned cells, or the reason it is skipped.
struct Cells {
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    title: Option<String>,
}

impl CrmService {
    pub async fn import_contacts<R>(&self, ctx: &OrgCtx, reader: R, dry_run: bool) -> Result<ImportReportOut, AppError>
    where
        R: AsyncRead + Unpin + Send,
    {
        let mut csv = csv_async::AsyncReaderBuilder::new().trim(csv_async::Trim::All).create_deserializer(reader);
        let headers = csv.headers().await.map_err(|e| csv_error(e, 0))?.clone();
        let unknown: Vec<&str> = headers.iter().filter(|h| !IMPORT_COLUMNS.contains(h)).collect();
        if !unknown.is_empty() {
            return Err(AppError::invalid(
                "header",
                format!("unknown column(s) {}; known: {}", unknown.join(", "), IMPORT_COLUMNS.join(", ")),
            ));
        }
        if !headers.iter().any(|h| h == "first_name" || h == "email") {
            return Err(AppError::invalid("header", "needs a first_name or an email column"));
        }

        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let mut report = ImportReportOut { dry_run, created: 0, updated: 0, skipped: 0, rows: Vec::new() };
        let mut seen: HashMap<String, u64> = HashMap::new();
        let mut records = csv.deserialize::<CsvContact>();
        let mut row = 0u64;
        while let Some(record) = records.next().await {
            row += 1;
            if row > IMPORT_MAX_ROWS {
                return Err(AppError::invalid("body", format!("more than {IMPORT_MAX_ROWS} rows; split the file")));
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

    async fn import_row<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        row: u64,
        record: CsvContact,
        seen: &mut HashMap<String, u64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ImportRowOut, AppError> {
        let skip = |email: Option<String>, reason: String| ImportRowOut {
            row,
            outcome: ImportOutcome::Skipped,
            contact_id: None,
            email,
            reason: Some(reason),
        };
        let email_cell = clean(record.email.clone());
        let cells = match check(&record) {
            Ok(c) => c,
            Err(reason) => return Ok(skip(email_cell, reason)),
        };
        let normalized = cells.email.as_deref().map(normalize_email);
        if let Some(n) = &normalized {
            if let Some(first) = seen.get(n) {
                return Ok(skip(cells.email, format!("same email as row {first}")));
            }
            seen.insert(n.clone(), row);
        }
        let company = if let Some(raw) = clean(record.client_company_id) {
            let Ok(id) = raw.parse::<Uuid>() else {
                return Ok(skip(cells.email, "client_company_id is not a UUID".into()));
            };
            match self.require_company(conn, ctx, id, "client_company_id").await {
                Ok(()) => Some(id),
                Err(AppError::Validation(_)) => {
                    return Ok(skip(cells.email, "client_company_id is not a company of this organization".into()));
                }
                Err(e) => return Err(e),
            }
        } else if let Some(name) = clean(record.company) {
            Some(company_named(conn, ctx.org_id, &ctx.actor(), "csv_import", &name, now).await?)
        } else {
            None
        };

        let existing = match &normalized {
            Some(n) => live_contact_by_email(conn, ctx.org_id, n).await?,
            None => None,
        };
        let (outcome, out) = match existing {
            Some(current) => {
                let mut row_model = current.clone().into_active_model();
                let mut changed = false;
                let mut set =
                    |field: &mut sea_orm::ActiveValue<Option<String>>, old: &Option<String>, new: Option<String>| {
                        if new.is_some() && new != *old {
                            *field = Set(new);
                            changed = true;
                        }
                    };
                set(&mut row_model.phone, &current.phone, cells.phone.clone());
                set(&mut row_model.title, &current.title, cells.title.clone());
                if let Some(first) = cells.first_name.filter(|f| *f != current.first_name) {
                    row_model.first_name = Set(first);
                    changed = true;
                }
                if let Some(last) = cells.last_name.filter(|l| *l != current.last_name) {
                    row_model.last_name = Set(last);
                    changed = true;
                }
                if company.is_some() && company != current.client_company_id {
                    row_model.client_company_id = Set(company);
                    changed = true;
                }
                if !changed {
                    return Ok(ImportRowOut {
                        row,
                        outcome: ImportOutcome::Skipped,
                        contact_id: Some(current.id.into()),
                        email: current.email,
                        reason: Some("unchanged".into()),
                    });
                }
                if let sea_orm::ActiveValue::Set(p) = &row_model.phone {
                    row_model.phone_normalized = Set(p.as_deref().and_then(normalize_phone));
                }
                row_model.version = Set(current.version + 1);
                row_model.updated_at = Set(now);
                let out = contact_out(row_model.update(conn).await?);
                emit(conn, ctx, now, "crm.contact.updated", "contact", out.id.into_uuid(), json!(out)).await?;
                (ImportOutcome::Updated, out)
            }
            None => {
                let Some(first_name) = cells.first_name else {
                    return Ok(skip(cells.email, "first_name is required for a new contact".into()));
                };
                let input = ContactIn {
                    client_company_id: company.map(Into::into),
                    first_name,
                    last_name: cells.last_name.unwrap_or_default(),
                    email: cells.email,
                    phone: cells.phone,
                    title: cells.title,
                };
                let out = insert_contact(conn, ctx.org_id, &ctx.actor(), input, now, None).await?;
                (ImportOutcome::Created, out)
            }
        };
        Ok(ImportRowOut { row, outcome, contact_id: Some(out.id), email: out.email, reason: None })
    }
}

fn clean(cell: Option<String>) -> Option<String> {
    cell.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty())
}

/// The same rules as the JSON API, as a skip reason instead of a 422.
fn check(record: &CsvContact) -> Result<Cells, String> {
    let too_long = |name: &str, value: &Option<String>, max: usize| match value {
        Some(v) if v.chars().count() > max => Err(format!("{name} is longer than {max} characters")),
        _ => Ok(()),
    };
    let cells = Cells {
        first_name: clean(record.first_name.clone()),
        last_name: clean(record.last_name.clone()),
        email: clean(record.email.clone()),
        phone: clean(record.phone.clone()),
        title: clean(record.title.clone()),
    };
    too_long("first_name", &cells.first_name, 100)?;
    too_long("last_name", &cells.last_name, 100)?;
    too_long("title", &cells.title, 200)?;
    too_long("phone", &cells.phone, 50)?;
    too_long("company", &record.company, 200)?;
    if let Some(e) = &cells.email
        && (e.len() > 320 || !validator::ValidateEmail::validate_email(e))
    {
        return Err("email is not a valid address".into());
    }
    Ok(cells)
}

/// A broken file is the client's error (400, naming the row); a body over the
/// size limit is 413.
fn csv_error(err: csv_async::Error, row: u64) -> AppError {
    if let csv_async::ErrorKind::Io(io) = err.kind()
        && io.kind() == std::io::ErrorKind::FileTooLarge
    {
        return AppError::PayloadTooLarge;
    }
    AppError::BadRequest(format!("CSV row {row}: {err}"))
}
