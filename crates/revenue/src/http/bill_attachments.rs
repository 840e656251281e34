//! A bill's attachments: files of the files domain, attached by id.

use atrium_kernel::{AnyRole, AppError, Authorized, PageOut, PageQuery, ValidatedJson, WriteBilling};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::dto::{BillAttachmentIn, BillAttachmentOut, BillId, FileId};
use crate::service::PayablesService;

/// The files attached to a bill, oldest first, each as the files domain has it now
/// (`file` is `null` once the file was deleted there).
#[utoipa::path(get, path = "/api/v1/bills/{id}/attachments", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = BillId, Path, description = "Bill id"), atrium_kernel::PageParams),
    responses(
        (status = 200, description = "A page of the bill's attachments", body = PageOut<BillAttachmentOut>),
        (status = 404, description = "No such bill in this organization", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn list_attachments(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<BillId>,
    page: PageQuery,
) -> Result<PageOut<BillAttachmentOut>, AppError> {
    Ok(page.respond(svc.list_attachments(&ctx, id, page.request()).await?, |a| a))
}

/// Attach a file to a bill (the vendor's invoice, a receipt). Upload it first through
/// the files API (`POST /api/v1/files`, or a presigned upload with
/// `POST /api/v1/files/uploads` then `…/complete`), with visibility `internal` and,
/// when the bill is on an engagement, under that engagement. At most 20 per bill.
#[utoipa::path(post, path = "/api/v1/bills/{id}/attachments", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id")),
    request_body = BillAttachmentIn,
    responses(
        (status = 201, description = "Attached", body = BillAttachmentOut),
        (status = 404, description = "No such bill, or no such live file, in this organization", body = atrium_kernel::Problem),
        (status = 409, description = "Already attached, or the bill is void", body = atrium_kernel::Problem),
        (status = 422, description = "`file_id`: a `client` file, a file of another engagement, or too many attachments", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn attach_file(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path(id): Path<BillId>,
    ValidatedJson(input): ValidatedJson<BillAttachmentIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.attach_file(&ctx, id, input).await?;
    let path = format!("/api/v1/bills/{}/attachments/{}", out.bill_id, out.file_id);
    Ok((StatusCode::CREATED, super::location(path), Json(out)))
}

/// Detach a file from a bill. The file itself stays in the files domain.
#[utoipa::path(delete, path = "/api/v1/bills/{id}/attachments/{file_id}", tag = "payables",
    extensions(("x-required-role" = json!("write_billing"))),
    params(("id" = BillId, Path, description = "Bill id"), ("file_id" = FileId, Path, description = "File id")),
    responses(
        (status = 204, description = "Detached"),
        (status = 404, description = "No such bill, or the file is not attached to it", body = atrium_kernel::Problem),
        (status = 409, description = "The bill is void", body = atrium_kernel::Problem),
    ))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
pub(super) async fn detach_file(
    State(svc): State<PayablesService>,
    ctx: Authorized<WriteBilling>,
    Path((id, file_id)): Path<(BillId, String)>,
) -> Result<StatusCode, AppError> {
    // A file id that is not one names no attachment: 404, like a missing one.
    let file: FileId = match file_id.parse::<uuid::Uuid>() {
        Ok(u) => u.into(),
        Err(_) => {
            svc.get_bill(&ctx, id).await?;
            return Err(AppError::NotFound("attachment"));
        }
    };
    svc.detach_file(&ctx, id, file).await?;
    Ok(StatusCode::NO_CONTENT)
}
