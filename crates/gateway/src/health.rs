//! Operations endpoints: liveness, readiness (database and schema) and metrics.
//! Health is public, so orchestrators need no credentials; who may scrape the
//! metrics is the metrics module's rule.

use std::net::SocketAddr;

use atrium_kernel::AppError;
use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

pub fn router(state: AppState) -> OpenApiRouter {
    OpenApiRouter::new().routes(routes!(live)).routes(routes!(ready)).routes(routes!(render_metrics)).with_state(state)
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/health/live", tag = "operations", security(()),
    responses((status = 200, description = "The process is up", body = Object, example = json!({"status": "ok"}))))]
#[tracing::instrument(skip_all)]
async fn live() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness: the database answers and its schema is current. A 503 names the
/// reason (database unreachable, migrations pending).
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
        res
    };
    if let Err(e) = state.db.ping().await {
        tracing::warn!(error = %e, "readiness: database unreachable");
        return not_ready("the database does not answer".into());
    }
    match crate::schema::pending(&state.db).await {
        Ok(p) if p.is_empty() => {
            (StatusCode::OK, Json(serde_json::json!({"status": "ok", "database": "ok", "migrations": "current"})))
                .into_response()
        }
        Ok(p) => not_ready(format!("{} database migration(s) pending: {}", p.len(), p.join(", "))),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: cannot read the migration state");
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
