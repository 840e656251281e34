//! Sign-in through an OpenID provider: start (a redirect to the provider) and
//! callback (a session, exactly as `POST /auth/login` returns it).

use atrium_kernel::{AppError, ValidatedQuery};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse};
use cookie::{Cookie, SameSite};

use super::IdentityHttp;
use super::auth::session_cookie;
use crate::dto::{AuthOut, OidcCallbackQuery, OidcStartOut};
use crate::service::OidcCallback;

/// Holds the sign-in's `state` in the browser that started it, so a callback
/// carried to another browser (login CSRF) is refused.
const STATE_COOKIE: &str = "atrium_oidc_state";
const STATE_COOKIE_PATH: &str = "/api/v1/auth/oidc";

/// Start signing in with an OpenID provider.
///
/// Answers 303 to the provider's authorization endpoint (authorization code flow
/// with PKCE, `state` and `nonce`) and sets a short-lived HttpOnly cookie that
/// binds the sign-in to this browser. Open it in the browser (a navigation, not
/// `fetch`); the provider sends the browser back to the callback.
#[utoipa::path(
    get, path = "/api/v1/auth/oidc/{provider}/start", tag = "auth", security(()),
    params(("provider" = String, Path, description = "Provider name from `OIDC_PROVIDERS`", example = "google")),
    responses(
        (status = 303, description = "Redirect to the provider; the body repeats the URL", body = OidcStartOut,
            headers(
                ("Location" = String, description = "The provider's authorization URL"),
                ("Set-Cookie" = String, description = "HttpOnly cookie binding the sign-in to this browser"),
            )),
        (status = 404, description = "No provider of that name is configured", body = atrium_kernel::Problem,
            content_type = "application/problem+json"),
        (status = 502, description = "The provider's discovery document could not be fetched",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(provider = %provider))]
pub(super) async fn oidc_start(
    State(st): State<IdentityHttp>,
    Path(provider): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let started = st.svc.oidc_start(&provider).await?;
    let max_age = (started.expires_at - chrono::Utc::now()).num_seconds().max(0);
    let binding = Cookie::build((STATE_COOKIE, started.state))
        .path(STATE_COOKIE_PATH)
        .http_only(true)
        // Lax: the provider's redirect back is a top-level GET, which carries it.
        .same_site(SameSite::Lax)
        .secure(st.cookies.secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build();
    let out = OidcStartOut { authorization_url: started.authorization_url, expires_at: started.expires_at };
    let headers =
        AppendHeaders([(header::LOCATION, out.authorization_url.clone()), (header::SET_COOKIE, binding.to_string())]);
    Ok((StatusCode::SEE_OTHER, headers, Json(out)))
}

/// Where the provider sends the browser back: verifies the ID token and signs in.
///
/// The ID token's signature (the provider's JWKS), issuer, audience, expiry and
/// nonce are verified and the `state` is used once. The user is the one linked
/// to this provider account, else the one with the same verified email (linked
/// now), else a new account with its first organization (as sign-up does). The
/// session is issued exactly as `POST /api/v1/auth/login` issues it.
#[utoipa::path(
    get, path = "/api/v1/auth/oidc/{provider}/callback", tag = "auth", security(()),
    params(
        ("provider" = String, Path, description = "Provider name from `OIDC_PROVIDERS`", example = "google"),
        OidcCallbackQuery,
    ),
    responses(
        (status = 200, description = "Signed in", body = AuthOut,
            headers(("Set-Cookie" = String, description = "HttpOnly session cookie"))),
        (status = 401, description = "Refused: the ID token (signature, issuer, audience, expiry or nonce), an \
            unknown, expired or replayed `state`, a sign-in started in another browser, an unverified email, or \
            an error from the provider. No session is issued.",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No provider of that name is configured", body = atrium_kernel::Problem,
            content_type = "application/problem+json"),
        (status = 502, description = "The provider's token endpoint or keys could not be reached",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
    )
)]
#[tracing::instrument(skip_all, fields(provider = %provider))]
pub(super) async fn oidc_callback(
    State(st): State<IdentityHttp>,
    Path(provider): Path<String>,
    headers: HeaderMap,
    ValidatedQuery(q): ValidatedQuery<OidcCallbackQuery>,
) -> Result<impl IntoResponse, AppError> {
    let state = q.state.ok_or_else(|| AppError::invalid("state", "is required"))?;
    if q.code.is_none() && q.error.is_none() {
        return Err(AppError::invalid("code", "is required"));
    }
    let callback =
        OidcCallback { code: q.code, state, iss: q.iss, error: q.error, browser_state: state_cookie(&headers) };
    let out = st.svc.oidc_callback(&provider, callback).await?;
    let session = session_cookie(&out.token, out.expires_at, st.cookies.secure);
    let cleared = Cookie::build((STATE_COOKIE, ""))
        .path(STATE_COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    Ok((AppendHeaders([session, (header::SET_COOKIE, cleared.to_string())]), Json(out)))
}

fn state_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == STATE_COOKIE)
        .map(|c| c.value().to_owned())
}
