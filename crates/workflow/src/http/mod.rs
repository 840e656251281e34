//! The workflow routes: members read rules and runs; owners and admins write
//! rules and dry-run them.

pub mod bookings;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, ManageOrg, PageOut, PageQuery, Requirement, ValidatedJson, ValidatedQuery,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::dto::{
    DryRunIn, DryRunOut, RunFilter, WorkflowRuleId, WorkflowRuleIn, WorkflowRuleOut, WorkflowRulePatch,
    WorkflowRuleVersionOut, WorkflowRunOut,
};
use crate::service::WorkflowService;

pub fn router(svc: WorkflowService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(list_rules, create_rule))
        .routes(routes!(get_rule, update_rule, delete_rule))
        .routes(routes!(list_versions))
        .routes(routes!(list_rule_runs))
        .routes(routes!(test_rule))
        .routes(routes!(list_event_runs))
        .with_state(svc)
}

const ID: &str = "Workflow rule id";

/// Workflow rules of the organization (any role).
#[utoipa::path(get, path = "/api/v1/workflow-rules", tag = "workflow", params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of rules", body = PageOut<WorkflowRuleOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_rules(
    State(svc): State<WorkflowService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<WorkflowRuleOut>, AppError> {
    let found = svc.list_rules(&ctx, page.request()).await?;
    Ok(page.respond(found, |r| r))
}

/// Create a rule (owner/admin): a trigger, conditions and ordered actions,
/// checked against the schema of every event type the trigger matches; a field
/// the events do not have is a 422 naming it (`conditions.all[1].field`,
/// `actions[0].title`). Actions run as the caller.
#[utoipa::path(post, path = "/api/v1/workflow-rules", tag = "workflow", request_body = WorkflowRuleIn,
    responses((status = 201, description = "Rule created (version 1)", body = WorkflowRuleOut,
        headers(("Location" = String, description = "The rule's URL"), ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn create_rule(
    State(svc): State<WorkflowService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<WorkflowRuleIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_rule(&ctx, input).await?;
    let location = format!("/api/v1/workflow-rules/{}", out.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], [etag_header(out.version)], Json(out)))
}

/// One rule with its current version (any role).
#[utoipa::path(get, path = "/api/v1/workflow-rules/{id}", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID)),
    responses((status = 200, description = "The rule", body = WorkflowRuleOut, headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn get_rule(
    State(svc): State<WorkflowService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<WorkflowRuleId>,
) -> Result<impl IntoResponse, AppError> {
    let r = svc.get_rule(&ctx, id).await?;
    Ok(([etag_header(r.version)], Json(r)))
}

/// Change a rule (owner/admin). A new trigger, conditions or actions is a new
/// version; earlier runs keep pointing at the version they used. `enabled:
/// false` takes effect for the next event.
#[utoipa::path(patch, path = "/api/v1/workflow-rules/{id}", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = WorkflowRulePatch,
    responses((status = 200, description = "Updated rule", body = WorkflowRuleOut, headers(("ETag" = String, description = "New version")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn update_rule(
    State(svc): State<WorkflowService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WorkflowRuleId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<WorkflowRulePatch>,
) -> Result<impl IntoResponse, AppError> {
    let r = svc.update_rule(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(r.version)], Json(r)))
}

/// Delete a rule with its versions and runs (owner/admin).
#[utoipa::path(delete, path = "/api/v1/workflow-rules/{id}", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn delete_rule(
    State(svc): State<WorkflowService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WorkflowRuleId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_rule(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The rule's versions, newest first (any role).
#[utoipa::path(get, path = "/api/v1/workflow-rules/{id}/versions", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of versions", body = PageOut<WorkflowRuleVersionOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_versions(
    State(svc): State<WorkflowService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<WorkflowRuleId>,
    page: PageQuery,
) -> Result<PageOut<WorkflowRuleVersionOut>, AppError> {
    let found = svc.rule_versions(&ctx, id, page.request()).await?;
    Ok(page.respond(found, |v| v))
}

/// The rule's runs, newest first: version used, conditions result, each
/// action's result or error, duration (any role).
#[utoipa::path(get, path = "/api/v1/workflow-rules/{id}/runs", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of runs", body = PageOut<WorkflowRunOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_rule_runs(
    State(svc): State<WorkflowService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<WorkflowRuleId>,
    page: PageQuery,
) -> Result<PageOut<WorkflowRunOut>, AppError> {
    let found = svc.rule_runs(&ctx, id, page.request()).await?;
    Ok(page.respond(found, |r| r))
}

/// Dry run (owner/admin): what the rule's current version would do with the
/// given event, or the organization's latest event its trigger matches. Nothing
/// is written and no action runs.
#[utoipa::path(post, path = "/api/v1/workflow-rules/{id}/test", tag = "workflow",
    params(("id" = WorkflowRuleId, Path, description = ID)),
    request_body = DryRunIn,
    responses((status = 200, description = "What the rule would do", body = DryRunOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn test_rule(
    State(svc): State<WorkflowService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WorkflowRuleId>,
    ValidatedJson(input): ValidatedJson<DryRunIn>,
) -> Result<Json<DryRunOut>, AppError> {
    Ok(Json(svc.dry_run(&ctx, id, input).await?))
}

/// Every rule's run on one event (any role).
#[utoipa::path(get, path = "/api/v1/workflow-runs", tag = "workflow",
    params(RunFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of runs", body = PageOut<WorkflowRunOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_event_runs(
    State(svc): State<WorkflowService>,
    ctx: Authorized<AnyRole>,
    ValidatedQuery(filter): ValidatedQuery<RunFilter>,
    page: PageQuery,
) -> Result<PageOut<WorkflowRunOut>, AppError> {
    let found = svc.event_runs(&ctx, filter.event_id, page.request()).await?;
    Ok(page.respond(found, |r| r))
}
