use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{EngagementFilter, EngagementId, EngagementIn, EngagementOut, EngagementPatch};
use crate::service::AgreementsService;

/// Engagements, oldest first; filter by status, client company or contract.
#[utoipa::path(get, path = "/api/v1/engagements", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(EngagementFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of engagements", body = PageOut<EngagementOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<EngagementFilter>,
) -> Result<PageOut<EngagementOut>, AppError> {
    Ok(page.respond(svc.list_engagements(&ctx, &filter, page.request()).await?, |e| e))
}

/// Create an engagement. The client company is copied from the contract, else
/// from the deal; an explicit `client_company_id` that disagrees with them is a 422.
#[utoipa::path(post, path = "/api/v1/engagements", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))), request_body = EngagementIn,
    responses((status = 201, description = "Engagement created", body = EngagementOut,
        headers(("Location" = String, description = "The new engagement"), ("ETag" = String, description = "Version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<EngagementIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_engagement(&ctx, input).await?;
    let loc = location(format!("/api/v1/engagements/{}", out.id));
    Ok((StatusCode::CREATED, loc, [etag_header(out.version)], Json(out)))
}

/// One engagement.
#[utoipa::path(get, path = "/api/v1/engagements/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = EngagementId, Path, description = "Engagement id")),
    responses((status = 200, description = "The engagement", body = EngagementOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<AgreementsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<EngagementId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_engagement(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change an engagement (any status may be set).
#[utoipa::path(patch, path = "/api/v1/engagements/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = EngagementId, Path, description = "Engagement id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = EngagementPatch,
    responses((status = 200, description = "Updated engagement", body = EngagementOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<EngagementId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<EngagementPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_engagement(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete an engagement and, by foreign key, the work hanging off it.
#[utoipa::path(delete, path = "/api/v1/engagements/{id}", tag = "agreements",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = EngagementId, Path, description = "Engagement id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<AgreementsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<EngagementId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_engagement(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
