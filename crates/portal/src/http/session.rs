//! The portal's own API: a sign-in link exchanged for the portal session cookie,
//! sign-out, and who is signed in. Only the `atrium_portal` cookie (path
//! `/portal`) authenticates here — a staff token or session is not looked at —
//! and the staff API never reads this cookie, so neither realm opens the other.
//! The cookie is `SameSite=Strict` and writes take JSON only, so another site can
//! neither send it nor forge a form post with it.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse};
use chrono::{DateTime, Utc};
use cookie::{Cookie, SameSite};

use atrium_kernel::{AppError, ValidatedJson};

use crate::dto::{PortalInvoiceOut, PortalMeOut, SessionIn};
use crate::service::{PortalCtx, PortalService};

/// The portal session cookie's name (distinct from staff's `atrium_session`).
pub const PORTAL_COOKIE: &str = "atrium_portal";
const PORTAL_PATH: &str = "/portal";

/// Whether the cookie is marked `Secure` (`COOKIE_SECURE`).
#[derive(Debug, Clone, Copy)]
pub struct PortalCookies {
    pub secure: bool,
}

#[derive(Clone)]
pub(crate) struct PortalHttp {
    pub svc: PortalService,
    pub cookies: PortalCookies,
}

/// The signed-in portal contact; 401 without a live portal session.
pub(crate) struct Portal(pub PortalCtx);

impl FromRequestParts<PortalHttp> for Portal {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, st: &PortalHttp) -> Result<Self, Self::Rejection> {
        let token = cookie_token(&parts.headers).ok_or(AppError::Unauthenticated)?;
        st.svc.authenticate(&token).await?.map(Portal).ok_or(AppError::Unauthenticated)
    }
}

pub(crate) fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == PORTAL_COOKIE)
        .map(|c| c.value().to_owned())
}

pub(crate) fn session_cookie(token: &str, expires_at: DateTime<Utc>, secure: bool) -> (HeaderName, String) {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    let c = Cookie::build((PORTAL_COOKIE, token.to_owned()))
        .path(PORTAL_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::seconds(max_age))
        .build();
    (header::SET_COOKIE, c.to_string())
}

pub(crate) fn cleared_cookie(secure: bool) -> (HeaderName, String) {
    let c = Cookie::build((PORTAL_COOKIE, ""))
        .path(PORTAL_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    (header::SET_COOKIE, c.to_string())
}

/// Exchange a sign-in link's token for a portal session (cookie `atrium_portal`: HttpOnly,
/// Secure, SameSite=Strict, path `/portal`, `PORTAL_SESSION_TTL_MINUTES`). A link works once.
/// An unknown, used, expired or revoked link is a 401 `sign-in-refused` saying which. Rate
/// limited as sign-in (`RATE_LIMIT_AUTH`, per client IP).
#[utoipa::path(post, path = "/portal/api/v1/session", tag = "portal-client", security(()),
    request_body = SessionIn,
    responses(
        (status = 201, description = "Signed in", body = PortalMeOut,
            headers(("Set-Cookie" = String, description = "The portal session cookie"))),
        (status = 401, description = "The link is not valid, was used, has expired or its access was revoked (the detail says which)",
            body = atrium_kernel::Problem, content_type = "application/problem+json",
            example = json!({"type": "/problems/sign-in-refused", "title": "Sign-in refused", "status": 401,
                "detail": "this sign-in link was already used; ask for a new one"})),
    )
)]
#[tracing::instrument(skip_all)]
pub(super) async fn start_session(
    State(st): State<PortalHttp>,
    ValidatedJson(input): ValidatedJson<SessionIn>,
) -> Result<impl IntoResponse, AppError> {
    let started = st.svc.exchange(input.token.as_str()).await?;
    let cookie = session_cookie(&started.token, started.me.session_expires_at, st.cookies.secure);
    Ok((StatusCode::CREATED, AppendHeaders([cookie]), Json(started.me)))
}

/// Sign out of the portal: the session ends and the cookie is cleared.
#[utoipa::path(delete, path = "/portal/api/v1/session", tag = "portal-client", security(("portal_session" = [])),
    responses((status = 204, description = "Signed out",
        headers(("Set-Cookie" = String, description = "The cleared cookie"))))
)]
#[tracing::instrument(skip_all)]
pub(super) async fn end_session(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
) -> Result<impl IntoResponse, AppError> {
    st.svc.sign_out(&ctx).await?;
    Ok((StatusCode::NO_CONTENT, AppendHeaders([cleared_cookie(st.cookies.secure)])))
}

/// Who is signed in to the portal, the engagement they see and what they may do.
#[utoipa::path(get, path = "/portal/api/v1/me", tag = "portal-client", security(("portal_session" = [])),
    responses((status = 200, description = "The portal contact", body = PortalMeOut))
)]
#[tracing::instrument(skip_all)]
pub(super) async fn portal_me(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
) -> Result<Json<PortalMeOut>, AppError> {
    Ok(Json(st.svc.me(&ctx).await?))
}

/// The engagement's issued invoices with their payment status, newest first (permission `invoices`).
#[utoipa::path(get, path = "/portal/api/v1/invoices", tag = "portal-client", security(("portal_session" = [])),
    params(atrium_kernel::PageParams),
    responses((status = 200, description = "A page of invoices", body = atrium_kernel::PageOut<PortalInvoiceOut>))
)]
#[tracing::instrument(skip_all)]
pub(super) async fn portal_invoices(
    State(st): State<PortalHttp>,
    // Before the session: a malformed cursor is a 422 naming it, whoever asks.
    page: atrium_kernel::PageQuery,
    Portal(ctx): Portal,
) -> Result<Json<atrium_kernel::PageOut<PortalInvoiceOut>>, AppError> {
    Ok(Json(page.respond(st.svc.invoices(&ctx, page.request()).await?, |i| i)))
}

/// An issued invoice of the engagement as a PDF (permission `invoices`); another engagement's is 404.
#[utoipa::path(get, path = "/portal/api/v1/invoices/{invoice_id}/pdf", tag = "portal-client",
    security(("portal_session" = [])),
    params(("invoice_id" = uuid::Uuid, Path, description = "Invoice id")),
    responses((status = 200, description = "The invoice document", content_type = "application/pdf", body = Vec<u8>,
        headers(("Content-Disposition" = String, description = "attachment; filename=\"INV-….pdf\""))))
)]
#[tracing::instrument(skip_all)]
pub(super) async fn portal_invoice_pdf(
    State(st): State<PortalHttp>,
    Portal(ctx): Portal,
    axum::extract::Path(id): axum::extract::Path<uuid::Uuid>,
) -> Result<impl IntoResponse, AppError> {
    let (name, bytes) = st.svc.invoice_pdf(&ctx, id).await?;
    let disposition = format!("attachment; filename=\"{}\"", name.replace(['"', '\\', '\r', '\n'], "_"));
    Ok(([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes))
}
