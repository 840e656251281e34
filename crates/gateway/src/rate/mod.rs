//! Rate limits on every route, by class (`auth`, `read`, `write`, `bulk`) and by
//! caller: an authenticated request spends its principal's budget (user or API
//! key), an unauthenticated one its client IP's; the `auth` class always spends
//! the IP's budget too, so rotating accounts from one address does not help.
//!
//! The limiter is GCRA ([`atrium_kernel::rate`]): in process when `REDIS_URL` is
//! unset ([`memory::InProcessLimiter`]), else one Lua script per request on Redis
//! ([`redis::RedisLimiter`]), shared by every replica. Every response carries the
//! IETF `RateLimit-Policy` and `RateLimit` headers; a refused one is a 429
//! problem with `Retry-After`. When Redis is down the check fails open (the
//! failure is counted and logged by [`crate::redis::Redis`]), except the `auth`
//! class when `RATE_LIMIT_AUTH_FAIL_CLOSED` is set: 503 then.

pub mod client_ip;
pub mod memory;
pub mod redis;
pub mod throttle;

use std::sync::Arc;
use std::time::Duration;

use atrium_kernel::{AppError, ClientIp, Decision, OrgCtx, Principal, Quota, RateLimiter};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::Config;

pub const RATELIMIT: HeaderName = HeaderName::from_static("ratelimit");
pub const RATELIMIT_POLICY: HeaderName = HeaderName::from_static("ratelimit-policy");

/// Exchanging a client portal sign-in link is signing in too (API and page).
const PORTAL_SIGN_IN: [&str; 2] = ["/portal/api/v1/session", "/portal/sign-in"];

/// Which budget a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Auth,
    Read,
    Write,
    Bulk,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Self::Auth => "auth",
            Self::Read => "read",
            Self::Write => "write",
            Self::Bulk => "bulk",
        }
    }

    /// The class of a request. Reads and writes follow from the method; the two
    /// special classes follow from the API's own naming rules rather than a
    /// table of routes: everything under `/api/v1/auth/` signs in (login, signup,
    /// OIDC), and so does the portal's link exchange; and `…/import` / `…/export` are the bulk CSV endpoints.
    pub fn of(method: &Method, path: &str) -> Self {
        if path.starts_with("/api/v1/auth/") || PORTAL_SIGN_IN.contains(&path) {
            Self::Auth
        } else if path.ends_with("/import") || path.ends_with("/export") {
            Self::Bulk
        } else if method == Method::GET || method == Method::HEAD || method == Method::OPTIONS {
            Self::Read
        } else {
            Self::Write
        }
    }
}

/// The quota of each class (`None`: not limited).
#[derive(Debug, Clone, Copy)]
pub struct Quotas {
    pub auth: Option<Quota>,
    pub read: Option<Quota>,
    pub write: Option<Quota>,
    pub bulk: Option<Quota>,
}

impl Quotas {
    pub fn from_config(config: &Config) -> Result<Self, String> {
        Ok(Self {
            auth: Quota::parse(&config.rate_limit_auth)?,
            read: Quota::parse(&config.rate_limit_read)?,
            write: Quota::parse(&config.rate_limit_write)?,
            bulk: Quota::parse(&config.rate_limit_bulk)?,
        })
    }

    fn of(&self, class: Class) -> Option<Quota> {
        match class {
            Class::Auth => self.auth,
            Class::Read => self.read,
            Class::Write => self.write,
            Class::Bulk => self.bulk,
        }
    }
}

#[derive(Clone)]
pub struct RateLimits {
    pub limiter: Arc<dyn RateLimiter>,
    pub quotas: Quotas,
    pub auth_fail_closed: bool,
}

impl RateLimits {
    pub fn new(config: &Config, redis: Option<&crate::redis::Redis>) -> Result<Self, String> {
        let limiter: Arc<dyn RateLimiter> = match redis {
            Some(r) => Arc::new(redis::RedisLimiter::new(r.clone())),
            None => Arc::new(memory::InProcessLimiter::default()),
        };
        Ok(Self { limiter, quotas: Quotas::from_config(config)?, auth_fail_closed: config.rate_limit_auth_fail_closed })
    }
}

fn principal_key(ctx: &OrgCtx) -> String {
    match ctx.principal {
        Principal::User(id) => format!("u:{id}"),
        Principal::ApiKey(id) => format!("k:{id}"),
    }
}

/// The middleware; it runs after authentication, so the principal is known.
pub async fn layer(State(limits): State<RateLimits>, req: Request, next: Next) -> Response {
    let class = Class::of(req.method(), req.uri().path());
    let Some(quota) = limits.quotas.of(class) else {
        return next.run(req).await;
    };
    let ip = req.extensions().get::<ClientIp>().copied().unwrap_or(ClientIp(None));
    let ctx = req.extensions().get::<OrgCtx>().copied();
    let name = class.name();
    let mut keys = Vec::with_capacity(2);
    match &ctx {
        Some(ctx) => keys.push(format!("rl:{name}:{}", principal_key(ctx))),
        None => keys.push(format!("rl:{name}:ip:{}", ip.text())),
    }
    if class == Class::Auth && ctx.is_some() {
        keys.push(format!("rl:{name}:ip:{}", ip.text()));
    }
    let policy = policy_header(name, quota);
    let decision = match limits.limiter.check(&keys, quota).await {
        Ok(d) => Some(d),
        Err(_) if class == Class::Auth && limits.auth_fail_closed => {
            let mut res =
                AppError::Unavailable("rate limiter unavailable (auth class is fail-closed)".into()).into_response();
            // Redis, not the database: readiness must not report a database outage.
            res.extensions_mut().remove::<atrium_kernel::error::BackendDown>();
            res.headers_mut().insert(RATELIMIT_POLICY, policy);
            return res;
        }
        // Fail open: Redis already counted and logged the failure.
        Err(_) => None,
    };
    let mut res = match decision {
        Some(d) if !d.allowed => {
            AppError::TooManyRequests { retry_after_secs: ceil_secs(d.retry_after).max(1) }.into_response()
        }
        _ => next.run(req).await,
    };
    let headers = res.headers_mut();
    headers.insert(RATELIMIT_POLICY, policy);
    if let Some(d) = decision {
        headers.insert(RATELIMIT, limit_header(name, &d));
    }
    res
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

fn policy_header(name: &str, q: Quota) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{name}\";q={};w={}", q.limit, q.window.as_secs()))
        .unwrap_or_else(|_| HeaderValue::from_static("\"default\""))
}

fn limit_header(name: &str, d: &Decision) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{name}\";r={};t={}", d.remaining, ceil_secs(d.reset_after)))
        .unwrap_or_else(|_| HeaderValue::from_static("\"default\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_method_and_naming() {
        assert_eq!(Class::of(&Method::POST, "/api/v1/auth/login"), Class::Auth);
        assert_eq!(Class::of(&Method::GET, "/api/v1/auth/oidc/x/start"), Class::Auth);
        assert_eq!(Class::of(&Method::POST, "/portal/api/v1/session"), Class::Auth);
        assert_eq!(Class::of(&Method::POST, "/portal/sign-in"), Class::Auth);
        assert_eq!(Class::of(&Method::GET, "/portal/api/v1/me"), Class::Read);
        assert_eq!(Class::of(&Method::GET, "/api/v1/contacts/export"), Class::Bulk);
        assert_eq!(Class::of(&Method::POST, "/api/v1/contacts/import"), Class::Bulk);
        assert_eq!(Class::of(&Method::GET, "/api/v1/contacts"), Class::Read);
        assert_eq!(Class::of(&Method::HEAD, "/api/v1/contacts"), Class::Read);
        assert_eq!(Class::of(&Method::PATCH, "/api/v1/contacts/x"), Class::Write);
    }

    #[test]
    fn headers_use_the_structured_field_form() {
        let q = Quota { limit: 600, window: Duration::from_secs(60) };
        assert_eq!(policy_header("read", q), "\"read\";q=600;w=60");
        let d = Decision {
            allowed: true,
            remaining: 599,
            reset_after: Duration::from_millis(100),
            retry_after: Duration::ZERO,
        };
        assert_eq!(limit_header("read", &d), "\"read\";r=599;t=1");
    }
}
