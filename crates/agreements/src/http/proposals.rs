use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{ContractOut, ProposalFilter, ProposalId, ProposalIn, ProposalOut, ProposalPatch};
use crate::service::AgreementsService;

/// Proposals, oldest first; filter by status, client company or deal.
#[utoipa::path(get, path = "/api/v1/proposals", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(ProposalFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of proposals", body = PageOut<ProposalOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ProposalFilter>,
) -> Result<PageOut<ProposalOut>, AppError> {
    Ok(page.respond(svc.list_proposals(&ctx, &filter, page.request()).await?, |p| p))
}

/// Create a draft proposal with the organization's next number. Line totals,
/// `subtotal` and `total` are computed by the server; totals in the body are ignored.
/// Every line must be priced in the proposal's `currency`.
#[utoipa::path(post, path = "/api/v1/proposals", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))), request_body = ProposalIn,
    responses((status = 201, description = "Proposal created", body = ProposalOut,
        headers(("Location" = String, description = "The new proposal"), ("ETag" = String, description = "Version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ProposalIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_proposal(&ctx, input).await?;
    let loc = location(format!("/api/v1/proposals/{}", out.id));
    Ok((StatusCode::CREATED, loc, [etag_header(out.version)], Json(out)))
}

/// One proposal with its lines.
#[utoipa::path(get, path = "/api/v1/proposals/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ProposalId, Path, description = "Proposal id")),
    responses((status = 200, description = "The proposal", body = ProposalOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ProposalId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_proposal(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a draft; `line_items` replaces all lines. A proposal past draft is a 409.
#[utoipa::path(patch, path = "/api/v1/proposals/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "Proposal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ProposalPatch,
    responses((status = 200, description = "Updated proposal", body = ProposalOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ProposalPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_proposal(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a proposal. An accepted one is kept (409).
#[utoipa::path(delete, path = "/api/v1/proposals/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "Proposal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_proposal(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send a draft to the client (draft → sent). A proposal without lines is a 422;
/// any other status is a 409 naming it.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/send", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "Proposal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Sent", body = ProposalOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn send(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.send_proposal(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Record the client's acceptance (sent → accepted) while the proposal is valid.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/accept", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "Proposal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Accepted", body = ProposalOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn accept(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.accept_proposal(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Record the client's refusal (sent → declined).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/decline", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "Proposal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 200, description = "Declined", body = ProposalOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn decline(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
    if_match: IfMatch,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.decline_proposal(&ctx, id, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Draw up the contract of an accepted proposal: title, client company, contact,
/// deal, currency and total are copied. One contract per proposal (409 with `existing_id`).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/contract", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProposalId, Path, description = "An accepted proposal")),
    responses((status = 201, description = "Contract created", body = ContractOut,
        headers(("Location" = String, description = "The new contract"), ("ETag" = String, description = "Version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn contract(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProposalId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.contract_from_proposal(&ctx, id).await?;
    let loc = location(format!("/api/v1/contracts/{}", out.id));
    Ok((StatusCode::CREATED, loc, [etag_header(out.version)], Json(out)))
}
