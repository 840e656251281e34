//! CSV in and out: a streamed contact import with a per-row report, and streamed
//! exports of any filtered list of companies, contacts or deals.

use std::future::Future;
use std::io;

use atrium_kernel::{AnyRole, AppError, Authorized, OrgCtx, Page, PageRequest, ValidatedQuery, WriteRecords};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use http_body::Frame;
use http_body_util::StreamBody;
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
    responses((status = 200, description = STREAM_DOC, content_type = "text/csv", body = String,
        headers(("Trailer" = String, description = "`Export-Status`, the trailer a complete export ends with")),
        example = "id,first_name,last_name,email,phone,title,client_company_id,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_contacts(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<ContactFilter>,
) -> Result<Response, AppError> {
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
    .await
}

/// Every client company matching the filters, as CSV (streamed).
#[utoipa::path(get, path = "/api/v1/client-companies/export", tag = "crm",
    extensions(("x-required-role" = json!("any"))), params(CompanyFilter),
    responses((status = 200, description = STREAM_DOC, content_type = "text/csv", body = String,
        headers(("Trailer" = String, description = "`Export-Status`, the trailer a complete export ends with")),
        example = "id,name,domain,status,address,owner_id,tags,notes,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_companies(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<CompanyFilter>,
) -> Result<Response, AppError> {
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
    .await
}

/// Every deal matching the filters, as CSV (streamed). Value in minor units.
#[utoipa::path(get, path = "/api/v1/deals/export", tag = "crm",
    extensions(("x-required-role" = json!("any"))), params(DealFilter),
    responses((status = 200, description = STREAM_DOC, content_type = "text/csv", body = String,
        headers(("Trailer" = String, description = "`Export-Status`, the trailer a complete export ends with")),
        example = "id,name,stage,value_amount_minor,value_currency,probability,expected_close_date,client_company_id,contact_id,owner_id,created_at,updated_at\n")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn export_deals(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<DealFilter>,
) -> Result<Response, AppError> {
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
    .await
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

/// The trailer a complete export ends with, for clients that ask for trailers
/// (`TE: trailers`): `complete; rows=<data rows>`.
pub const EXPORT_STATUS_TRAILER: &str = "export-status";

/// What the export routes say about a stream that fails midway (in their OpenAPI
/// description too).
const STREAM_DOC: &str = "CSV with a header row. The first batch is read before the response starts, so an error then is a \
    problem response. Later batches stream as they are read; if one fails, the chunked body is aborted \
    (no final chunk: every HTTP client reports an incomplete body) rather than ending like a complete \
    file. A client that sends `TE: trailers` also gets the trailer `Export-Status: complete; rows=<n>` \
    after the last row of a complete export, and no trailer after a failure.";

/// Streams pages from `fetch` as CSV, one chunk per batch. The first batch is
/// read before the response starts, so an early failure is a problem response.
/// A failure after the first byte cannot change the status any more: it is
/// logged and the chunked body is aborted (the client sees an incomplete
/// transfer, never a short file that looks complete); a complete export ends
/// with the `Export-Status` trailer.
async fn csv_response<T, F, Fut>(
    filename: &'static str,
    header: &'static [&'static str],
    fetch: F,
    to_row: fn(&T) -> Vec<String>,
) -> Result<Response, AppError>
where
    T: Send + 'static,
    F: Fn(PageRequest) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Page<T>, AppError>> + Send,
{
    let first = fetch(PageRequest { limit: EXPORT_BATCH, after: None }).await?;
    let chunk = encode(Some(header), &first.items, to_row).map_err(AppError::internal)?;
    let state = Export { rows: first.items.len(), pending: Some(chunk), after: first.next_after, done: false };
    let stream = futures::stream::unfold(state, move |mut st| {
        let fetch = fetch.clone();
        async move {
            if let Some(chunk) = st.pending.take() {
                return Some((Ok(Frame::data(chunk)), st));
            }
            if st.done {
                return None;
            }
            let Some(after) = st.after else {
                st.done = true;
                let mut trailers = HeaderMap::new();
                let status = HeaderValue::from_str(&format!("complete; rows={}", st.rows))
                    .unwrap_or_else(|_| HeaderValue::from_static("complete"));
                trailers.insert(EXPORT_STATUS_TRAILER, status);
                return Some((Ok(Frame::trailers(trailers)), st));
            };
            let page = fetch(PageRequest { limit: EXPORT_BATCH, after: Some(after) }).await;
            let chunk = page.map_err(|e| e.to_string()).and_then(|page| {
                st.rows += page.items.len();
                st.after = page.next_after;
                encode(None, &page.items, to_row).map_err(|e| e.to_string())
            });
            match chunk {
                Ok(chunk) => Some((Ok(Frame::data(chunk)), st)),
                Err(e) => {
                    tracing::error!(error = %e, rows = st.rows, "CSV export failed midway; aborting the body");
                    st.done = true;
                    Some((Err(io::Error::other(e)), st))
                }
            }
        }
    });
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        (header::TRAILER, "Export-Status".to_owned()),
    ];
    // Fused: a compressing body polls once more after the end.
    Ok((headers, Body::new(StreamBody::new(stream.fuse()))).into_response())
}

struct Export {
    /// Data rows sent or about to be.
    rows: usize,
    /// The chunk read before the response started.
    pending: Option<Bytes>,
    /// Where the next batch starts; `None` when the last one was read.
    after: Option<Uuid>,
    done: bool,
}

/// One batch as CSV (with the header row first, if given), formulas defused.
fn encode<T>(header: Option<&[&str]>, items: &[T], to_row: fn(&T) -> Vec<String>) -> csv::Result<Bytes> {
    let mut out = csv::Writer::from_writer(Vec::new());
    if let Some(header) = header {
        out.write_record(header)?;
    }
    for item in items {
        out.write_record(to_row(item).into_iter().map(defuse))?;
    }
    out.flush()?;
    out.into_inner().map(Bytes::from).map_err(|e| csv::Error::from(e.into_error()))
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
