use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{MilestoneFilter, MilestoneId, MilestoneIn, MilestoneOut, MilestonePatch};
use crate::service::ProjectsService;

/// Milestones, oldest first; filter by project or status.
#[utoipa::path(get, path = "/api/v1/milestones", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(MilestoneFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of milestones", body = PageOut<MilestoneOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<MilestoneFilter>,
) -> Result<PageOut<MilestoneOut>, AppError> {
    Ok(page.respond(svc.list_milestones(&ctx, &filter, page.request()).await?, |m| m))
}

/// Create a milestone in a project.
#[utoipa::path(post, path = "/api/v1/milestones", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))), request_body = MilestoneIn,
    responses((status = 201, description = "Milestone created", body = MilestoneOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<MilestoneIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_milestone(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/milestones/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/milestones/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = MilestoneId, Path, description = "Milestone id")),
    responses((status = 200, description = "The milestone", body = MilestoneOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
pub(super) async fn get(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<MilestoneId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_milestone(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a milestone (absent fields unchanged, `null` clears).
#[utoipa::path(patch, path = "/api/v1/milestones/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MilestoneId, Path, description = "Milestone id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = MilestonePatch,
    responses((status = 200, description = "Updated milestone", body = MilestoneOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
pub(super) async fn update(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MilestoneId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<MilestonePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_milestone(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a milestone; its tasks stay in the project without a milestone.
#[utoipa::path(delete, path = "/api/v1/milestones/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = MilestoneId, Path, description = "Milestone id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
pub(super) async fn delete(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<MilestoneId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_milestone(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
