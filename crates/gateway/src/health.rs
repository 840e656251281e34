//! Operations endpoints: liveness, readiness (database and schema) and metrics.
//! Health is public, so orchestrators need no credentials; who may scrape the
//! metrics is the metrics module's rule.

use std::net::SocketAddr;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use atrium_kernel::ApiRouter;
use atrium_kernel::AppError;
use atrium_kernel::error::{BackendDown, UNAVAILABLE_RETRY_AFTER_SECS};
use atrium_kernel::routes;
use axum::Json;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;

/// The operational routes (their state is given when the server's router is built).
pub fn routes() -> ApiRouter<AppState> {
    ApiRouter::new().routes(routes!(live)).routes(routes!(ready)).routes(routes!(render_metrics))
}

/// How long after a request failed for want of the database readiness still
/// reports it: a pool that loses its connections often replaces them before a
/// readiness ping notices, so the failures requests saw count too.
pub const OUTAGE_WINDOW: Duration = Duration::from_millis(500);

/// When a request last failed because a backing service (the database) was
/// unreachable.
#[derive(Clone)]
pub struct Outages {
    epoch: Instant,
    /// Milliseconds since `epoch` of the last failure, plus one (0: none yet).
    last: Arc<AtomicU64>,
}

impl Default for Outages {
    fn default() -> Self {
        Self { epoch: Instant::now(), last: Arc::new(AtomicU64::new(0)) }
    }
}

impl Outages {
    pub fn record(&self) {
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.fetch_max(now.saturating_add(1), Ordering::Relaxed);
    }

    /// How long ago the last failure was, if within `window`.
    pub fn within(&self, window: Duration) -> Option<Duration> {
        let last = self.last.load(Ordering::Relaxed).checked_sub(1)?;
        let ago = self.epoch.elapsed().saturating_sub(Duration::from_millis(last));
        (ago <= window).then_some(ago)
    }
}

/// Records every response marked [`BackendDown`] (a 503 for a lost database).
pub async fn track(State(outages): State<Outages>, req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.extensions().get::<BackendDown>().is_some() {
        outages.record();
    }
    res
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/health/live", tag = "operations", security(()),
    responses((status = 200, description = "The process is up", body = Object, example = json!({"status": "ok"}))))]
#[tracing::instrument(skip_all)]
async fn live() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness: the database answers, no request failed for want of it in the last
/// half second, and its schema is current. A 503 names the reason (database
/// unreachable, migrations pending) and carries `Retry-After`.
#[utoipa::path(get, path = "/health/ready", tag = "operations", security(()),
    responses(
        (status = 200, description = "Ready to serve", body = Object,
            example = json!({"status": "ok", "database": "ok", "migrations": "current"})),
        (status = 503, description = "Not ready, with the reason", body = atrium_kernel::Problem)))]
#[tracing::instrument(skip_all)]
async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    let not_ready = |reason: String| {
        let mut problem = AppError::Unavailable(String::new()).to_problem();
        problem.detail = reason;
        let mut res = (StatusCode::SERVICE_UNAVAILABLE, Json(problem)).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(atrium_kernel::error::PROBLEM_JSON));
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(UNAVAILABLE_RETRY_AFTER_SECS));
        res
    };
    if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "readiness: database unreachable");
        state.outages.record();
        return not_ready("the database does not answer".into());
    }
    // Before the outage window: a file route's 503 for want of the storage marks
    // an outage too, and readiness should name the storage then, not the database.
    let storage = state.files.store().name();
    if let Err(e) = state.files.storage_ready().await {
        tracing::warn!(error = %e, storage, "readiness: object storage unreachable");
        return not_ready(e);
    }
    if let Some(ago) = state.outages.within(OUTAGE_WINDOW) {
        return not_ready(format!("database connections failed {} ms ago", ago.as_millis()));
    }
    match crate::schema::pending(&state.db).await {
        Ok(p) if p.is_empty() => (
            StatusCode::OK,
            Json(serde_json::json!({"status": "ok", "database": "ok", "migrations": "current", "storage": storage})),
        )
            .into_response(),
        Ok(p) => not_ready(format!("{} database migration(s) pending: {}", p.len(), p.join(", "))),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: cannot read the migration state");
            if atrium_kernel::error::is_unavailable(&e) {
                state.outages.record();
            }
            not_ready("the migration state cannot be read".into())
        }
    }
}

/// Prometheus metrics (text exposition format). With `METRICS_TOKEN` set, send
/// `Authorization: Bearer <token>`; with `METRICS_BIND_ADDR` set, they are served on
/// that address instead (404 here); with neither, only to a local (loopback) client
/// that no proxy forwards.
#[utoipa::path(get, path = "/metrics", tag = "operations", security(()),
    responses(
        (status = 200, description = "Metrics in the Prometheus text format", content_type = "text/plain",
            body = String, example = json!("# TYPE atrium_http_requests_total counter")),
        (status = 401, description = "`METRICS_TOKEN` is set and the request does not carry it",
            body = atrium_kernel::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not served to this client (see above)",
            body = atrium_kernel::Problem, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
async fn render_metrics(State(state): State<AppState>, parts: Parts) -> impl IntoResponse {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(p)| *p);
    state.metrics.scrape(true, peer, &parts.headers)
}
