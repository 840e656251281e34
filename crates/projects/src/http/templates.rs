use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, WriteRecords, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{InstantiateIn, ProjectOut, ProjectTemplateId, TemplateIn, TemplateOut, TemplatePatch};
use crate::service::ProjectsService;

/// Project templates, oldest first.
#[utoipa::path(get, path = "/api/v1/project-templates", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of templates", body = PageOut<TemplateOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<TemplateOut>, AppError> {
    Ok(page.respond(svc.list_templates(&ctx, page.request()).await?, |t| t))
}

/// Create a template. Milestone keys are unique; a task's `milestone_key` names one
/// of them; offsets are 0–3650 days.
#[utoipa::path(post, path = "/api/v1/project-templates", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))), request_body = TemplateIn,
    responses((status = 201, description = "Template created", body = TemplateOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<TemplateIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_template(&ctx, input).await?;
    Ok((
        StatusCode::CREATED,
        location(format!("/api/v1/project-templates/{}", out.id)),
        [etag_header(out.version)],
        Json(out),
    ))
}

#[utoipa::path(get, path = "/api/v1/project-templates/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ProjectTemplateId, Path, description = "Template id")),
    responses((status = 200, description = "The template", body = TemplateOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
pub(super) async fn get(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ProjectTemplateId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_template(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a template; `milestones` and `tasks` are replaced whole when given.
#[utoipa::path(patch, path = "/api/v1/project-templates/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectTemplateId, Path, description = "Template id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = TemplatePatch,
    responses((status = 200, description = "Updated template", body = TemplateOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
pub(super) async fn update(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectTemplateId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<TemplatePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_template(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

#[utoipa::path(delete, path = "/api/v1/project-templates/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectTemplateId, Path, description = "Template id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
pub(super) async fn delete(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectTemplateId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_template(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Create a project from the template under an engagement: its milestones and
/// tasks are due `offset_days` after `start_date`. All or nothing.
#[utoipa::path(post, path = "/api/v1/project-templates/{id}/instantiate", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = ProjectTemplateId, Path, description = "Template id")),
    request_body = InstantiateIn,
    responses((status = 201, description = "Project created", body = ProjectOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
pub(super) async fn instantiate(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<ProjectTemplateId>,
    ValidatedJson(input): ValidatedJson<InstantiateIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.instantiate_template(&ctx, id, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/projects/{}", out.id)), [etag_header(out.version)], Json(out)))
}
