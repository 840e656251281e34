//! CSV in and out: a streamed contact import with a per-row report, and streamed
//! exports of any filtered list of companies, contacts or deals.

use std::future::Future;
use std::io;

use atrium_kernel::{AnyRole, AppError, Authorized, OrgCtx, Page, PageRequest, ValidatedQuery, WriteRecords};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use futures::StreamExt;
use tokio_util::io::StreamReader;
use uuid::Uuid;

use crate::dto::{
    CompanyFilter, CompanyOut, ContactFilter, ContactOut, DealFilter, DealOut, ImportParams, ImportReportOut,
};
use crate::service::CrmService;

/// Largest import body; the JSON body limit does not apply to this stream.
pub const IMPORT_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Rows fetched per database round trip while exporting.
const EXPORT_BATCH: u64 = 500;

/// Import contacts from CSV (`text/csv`, header row required; columns `first_name`,
/// `last_name`, `email`, `phone`, `title`, `company` (a name: found or created),
/// `client_company_id`). Rows are matched to existing contacts by email: a match is
/// updated with the row's non-empty cells, anything else is created. A wrong row is
/// skipped with its reason; a malformed file changes nothing. At most 10,000 rows
/// and 20 MiB. `dry_run=true` reports without writing.
#[utoipa::path(post, path = "/api/v1/contacts/import", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))), params(ImportParams),
    request_body(content = String, content_type = "text/csv",
        example = "first_name,last_name,email,company\nAda,Lovelace,ada@engines.example,Analytical Engines\n"),
    responses((status = 200, description = "What happened to each row", body = ImportReportOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn import(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    ValidatedQuery(params): ValidatedQuery<ImportParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<ImportReportOut>, AppError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if essence != "text/csv" && essence != "application/csv" {
        return Err(AppError::UnsupportedMediaType("expected text/csv".into()));
    }
    let mut total = 0usize;
    let stream = body.into_data_stream().map(move |chunk| {
        let chunk = chunk.map_err(io::Error::other)?;
        total += chunk.len();
        if total > IMPORT_MAX_BYTES {
            return Err(io::Error::new(io::ErrorKind::FileTooLarge, "import body over the limit"));
        }
        Ok::<Bytes, io::Error>(chunk)
    });
    Ok(Json(svc.import_contacts(&ctx, StreamReader::new(stream), params.dry_run).await?))
}

/// Every contact matching the filters, as CSV (streamed).
#[utoipa::path(get, path = "/api/v1/contacts/export", tag = "crm",
    extensions(("x-required-role" = json!("any"))), params(ContactFilter),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String,
        example = "id,first_name,last_name,email,phone,title,client_company_id,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_contacts(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<ContactFilter>,
) -> impl IntoResponse {
    let header =
        &["id", "first_name", "last_name", "email", "phone", "title", "client_company_id", "created_at", "updated_at"];
    let ctx: OrgCtx = *ctx;
    let fetch = move |req| {
        let (svc, filter) = (svc.clone(), filter.clone());
        async move { svc.list_contacts(&ctx, &filter, req).await }
    };
    csv_response("contacts.csv", header, fetch, |c: &ContactOut| {
        vec![
            c.id.to_string(),
            c.first_name.clone(),
            c.last_name.clone(),
            opt(&c.email),
            opt(&c.phone),
            opt(&c.title),
            opt(&c.client_company_id),
            c.created_at.to_rfc3339(),
            c.updated_at.to_rfc3339(),
        ]
    })
}

/// Every client company matching the filters, as CSV (streamed).
#[utoipa::path(get, path = "/api/v1/client-companies/export", tag = "crm",
    extensions(("x-required-role" = json!("any"))), params(CompanyFilter),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String,
        example = "id,name,domain,status,address,owner_id,tags,notes,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_companies(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<CompanyFilter>,
) -> impl IntoResponse {
    let header =
        &["id", "name", "domain", "status", "address", "owner_id", "tags", "notes", "created_at", "updated_at"];
    let ctx: OrgCtx = *ctx;
    let fetch = move |req| {
        let (svc, filter) = (svc.clone(), filter.clone());
        async move { svc.list_companies(&ctx, &filter, req).await }
    };
    csv_response("client-companies.csv", header, fetch, |c: &CompanyOut| {
        vec![
            c.id.to_string(),
            c.name.clone(),
            opt(&c.domain),
            c.status.as_str().to_owned(),
            opt(&c.address),
            opt(&c.owner_id),
            c.tags.join(";"),
            opt(&c.notes),
            c.created_at.to_rfc3339(),
            c.updated_at.to_rfc3339(),
        ]
    })
}

/// Every deal matching the filters, as CSV (streamed). Value in minor units.
#[utoipa::path(get, path = "/api/v1/deals/export", tag = "crm",
    extensions(("x-required-role" = json!("any"))), params(DealFilter),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String,
        example = "id,name,stage,value_amount_minor,value_currency,probability,expected_close_date,client_company_id,contact_id,owner_id,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_deals(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<DealFilter>,
) -> impl IntoResponse {
    let header = &[
        "id",
        "name",
        "stage",
        "value_amount_minor",
        "value_currency",
        "probability",
        "expected_close_date",
        "client_company_id",
        "contact_id",
        "owner_id",
        "created_at",
        "updated_at",
    ];
    let ctx: OrgCtx = *ctx;
    let fetch = move |req| {
        let (svc, filter) = (svc.clone(), filter.clone());
        async move { svc.list_deals(&ctx, &filter, req).await }
    };
    csv_response("deals.csv", header, fetch, |d: &DealOut| {
        vec![
            d.id.to_string(),
            d.name.clone(),
            d.stage.as_str().to_owned(),
            d.value.as_ref().map(|m| m.amount_minor.to_string()).unwrap_or_default(),
            d.value.as_ref().map(|m| m.currency.to_string()).unwrap_or_default(),
            opt(&d.probability),
            opt(&d.expected_close_date),
            opt(&d.client_company_id),
            opt(&d.contact_id),
            opt(&d.owner_id),
            d.created_at.to_rfc3339(),
            d.updated_at.to_rfc3339(),
        ]
    })
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Spreadsheets run cells that start like a formula; such cells get a leading `'`
/// (OWASP "CSV injection"). A phone number such as `+49 30 1234` is left alone.
fn defuse(cell: String) -> String {
    let numeric = |rest: &str| rest.chars().all(|c| c.is_ascii_digit() || " ()-./".contains(c));
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => format!("'{cell}"),
        Some('+' | '-') if !numeric(&cell[1..]) => format!("'{cell}"),
        _ => cell,
    }
}

enum Cursor {
    Start,
    After(Uuid),
    Done,
}

/// Streams pages from `fetch` as CSV, one chunk per batch. A database error after
/// the first byte cannot change the status any more: it is logged and the
/// response ends early (the client sees a truncated transfer, never a short file
/// that looks complete, because the chunked body is aborted).
fn csv_response<T, F, Fut>(
    filename: &'static str,
    header: &'static [&'static str],
    fetch: F,
    to_row: fn(&T) -> Vec<String>,
) -> impl IntoResponse + use<T, F, Fut>
where
    T: Send + 'static,
    F: Fn(PageRequest) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Page<T>, AppError>> + Send,
{
    let stream = futures::stream::unfold(Cursor::Start, move |cursor| {
        let fetch = fetch.clone();
        async move {
            let (after, first) = match cursor {
                Cursor::Start => (None, true),
                Cursor::After(id) => (Some(id), false),
                Cursor::Done => return None,
            };
            let page = match fetch(PageRequest { limit: EXPORT_BATCH, after }).await {
                Ok(page) => page,
                Err(e) => {
                    tracing::error!(error = %e, "CSV export stopped");
                    return Some((Err(io::Error::other(e.to_string())), Cursor::Done));
                }
            };
            let mut out = csv::Writer::from_writer(Vec::new());
            let mut write = || -> csv::Result<()> {
                if first {
                    out.write_record(header)?;
                }
                for item in &page.items {
                    out.write_record(to_row(item).into_iter().map(defuse))?;
                }
                out.flush()?;
                Ok(())
            };
            if let Err(e) = write() {
                return Some((Err(io::Error::other(e)), Cursor::Done));
            }
            let bytes = out.into_inner().map_err(|e| io::Error::other(e.to_string()));
            let next = page.next_after.map_or(Cursor::Done, Cursor::After);
            Some((bytes.map(Bytes::from), next))
        }
    });
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        ],
        // Fused: a compressing body polls once more after the end.
        Body::from_stream(stream.fuse()),
    )
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused_and_phones_are_not() {
        assert_eq!(defuse("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-2+3".into()), "'-2+3");
        assert_eq!(defuse("+cmd|' /C calc'!A0".into()), "'+cmd|' /C calc'!A0");
        assert_eq!(defuse("+49 (30) 123-456".into()), "+49 (30) 123-456");
        assert_eq!(defuse("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defuse("Ada".into()), "Ada");
    }
}
