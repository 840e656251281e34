use atrium_kernel::{AppError, Authorized, ValidatedJson, WriteRecords};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{MessageId, MessageOut, SendDraftIn};
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
