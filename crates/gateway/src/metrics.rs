//! Prometheus metrics: request count and latency by method, route template and
//! status. Every label has a bounded set of values: the route is the matched
//! template (`unmatched` for any path no route serves), the method one of the
//! standard ones (`other` for any invented method), so no client can grow the
//! series.
//!
//! Who may read `/metrics` ([`MetricsAccess`]): with `METRICS_BIND_ADDR` it is
//! served on that listener only (the API listener answers 404); with
//! `METRICS_TOKEN` every scrape must send `Authorization: Bearer <token>` (401
//! otherwise). With neither, the API listener answers it only to a loopback peer
//! that is not a proxy forwarding someone else (no `Forwarded`, `X-Forwarded-For`
//! or `X-Real-IP`), so local tooling can scrape and nobody else can.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use atrium_kernel::AppError;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};
use sha2::{Digest, Sha256};

/// Methods counted under their own name; any other is `other`.
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/// The route label of requests no route matched.
const UNMATCHED: &str = "unmatched";

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    access: Arc<MetricsAccess>,
}

/// Where `/metrics` is served and what a scrape must show.
#[derive(Debug, Clone, Default)]
pub struct MetricsAccess {
    /// SHA-256 of `METRICS_TOKEN`, compared digest to digest.
    token_digest: Option<[u8; 32]>,
    /// `METRICS_BIND_ADDR` is set: the API listener does not serve it.
    own_listener: bool,
}

impl MetricsAccess {
    pub fn new(token: Option<&str>, own_listener: bool) -> Self {
        let token_digest = token.filter(|t| !t.is_empty()).map(|t| Sha256::digest(t.as_bytes()).into());
        Self { token_digest, own_listener }
    }

    pub fn from_config(config: &crate::Config) -> Self {
        Self::new(config.metrics_token.as_deref(), config.metrics_bind_addr.is_some())
    }

    /// Whether this scrape may read the metrics; `on_api_listener` says where it came in.
    fn check(&self, on_api_listener: bool, peer: Option<IpAddr>, headers: &HeaderMap) -> Result<(), AppError> {
        if on_api_listener && self.own_listener {
            return Err(AppError::NotFound("route"));
        }
        if let Some(expected) = &self.token_digest {
            let given = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(|t| <[u8; 32]>::from(Sha256::digest(t.trim().as_bytes())));
            return if given.as_ref() == Some(expected) { Ok(()) } else { Err(AppError::Unauthenticated) };
        }
        if !on_api_listener {
            return Ok(());
        }
        let forwarded = ["forwarded", "x-forwarded-for", "x-real-ip"].iter().any(|h| headers.contains_key(*h));
        if peer.is_some_and(|ip| ip.is_loopback() || ip.to_canonical().is_loopback()) && !forwarded {
            Ok(())
        } else {
            Err(AppError::NotFound("route"))
        }
    }
}

impl Metrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("atrium".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new("http_requests_total", "HTTP requests by method, route and status"),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency by method, route and status")
                .buckets(vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]),
            &["method", "route", "status"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        Ok(Self { registry, requests, latency, access: Arc::default() })
    }

    /// Adds a collector another part of the gateway owns (e.g. Redis failures).
    pub fn register(&self, collector: Box<dyn prometheus::core::Collector>) -> Result<(), prometheus::Error> {
        self.registry.register(collector)
    }

    pub fn with_access(mut self, access: MetricsAccess) -> Self {
        self.access = Arc::new(access);
        self
    }

    /// `/metrics` as a scrape on the API listener (`on_api_listener`) or on its own one.
    pub fn scrape(&self, on_api_listener: bool, peer: Option<SocketAddr>, headers: &HeaderMap) -> Response {
        match self.access.check(on_api_listener, peer.map(|p| p.ip()), headers) {
            Ok(()) => self.render(),
            Err(e @ AppError::Unauthenticated) => {
                let mut res = e.into_response();
                res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                res
            }
            Err(e) => e.into_response(),
        }
    }

    /// The series of the request counter (for tests and diagnostics).
    pub fn request_series(&self) -> usize {
        self.registry
            .gather()
            .iter()
            .filter(|f| f.name().ends_with("http_requests_total"))
            .map(|f| f.get_metric().len())
            .sum()
    }

    pub fn render(&self) -> Response {
        let mut buf = Vec::new();
        match TextEncoder::new().encode(&self.registry.gather(), &mut buf) {
            Ok(()) => ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], buf).into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        }
    }
}

pub async fn track(State(m): State<Metrics>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    // The route template, not the raw path, so ids do not explode the label set.
    // `MatchedPath` is a shared string: cloning it allocates nothing.
    let route = req.extensions().get::<MatchedPath>().cloned();
    let method = METHODS.iter().find(|m| **m == req.method().as_str()).copied().unwrap_or("other");
    let res = next.run(req).await;
    let status = res.status();
    let labels = [method, route.as_ref().map_or(UNMATCHED, MatchedPath::as_str), status.as_str()];
    m.requests.with_label_values(&labels).inc();
    m.latency.with_label_values(&labels).observe(started.elapsed().as_secs_f64());
    res
}

/// The router of the metrics listener (`METRICS_BIND_ADDR`): `/metrics` only.
pub fn listener_router(metrics: Metrics) -> axum::Router {
    axum::Router::new()
        .route(
            "/metrics",
            axum::routing::get(|State(m): State<Metrics>, parts: axum::http::request::Parts| async move {
                let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(p)| *p);
                m.scrape(false, peer, &parts.headers)
            }),
        )
        .fallback(|| async { AppError::NotFound("route") })
        .with_state(metrics)
}
