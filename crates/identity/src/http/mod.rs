//! HTTP handlers of the identity API. Thin: extract, call the service, map.

mod access;
mod auth;
mod oidc;
mod orgs;

use atrium_kernel::ApiRouter;
use atrium_kernel::AppError;
use atrium_kernel::routes;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::middleware::SessionRef;
use crate::service::IdentityService;

/// How the session cookie is issued.
#[derive(Debug, Clone, Copy)]
pub struct CookiePolicy {
    /// Adds `Secure`; turn off only for plain-HTTP local development.
    pub secure: bool,
}

#[derive(Clone)]
pub(crate) struct IdentityHttp {
    svc: IdentityService,
    cookies: CookiePolicy,
}

/// The identity routes, with their OpenAPI operations. Each handler states the
/// role it needs; sign-up and the sign-ins need no caller at all.
pub fn router(svc: IdentityService, cookies: CookiePolicy) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(auth::signup))
        .routes(routes!(auth::login))
        .routes(routes!(auth::logout))
        .routes(routes!(auth::me))
        .routes(routes!(oidc::oidc_start))
        .routes(routes!(oidc::oidc_callback))
        .routes(routes!(orgs::list_organizations, orgs::create_organization))
        .routes(routes!(orgs::switch_organization))
        .routes(routes!(orgs::list_members))
        .routes(routes!(orgs::get_member, orgs::update_member, orgs::remove_member))
        .routes(routes!(access::list_invitations, access::create_invitation))
        .routes(routes!(access::revoke_invitation))
        .routes(routes!(access::accept_invitation))
        .routes(routes!(access::list_api_keys, access::create_api_key))
        .routes(routes!(access::revoke_api_key))
        .with_state(IdentityHttp { svc, cookies })
}

impl<S: Send + Sync> FromRequestParts<S> for SessionRef {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<SessionRef>().copied().unwrap_or(SessionRef(None)))
    }
}

fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
