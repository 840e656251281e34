use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, LogTime, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteBilling,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{RejectIn, TimeEntryFilter, TimeEntryId, TimeEntryIn, TimeEntryOut, TimeEntryPatch};
use crate::service::TimeService;

/// Time entries: filter by member (`me` for the caller), project, engagement,
/// date range, billable, approval state, and `invoiced=false` for time not yet
/// billed. Every id in a filter must be the organization's (else 404).
#[utoipa::path(get, path = "/api/v1/time-entries", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(TimeEntryFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of time entries", body = PageOut<TimeEntryOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<TimeService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<TimeEntryFilter>,
) -> Result<PageOut<TimeEntryOut>, AppError> {
    Ok(page.respond(svc.list_entries(&ctx, &filter, page.request()).await?, |t| t))
}

/// Log time as a draft. A member logs only their own; owners, admins and billing
/// may give another member's `member_id`.
#[utoipa::path(post, path = "/api/v1/time-entries", tag = "projects",
    extensions(("x-required-role" = json!("log_time"))), request_body = TimeEntryIn,
    responses((status = 201, description = "Time entry created", body = TimeEntryOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<TimeService>,
    ctx: Authorized<LogTime>,
    ValidatedJson(input): ValidatedJson<TimeEntryIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_entry(&ctx, input).await?;
    Ok((
        StatusCode::CREATED,
        location(format!("/api/v1/time-entries/{}", out.id)),
        [etag_header(out.version)],
        Json(out),
    ))
}

#[utoipa::path(get, path = "/api/v1/time-entries/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id")),
    responses((status = 200, description = "The time entry", body = TimeEntryOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn get(
    State(svc): State<TimeService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<TimeEntryId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_entry(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a draft or rejected entry (a member: their own). Submitted entries wait
/// for a decision and approved ones are locked (409).
#[utoipa::path(patch, path = "/api/v1/time-entries/{id}", tag = "projects",
    extensions(("x-required-role" = json!("log_time"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = TimeEntryPatch,
    responses((status = 200, description = "Updated time entry", body = TimeEntryOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn update(
    State(svc): State<TimeService>,
    ctx: Authorized<LogTime>,
    Path(id): Path<TimeEntryId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<TimeEntryPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_entry(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a draft or rejected entry (a member: their own).
#[utoipa::path(delete, path = "/api/v1/time-entries/{id}", tag = "projects",
    extensions(("x-required-role" = json!("log_time"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn delete(
    State(svc): State<TimeService>,
    ctx: Authorized<LogTime>,
    Path(id): Path<TimeEntryId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_entry(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Submit a draft or rejected entry for approval (a member: their own).
#[utoipa::path(post, path = "/api/v1/time-entries/{id}/submit", tag = "projects",
    extensions(("x-required-role" = json!("log_time"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "The submitted entry", body = TimeEntryOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn submit(
    State(svc): State<TimeService>,
    ctx: Authorized<LogTime>,
    Path(id): Path<TimeEntryId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.submit_entry(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Approve a submitted entry; it is locked from then on. Approving time is a
/// billing decision: owners, admins and billing.
#[utoipa::path(post, path = "/api/v1/time-entries/{id}/approve", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "The approved entry", body = TimeEntryOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn approve(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<TimeEntryId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.approve_entry(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Reject a submitted entry back to its member, with an optional reason.
#[utoipa::path(post, path = "/api/v1/time-entries/{id}/reject", tag = "projects",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = TimeEntryId, Path, description = "Time entry id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = RejectIn,
    responses((status = 200, description = "The rejected entry", body = TimeEntryOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
pub(super) async fn reject(
    State(svc): State<TimeService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<TimeEntryId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<RejectIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.reject_entry(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
