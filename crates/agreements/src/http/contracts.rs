use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{ContractFilter, ContractId, ContractIn, ContractOut, ContractPatch};
use crate::service::AgreementsService;

/// Contracts, oldest first; filter by status or client company. Signature data is never listed.
#[utoipa::path(get, path = "/api/v1/contracts", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(ContractFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of contracts", body = PageOut<ContractOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ContractFilter>,
) -> Result<PageOut<ContractOut>, AppError> {
    Ok(page.respond(svc.list_contracts(&ctx, &filter, page.request()).await?, |c| c))
}

/// Create a draft contract directly (without a proposal).
#[utoipa::path(post, path = "/api/v1/contracts", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))), request_body = ContractIn,
    responses((status = 201, description = "Contract created", body = ContractOut,
        headers(("Location" = String, description = "The new contract"), ("ETag" = String, description = "Version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ContractIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_contract(&ctx, input).await?;
    let loc = location(format!("/api/v1/contracts/{}", out.id));
    Ok((StatusCode::CREATED, loc, [etag_header(out.version)], Json(out)))
}

/// One contract, with who signed it and when (not the signature data).
#[utoipa::path(get, path = "/api/v1/contracts/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ContractId, Path, description = "Contract id")),
    responses((status = 200, description = "The contract", body = ContractOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ContractId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_contract(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a draft contract; once sent it is a 409.
#[utoipa::path(patch, path = "/api/v1/contracts/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ContractPatch,
    responses((status = 200, description = "Updated contract", body = ContractOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ContractPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_contract(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a contract that was never signed; a signed one is kept (409).
#[utoipa::path(delete, path = "/api/v1/contracts/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ContractId, Path, description = "Contract id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ContractId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_contract(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
