//! The composition root: builds every service from the configuration, merges the
//! domain routers, and wraps them in the cross-cutting layers.

use std::sync::Arc;

use atrium_identity::http::CookiePolicy;
use atrium_identity::{IdentityConfig, IdentityService, LoginLimits};
use atrium_kernel::{AppError, Clock, CursorKey, SystemClock};
use atrium_outbox::{Dispatcher, DispatcherConfig, Platform, Scheduler};
use atrium_webhooks::UrlGuard;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::routing::get;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa::openapi::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Config;
use crate::metrics::{self, Metrics};
use crate::registry::Registry;
use crate::{db, idempotency, openapi, ports, problems, server};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Everything the running server holds.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub identity: IdentityService,
    pub dispatcher: Dispatcher,
    pub scheduler: Scheduler,
    pub metrics: Metrics,
    /// Requests that recently failed for want of the database (readiness reads it).
    pub outages: crate::health::Outages,
    pub clock: Arc<dyn Clock>,
    /// `REDIS_URL`'s server, when set (sessions, rate limits and the query cache use it).
    pub redis: Option<crate::redis::Redis>,
    /// The vault's key ring and every encrypted column registered on it.
    pub platform: Platform,
    /// Seals stored idempotent responses.
    idempotency_vault: atrium_kernel::vault::ColumnVault,
    /// The rate limiter and each class's quota.
    pub rate: crate::rate::RateLimits,
    /// Whose `X-Forwarded-For` is believed.
    pub trusted_proxies: crate::rate::client_ip::TrustedProxies,
    /// Files (readiness asks it whether the object storage answers).
    pub files: atrium_files::FilesService,
    /// The query cache (`QUERY_CACHE`), when on.
    pub query_cache: Option<crate::cache::QueryCacheHandle>,
    /// Every domain's routes (an axum router clones as a few `Arc`s).
    api: Router,
    /// The OpenAPI document, built on the first request for it.
    openapi: Arc<openapi::Document>,
}

impl AppState {
    pub async fn build(config: &Config) -> Result<Self, BoxError> {
        let db = db::connect(config).await?;
        Self::with_db(config, db, Arc::new(SystemClock))
    }

    /// Registers every domain, one line each: its module brings routes,
    /// subscribers, jobs and tags; its service goes to the ports that need it.
    pub fn with_db(config: &Config, db: DatabaseConnection, clock: Arc<dyn Clock>) -> Result<Self, BoxError> {
        Self::assemble(config, db, clock)
    }

    /// The state, routes and all.
    fn assemble(config: &Config, db: DatabaseConnection, clock: Arc<dyn Clock>) -> Result<Self, BoxError> {
        let platform = Platform::new(db.clone(), clock.clone(), &config.secret_bytes()).with_keys(config.key_ring()?);
        let idempotency_vault = platform.protect(&idempotency::RESPONSE_COLUMN);
        let mut reg = Registry::default();
        let redis = crate::redis::Redis::from_config(config)?;
        let rate = crate::rate::RateLimits::new(config, redis.as_ref())?;
        let trusted_proxies = crate::rate::client_ip::TrustedProxies::parse(&config.trusted_proxies)?;
        // The login throttle lives where the rate limits do, so replicas share it.
        let throttle: Arc<dyn atrium_identity::Throttle> = match &redis {
            Some(r) => {
                Arc::new(crate::rate::throttle::RedisThrottle::new(r.clone(), config.rate_limit_auth_fail_closed))
            }
            None => Arc::new(atrium_identity::InProcessThrottle::default()),
        };
        let redis_sessions = redis.as_ref().map(|r| crate::sessions::RedisSessionCache::new(r.clone())).transpose()?;
        let session_lookups = redis_sessions.as_ref().map(|c| c.lookups().clone());
        let sessions: Arc<dyn atrium_identity::SessionCache> = match redis_sessions {
            Some(c) => Arc::new(c),
            None => Arc::new(atrium_identity::InProcessSessionCache::default()),
        };
        let identity =
            reg.add(atrium_identity::module(&platform, identity_config(config)?, cookies(config), throttle, sessions));
        reg.add(atrium_outbox::module(&platform, chrono::Duration::days(config.outbox_retention_days)));
        reg.add(atrium_timeline::module(&platform));
        reg.add(atrium_webhooks::module(&platform, webhook_guard(config), webhook_timeout(config))?);
        let crm = reg.add(atrium_crm::module(&platform, Arc::new(ports::Members(identity.clone()))));
        let agreements = reg.add(atrium_agreements::module(&platform, Arc::new(ports::Crm(crm.clone()))));
        let projects = reg.add(atrium_projects::module(
            &platform,
            Arc::new(ports::Engagements(agreements.clone())),
            Arc::new(ports::Members(identity.clone())),
        ));
        let files = reg.add(atrium_files::module(
            &platform,
            &config.storage(),
            config.files(),
            Arc::new(ports::Engagements(agreements.clone())),
        ));
        let revenue = reg.add(atrium_revenue::module(
            &platform,
            Arc::new(ports::Engagements(agreements.clone())),
            Arc::new(ports::Parties { identity: identity.clone(), crm: crm.clone() }),
            Arc::new(ports::Projects { projects: projects.clone(), identity: identity.clone() }),
            Arc::new(ports::Members(identity.clone())),
            Arc::new(ports::BillFiles(files.clone())),
            atrium_revenue::ReportPorts {
                budgets: Arc::new(ports::Engagements(agreements.clone())),
                costs: Arc::new(ports::TimeCosts(projects.time())),
            },
            config.ledger(),
        ));
        let comms_metrics = atrium_comms::SyncMetrics::new()?;
        let comms = reg.add(atrium_comms::module(
            &platform,
            config.comms(),
            atrium_comms::Ports {
                engagements: Arc::new(ports::Engagements(agreements.clone())),
                contacts: Arc::new(ports::Crm(crm.clone())),
                hosts: Arc::new(ports::MailHosts { allow_private: config.comms_allow_private_hosts }),
                attachments: Arc::new(ports::MailAttachments(files.clone())),
            },
            comms_metrics.clone(),
        ));
        let webhook_caller =
            atrium_webhooks::WebhookCaller::new(&platform, webhook_guard(config), webhook_timeout(config))?;
        reg.add(atrium_workflow::module(
            &platform,
            ports::workflow(&agreements, &projects, &crm, &comms, webhook_caller),
            config.workflow_max_depth,
        ));
        let (portal_agreements, portal_files, portal_threads) =
            crate::portal_ports::documents(&agreements, &files, &comms);
        let portal_projects = Arc::new(crate::portal_ports::PortalProjects(projects.clone()));
        reg.add(atrium_portal::module(
            &platform,
            config.portal(),
            atrium_portal::PortalCookies { secure: config.cookie_secure },
            Arc::new(ports::Crm(crm)),
            Arc::new(ports::Engagements(agreements)),
            Arc::new(ports::PortalMail(comms)),
            atrium_portal::Documents {
                invoices: Arc::new(ports::PortalInvoices(revenue)),
                agreements: portal_agreements,
                files: portal_files,
                threads: portal_threads,
                projects: portal_projects,
            },
        ));
        reg.job(idempotency::PruneJob { db: db.clone() });
        let query_cache =
            crate::cache::QueryCacheHandle::from_config(config, redis.as_ref(), std::mem::take(&mut reg.cached))?;

        let mut dispatcher = Dispatcher::new(
            db.clone(),
            clock.clone(),
            std::mem::take(&mut reg.subscribers),
            DispatcherConfig {
                idle_poll: std::time::Duration::from_millis(config.dispatch_poll_ms),
                max_attempts: config.dispatch_max_attempts,
                base_backoff: std::time::Duration::from_millis(config.dispatch_backoff_ms),
                lease: std::time::Duration::from_secs(config.dispatch_lease_secs.max(1)),
                ..DispatcherConfig::default()
            },
        );
        if let Some(qc) = &query_cache {
            // Writes outside requests (subscribers, jobs) invalidate as their events are sequenced.
            dispatcher = dispatcher.with_changes(Arc::new(qc.clone()));
        }
        let jobs = std::mem::take(&mut reg.jobs);
        let scheduler = Scheduler::new(
            db.clone(),
            clock.clone(),
            jobs,
            std::time::Duration::from_secs(config.job_lease_secs.max(1)),
        )
        .with_poll(std::time::Duration::from_millis(config.scheduler_poll_ms.max(10)));
        let (api, tags) = reg.into_api();
        let (api, mut docs) = api.into_parts();
        docs.extend(crate::health::routes().into_parts().1);
        let openapi = openapi::Document::new(docs, tags, query_cache.as_ref().map(|qc| qc.routes.clone()));
        let metrics = Metrics::new()?.with_access(metrics::MetricsAccess::from_config(config));
        if let Some(r) = &redis {
            metrics.register(Box::new(r.failures().clone()))?;
        }
        for c in comms_metrics.collectors() {
            metrics.register(c)?;
        }
        if let Some(lookups) = session_lookups {
            metrics.register(Box::new(lookups))?;
        }
        if let Some(qc) = &query_cache {
            metrics.register(Box::new(qc.lookups().clone()))?;
        }
        let state = Self {
            identity,
            dispatcher,
            scheduler,
            db,
            metrics,
            outages: Default::default(),
            clock,
            redis,
            platform,
            idempotency_vault,
            rate,
            trusted_proxies,
            files,
            query_cache,
            api,
            openapi: Arc::new(openapi),
        };
        Ok(state)
    }
}

fn identity_config(config: &Config) -> Result<IdentityConfig, BoxError> {
    let oidc =
        atrium_identity::OidcSettings::parse(config.oidc_providers.as_deref(), config.oidc_redirect_base.as_deref())?;
    Ok(IdentityConfig {
        session_ttl: chrono::Duration::hours(config.session_ttl_hours),
        session_cache_ttl: std::time::Duration::from_secs(config.session_cache_ttl_secs.max(1)),
        login_limits: LoginLimits {
            failures_per_email: config.login_failures_per_email,
            attempts_per_ip: config.login_attempts_per_ip,
            window: std::time::Duration::from_secs(config.login_window_secs),
        },
        oidc,
        ..IdentityConfig::default()
    })
}

fn cookies(config: &Config) -> CookiePolicy {
    CookiePolicy { secure: config.cookie_secure }
}

fn webhook_guard(config: &Config) -> UrlGuard {
    UrlGuard { allow_private: config.webhook_allow_private }
}

fn webhook_timeout(config: &Config) -> std::time::Duration {
    std::time::Duration::from_secs(config.webhook_timeout_secs)
}

/// The OpenAPI document, built without serving (for `atrium openapi` and the drift check).
pub async fn openapi_document() -> Result<OpenApi, BoxError> {
    let config = Config { database_url: "sqlite::memory:".into(), ..Config::default() };
    let db = db::connect(&config).await?;
    Ok(AppState::assemble(&config, db, Arc::new(SystemClock))?.openapi.build())
}

pub fn router(state: AppState, config: &Config) -> Router {
    let api = state.api.clone().merge(crate::health::routes().into_parts().0.with_state(state.clone()));
    let document = state.openapi.clone();
    let cursor_key = CursorKey::derive(&config.secret_bytes());
    let idempotency = idempotency::Idempotency {
        db: state.db.clone(),
        clock: state.clock.clone(),
        body_limit: config.body_limit_bytes,
        lease: chrono::Duration::from_std(config.idempotency_lease()).unwrap_or(chrono::Duration::MAX),
        vault: state.idempotency_vault.clone(),
        api: api.clone(),
        stall: idempotency::Stall::from_env(),
    };

    let app = Router::new()
        .merge(api)
        .route(
            "/openapi.json",
            get(move || {
                let document = document.clone();
                async move { document.json().await.map(|json| ([(header::CONTENT_TYPE, "application/json")], json)) }
            }),
        )
        .merge(SwaggerUi::new("/docs").config(utoipa_swagger_ui::Config::new(["/openapi.json"])))
        .fallback(|| async { AppError::NotFound("route") });
    // One `layer` call with the whole stack, not one per middleware: axum wraps every
    // route's endpoint in a boxed service per `layer` call and clones a route's boxes on
    // each request (and `from_fn` clones its inner service on each call), so a dozen
    // separate layers cost a few dozen box allocations per request (15 % of an uncached
    // list request under callgrind, bench/RESULTS.md). Inside one box the stack clones
    // as plain structs of `Arc`s.
    // Outermost first. The stack still runs after routing (`MatchedPath` is known), and
    // the cache sits next to the handlers, so an entry is exactly their answer.
    let stack = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(server::settle_request_body))
        .layer(axum::middleware::from_fn_with_state(state.trusted_proxies.clone(), crate::rate::client_ip::layer))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            let id = req.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("http", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(axum::middleware::from_fn_with_state(config.timeouts(), crate::timeouts::layer))
        .layer(cors(config))
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(not_ranged)))
        .layer(axum::middleware::from_fn_with_state(state.metrics.clone(), metrics::track))
        // Sees every handler's and middleware's answer (a lost database in auth too).
        .layer(axum::middleware::from_fn_with_state(state.outages.clone(), crate::health::track))
        .layer(axum::middleware::from_fn(problems::normalize))
        .layer(DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(axum::Extension(cursor_key))
        .layer(axum::middleware::from_fn_with_state(state.identity.clone(), atrium_identity::authenticate))
        // After authentication: the principal's budget is known.
        .layer(axum::middleware::from_fn_with_state(state.rate.clone(), crate::rate::layer))
        .layer(axum::middleware::from_fn_with_state(idempotency, idempotency::layer))
        .option_layer(
            state.query_cache.clone().map(|qc| axum::middleware::from_fn_with_state(qc, crate::cache::layer::layer)),
        );
    app.layer(stack)
}

/// A body served with `Accept-Ranges` (a file's bytes) goes out as it is: compressing
/// it would drop its length and range support and spend a core on a 1 GiB download
/// of mostly already-compressed formats.
fn not_ranged(_: StatusCode, _: axum::http::Version, h: &axum::http::HeaderMap, _: &axum::http::Extensions) -> bool {
    !h.contains_key(axum::http::header::ACCEPT_RANGES)
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
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            REQUEST_ID,
            crate::cache::layer::X_CACHE,
            crate::rate::RATELIMIT,
            crate::rate::RATELIMIT_POLICY,
        ])
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
    let metrics_listener = match config.metrics_bind_addr {
        Some(addr) => Some(TcpListener::bind(addr).await?),
        None => None,
    };
    let (stop, stopped) = watch::channel(false);
    // Wakes the dispatchers (of every replica) after commits that wrote events.
    let notifier = tokio::spawn(atrium_outbox::notify_after_commits(state.db.clone(), stopped.clone()));
    let worker = config.embedded_worker.then(|| tokio::spawn(background(state.clone(), stopped)));
    let metrics_app = metrics::listener_router(state.metrics.clone());
    let app = router(state, config);
    let limits = config.conn_limits();
    tracing::info!(addr = %listener.local_addr()?, embedded_worker = worker.is_some(), "atrium listening");
    let (stop_http, http_stopped) = watch::channel(false);
    let signal = tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_http.send(true);
    });
    let metrics_server = metrics_listener.map(|l| {
        tracing::info!(addr = ?l.local_addr().ok(), "metrics listening");
        tokio::spawn(server::serve_router(l, metrics_app, limits, http_stopped.clone()))
    });
    let served = server::serve_router(listener, app, limits, http_stopped).await;
    signal.abort();
    if let Some(m) = metrics_server {
        let _ = m.await;
    }
    served?;
    let _ = stop.send(true);
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    let _ = notifier.await;
    tracing::info!("atrium stopped");
    Ok(())
}

/// Runs the background work (the outbox dispatcher) until SIGTERM or Ctrl-C.
pub async fn work(config: Config) -> Result<(), BoxError> {
    let db = db::connect(&config).await?;
    crate::schema::prepare(&db, config.is_sqlite()).await?;
    let state = AppState::with_db(&config, db, Arc::new(SystemClock))?;
    let (stop, stopped) = watch::channel(false);
    // Subscribers write events too (workflow actions): their commits wake the others.
    let notifier = tokio::spawn(atrium_outbox::notify_after_commits(state.db.clone(), stopped.clone()));
    let worker = tokio::spawn(background(state, stopped));
    shutdown_signal().await;
    let _ = stop.send(true);
    let _ = worker.await;
    let _ = notifier.await;
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
