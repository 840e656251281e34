use atrium_kernel::{
    AnyRole, AppError, Authorized, IfMatch, ManageOrg, PageOut, PageQuery, Requirement, ValidatedJson, etag_header,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::{IdentityHttp, location};
use crate::dto::{
    MeOut, MemberId, MemberOut, MemberPatch, MembershipOut, OrganizationIn, OrganizationOut, SwitchOrganizationIn,
};
use crate::middleware::SessionRef;

/// Organizations the caller belongs to, with the caller's role in each.
#[utoipa::path(
    get, path = "/api/v1/organizations", tag = "organizations",
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of organizations", body = PageOut<MembershipOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_organizations(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<MembershipOut>, AppError> {
    let found = st.svc.list_my_organizations(&ctx, page.request()).await?;
    Ok(page.respond(found, |m| m))
}

/// Create another organization; the caller becomes its owner.
#[utoipa::path(
    post, path = "/api/v1/organizations", tag = "organizations",
    request_body = OrganizationIn,
    responses((status = 201, description = "Organization created", body = OrganizationOut)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create_organization(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    ValidatedJson(input): ValidatedJson<OrganizationIn>,
) -> Result<impl IntoResponse, AppError> {
    let org = st.svc.create_organization(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/organizations/{}", org.id)), Json(org)))
}

/// Make another of the caller's organizations the session's active one.
#[utoipa::path(
    post, path = "/api/v1/me/active-organization", tag = "organizations",
    request_body = SwitchOrganizationIn,
    responses(
        (status = 200, description = "Switched; the caller in the new organization", body = MeOut),
        (status = 404, description = "No such organization among the caller's",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    ),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn switch_organization(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    SessionRef(session): SessionRef,
    ValidatedJson(input): ValidatedJson<SwitchOrganizationIn>,
) -> Result<Json<MeOut>, AppError> {
    Ok(Json(st.svc.switch_organization(&ctx, session, input.organization_id).await?))
}

/// Members of the active organization, oldest first.
#[utoipa::path(
    get, path = "/api/v1/members", tag = "members",
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of members", body = PageOut<MemberOut>)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_members(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    page: PageQuery,
) -> Result<PageOut<MemberOut>, AppError> {
    let found = st.svc.list_members(&ctx, page.request()).await?;
    Ok(page.respond(found, |m| m))
}

/// One member, with its version as `ETag`.
#[utoipa::path(
    get, path = "/api/v1/members/{id}", tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    responses((status = 200, description = "The member", body = MemberOut,
        headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn get_member(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    Path(id): Path<MemberId>,
) -> Result<impl IntoResponse, AppError> {
    let m = st.svc.get_member(&ctx, id).await?;
    Ok(([etag_header(m.version)], Json(m)))
}

/// Change a member's role (owner/admin). Only an owner grants or removes ownership;
/// the last owner stays an owner.
#[utoipa::path(
    patch, path = "/api/v1/members/{id}", tag = "members",
    params(("id" = MemberId, Path, description = "Member id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    request_body = MemberPatch,
    responses((status = 200, description = "Updated member", body = MemberOut,
        headers(("ETag" = String, description = "New version")))),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn update_member(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<MemberId>,
    if_match: IfMatch,
    ValidatedJson(patch): ValidatedJson<MemberPatch>,
) -> Result<impl IntoResponse, AppError> {
    let m = st.svc.update_member(&ctx, id, patch, if_match).await?;
    Ok(([etag_header(m.version)], Json(m)))
}

/// Remove a member (owner/admin). The last owner cannot be removed.
#[utoipa::path(
    delete, path = "/api/v1/members/{id}", tag = "members",
    params(("id" = MemberId, Path, description = "Member id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET; a stale one is 409")),
    responses((status = 204, description = "Removed")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn remove_member(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<MemberId>,
    if_match: IfMatch,
) -> Result<StatusCode, AppError> {
    st.svc.remove_member(&ctx, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}
