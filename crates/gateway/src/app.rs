//! The composition root: builds every service from the configuration, merges the
//! domain routers, and wraps them in the cross-cutting layers.

use std::net::SocketAddr;
use std::sync::Arc;

use atrium_agreements::{AgreementsService, CrmMergeSubscriber, ProposalExpiryJob, SignatureKey};
use atrium_crm::CrmService;
use atrium_identity::http::CookiePolicy;
use atrium_identity::{IdentityConfig, IdentityService, InProcessThrottle, LoginLimits};
use atrium_kernel::{AppError, Clock, CursorKey, SystemClock};
use atrium_outbox::{Dispatcher, DispatcherConfig, Job, OutboxService, RetentionJob, Scheduler, Subscriber};
use atrium_projects::ProjectsService;
use atrium_timeline::{TimelineService, TimelineSubscriber};
use atrium_webhooks::{UrlGuard, WebhookService, WebhookSubscriber};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Config;
use crate::metrics::{self, Metrics};
use crate::{db, idempotency, openapi, policy, ports, problems};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Everything the running server holds.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub identity: IdentityService,
    pub outbox: OutboxService,
    pub timeline: TimelineService,
    pub crm: CrmService,
    pub agreements: AgreementsService,
    pub projects: ProjectsService,
    pub webhooks: WebhookService,
    pub dispatcher: Dispatcher,
    pub scheduler: Scheduler,
    pub metrics: Metrics,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub async fn build(config: &Config) -> Result<Self, BoxError> {
        let db = db::connect(config).await?;
        Self::with_db(config, db, Arc::new(SystemClock))
    }

    pub fn with_db(config: &Config, db: DatabaseConnection, clock: Arc<dyn Clock>) -> Result<Self, BoxError> {
        let identity = IdentityService::new(
            db.clone(),
            clock.clone(),
            Arc::new(InProcessThrottle::default()),
            IdentityConfig {
                session_ttl: chrono::Duration::hours(config.session_ttl_hours),
                login_limits: LoginLimits {
                    failures_per_email: config.login_failures_per_email,
                    attempts_per_ip: config.login_attempts_per_ip,
                    window: std::time::Duration::from_secs(config.login_window_secs),
                },
                ..IdentityConfig::default()
            },
        );
        let guard = UrlGuard { allow_private: config.webhook_allow_private };
        let webhook_timeout = std::time::Duration::from_secs(config.webhook_timeout_secs);
        let crm = CrmService::new(db.clone(), clock.clone(), Arc::new(ports::Members(identity.clone())));
        let agreements = AgreementsService::new(
            db.clone(),
            clock.clone(),
            Arc::new(ports::Crm(crm.clone())),
            signature_key(&config.secret_bytes()),
        );
        let projects = ProjectsService::new(
            db.clone(),
            clock.clone(),
            Arc::new(ports::Engagements(agreements.clone())),
            Arc::new(ports::Members(identity.clone())),
        );
        let subscribers: Vec<Arc<dyn Subscriber>> = vec![
            Arc::new(CrmMergeSubscriber::new(agreements.clone())),
            Arc::new(atrium_projects::CrmMergeSubscriber::new(db.clone(), clock.clone())),
            Arc::new(atrium_crm::AppointmentSubscriber::new(db.clone(), clock.clone())),
            Arc::new(TimelineSubscriber::new(db.clone())),
            Arc::new(WebhookSubscriber::new(db.clone(), guard, webhook_timeout)?),
        ];
        let dispatcher = Dispatcher::new(
            db.clone(),
            clock.clone(),
            subscribers,
            DispatcherConfig {
                idle_poll: std::time::Duration::from_millis(config.dispatch_poll_ms),
                max_attempts: config.dispatch_max_attempts,
                base_backoff: std::time::Duration::from_millis(config.dispatch_backoff_ms),
                ..DispatcherConfig::default()
            },
        );
        let jobs: Vec<Arc<dyn Job>> = vec![
            Arc::new(RetentionJob::new(db.clone(), chrono::Duration::days(config.outbox_retention_days))),
            Arc::new(idempotency::PruneJob { db: db.clone() }),
            Arc::new(ProposalExpiryJob::new(agreements.clone())),
            Arc::new(atrium_projects::ReconcileJob(projects.clone())),
        ];
        let scheduler = Scheduler::new(db.clone(), clock.clone(), jobs, std::time::Duration::from_secs(600));
        Ok(Self {
            outbox: OutboxService::new(db.clone(), clock.clone()),
            timeline: TimelineService::new(db.clone()),
            crm,
            agreements,
            projects,
            webhooks: WebhookService::new(db.clone(), clock.clone(), guard),
            scheduler,
            dispatcher,
            identity,
            db,
            metrics: Metrics::new()?,
            clock,
        })
    }
}

/// The key for contract signature data, derived from the server secret under its
/// own label so it changes with the secret and never equals another derived key.
fn signature_key(secret: &[u8]) -> SignatureKey {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("hmac takes any key length"));
    mac.update(b"atrium signature key v1");
    SignatureKey::new(mac.finalize().into_bytes().into())
}

/// The API routes of every domain and the document describing them.
fn api(state: &AppState, config: &Config) -> (Router, OpenApi) {
    let cookies = CookiePolicy { secure: config.cookie_secure };
    let (router, doc) = OpenApiRouter::with_openapi(openapi::base())
        .merge(atrium_identity::router(state.identity.clone(), cookies))
        .merge(atrium_outbox::router(state.outbox.clone()))
        .merge(atrium_timeline::router(state.timeline.clone()))
        .merge(atrium_crm::router(state.crm.clone()))
        .merge(atrium_agreements::router(state.agreements.clone()))
        .merge(atrium_projects::router(state.projects.clone()))
        .merge(atrium_webhooks::router(state.webhooks.clone()))
        .split_for_parts();
    (router, openapi::finish(doc))
}

/// The OpenAPI document, built without serving (for `atrium openapi` and the drift check).
pub async fn openapi_document() -> Result<OpenApi, BoxError> {
    let config = Config { database_url: "sqlite::memory:".into(), ..Config::default() };
    let state = AppState::build(&config).await?;
    Ok(api(&state, &config).1)
}

pub fn router(state: AppState, config: &Config) -> Router {
    let (api, doc) = api(&state, config);
    let cursor_key = CursorKey::derive(&config.secret_bytes());
    let idempotency = idempotency::Idempotency {
        db: state.db.clone(),
        clock: state.clock.clone(),
        body_limit: config.body_limit_bytes,
    };
    let ops = Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
        .route("/metrics", get(render_metrics))
        .with_state(state.clone());

    Router::new()
        .merge(api)
        .merge(SwaggerUi::new("/docs").url("/openapi.json", doc))
        .merge(ops)
        .fallback(|| async { AppError::NotFound("route") })
        // Layers run bottom-up on the way in: the last added sees the request first.
        .layer(axum::middleware::from_fn_with_state(idempotency, idempotency::layer))
        .layer(axum::middleware::from_fn(policy::enforce))
        .layer(axum::middleware::from_fn_with_state(state.identity.clone(), atrium_identity::authenticate))
        .layer(axum::Extension(cursor_key))
        .layer(DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(axum::middleware::from_fn(problems::normalize))
        .layer(axum::middleware::from_fn_with_state(state.metrics.clone(), metrics::track))
        .layer(CompressionLayer::new())
        .layer(cors(config))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, config.request_timeout()))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            let id = req.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("http", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

fn cors(config: &Config) -> CorsLayer {
    let origins: Vec<HeaderValue> = config
        .cors_allowed_origins
        .iter()
        .filter(|o| !o.trim().is_empty())
        .filter_map(|o| HeaderValue::from_str(o.trim()).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::PATCH, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::ETAG, header::LOCATION, header::RETRY_AFTER, REQUEST_ID])
        .allow_credentials(true)
}

/// Serves until SIGTERM or Ctrl-C, then drains in-flight requests.
/// `migrate` applies pending migrations on PostgreSQL too (SQLite always does).
pub async fn run(config: Config, listener: TcpListener, migrate: bool) -> Result<(), BoxError> {
    let db = db::connect(&config).await?;
    crate::schema::prepare(&db, migrate || config.is_sqlite()).await?;
    let state = AppState::with_db(&config, db, Arc::new(SystemClock))?;
    serve(state, &config, listener).await
}

pub async fn serve(state: AppState, config: &Config, listener: TcpListener) -> Result<(), BoxError> {
    if config.uses_dev_secret() {
        tracing::warn!("ATRIUM_SECRET is not set: using the development secret; set one in production");
    }
    let (stop, stopped) = watch::channel(false);
    let worker = config.embedded_worker.then(|| tokio::spawn(background(state.clone(), stopped)));
    let app = router(state, config);
    tracing::info!(addr = %listener.local_addr()?, embedded_worker = worker.is_some(), "atrium listening");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    let _ = stop.send(true);
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    tracing::info!("atrium stopped");
    Ok(())
}

/// Runs the background work (the outbox dispatcher) until SIGTERM or Ctrl-C.
pub async fn work(config: Config) -> Result<(), BoxError> {
    let db = db::connect(&config).await?;
    crate::schema::prepare(&db, config.is_sqlite()).await?;
    let state = AppState::with_db(&config, db, Arc::new(SystemClock))?;
    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(background(state, stopped));
    shutdown_signal().await;
    let _ = stop.send(true);
    let _ = worker.await;
    Ok(())
}

/// The outbox dispatcher and the job scheduler, until `stop` turns true.
async fn background(state: AppState, stop: watch::Receiver<bool>) {
    tokio::join!(state.dispatcher.run(stop.clone()), state.scheduler.run(stop));
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown signal received; draining");
}

/// Liveness: the process answers.
async fn live() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// Readiness: the database answers and its schema is current. A 503 names the reason.
async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    let not_ready = |reason: String| {
        let body = serde_json::json!({
            "type": "/problems/unavailable", "title": "Service unavailable", "status": 503,
            "detail": reason,
        });
        let mut res = (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
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

async fn render_metrics(State(state): State<AppState>) -> impl IntoResponse {
    state.metrics.render()
}
