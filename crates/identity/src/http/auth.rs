use atrium_kernel::{AnyRole, AppError, Authorized, Requirement, ValidatedJson};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse};
use chrono::{DateTime, Utc};
use cookie::{Cookie, SameSite};

use atrium_kernel::ClientIp;

use super::IdentityHttp;
use crate::dto::{AuthOut, LoginIn, MeOut, SignupIn};
use crate::middleware::{SESSION_COOKIE, SessionRef};

/// Create an account and its first organization, and sign in.
#[utoipa::path(
    post, path = "/api/v1/auth/signup", tag = "auth", security(()),
    request_body = SignupIn,
    responses(
        (status = 201, description = "Account, organization and session created", body = AuthOut,
            headers(("Set-Cookie" = String, description = "HttpOnly session cookie"))),
        (status = 409, description = "The email already has an account", body = atrium_kernel::Problem,
            content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn signup(
    State(st): State<IdentityHttp>,
    ValidatedJson(input): ValidatedJson<SignupIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = st.svc.signup(input).await?;
    let cookie = session_cookie(&out.token, out.expires_at, st.cookies.secure);
    Ok((StatusCode::CREATED, AppendHeaders([(header::LOCATION, "/api/v1/me".to_owned()), cookie]), Json(out)))
}

/// Sign in with email and password. Throttled per email and per client IP.
#[utoipa::path(
    post, path = "/api/v1/auth/login", tag = "auth", security(()),
    request_body = LoginIn,
    responses(
        (status = 200, description = "Signed in", body = AuthOut,
            headers(("Set-Cookie" = String, description = "HttpOnly session cookie"))),
        (status = 401, description = "Unknown email or wrong password (indistinguishable)",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn login(
    State(st): State<IdentityHttp>,
    ip: ClientIp,
    ValidatedJson(input): ValidatedJson<LoginIn>,
) -> Result<impl IntoResponse, AppError> {
    let out = st.svc.login(input, &ip.text()).await?;
    let cookie = session_cookie(&out.token, out.expires_at, st.cookies.secure);
    Ok((AppendHeaders([cookie]), Json(out)))
}

/// Sign out: the session's token stops working.
#[utoipa::path(
    post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Signed out; the session cookie is cleared")),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn logout(
    State(st): State<IdentityHttp>,
    ctx: Authorized<AnyRole>,
    SessionRef(session): SessionRef,
) -> Result<impl IntoResponse, AppError> {
    if let Some(id) = session {
        st.svc.logout(id).await?;
    }
    let cleared = Cookie::build((SESSION_COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    Ok((StatusCode::NO_CONTENT, AppendHeaders([(header::SET_COOKIE, cleared.to_string())])))
}

/// The caller: user (or API key), active organization and role.
#[utoipa::path(
    get, path = "/api/v1/me", tag = "auth",
    responses((status = 200, description = "The caller", body = MeOut)),
    extensions(("x-required-role" = json!(AnyRole::NAME)))
)]
#[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
pub(super) async fn me(State(st): State<IdentityHttp>, ctx: Authorized<AnyRole>) -> Result<Json<MeOut>, AppError> {
    Ok(Json(st.svc.me(&ctx).await?))
}

pub(super) fn session_cookie(token: &str, expires_at: DateTime<Utc>, secure: bool) -> (HeaderName, String) {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    let c = Cookie::build((SESSION_COOKIE, token.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build();
    (header::SET_COOKIE, c.to_string())
}
