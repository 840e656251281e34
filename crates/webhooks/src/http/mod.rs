//! The webhooks routes; all of them are organization management (owner/admin).

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use atrium_kernel::{
    AppError, Authorized, IfMatch, ManageOrg, PageOut, PageQuery, Requirement, ValidatedJson, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::dto::{AttemptOut, WebhookCreatedOut, WebhookEndpointId, WebhookIn, WebhookOut, WebhookPatch};
use crate::service::WebhookService;

pub fn router(svc: WebhookService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(get_webhook, update_webhook, delete_webhook))
        .routes(routes!(list_attempts))
        .with_state(svc)
}

/// Webhook endpoints of the organization (owner/admin).
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "webhooks", params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of endpoints", body = PageOut<WebhookOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_webhooks(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    page: PageQuery,
) -> Result<PageOut<WebhookOut>, AppError> {
    let found = svc.list(&ctx, page.request()).await?;
    Ok(page.respond(found, |w| w))
}

/// Subscribe a URL to event types (owner/admin). Deliveries are signed with the
/// returned secret (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
/// `webhook-signature`). URLs that resolve to private addresses are refused.
#[utoipa::path(post, path = "/api/v1/webhooks", tag = "webhooks", request_body = WebhookIn,
    responses((status = 201, description = "Endpoint created; the secret is shown once", body = WebhookCreatedOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn create_webhook(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<WebhookIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.create(&ctx, input).await?;
    let location = format!("/api/v1/webhooks/{}", out.webhook.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(out)))
}

/// One endpoint, with its version as `ETag` (owner/admin).
#[utoipa::path(get, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = WebhookEndpointId, Path, description = "Endpoint id")),
    responses((status = 200, description = "The endpoint", body = WebhookOut, headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn get_webhook(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WebhookEndpointId>,
) -> Result<impl IntoResponse, AppError> {
    let w = svc.get(&ctx, id).await?;
    Ok(([etag_header(w.version)], Json(w)))
}

/// Change an endpoint: URL, event types, description, enabled (owner/admin).
#[utoipa::path(patch, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = WebhookEndpointId, Path, description = "Endpoint id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = WebhookPatch,
    responses((status = 200, description = "Updated endpoint", body = WebhookOut, headers(("ETag" = String, description = "New version")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn update_webhook(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WebhookEndpointId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<WebhookPatch>,
) -> Result<impl IntoResponse, AppError> {
    let w = svc.update(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(w.version)], Json(w)))
}

/// Delete an endpoint; pending deliveries to it are dropped (owner/admin).
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "webhooks",
    params(("id" = WebhookEndpointId, Path, description = "Endpoint id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn delete_webhook(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WebhookEndpointId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    svc.delete(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delivery attempts to one endpoint with the receiver's status codes, newest first (owner/admin).
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/attempts", tag = "webhooks",
    params(("id" = WebhookEndpointId, Path, description = "Endpoint id"), atrium_kernel::PageParams),
    responses((status = 200, description = "A page of attempts", body = PageOut<AttemptOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
async fn list_attempts(
    State(svc): State<WebhookService>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<WebhookEndpointId>,
    page: PageQuery,
) -> Result<PageOut<AttemptOut>, AppError> {
    let found = svc.attempts(&ctx, id, page.request()).await?;
    Ok(page.respond(found, |a| a))
}
