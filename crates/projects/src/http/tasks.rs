use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, PageOut, PageQuery, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{TaskFilter, TaskId, TaskIn, TaskMoveIn, TaskOut, TaskPatch};
use crate::service::ProjectsService;

/// Tasks across projects: filter by project (then listed in position order),
/// status, assignee (`me` for the caller), milestone, or due before a date.
#[utoipa::path(get, path = "/api/v1/tasks", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(TaskFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of tasks", body = PageOut<TaskOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<TaskFilter>,
) -> Result<PageOut<TaskOut>, AppError> {
    Ok(page.respond(svc.list_tasks(&ctx, &filter, page.request()).await?, |t| t))
}

/// Create a task at the end of its project.
#[utoipa::path(post, path = "/api/v1/tasks", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))), request_body = TaskIn,
    responses((status = 201, description = "Task created", body = TaskOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<TaskIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_task(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/tasks/{}", out.id)), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/tasks/{id}", tag = "projects",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = TaskId, Path, description = "Task id")),
    responses((status = 200, description = "The task", body = TaskOut, headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
pub(super) async fn get(
    State(svc): State<ProjectsService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<TaskId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_task(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a task (absent fields unchanged, `null` clears). Becoming `done` sets
/// `completed_at`.
#[utoipa::path(patch, path = "/api/v1/tasks/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = TaskId, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = TaskPatch,
    responses((status = 200, description = "Updated task", body = TaskOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
pub(super) async fn update(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<TaskId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<TaskPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_task(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a task; the tasks after it move up one place.
#[utoipa::path(delete, path = "/api/v1/tasks/{id}", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = TaskId, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
pub(super) async fn delete(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<TaskId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_task(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reorder a task within its project: give `position` (0-based rank), `before_id`
/// or `after_id`. The project's positions stay 0..n.
#[utoipa::path(post, path = "/api/v1/tasks/{id}/move", tag = "projects",
    extensions(("x-required-role" = json!("write_records"))),
    params(("id" = TaskId, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = TaskMoveIn,
    responses((status = 200, description = "The moved task", body = TaskOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
pub(super) async fn move_task(
    State(svc): State<ProjectsService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<TaskId>,
    if_match: IfMatch,
    ValidatedJson(input): ValidatedJson<TaskMoveIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.move_task(&ctx, id, input, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}
