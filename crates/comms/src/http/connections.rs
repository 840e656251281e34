use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, WriteRecords, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{ConnectionIn, ConnectionOut, ConnectionPatch, HealthOut, MailboxConnectionId};
use crate::service::CommsService;

/// Mailbox connections with their sync health.
#[utoipa::path(get, path = "/api/v1/mailbox-connections", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of connections", body = PageOut<ConnectionOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<ConnectionOut>, AppError> {
    Ok(page.respond(svc.list_connections(&ctx, page.request()).await?, |c| c))
}

/// Connect a mailbox (IMAP); its first sync runs within a minute. The password
/// is encrypted at rest and never returned.
#[utoipa::path(post, path = "/api/v1/mailbox-connections", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))), request_body = ConnectionIn,
    responses((status = 201, description = "Connection created", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ConnectionIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_connection(&ctx, input).await?;
    let location = [(axum::http::header::LOCATION, format!("/api/v1/mailbox-connections/{}", out.id))];
    Ok((StatusCode::CREATED, location, [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/mailbox-connections/{id}", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id")),
    responses((status = 200, description = "The connection", body = ConnectionOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn get(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<MailboxConnectionId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_connection(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change settings or credentials (absent fields unchanged). New credentials end
/// an `auth_failed` state and sync right away.
#[utoipa::path(patch, path = "/api/v1/mailbox-connections/{id}", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ConnectionPatch,
    responses((status = 200, description = "Updated connection", body = ConnectionOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn update(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MailboxConnectionId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ConnectionPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_connection(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Remove the connection; mail it imported stays.
#[utoipa::path(delete, path = "/api/v1/mailbox-connections/{id}", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn delete(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MailboxConnectionId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_connection(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sync health: state, last success, lag, imported counts, last error, next run.
#[utoipa::path(get, path = "/api/v1/mailbox-connections/{id}/health", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id")),
    responses((status = 200, description = "The connection's sync health", body = HealthOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn health(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<MailboxConnectionId>,
) -> Result<Json<HealthOut>, AppError> {
    Ok(Json(svc.connection_health(&ctx, id).await?))
}

/// Stop syncing until resumed.
#[utoipa::path(post, path = "/api/v1/mailbox-connections/{id}/pause", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id")),
    responses((status = 200, description = "The paused connection", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn pause(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MailboxConnectionId>,
) -> Result<Json<ConnectionOut>, AppError> {
    Ok(Json(svc.pause_connection(&ctx, id).await?))
}

/// Sync again, right away (also after a backoff or refused credentials).
#[utoipa::path(post, path = "/api/v1/mailbox-connections/{id}/resume", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id")),
    responses((status = 200, description = "The resumed connection", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn resume(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MailboxConnectionId>,
) -> Result<Json<ConnectionOut>, AppError> {
    Ok(Json(svc.resume_connection(&ctx, id).await?))
}

/// Read the whole first-sync window again on the next run (due now); nothing
/// already imported is imported twice.
#[utoipa::path(post, path = "/api/v1/mailbox-connections/{id}/resync", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MailboxConnectionId, Path, description = "Connection id")),
    responses((status = 200, description = "The connection, resync queued", body = ConnectionOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
pub(super) async fn resync(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MailboxConnectionId>,
) -> Result<Json<ConnectionOut>, AppError> {
    Ok(Json(svc.resync_connection(&ctx, id).await?))
}
