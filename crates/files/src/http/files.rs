use atrium_kernel::{AnyRole, AppError, Authorized, ManageOrg, PageOut, PageQuery, ValidatedQuery, WriteRecords};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::{StreamExt, TryStreamExt};

use crate::dto::{
    DirectUploadIn, DirectUploadOut, DirectVersionIn, DownloadQuery, FileFilter, FileId, FileMeta, FileOut, VersionOut,
    Visibility,
};
use crate::service::{Download, FilesService};
use crate::store::{ByteStream, Upload};

fn content_type(headers: &HeaderMap) -> &str {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("")
}

fn is_json(headers: &HeaderMap) -> bool {
    content_type(headers).split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

/// Refuses a body whose declared length is already past the limit, before reading it.
fn precheck(svc: &FilesService, headers: &HeaderMap) -> Result<(), AppError> {
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    // A multipart body carries its boundaries and fields: allow a little over.
    if declared.is_some_and(|n| n > svc.config().max_bytes.saturating_add(64 * 1024)) {
        return Err(AppError::PayloadTooLarge);
    }
    Ok(())
}

fn raw(body: Body) -> ByteStream {
    body.into_data_stream().map_err(std::io::Error::other).boxed()
}

/// A `Content-Length` that is the body's length (not one beside a chunked encoding).
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return None;
    }
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

/// The file's bytes from a raw body, or from the `file` part of a multipart form
/// (whose other parts fill `meta`; parts after `file` are not read), with their
/// length when the request declares it: the body's `Content-Length`, or the part's.
async fn file_body(headers: &HeaderMap, body: Body, meta: &mut FileMeta) -> Result<Upload, AppError> {
    let ct = content_type(headers);
    if !ct.to_ascii_lowercase().starts_with("multipart/form-data") {
        return Ok(Upload { length: declared_length(headers), body: raw(body) });
    }
    let boundary = multer::parse_boundary(ct).map_err(|e| AppError::BadRequest(format!("multipart: {e}")))?;
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let bad = |e: multer::Error| AppError::BadRequest(format!("multipart: {e}"));
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            if meta.name.is_none() {
                meta.name = field.file_name().map(str::to_owned);
            }
            let length = declared_length(field.headers());
            return Ok(Upload { body: field.map_err(std::io::Error::other).boxed(), length });
        }
        let text = field.text().await.map_err(bad)?;
        let uuid = |field: &'static str, t: &str| {
            t.trim().parse::<uuid::Uuid>().map_err(|_| AppError::invalid(field, "must be a UUID"))
        };
        match name.as_str() {
            "name" => meta.name = Some(text),
            "engagement_id" => meta.engagement_id = Some(uuid("engagement_id", &text)?.into()),
            "attached_type" => meta.attached_type = Some(text),
            "attached_id" => meta.attached_id = Some(uuid("attached_id", &text)?),
            "visibility" => {
                meta.visibility = Some(
                    Visibility::parse(text.trim())
                        .ok_or_else(|| AppError::invalid("visibility", "must be `internal` or `client`"))?,
                );
            }
            _ => {}
        }
    }
    Err(AppError::invalid("file", "the form has no `file` part"))
}

fn created(out: FileOut) -> Response {
    (StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/files/{}", out.id))], Json(out)).into_response()
}

/// Files of the organization, oldest first; filter by engagement or by what they are attached to.
#[utoipa::path(get, path = "/api/v1/files", tag = "files",
    extensions(("x-required-role" = json!("any"))),
    params(FileFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of files", body = PageOut<FileOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<FilesService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<FileFilter>,
) -> Result<PageOut<FileOut>, AppError> {
    Ok(page.respond(svc.list(&ctx, &filter, page.request()).await?, |f| f))
}

/// Upload a file, streamed to the store: `multipart/form-data` (a `file` part and
/// optional `engagement_id`, `name`, `visibility`, `attached_type`, `attached_id`
/// parts before it) or a raw body with the same fields in the query string. Over
/// `FILE_MAX_BYTES` is a 413. A raw body with a `Content-Length` goes to S3 as one
/// streamed PutObject; without one (chunked), as a multipart upload. No total time
/// limit: an upload is cut off (408) only after `UPLOAD_IDLE_TIMEOUT_SECS` without progress.
#[utoipa::path(post, path = "/api/v1/files", tag = "files",
    extensions(("x-required-role" = json!("write_records"))),
    params(FileMeta),
    request_body(content((Vec<u8> = "application/octet-stream", example = json!("%PDF-1.7 …")), (Vec<u8> = "multipart/form-data", example = json!("--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.pdf\"\r\n\r\n%PDF-1.7 …\r\n--boundary--"))),
        description = "The bytes, raw or as the `file` part of a form"),
    responses(
        (status = 201, description = "File stored with its first version", body = FileOut),
        (status = 408, description = "No progress for UPLOAD_IDLE_TIMEOUT_SECS: cut off, nothing stored", body = atrium_kernel::Problem),
        (status = 413, description = "Larger than FILE_MAX_BYTES", body = atrium_kernel::Problem),
        (status = 503, description = "The object storage is unavailable", body = atrium_kernel::Problem)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn upload(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Query(mut meta): Query<FileMeta>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    precheck(&svc, &headers)?;
    let bytes = file_body(&headers, body, &mut meta).await?;
    Ok(created(svc.upload(&ctx, meta, bytes).await?))
}

/// Start a direct upload: a pending file and a presigned PUT bound to the declared
/// length and type. PUT the bytes there, then `POST /api/v1/files/{id}/complete`.
#[utoipa::path(post, path = "/api/v1/files/uploads", tag = "files",
    extensions(("x-required-role" = json!("write_records"))), request_body = DirectUploadIn,
    responses((status = 201, description = "Where to PUT the bytes", body = DirectUploadOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn start_upload(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Json(input): Json<DirectUploadIn>,
) -> Result<impl IntoResponse, AppError> {
    Ok((StatusCode::CREATED, Json(svc.start_upload(&ctx, input).await?)))
}

#[utoipa::path(get, path = "/api/v1/files/{id}", tag = "files",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = FileId, Path, description = "File id")),
    responses((status = 200, description = "The file and its current version", body = FileOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn get(
    State(svc): State<FilesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<FileId>,
) -> Result<Json<FileOut>, AppError> {
    Ok(Json(svc.get(&ctx, id).await?))
}

/// Mark a file deleted: hidden from lists, restorable by an admin for `FILE_RETENTION_DAYS`.
#[utoipa::path(delete, path = "/api/v1/files/{id}", tag = "files",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = FileId, Path, description = "File id")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn delete(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<FileId>,
) -> Result<StatusCode, AppError> {
    svc.delete(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Bring back a deleted file (within the retention).
#[utoipa::path(post, path = "/api/v1/files/{id}/restore", tag = "files",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("id" = FileId, Path, description = "File id")),
    responses((status = 200, description = "The restored file", body = FileOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn undelete(
    State(svc): State<FilesService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<FileId>,
) -> Result<Json<FileOut>, AppError> {
    Ok(Json(svc.undelete(&ctx, id).await?))
}

/// Finish a direct upload: the object must exist with the declared size and
/// SHA-256 (422 otherwise, and nothing current changes); then it is the current version.
#[utoipa::path(post, path = "/api/v1/files/{id}/complete", tag = "files",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = FileId, Path, description = "File id")),
    responses((status = 200, description = "The file with its new current version", body = FileOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn complete(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<FileId>,
) -> Result<Json<FileOut>, AppError> {
    Ok(Json(svc.complete(&ctx, id).await?))
}

/// Every version, newest first.
#[utoipa::path(get, path = "/api/v1/files/{id}/versions", tag = "files",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = FileId, Path, description = "File id")),
    responses((status = 200, description = "The versions", body = Vec<VersionOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn versions(
    State(svc): State<FilesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<FileId>,
) -> Result<Json<Vec<VersionOut>>, AppError> {
    Ok(Json(svc.versions(&ctx, id).await?))
}

/// Add a version: the bytes streamed (raw or multipart, as for a new file), or a
/// JSON `DirectVersionIn` for a presigned PUT (answered like `/files/uploads`).
#[utoipa::path(post, path = "/api/v1/files/{id}/versions", tag = "files",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = FileId, Path, description = "File id")),
    request_body(content((Vec<u8> = "application/octet-stream", example = json!("%PDF-1.7 …")), (Vec<u8> = "multipart/form-data", example = json!("--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.pdf\"\r\n\r\n%PDF-1.7 …\r\n--boundary--")),
        (DirectVersionIn = "application/json"))),
    responses(
        (status = 201, description = "The file with its new current version", body = FileOut),
        (status = 202, description = "Direct upload started", body = DirectUploadOut),
        (status = 408, description = "No progress for UPLOAD_IDLE_TIMEOUT_SECS: cut off, nothing stored", body = atrium_kernel::Problem),
        (status = 413, description = "Larger than FILE_MAX_BYTES", body = atrium_kernel::Problem)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn add_version(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<FileId>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    if is_json(&headers) {
        // Malformed JSON is a 400; then another organization's (or no) file is a
        // 404 before the fields are judged (422).
        let bytes = axum::body::to_bytes(body, 64 * 1024).await.map_err(|_| AppError::PayloadTooLarge)?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| AppError::BadRequest(format!("invalid JSON: {e}")))?;
        svc.get(&ctx, id).await?;
        let input: DirectVersionIn =
            serde_json::from_value(value).map_err(|e| AppError::invalid("body", e.to_string()))?;
        let out = svc.start_version_upload(&ctx, id, input).await?;
        return Ok((StatusCode::ACCEPTED, Json(out)).into_response());
    }
    precheck(&svc, &headers)?;
    let mut ignored = FileMeta::default();
    let bytes = file_body(&headers, body, &mut ignored).await?;
    Ok(created(svc.add_version(&ctx, id, bytes).await?))
}

/// Make version `n` current again, as a new version (history only grows).
#[utoipa::path(post, path = "/api/v1/files/{id}/versions/{n}/restore", tag = "files",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = FileId, Path, description = "File id"), ("n" = i32, Path, description = "Version number")),
    responses((status = 201, description = "The file with the restored bytes as its new version", body = FileOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn restore_version(
    State(svc): State<FilesService>,
    ctx: Authorized<WriteRecords>,
    Path((id, n)): Path<(FileId, String)>,
) -> Result<Response, AppError> {
    // A version number that is not one names no version: 404, like a missing one.
    let n: i32 = n.parse().map_err(|_| AppError::NotFound("file version"))?;
    Ok(created(svc.restore_version(&ctx, id, n).await?))
}

/// The bytes: a 302 to a presigned GET (`FILE_URL_TTL_SECS`), or with
/// `stream=true` streamed through Atrium with `Range` (206/416) and `ETag`.
#[utoipa::path(get, path = "/api/v1/files/{id}/download", tag = "files",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = FileId, Path, description = "File id"), DownloadQuery,
        ("Range" = Option<String>, Header, description = "One byte range, with `stream=true`")),
    responses(
        (status = 302, description = "To a presigned URL of the store"),
        (status = 200, description = "The bytes", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 206, description = "The requested range", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 416, description = "The range is outside the file")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
pub(super) async fn download(
    State(svc): State<FilesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<FileId>,
    Query(q): Query<DownloadQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let res = match svc.download(&ctx, id, &q, range).await? {
        Download::Redirect { url } => (StatusCode::FOUND, [(header::LOCATION, url)]).into_response(),
        Download::NotSatisfiable { size } => {
            (StatusCode::RANGE_NOT_SATISFIABLE, [(header::CONTENT_RANGE, format!("bytes */{size}"))]).into_response()
        }
        Download::Stream { body, range, size, etag, media_type, disposition } => {
            let mut res = Response::new(Body::from_stream(body));
            let h = res.headers_mut();
            let value = |s: String| HeaderValue::from_str(&s).map_err(AppError::internal);
            h.insert(header::CONTENT_TYPE, value(media_type)?);
            h.insert(header::CONTENT_DISPOSITION, value(disposition)?);
            h.insert(header::ETAG, value(etag)?);
            h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
            match range {
                Some(r) => {
                    h.insert(header::CONTENT_RANGE, value(format!("bytes {}-{}/{size}", r.first, r.last))?);
                    h.insert(header::CONTENT_LENGTH, value((r.last - r.first + 1).to_string())?);
                    *res.status_mut() = StatusCode::PARTIAL_CONTENT;
                }
                None => {
                    h.insert(header::CONTENT_LENGTH, value(size.to_string())?);
                }
            }
            res
        }
    };
    Ok(res)
}
