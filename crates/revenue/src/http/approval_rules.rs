use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, ManageOrg, PageOut, PageQuery, ValidatedJson, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::location;
use crate::dto::{ApprovalRuleId, ApprovalRuleIn, ApprovalRuleOut, ApprovalRulePatch};
use crate::service::PayablesService;

/// Bill approval rules, oldest first (evaluation order is `priority`, then oldest first).
#[utoipa::path(get, path = "/api/v1/bill-approval-rules", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of rules", body = PageOut<ApprovalRuleOut>)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<ApprovalRuleOut>, AppError> {
    Ok(page.respond(svc.list_approval_rules(&ctx, page.request()).await?, |r| r))
}

/// Create a rule: conditions (all that are set must hold; amounts in the base
/// currency, `min_amount` <= total < `max_amount`) and the sequential steps of the
/// route a matching bill takes. Owners and admins only: who approves is a control.
#[utoipa::path(post, path = "/api/v1/bill-approval-rules", tag = "payables",
    extensions(("x-required-role" = json!("manage_organization"))), request_body = ApprovalRuleIn,
    responses((status = 201, description = "Rule created", body = ApprovalRuleOut)))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create(
    State(svc): State<PayablesService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<ApprovalRuleIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create_approval_rule(&ctx, input).await?;
    let path = format!("/api/v1/bill-approval-rules/{}", out.id);
    Ok((StatusCode::CREATED, location(path), [etag_header(out.version)], Json(out)))
}

#[utoipa::path(get, path = "/api/v1/bill-approval-rules/{id}", tag = "payables",
    extensions(("x-required-role" = json!("any"))),
    params(("id" = ApprovalRuleId, Path, description = "Rule id")),
    responses((status = 200, description = "The rule", body = ApprovalRuleOut,
        headers(("ETag" = String, description = "Version for If-Match")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
pub(super) async fn get(
    State(svc): State<PayablesService>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<ApprovalRuleId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get_approval_rule(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a rule. Bills already submitted keep the route they got.
#[utoipa::path(patch, path = "/api/v1/bill-approval-rules/{id}", tag = "payables",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("id" = ApprovalRuleId, Path, description = "Rule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = ApprovalRulePatch,
    responses((status = 200, description = "Updated rule", body = ApprovalRuleOut, headers(("ETag" = String, description = "New version")))))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
pub(super) async fn update(
    State(svc): State<PayablesService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<ApprovalRuleId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<ApprovalRulePatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update_approval_rule(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Delete a rule. Bills already submitted keep the route they got.
#[utoipa::path(delete, path = "/api/v1/bill-approval-rules/{id}", tag = "payables",
    extensions(("x-required-role" = json!("manage_organization"))),
    params(("id" = ApprovalRuleId, Path, description = "Rule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")))]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
pub(super) async fn delete(
    State(svc): State<PayablesService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<ApprovalRuleId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete_approval_rule(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
