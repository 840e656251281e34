use atrium_kernel::{AnyRole, AppError, Authorized, IfMatch, ValidatedJson, WriteRecords, etag_header};
use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;

use crate::dto::{ContractId, ContractOut, SignIn, SignatureDataOut};
use crate::service::AgreementsService;

/// Send a draft contract for signature (draft → sent). Any other status is a 409 naming it.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/send", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Sent", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn send(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.send_contract(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Record the client's signature (sent → signed). The server stamps `signed_at`
/// and the caller's address; `signature_data` is stored encrypted and never
/// listed or put in events.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/sign", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = SignIn,
    responses((status = 200, description = "Signed", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn sign(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    atrium_kernel::ClientIp(ip): atrium_kernel::ClientIp,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<SignIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.sign_contract(&ctx, id, input, ip.map(|ip| ip.to_string()), if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Start delivery of a signed contract (signed → active).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/activate", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Active", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn activate(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.activate_contract(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Close a fulfilled contract (active → completed).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/complete", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Completed", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn complete(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.complete_contract(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// End a signed or active contract early (→ terminated).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/terminate", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Terminated", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn terminate(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.terminate_contract(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// The signature of a signed contract, decrypted. 404 while unsigned.
#[utoipa::path(get, path = "/api/v1/contracts/{id}/signature", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ContractId, Path, description = "Contract id")),
    responses((status = 200, description = "The signature", body = SignatureDataOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn signature(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ContractId>,
) -> Result<Json<SignatureDataOut>, AppError> {
    Ok(Json(svc.contract_signature(&ctx, id).await?))
}
