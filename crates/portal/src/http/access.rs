//! Staff routes: grants of portal access and their sign-in links.

use atrium_kernel::{
    AppError, Authorized, IfMatch, PageOut, PageQuery, Requirement, ValidatedJson, ValidatedQuery, WriteRecords,
    etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::dto::{AccessFilter, AccessIn, AccessOut, AccessPatch, LinkOptions, LinkOut, PortalAccessId};
use crate::service::PortalService;

/// Portal grants, newest first; filter by engagement or contact.
#[utoipa::path(get, path = "/api/v1/portal-access", tag = "portal",
    params(AccessFilter, atrium_kernel::PageParams),
    responses((status = 200, description = "A page of grants", body = PageOut<AccessOut>)),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_access(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    page: PageQuery,
    ValidatedQuery(filter): ValidatedQuery<AccessFilter>,
) -> Result<PageOut<AccessOut>, AppError> {
    Ok(page.respond(svc.list(&ctx, &filter, page.request()).await?, |a| a))
}

/// Give a contact portal access to an engagement (default permission `view`).
#[utoipa::path(post, path = "/api/v1/portal-access", tag = "portal", request_body = AccessIn,
    responses((status = 201, description = "Granted", body = AccessOut,
        headers(("Location" = String, description = "The grant's URL")))),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create_access(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    ValidatedJson(input): ValidatedJson<AccessIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.grant(&ctx, input).await?;
    let location = format!("/api/v1/portal-access/{}", out.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(out)))
}

/// One grant, with its version as `ETag`.
#[utoipa::path(get, path = "/api/v1/portal-access/{id}", tag = "portal",
    params(("id" = PortalAccessId, Path, description = "Grant id")),
    responses((status = 200, description = "The grant", body = AccessOut,
        headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn get_access(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<PortalAccessId>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.get(&ctx, id).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Change a grant's permissions or expiry (`expires_at: null`: until revoked). A revoked grant is 409.
#[utoipa::path(patch, path = "/api/v1/portal-access/{id}", tag = "portal",
    params(("id" = PortalAccessId, Path, description = "Grant id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = AccessPatch,
    responses((status = 200, description = "The changed grant", body = AccessOut,
        headers(("ETag" = String, description = "New version")))),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn update_access(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<PortalAccessId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<AccessPatch>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.update(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(out.version)], Json(out)))
}

/// Revoke a grant: its links stop working and its portal sessions end at once. Revoking again is a no-op.
#[utoipa::path(post, path = "/api/v1/portal-access/{id}/revoke", tag = "portal",
    params(("id" = PortalAccessId, Path, description = "Grant id")),
    responses((status = 200, description = "The revoked grant", body = AccessOut)),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn revoke_access(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<PortalAccessId>,
) -> Result<Json<AccessOut>, AppError> {
    Ok(Json(svc.revoke(&ctx, id).await?))
}

/// Issue a single-use sign-in link (valid `PORTAL_LINK_TTL_MINUTES`, default 30) and mail it to the
/// contact through comms. `return_link=true` also answers the link, once; it is never stored.
/// A revoked or expired grant, or a contact without an email address, is 409.
#[utoipa::path(post, path = "/api/v1/portal-access/{id}/links", tag = "portal",
    params(("id" = PortalAccessId, Path, description = "Grant id"), LinkOptions),
    responses((status = 201, description = "Issued and queued to the contact", body = LinkOut)),
    extensions(("x-required-role" = json!(WriteRecords::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn issue_link(
    State(svc): State<PortalService>,
    ctx: Authorized<WriteRecords>,
    Path(id): Path<PortalAccessId>,
    ValidatedQuery(opts): ValidatedQuery<LinkOptions>,
) -> Result<impl IntoResponse, AppError> {
    let out = svc.issue_link(&ctx, id, opts.return_link.unwrap_or(false)).await?;
    Ok((StatusCode::CREATED, Json(out)))
}
