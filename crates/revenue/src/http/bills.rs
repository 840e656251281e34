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
    ApproveIn, BillFilter, BillId, BillIn, BillOut, BillPatch, BillPaymentId, BillPaymentIn, BillPaymentOut,
    BillPaymentReverseIn, RejectIn,
};
use crate::service::PayablesService;

/// Bills, oldest first; filter by status, vendor or engagement.
#[utoipa::path(get, path = "/api/v1/bills", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(BillFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of bills", body = PageOut<BillOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<BillFilter>,
) -> Result<PageOut<BillOut>, AppError> {
    Ok(page.respond(svc.list_bills(&ctx, &filter, page.request()).await?, |b| b))
}

/// Enter a draft bill from a vendor's invoice; the server computes every amount.
#[utoipa::path(post, path = "/api/v1/bills", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))), request_body = BillIn,
    responses((status = 201, description = "Draft created", body = BillOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<BillIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_bill(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/bills/{}", out.id)), [etag_header(out.version)], Json(out)))
}

/// The bills pending on a step where the caller must still decide, oldest first.
#[utoipa::path(get, path = "/api/v1/bills/awaiting-me", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of bills awaiting the caller's decision", body = PageOut<BillOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn bills_awaiting_me(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<BillOut>, AppError> {
    Ok(page.respond(svc.bills_awaiting_me(&ctx, page.request()).await?, |b| b))
}

#[utoipa::path(get, path = "/api/v1/bills/{id}", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillId, Path, description = "Bill id")),
    responses((status = 200, description = "The bill with its lines, totals and approval route", body = BillOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn get(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_bill(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a draft bill (`lines` replaces every line). A submitted bill is 409.
#[utoipa::path(patch, path = "/api/v1/bills/{id}", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = BillPatch,
    responses((status = 200, description = "Updated draft", body = BillOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn update(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<BillPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_bill(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a draft bill. A submitted bill is voided instead (409).
#[utoipa::path(delete, path = "/api/v1/bills/{id}", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn delete(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_bill(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Submit a draft for approval: its total in the base currency at the rate of the
/// bill date (422 naming `bill_date` when none is entered) is matched against the
/// approval rules in order; the first match's route is stored with the bill. No
/// match approves it at once. 409 when a step would have no approver but the submitter.
#[utoipa::path(post, path = "/api/v1/bills/{id}/submit", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Pending approval (or approved)", body = BillOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn submit_bill(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.submit_bill(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Approve the current step of a bill's route as one of its approvers. The
/// submitter never approves their own bill (403).
#[utoipa::path(post, path = "/api/v1/bills/{id}/approve", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillId, Path, description = "Bill id")),
    request_body = ApproveIn,
    responses((status = 200, description = "The bill after the decision", body = BillOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn approve_bill(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillId>,
    ValidatedJson(input): ValidatedJson<ApproveIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.approve_bill(&ctx, id, input).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Reject a bill as an approver of its current step: it goes back to draft with the reason.
#[utoipa::path(post, path = "/api/v1/bills/{id}/reject", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillId, Path, description = "Bill id")),
    request_body = RejectIn,
    responses((status = 200, description = "The bill, a draft again", body = BillOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn reject_bill(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillId>,
    ValidatedJson(input): ValidatedJson<RejectIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.reject_bill(&ctx, id, input).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Void a bill nothing was paid against.
#[utoipa::path(post, path = "/api/v1/bills/{id}/void", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Voided bill", body = BillOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn void_bill(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.void_bill(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// The payments made against a bill, oldest first.
#[utoipa::path(get, path = "/api/v1/bills/{id}/payments", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillId, Path, description = "Bill id"), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of bill payments", body = PageOut<BillPaymentOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn list_bill_payments(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillId>,
    page: PageQuery,
) -> Result<PageOut<BillPaymentOut>, AppError> {
    Ok(page.respond(svc.list_bill_payments(&ctx, id, page.request()).await?, |p| p))
}

/// Pay an approved bill, in part or in full (never more than its balance: 422 naming
/// `amount`); the bill is `paid` when settled.
#[utoipa::path(post, path = "/api/v1/bills/{id}/payments", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id")),
    request_body = BillPaymentIn,
    responses((status = 201, description = "Payment recorded", body = BillPaymentOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn pay_bill(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    ValidatedJson(input): ValidatedJson<BillPaymentIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.record_bill_payment(&ctx, id, input).await?;
    let path = format!("/api/v1/bill-payments/{}", out.id);
    Ok((StatusCode::CREATED, location(path), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/bill-payments/{id}", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillPaymentId, Path, description = "Bill payment id")),
    responses((status = 200, description = "The bill payment", body = BillPaymentOut,
        headers(("ETag" = String, description = "Version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_payment_id = %id))]
pub(super) async fn get_bill_payment(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillPaymentId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_bill_payment(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Reverse a bill payment (bounced, recorded against the wrong bill) with a reason:
/// it no longer counts, and the bill goes back to `partially_paid` or `approved`.
#[utoipa::path(post, path = "/api/v1/bill-payments/{id}/reverse", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillPaymentId, Path, description = "Bill payment id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = BillPaymentReverseIn,
    responses(
        (status = 200, description = "Reversed payment", body = BillPaymentOut, headers(("ETag" = String, description = "New version"))),
        (status = 404, description = "No such bill payment in this organization", body = atrium_kernel::Problem),
        (status = 409, description = "Already reversed, or a stale If-Match", body = atrium_kernel::Problem),
        (status = 422, description = "No reason given", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_payment_id = %id))]
pub(super) async fn reverse_bill_payment(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillPaymentId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<BillPaymentReverseIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.reverse_bill_payment(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
