use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{InvoiceId, PaymentFilter, PaymentId, PaymentIn, PaymentOut, ReverseIn};
use crate::service::RevenueService;

/// Record a payment against an issued invoice: in its currency, at most its balance
/// (422 naming `amount`), with the exchange rate of `received_on` for a foreign currency.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/payments", tag = "payments",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceId, Path, description = "Invoice id")),
    request_body = PaymentIn,
    responses((status = 201, description = "Payment recorded", body = PaymentOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn record(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceId>,
    ValidatedJson(input): ValidatedJson<PaymentIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.record_payment(&ctx, id, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/payments/{}", out.id)), [etag_header(out.version)], Json(out)))
}

/// Payments, oldest first; filter by invoice.
#[utoipa::path(get, path = "/api/v1/payments", tag = "payments",
    extensions(("x-required-role" = json!("any"))),
    params(PaymentFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of payments", body = PageOut<PaymentOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<PaymentFilter>,
) -> Result<PageOut<PaymentOut>, AppError> {
    Ok(page.respond(svc.list_payments(&ctx, &filter, page.request()).await?, |p| p))
}

#[utoipa::path(get, path = "/api/v1/payments/{id}", tag = "payments",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = PaymentId, Path, description = "Payment id")),
    responses((status = 200, description = "The payment", body = PaymentOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, payment_id = %id))]
pub(super) async fn get(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<PaymentId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_payment(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Reverse a payment (refund, bounced transfer): the invoice's balance grows back.
#[utoipa::path(post, path = "/api/v1/payments/{id}/reverse", tag = "payments",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = PaymentId, Path, description = "Payment id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ReverseIn,
    responses((status = 200, description = "Reversed payment", body = PaymentOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, payment_id = %id))]
pub(super) async fn reverse(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<PaymentId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<ReverseIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.reverse_payment(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
