//! The client's address, computed once per request by the gateway (from the peer
//! address and, only behind a trusted proxy, `X-Forwarded-For`), so every domain
//! reads the same answer: rate limits, the login throttle, a contract signer's IP.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::AppError;

/// The client's IP address. `None` only when the request came through no socket
/// (an in-memory test router without connect info).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub Option<IpAddr>);

impl ClientIp {
    /// The address as text (`"unknown"` when there is none), for keys and records.
    pub fn text(&self) -> String {
        self.0.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // The gateway inserts it; without the gateway (a domain's own test router)
        // the peer is the best answer there is.
        Ok(parts
            .extensions
            .get::<ClientIp>()
            .copied()
            .unwrap_or_else(|| ClientIp(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ci| ci.0.ip()))))
    }
}
