//! Identity: organizations, users, memberships, sessions, API keys and invitations.

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod middleware;
pub mod oidc;
pub mod secret;
pub mod service;
pub mod sessions;
pub mod throttle;

use std::sync::Arc;

use atrium_outbox::{Module, Platform};

pub use error::IdentityError;
pub use http::{CookiePolicy, router};
pub use middleware::{SESSION_COOKIE, SessionRef, authenticate};
pub use oidc::{OidcSettings, ProviderConfig};
pub use service::{Authenticated, IdentityConfig, IdentityService, LoginLimits, PKCE_VERIFIER_COLUMN};
pub use sessions::{CachedPrincipal, InProcessSessionCache, SessionCache};
pub use throttle::{InProcessThrottle, Slot, Throttle};

/// The identity domain: its service (also the gateway's authentication layer and
/// the membership port of other domains), routes and tags. Login attempts are
/// throttled by `throttle` (the gateway's Redis one when configured, shared by
/// replicas); principals are cached in `sessions`.
pub fn module(
    platform: &Platform,
    config: IdentityConfig,
    cookies: CookiePolicy,
    throttle: Arc<dyn Throttle>,
    sessions: Arc<dyn SessionCache>,
) -> Module<IdentityService> {
    let svc = IdentityService::new(platform.db.clone(), platform.clock.clone(), throttle, config)
        .with_session_cache(sessions)
        .with_pkce_vault(platform.protect(&PKCE_VERIFIER_COLUMN));
    Module::new(svc.clone(), router(svc, cookies))
        .tag("auth", "Sign-up, sign-in (password or an OpenID provider), sessions")
        .tag("organizations", "The caller's organizations")
        .tag("members", "Members of the active organization and their roles")
        .tag("invitations", "Invitations to join the active organization")
        .tag("api-keys", "Organization API keys")
}
