use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{ComposeIn, FileThreadIn, MessageOut, ReplyIn, ThreadFilter, ThreadId, ThreadOut, UnknownSenderOut};
use crate::service::CommsService;

/// Email threads, newest first: all, by engagement, by contact, or unfiled.
#[utoipa::path(get, path = "/api/v1/threads", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(ThreadFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of threads", body = PageOut<ThreadOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ThreadFilter>,
) -> Result<PageOut<ThreadOut>, AppError> {
    Ok(page.respond(svc.list_threads(&ctx, &filter, page.request()).await?, |t| t))
}

#[utoipa::path(get, path = "/api/v1/threads/{id}", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ThreadId, Path, description = "Thread id")),
    responses((status = 200, description = "The thread", body = ThreadOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn get(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ThreadId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_thread(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// A thread's messages, oldest first.
#[utoipa::path(get, path = "/api/v1/threads/{id}/messages", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ThreadId, Path, description = "Thread id"), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of messages", body = PageOut<MessageOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn messages(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ThreadId>,
    page: PageQuery,
) -> Result<PageOut<MessageOut>, AppError> {
    Ok(page.respond(svc.list_messages(&ctx, id, page.request()).await?, |m| m))
}

/// File the thread under an engagement (or move it to another).
#[utoipa::path(post, path = "/api/v1/threads/{id}/file", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ThreadId, Path, description = "Thread id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = FileThreadIn,
    responses((status = 200, description = "The filed thread", body = ThreadOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn file(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ThreadId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<FileThreadIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.file_thread(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Share the thread with the client: the portal shows shared threads only.
#[utoipa::path(post, path = "/api/v1/threads/{id}/share", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ThreadId, Path, description = "Thread id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "The shared thread", body = ThreadOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn share(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ThreadId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.share_thread(&ctx, id, true, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Stop sharing the thread with the client.
#[utoipa::path(post, path = "/api/v1/threads/{id}/unshare", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ThreadId, Path, description = "Thread id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "The thread, no longer shared", body = ThreadOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn unshare(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ThreadId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.share_thread(&ctx, id, false, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Senders of synced mail that match no CRM contact, so CRM or a workflow rule can create them.
#[utoipa::path(get, path = "/api/v1/comms/unknown-senders", tag = "comms",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of unknown senders", body = PageOut<UnknownSenderOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn unknown_senders(
    State(svc): State<CommsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<UnknownSenderOut>, AppError> {
    Ok(page.respond(svc.unknown_senders(&ctx, page.request()).await?, |s| s))
}

/// Write a new message (starting a new thread) from a mailbox connection. It is
/// queued and sent in the background; its `status` says how that went.
#[utoipa::path(post, path = "/api/v1/threads", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    request_body = ComposeIn,
    responses((status = 202, description = "The queued message (its thread is `thread_id`)", body = MessageOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn compose(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ComposeIn>,
) -> Result<impl IntoResponse, AppError> {
    Ok((StatusCode::ACCEPTED, Json(svc.compose(&ctx, input).await?)))
}

/// Reply in the thread. It is queued and sent in the background with
/// `In-Reply-To`/`References` to the thread's newest message.
#[utoipa::path(post, path = "/api/v1/threads/{id}/reply", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ThreadId, Path, description = "Thread id")),
    request_body = ReplyIn,
    responses((status = 202, description = "The queued reply", body = MessageOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, thread_id = %id))]
pub(super) async fn reply(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ThreadId>,
    ValidatedJson(input): ValidatedJson<ReplyIn>,
) -> Result<impl IntoResponse, AppError> {
    Ok((StatusCode::ACCEPTED, Json(svc.reply(&ctx, id, input).await?)))
}
