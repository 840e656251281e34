//! The portal's API for the engagement's client-visible work: projects, and in
//! each its client-visible milestones and tasks. A project not marked
//! client-visible, anything in it, and a hidden milestone or task are 404, as
//! are another engagement's and another organization's (permission `view`).

use atrium_kernel::{AppError, PageOut, PageParams, PageQuery};
use axum::Json;
use axum::extract::{Path, State};

use super::session::{Portal, PortalHttp};
use crate::dto::{PortalMilestoneOut, PortalProjectOut, PortalTaskOut};

/// The engagement's client-visible projects, oldest first (`view`).
#[utoipa::path(get, path = "/portal/api/v1/projects", tag = "portal-client", security(("portal_session" = [])),
    params(PageParams),
    responses((status = 200, description = "A page of projects", body = PageOut<PortalProjectOut>),
        (status = 401, description = "No portal session"), (status = 403, description = "The grant does not include view")))]
#[tracing::instrument(skip_all)]
pub(super) async fn projects(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: PageQuery,
    Portal(ctx): Portal,
) -> Result<PageOut<PortalProjectOut>, AppError> {
    Ok(page.respond(st.svc.projects(&ctx, page.request()).await?, |p| p))
}

/// One client-visible project of the engagement.
#[utoipa::path(get, path = "/portal/api/v1/projects/{project_id}", tag = "portal-client",
    security(("portal_session" = [])),
    params(("project_id" = uuid::Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The project", body = PortalProjectOut),
        (status = 404, description = "No such client-visible project for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn project(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<Json<PortalProjectOut>, AppError> {
    Ok(Json(st.svc.project(&ctx, id).await?))
}

/// A client-visible project's client-visible milestones, oldest first.
#[utoipa::path(get, path = "/portal/api/v1/projects/{project_id}/milestones", tag = "portal-client",
    security(("portal_session" = [])),
    params(("project_id" = uuid::Uuid, Path, description = "Project id"), PageParams),
    responses((status = 200, description = "A page of milestones", body = PageOut<PortalMilestoneOut>),
        (status = 404, description = "No such client-visible project for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn project_milestones(
    State(st): State<PortalHttp>,
    page: PageQuery,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<PageOut<PortalMilestoneOut>, AppError> {
    Ok(page.respond(st.svc.milestones(&ctx, id, page.request()).await?, |m| m))
}

/// A client-visible project's client-visible tasks, in the project's order: title,
/// status, due date and completion only.
#[utoipa::path(get, path = "/portal/api/v1/projects/{project_id}/tasks", tag = "portal-client",
    security(("portal_session" = [])),
    params(("project_id" = uuid::Uuid, Path, description = "Project id"), PageParams),
    responses((status = 200, description = "A page of tasks", body = PageOut<PortalTaskOut>),
        (status = 404, description = "No such client-visible project for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn project_tasks(
    State(st): State<PortalHttp>,
    page: PageQuery,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<PageOut<PortalTaskOut>, AppError> {
    Ok(page.respond(st.svc.tasks(&ctx, id, page.request()).await?, |t| t))
}

/// One client-visible milestone of a client-visible project of the engagement.
#[utoipa::path(get, path = "/portal/api/v1/milestones/{milestone_id}", tag = "portal-client",
    security(("portal_session" = [])),
    params(("milestone_id" = uuid::Uuid, Path, description = "Milestone id")),
    responses((status = 200, description = "The milestone", body = PortalMilestoneOut),
        (status = 404, description = "No such client-visible milestone for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn milestone(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<Json<PortalMilestoneOut>, AppError> {
    Ok(Json(st.svc.milestone(&ctx, id).await?))
}

/// One client-visible task of a client-visible project of the engagement.
#[utoipa::path(get, path = "/portal/api/v1/tasks/{task_id}", tag = "portal-client",
    security(("portal_session" = [])),
    params(("task_id" = uuid::Uuid, Path, description = "Task id")),
    responses((status = 200, description = "The task", body = PortalTaskOut),
        (status = 404, description = "No such client-visible task for this engagement")))]
#[tracing::instrument(skip_all)]
pub(super) async fn task(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    Path(id): Path<uuid::Uuid>,
) -> Result<Json<PortalTaskOut>, AppError> {
    Ok(Json(st.svc.task(&ctx, id).await?))
}
