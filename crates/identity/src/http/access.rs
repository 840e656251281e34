use atrium_kernel::{
    AnyRole, ApiKeyId, AppError, Authorized, ManageOrg, PageOut, PageQuery, Requirement, ValidatedJson,
};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;

use super::{IdentityHttp, location};
use crate::dto::{
    AcceptInvitationIn, ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, InvitationCreatedOut, InvitationId, InvitationIn,
    InvitationOut, MembershipOut,
};

/// Invitations of the active organization, newest first (owner/admin).
#[utoipa::path(
    get, path = "/api/v1/invitations", tag = "invitations",
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of invitations", body = PageOut<InvitationOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_invitations(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    page: PageQuery,
) -> Result<PageOut<InvitationOut>, AppError> {
    let found = st.svc.list_invitations(&ctx, page.request()).await?;
    Ok(page.respond(found, |i| i))
}

/// Invite someone by email (owner/admin). The token is in this response only.
#[utoipa::path(
    post, path = "/api/v1/invitations", tag = "invitations",
    request_body = InvitationIn,
    responses((status = 201, description = "Invitation created", body = InvitationCreatedOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create_invitation(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<InvitationIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = st.svc.create_invitation(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/invitations/{}", out.invitation.id)), Json(out)))
}

/// Revoke a pending invitation (owner/admin).
#[utoipa::path(
    delete, path = "/api/v1/invitations/{id}", tag = "invitations",
    params(("id" = InvitationId, Path, description = "Invitation id")),
    responses((status = 204, description = "Revoked")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn revoke_invitation(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<InvitationId>,
) -> Result<StatusCode, AppError> {
    st.svc.revoke_invitation(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accept an invitation sent to the signed-in user's email.
#[utoipa::path(
    post, path = "/api/v1/invitations/accept", tag = "invitations",
    request_body = AcceptInvitationIn,
    responses(
        (status = 200, description = "Joined the organization", body = MembershipOut),
        (status = 404, description = "No open invitation with this token for the caller",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    ),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn accept_invitation(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    ValidatedJson(input): ValidatedJson<AcceptInvitationIn>,
) -> Result<Json<MembershipOut>, AppError> {
    Ok(Json(st.svc.accept_invitation(&ctx, &input.token).await?))
}

/// API keys of the active organization (owner/admin).
#[utoipa::path(
    get, path = "/api/v1/api-keys", tag = "api-keys",
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of API keys", body = PageOut<ApiKeyOut>)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn list_api_keys(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    page: PageQuery,
) -> Result<PageOut<ApiKeyOut>, AppError> {
    let found = st.svc.list_api_keys(&ctx, page.request()).await?;
    Ok(page.respond(found, |k| k))
}

/// Create an API key (owner/admin). The secret is in this response only.
#[utoipa::path(
    post, path = "/api/v1/api-keys", tag = "api-keys",
    request_body = ApiKeyIn,
    responses((status = 201, description = "API key created", body = ApiKeyCreatedOut)),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn create_api_key(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    ValidatedJson(input): ValidatedJson<ApiKeyIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = st.svc.create_api_key(&ctx, input).await?;
    Ok((StatusCode::CREATED, location(format!("/api/v1/api-keys/{}", out.api_key.id)), Json(out)))
}

/// Revoke an API key (owner/admin); it stops working at once.
#[utoipa::path(
    delete, path = "/api/v1/api-keys/{id}", tag = "api-keys",
    params(("id" = ApiKeyId, Path, description = "API key id")),
    responses((status = 204, description = "Revoked")),
    extensions(("x-required-role" = json!(ManageOrg::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn revoke_api_key(
    State(st): State<IdentityHttp>,
    ctx: Authorized<ManageOrg>,
    Path(id): Path<ApiKeyId>,
) -> Result<StatusCode, AppError> {
    st.svc.revoke_api_key(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
