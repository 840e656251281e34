use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{
    CreditNoteId, CreditNoteIn, CreditNoteOut, InvoiceFilter, InvoiceId, InvoiceIn, InvoiceOut, InvoicePatch, IssueIn,
};
use crate::service::RevenueService;

/// Invoices, oldest first; filter by status (`overdue`: open and past due), engagement or client.
#[utoipa::path(get, path = "/api/v1/invoices", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(InvoiceFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of invoices", body = PageOut<InvoiceOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<InvoiceFilter>,
) -> Result<PageOut<InvoiceOut>, AppError> {
    Ok(page.respond(svc.list_invoices(&ctx, &filter, page.request()).await?, |i| i))
}

/// Create a draft invoice under an engagement; the server computes every amount.
#[utoipa::path(post, path = "/api/v1/invoices", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))), request_body = InvoiceIn,
    responses((status = 201, description = "Draft created", body = InvoiceOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<InvoiceIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_invoice(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/invoices/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceId, Path, description = "Invoice id")),
    responses((status = 200, description = "The invoice with its lines and totals", body = InvoiceOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn get(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_invoice(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a draft (`lines` replaces every line). An issued invoice is 409: credit it instead.
#[utoipa::path(patch, path = "/api/v1/invoices/{id}", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = InvoicePatch,
    responses((status = 200, description = "Updated draft", body = InvoiceOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn update(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<InvoicePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_invoice(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a draft. Issued invoices are voided or credited, never deleted (409).
#[utoipa::path(delete, path = "/api/v1/invoices/{id}", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn delete(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_invoice(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Issue a draft: the next number of the series, the exchange rate of the issue
/// date (422 naming `issue_date` when none is entered), the due date from the terms.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/issue", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = IssueIn,
    responses((status = 200, description = "Issued invoice", body = InvoiceOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn issue(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<IssueIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.issue_invoice(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Void an issued invoice with no payments or credits; its number stays used.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/void", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Voided invoice", body = InvoiceOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn void(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.void_invoice(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// The credit notes of an invoice.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/credit-notes", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceId, Path, description = "Invoice id"), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of credit notes", body = PageOut<CreditNoteOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn list_credit_notes(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceId>,
    page: PageQuery,
) -> Result<PageOut<CreditNoteOut>, AppError> {
    Ok(page.respond(svc.list_credit_notes(&ctx, id, page.request()).await?, |c| c))
}

/// Credit an issued invoice: the lines given, or (no lines) the whole invoice when
/// nothing is paid or credited yet. Never more than the balance (422).
#[utoipa::path(post, path = "/api/v1/invoices/{id}/credit-notes", tag = "invoices",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id")),
    request_body = CreditNoteIn,
    responses((status = 201, description = "Credit note issued", body = CreditNoteOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn create_credit_note(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    ValidatedJson(input): ValidatedJson<CreditNoteIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_credit_note(&ctx, id, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/credit-notes/{}", out.id)), Json(out)))
}

#[utoipa::path(get, path = "/api/v1/credit-notes/{id}", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = CreditNoteId, Path, description = "Credit note id")),
    responses((status = 200, description = "The credit note", body = CreditNoteOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, credit_note_id = %id))]
pub(super) async fn get_credit_note(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<CreditNoteId>,
) -> Result<Json<CreditNoteOut>, AppError> {
    Ok(Json(svc.get_credit_note(&ctx, id).await?))
}

/// The invoice as a PDF (issuer, client, lines, taxes, totals, due date, number).
#[utoipa::path(get, path = "/api/v1/invoices/{id}/pdf", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceId, Path, description = "Invoice id")),
    responses((status = 200, description = "The invoice document", content_type = "application/pdf", body = Vec<u8>,
        headers(("Content-Disposition" = String, description = "inline, with the invoice number as the file name")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn pdf(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceId>,
) -> Result<impl IntoResponse, AppError> {
    let (file, bytes) = svc.invoice_pdf(&ctx, id).await?;
    let disposition = format!("inline; filename=\"{file}\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/pdf".to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    ))
}
