use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{ProjectFilter, ProjectId, ProjectIn, ProjectOut, ProjectPatch, SaveAsTemplateIn, TemplateOut};
use crate::service::ProjectsService;

/// Projects, oldest first; filter by engagement, status or client company.
#[utoipa::path(get, path = "/api/v1/projects", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(ProjectFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of projects", body = PageOut<ProjectOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<ProjectFilter>,
) -> Result<PageOut<ProjectOut>, AppError> {
    Ok(page.respond(svc.list_projects(&ctx, &filter, page.request()).await?, |p| p))
}

/// Create a project under an engagement; its client company is the engagement's.
#[utoipa::path(post, path = "/api/v1/projects", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))), request_body = ProjectIn,
    responses((status = 201, description = "Project created", body = ProjectOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<ProjectIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_project(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/projects/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/projects/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ProjectId, Path, description = "Project id")),
    responses((status = 200, description = "The project", body = ProjectOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
pub(super) async fn get(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ProjectId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_project(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a project (absent fields unchanged, `null` clears).
#[utoipa::path(patch, path = "/api/v1/projects/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectId, Path, description = "Project id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ProjectPatch,
    responses((status = 200, description = "Updated project", body = ProjectOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
pub(super) async fn update(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ProjectPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_project(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a project with its milestones and tasks.
#[utoipa::path(delete, path = "/api/v1/projects/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectId, Path, description = "Project id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
pub(super) async fn delete(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_project(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Save the project's milestones and tasks as a new template. Offsets count from
/// the project's start date (or its earliest due date).
#[utoipa::path(post, path = "/api/v1/projects/{id}/template", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectId, Path, description = "Project id")),
    request_body = SaveAsTemplateIn,
    responses((status = 201, description = "Template created", body = TemplateOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
pub(super) async fn save_as_template(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectId>,
    ValidatedJson(input): ValidatedJson<SaveAsTemplateIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.save_as_template(&ctx, id, input).await?;
    Ok((
        StatusCode::CREATED,
        location(format!("/api/v1/project-templates/{}", out.id)),
        [etag_header(out.version)],
        Json(out),
    ))
}
