use atrium_kernel::{AppError, Authorized, IfMatch, ValidatedJson, WriteRecords, etag_header};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{DraftPatch, MessageId, MessageOut, SendDraftIn};
use crate::service::CommsService;

/// Send a draft after review (an overdue-invoice reminder, for one): it is
/// queued and sent in the background. A message that is not a draft is 409.
#[utoipa::path(post, path = "/api/v1/messages/{id}/send", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MessageId, Path, description = "Message id")),
    request_body = SendDraftIn,
    responses((status = 202, description = "The queued message", body = MessageOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, message_id = %id))]
pub(super) async fn send(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MessageId>,
    ValidatedJson(input): ValidatedJson<SendDraftIn>,
) -> Result<impl IntoResponse, AppError> {
    Ok((StatusCode::ACCEPTED, Json(svc.send_draft(&ctx, id, input).await?)))
}

/// Edit a draft before it is sent (`to`, `cc`, `subject`, `body_text`; absent
/// fields stay). A queued or sent message is immutable: 409.
#[utoipa::path(patch, path = "/api/v1/messages/{id}", tag = "comms",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MessageId, Path, description = "Message id"),
        ("If-Match" = Option<String>, Header, description = "The message's version (ETag); a stale one is 409")),
    request_body = DraftPatch,
    responses((status = 200, description = "The edited draft", body = MessageOut,
            headers(("ETag" = String, description = "New version"))),
        (status = 409, description = "Not a draft (queued or sent), or a stale If-Match", content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", content_type = "application/problem+json")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, message_id = %id))]
pub(super) async fn edit(
    State(svc): State<CommsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MessageId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<DraftPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.edit_draft(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
