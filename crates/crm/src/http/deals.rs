use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{DealFilter, DealId, DealIn, DealOut, DealPatch};
use crate::service::CrmService;

/// Deals, oldest first; filter by stage, company or owner.
#[utoipa::path(get, path = "/api/v1/deals", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(DealFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of deals", body = PageOut<DealOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<DealFilter>,
) -> Result<PageOut<DealOut>, AppError> {
    Ok(page.respond(svc.list_deals(&ctx, &filter, page.request()).await?, |d| d))
}

/// Create a deal. Company, contact and owner must belong to the organization.
#[utoipa::path(post, path = "/api/v1/deals", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))), request_body = DealIn,
    responses((status = 201, description = "Deal created", body = DealOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<DealIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_deal(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/deals/{}", out.id)), [etag_header(out.version)], Json(out)))
}

/// One deal.
#[utoipa::path(get, path = "/api/v1/deals/{id}", tag = "crm",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = DealId, Path, description = "Deal id")),
    responses((status = 200, description = "The deal", body = DealOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn get(
    State(svc): State<CrmService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<DealId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_deal(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a deal; a stage change is also recorded as `crm.deal.stage_changed`.
#[utoipa::path(patch, path = "/api/v1/deals/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = DealId, Path, description = "Deal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = DealPatch,
    responses((status = 200, description = "Updated deal", body = DealOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn update(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<DealId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<DealPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_deal(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a deal.
#[utoipa::path(delete, path = "/api/v1/deals/{id}", tag = "crm",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = DealId, Path, description = "Deal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, id = %id))]
pub(super) async fn delete(
    State(svc): State<CrmService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<DealId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_deal(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
