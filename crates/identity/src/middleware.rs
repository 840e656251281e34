//! The authentication layer: resolves `Authorization: Bearer <token>` or the
//! session cookie into an `OrgCtx` request extension. It never rejects by itself;
//! handlers that need a caller extract `OrgCtx` and get 401 when it is missing.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::Cookie;
use uuid::Uuid;

use crate::service::IdentityService;

pub const SESSION_COOKIE: &str = "atrium_session";

/// The session behind the request, if the caller used one (not an API key).
#[derive(Debug, Clone, Copy)]
pub struct SessionRef(pub Option<Uuid>);

pub async fn authenticate(State(svc): State<IdentityService>, mut req: Request, next: Next) -> Response {
    if let Some(token) = token_from(req.headers()) {
        match svc.authenticate(&token).await {
            Ok(Some(found)) => {
                req.extensions_mut().insert(found.ctx);
                req.extensions_mut().insert(SessionRef(found.session_id));
            }
            Ok(None) => {}
            Err(e) => return e.into_response(),
        }
    }
    next.run(req).await
}

fn token_from(headers: &HeaderMap) -> Option<String> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_owned());
    bearer.or_else(|| {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| Cookie::split_parse(v.to_owned()))
            .filter_map(Result::ok)
            .find(|c| c.name() == SESSION_COOKIE)
            .map(|c| c.value().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn bearer_wins_over_cookie() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=b; atrium_session=atr_s_cookie"));
        assert_eq!(token_from(&h).as_deref(), Some("atr_s_cookie"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer atr_s_header"));
        assert_eq!(token_from(&h).as_deref(), Some("atr_s_header"));
        assert_eq!(token_from(&HeaderMap::new()), None);
    }
}
