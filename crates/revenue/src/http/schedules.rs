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
    InvoiceId, InvoiceScheduleId, InvoicedTimeOut, RunIn, RunOut, ScheduleFilter, ScheduleIn, ScheduleOut,
    SchedulePatch,
};
use crate::service::RevenueService;

/// Invoice schedules, oldest first; filter by engagement, kind or status.
#[utoipa::path(get, path = "/api/v1/invoice-schedules", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("any"))),
    params(ScheduleFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of schedules", body = PageOut<ScheduleOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ScheduleFilter>,
) -> Result<PageOut<ScheduleOut>, AppError> {
    Ok(page.respond(svc.list_schedules(&ctx, &filter, page.request()).await?, |s| s))
}

/// Add a schedule to an engagement. Each kind takes its own terms: `fixed` its
/// `installments`; `milestone` its `milestones`; `retainer` a `period`,
/// `starts_on` and fee `amount` (optional `included_minutes`); `time_and_materials`
/// a `period` and `starts_on`. A field of another kind is a 422 naming it.
#[utoipa::path(post, path = "/api/v1/invoice-schedules", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("write_billing"))), request_body = ScheduleIn,
    responses((status = 201, description = "Schedule created", body = ScheduleOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    ValidatedJson(input): ValidatedJson<ScheduleIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_schedule(&ctx, input).await?;
    Ok((
        StatusCode::CREATED,
        location(format!("/api/v1/invoice-schedules/{}", out.id)),
        [etag_header(out.version)],
        Json(out),
    ))
}

#[utoipa::path(get, path = "/api/v1/invoice-schedules/{id}", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceScheduleId, Path, description = "Schedule id")),
    responses((status = 200, description = "The schedule and its terms", body = ScheduleOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
pub(super) async fn get(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceScheduleId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_schedule(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Pause, resume or end a schedule, or change its terms for the periods not yet
/// run. An ended schedule is 409; so is replacing installments or milestone terms
/// once the schedule has run.
#[utoipa::path(patch, path = "/api/v1/invoice-schedules/{id}", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceScheduleId, Path, description = "Schedule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = SchedulePatch,
    responses((status = 200, description = "Updated schedule", body = ScheduleOut,
        headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
pub(super) async fn update(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceScheduleId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<SchedulePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_schedule(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a schedule and its run records; the invoices it drafted stay.
#[utoipa::path(delete, path = "/api/v1/invoice-schedules/{id}", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceScheduleId, Path, description = "Schedule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
pub(super) async fn delete(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceScheduleId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_schedule(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Run a schedule now, as the daily runner would: drafts every period or
/// installment due up to `up_to` (default and at most today) that no run has
/// drafted. Safe to repeat: each period is drafted once. A paused or ended
/// schedule is 409.
#[utoipa::path(post, path = "/api/v1/invoice-schedules/{id}/run", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = InvoiceScheduleId, Path, description = "Schedule id")),
    request_body = RunIn,
    responses((status = 200, description = "The runs recorded now (empty when nothing was due)", body = Vec<RunOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
pub(super) async fn run(
    State(svc): State<RevenueService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<InvoiceScheduleId>,
    ValidatedJson(input): ValidatedJson<RunIn>,
) -> Result<Json<Vec<RunOut>>, AppError> {
    Ok(Json(svc.run_schedule(&ctx, id, input).await?))
}

/// What a schedule has processed: one record per period, installment or milestone.
#[utoipa::path(get, path = "/api/v1/invoice-schedules/{id}/runs", tag = "invoice-schedules",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceScheduleId, Path, description = "Schedule id"), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of runs, oldest first", body = PageOut<RunOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
pub(super) async fn runs(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceScheduleId>,
    page: PageQuery,
) -> Result<PageOut<RunOut>, AppError> {
    Ok(page.respond(svc.list_runs(&ctx, id, page.request()).await?, |r| r))
}

/// The time entries an invoice bills, with the line (by position) that bills each.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/time-entries", tag = "invoices",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = InvoiceId, Path, description = "Invoice id")),
    responses((status = 200, description = "Billed time entries", body = Vec<InvoicedTimeOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
pub(super) async fn invoiced_time(
    State(svc): State<RevenueService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<InvoiceId>,
) -> Result<Json<Vec<InvoicedTimeOut>>, AppError> {
    Ok(Json(svc.invoiced_time(&ctx, id).await?))
}
