//! `Idempotency-Key` on POST: the same key with the same request replays the first
//! response; the same key with a different request is a 422. Keys are scoped to the
//! caller (user or API key) within the organization and remembered for 24 hours.
//!
//! Crash safety:
//! - A key whose first request is running holds a lease (a little longer than the
//!   request timeout): a retry meanwhile gets 409 with `Retry-After`; once the
//!   lease ran out (the server died mid-request) a retry takes the key over and
//!   runs. A request that fails before committing (an error status, the timeout,
//!   a dropped connection) releases its key at once.
//! - The writer's transaction marks the key committed, with the resource the write
//!   touched (an [`atrium_outbox::WriteMark`] run by `publish`), so the mark exists
//!   if and only if the write does. A retry of a committed key never runs again: it
//!   replays the stored response, or, when the server died before storing it, is
//!   answered from the mark: the created resource as it is now (`201` + `Location`
//!   for a POST to a collection, `200` for an action on a resource), marked
//!   `Idempotent-Replay: reread`; if the resource cannot be read back, a 409 naming
//!   it (`existing_id`). The mark is a fence too: a request that lost its key to a
//!   retry cannot commit.
//! - Stored responses are encrypted (they may carry one-time secrets: an API key's
//!   secret, an invitation token, a webhook signing secret), bound to their row,
//!   by the kernel's vault ([`RESPONSE_COLUMN`]). A stored response that does not
//!   open (its key was removed from the ring) is a 500 and an operator error in
//!   the log, not a re-read that would drop the one-time secret.

// Idempotency records are keyed by a scope string that already names the organization and the caller (`<org>/<actor>`); the table has no organization column to scope by.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use async_trait::async_trait;
use atrium_kernel::vault::{ColumnVault, ProtectedColumn};
use atrium_kernel::{AppError, Clock, OrgCtx};
use atrium_outbox::{Job, MarkedEvent, WriteMark};
use axum::Router;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sea_orm::entity::prelude::*;
use sea_orm::sea_query::{Expr, Func, Query};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbBackend, QueryFilter, Statement};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

pub const HEADER: &str = "idempotency-key";
/// The vault purpose of stored responses (the label their key was derived under
/// before key ids: never change it).
pub const RESPONSE_KEY_LABEL: &str = "idempotency-responses";
/// The encrypted column of stored responses.
pub const RESPONSE_COLUMN: ProtectedColumn = ProtectedColumn::bytes("idempotency_keys", "body", RESPONSE_KEY_LABEL);
/// Larger responses are not stored; a retry is answered from the mark.
const MAX_STORED_BODY: usize = 1024 * 1024;
const TTL_HOURS: i64 = 24;
const REPLAYED: &str = "idempotent-replayed";
const REPLAY_KIND: &str = "idempotent-replay";

mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "idempotency_keys")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub scope: String,
        pub key: String,
        pub request_hash: String,
        /// `None` until the response is stored.
        pub status: Option<i32>,
        pub content_type: Option<String>,
        pub location: Option<String>,
        /// The response body, sealed by the vault with the row id as associated data.
        pub body: Option<Vec<u8>>,
        pub created_at: DateTimeUtc,
        /// Until when the running request holds the key; `None` counts as expired.
        pub lease_until: Option<DateTimeUtc>,
        /// Set by the writer's transaction: the write of this key committed.
        pub committed_at: Option<DateTimeUtc>,
        /// The aggregate of the first event the write published.
        pub resource_type: Option<String>,
        pub resource_id: Option<Uuid>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Test-only crash windows: with `ATRIUM_TEST_IDEMPOTENCY_STALL` set, a request
/// with an `Idempotency-Key` waits at that point (`<point>`: forever, so the
/// reliability suite can kill -9 the server exactly there; `<point>:<ms>`: that
/// long). Unset (always, outside that suite), it does nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stall {
    pub at: StallPoint,
    /// `None`: forever.
    pub for_ms: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StallPoint {
    /// The key is claimed, the handler has not run.
    BeforeHandler,
    /// The handler answered (its write committed), the response is not stored yet.
    AfterResponse,
}

impl Stall {
    pub const ENV: &'static str = "ATRIUM_TEST_IDEMPOTENCY_STALL";

    pub fn from_env() -> Option<Stall> {
        let value = std::env::var(Self::ENV).ok()?;
        let (point, ms) = match value.split_once(':') {
            Some((point, ms)) => (point, Some(ms.parse().ok()?)),
            None => (value.as_str(), None),
        };
        let at = match point {
            "before-handler" => StallPoint::BeforeHandler,
            "after-response" => StallPoint::AfterResponse,
            _ => return None,
        };
        let stall = Stall { at, for_ms: ms };
        tracing::warn!(?stall, "{} is set: idempotent requests stall (a test hook; never in production)", Self::ENV);
        Some(stall)
    }
}

#[derive(Clone)]
pub struct Idempotency {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub body_limit: usize,
    /// How long a running request holds its key.
    pub lease: chrono::Duration,
    /// Encrypts stored responses.
    pub vault: ColumnVault,
    /// The API routes, to read back a resource whose response was not stored.
    pub api: Router,
    pub stall: Option<Stall>,
}

pub async fn layer(State(st): State<Idempotency>, req: Request, next: Next) -> Response {
    let key = req.headers().get(HEADER).map(|v| v.to_str().map(str::to_owned));
    let ctx = req.extensions().get::<OrgCtx>().copied();
    let (Some(key), Some(ctx), true) = (key, ctx, req.method() == Method::POST) else {
        return next.run(req).await;
    };
    // A streamed upload is never buffered whole: the key applies only to one whose
    // declared length fits the buffer; a longer or unsized one runs without it.
    if atrium_files::streams_body(req.uri().path()) {
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_none_or(|n| n > st.body_limit) {
            return next.run(req).await;
        }
    }
    match handle(st, key.ok(), ctx, req, next).await {
        Ok(res) | Err(res) => res,
    }
}

async fn handle(
    st: Idempotency,
    key: Option<String>,
    ctx: OrgCtx,
    req: Request,
    next: Next,
) -> Result<Response, Response> {
    let key = key
        .filter(|k| (1..=255).contains(&k.len()))
        .ok_or_else(|| AppError::invalid("Idempotency-Key", "must be 1 to 255 visible characters").into_response())?;
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, st.body_limit).await.map_err(|_| AppError::PayloadTooLarge.into_response())?;
    let hash = request_hash(&parts, &bytes);
    let scope = format!("{}/{}", ctx.org_id, ctx.actor());

    let id = match claim(&st, &scope, &key, &hash).await.map_err(|e| AppError::from(e).into_response())? {
        Claim::Run(id) => id,
        Claim::Done(row) => return Err(st.replay(&row, &parts).await),
        Claim::Mismatch => {
            return Err(
                AppError::invalid("Idempotency-Key", "was already used with a different request").into_response()
            );
        }
        Claim::Busy { retry_after_secs } => {
            let mut res = AppError::conflict("a request with this Idempotency-Key is in progress").into_response();
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            return Err(res);
        }
    };
    // From here on the key is ours: released unless the write commits, also when
    // this future is dropped (request timeout, client gone).
    let release = Release { db: st.db.clone(), id: Some(id) };
    st.stall_at(StallPoint::BeforeHandler).await;
    let mark = Arc::new(Mark { id, clock: st.clock.clone() });
    let res = atrium_outbox::with_write_mark(mark, next.run(Request::from_parts(parts, Body::from(bytes)))).await;
    if !res.status().is_success() {
        // Nothing committed: the client may retry with the same key. (If the write
        // did commit, the mark keeps the key and a retry is answered from it.)
        release.now().await;
        return Ok(res);
    }
    let (parts, body) = res.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.map_err(|e| AppError::internal(e).into_response())?;
    st.stall_at(StallPoint::AfterResponse).await;
    st.store(id, &parts, &bytes).await;
    release.disarm();
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

fn request_hash(parts: &Parts, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update(b" ");
    hasher.update(parts.uri.to_string());
    hasher.update(b"\n");
    hasher.update(body);
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

enum Claim {
    /// The key is this request's (row id): run it.
    Run(Uuid),
    /// The key's request committed or answered: replay.
    Done(Box<entity::Model>),
    Mismatch,
    Busy {
        retry_after_secs: u64,
    },
}

/// Takes the key for this request, or says why not.
async fn claim(st: &Idempotency, scope: &str, key: &str, hash: &str) -> Result<Claim, DbErr> {
    let now = st.clock.now();
    let fresh_after = now - chrono::Duration::hours(TTL_HOURS);
    // Two rounds: a key taken over or inserted concurrently is looked at once more.
    for _ in 0..2 {
        let existing = entity::Entity::find()
            .filter(entity::Column::Scope.eq(scope))
            .filter(entity::Column::Key.eq(key))
            .one(&st.db)
            .await?;
        if let Some(row) = existing {
            if row.created_at <= fresh_after {
                entity::Entity::delete_by_id(row.id).exec(&st.db).await?;
            } else if row.request_hash != hash {
                return Ok(Claim::Mismatch);
            } else if row.status.is_some() || row.committed_at.is_some() {
                return Ok(Claim::Done(Box::new(row)));
            } else if let Some(until) = row.lease_until.filter(|until| *until > now) {
                let secs = (until - now).num_milliseconds().saturating_add(999) / 1000;
                return Ok(Claim::Busy { retry_after_secs: u64::try_from(secs).unwrap_or(1).max(1) });
            } else {
                // The lease ran out: the request died with its server. Take the key
                // over; the conditional delete lets one retry win, and fences the
                // old request off (its mark no longer finds its row).
                let gone = entity::Entity::delete_many()
                    .filter(entity::Column::Id.eq(row.id))
                    .filter(entity::Column::CommittedAt.is_null())
                    .filter(entity::Column::Status.is_null())
                    .exec(&st.db)
                    .await?;
                if gone.rows_affected == 0 {
                    continue;
                }
                tracing::info!(key, "Idempotency-Key lease expired; a retry takes it over");
            }
        }
        let placeholder = entity::ActiveModel {
            id: Set(Uuid::now_v7()),
            scope: Set(scope.to_owned()),
            key: Set(key.to_owned()),
            request_hash: Set(hash.to_owned()),
            status: Set(None),
            content_type: Set(None),
            location: Set(None),
            body: Set(None),
            created_at: Set(now),
            lease_until: Set(Some(now + st.lease)),
            committed_at: Set(None),
            resource_type: Set(None),
            resource_id: Set(None),
        };
        match entity::Entity::insert(placeholder).exec_with_returning(&st.db).await {
            Ok(row) => return Ok(Claim::Run(row.id)),
            Err(e) if atrium_kernel::error::is_unique_violation(&e) => {}
            Err(e) => return Err(e),
        }
    }
    let secs = u64::try_from(st.lease.num_seconds()).unwrap_or(1).max(1);
    Ok(Claim::Busy { retry_after_secs: secs })
}

impl Idempotency {
    async fn stall_at(&self, at: StallPoint) {
        let Some(stall) = self.stall.filter(|s| s.at == at) else { return };
        tracing::warn!(?stall, "test hook: stalling an idempotent request");
        match stall.for_ms {
            Some(ms) => tokio::time::sleep(std::time::Duration::from_millis(ms)).await,
            None => std::future::pending::<()>().await,
        }
    }

    /// Stores the response (its body sealed) for retries.
    async fn store(&self, id: Uuid, parts: &axum::http::response::Parts, body: &Bytes) {
        let text = |h: header::HeaderName| parts.headers.get(h).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let sealed = if body.len() <= MAX_STORED_BODY {
            self.vault
                .seal(id, body)
                .inspect_err(|e| tracing::warn!(error = %e, "cannot seal the idempotent response"))
                .ok()
        } else {
            None
        };
        let stored = entity::Entity::update_many()
            .col_expr(entity::Column::Status, Expr::value(i32::from(parts.status.as_u16())))
            .col_expr(entity::Column::ContentType, Expr::value(text(header::CONTENT_TYPE)))
            .col_expr(entity::Column::Location, Expr::value(text(header::LOCATION)))
            .col_expr(entity::Column::Body, Expr::value(sealed))
            .filter(entity::Column::Id.eq(id))
            .exec(&self.db)
            .await;
        if let Err(e) = stored {
            // The mark (if the write committed) still answers a retry.
            tracing::warn!(error = %e, "cannot store the idempotent response");
        }
    }

    /// The answer to a retry of a key whose request committed or answered.
    async fn replay(&self, row: &entity::Model, request: &Parts) -> Response {
        if let (Some(status), Some(sealed)) = (row.status, &row.body) {
            // Not opening is an operator error (logged with the row and key id): a
            // re-read instead would answer without the one-time secret it held.
            return match self.vault.open(row.id, sealed) {
                Ok(body) => stored_response(status, row, body),
                Err(e) => e.into_response(),
            };
        }
        self.reread(row, request).await
    }

    /// Answers from what was recorded when the response itself was not kept: the
    /// resource the write touched, read back as it is now.
    async fn reread(&self, row: &entity::Model, request: &Parts) -> Response {
        let path = request.uri.path().trim_end_matches('/');
        let candidates: Vec<(String, StatusCode, bool)> = match (&row.location, row.resource_id) {
            (Some(location), _) => {
                let status = row.status.and_then(|s| u16::try_from(s).ok()).and_then(|s| StatusCode::from_u16(s).ok());
                vec![(location.clone(), status.unwrap_or(StatusCode::CREATED), true)]
            }
            (None, Some(id)) => {
                // A POST to a collection creates `<path>/<id>`; a POST to an action
                // (`<resource>/<id>/<verb>`) changes `<resource>/<id>`.
                let mut c = vec![(format!("{path}/{id}"), StatusCode::CREATED, true)];
                if let Some((resource, _verb)) = path.rsplit_once('/')
                    && resource.ends_with(&format!("/{id}"))
                {
                    c.push((resource.to_owned(), StatusCode::OK, false));
                }
                c
            }
            (None, None) => Vec::new(),
        };
        for (location, status, with_location) in candidates {
            let Some((content_type, body)) = self.get(&location, request).await else {
                continue;
            };
            let mut res = Response::new(Body::from(body));
            *res.status_mut() = status;
            let headers = res.headers_mut();
            if let Some(ct) = content_type {
                headers.insert(header::CONTENT_TYPE, ct);
            }
            if with_location && let Ok(v) = HeaderValue::from_str(&location) {
                headers.insert(header::LOCATION, v);
            }
            headers.insert(REPLAYED, HeaderValue::from_static("true"));
            headers.insert(REPLAY_KIND, HeaderValue::from_static("reread"));
            return res;
        }
        let what = match (&row.resource_type, row.resource_id) {
            (Some(t), Some(id)) => format!(" ({t} {id})"),
            _ => String::new(),
        };
        let mut res = AppError::Conflict {
            detail: format!(
                "the request with this Idempotency-Key was applied{what}, but its response was not kept; read the resource instead"
            ),
            existing_id: row.resource_id.map(|id| id.to_string()),
        }
        .into_response();
        res.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
        res
    }

    /// `GET location` through the API routes as the same caller; the body on 200.
    async fn get(&self, location: &str, request: &Parts) -> Option<(Option<HeaderValue>, Bytes)> {
        let uri: Uri = location.parse().ok()?;
        let path = uri.path_and_query()?.as_str().parse::<Uri>().ok()?;
        let mut req = Request::new(Body::empty());
        *req.uri_mut() = path;
        // The caller only: the original request's other extensions include its
        // own route's path parameters.
        if let Some(ctx) = request.extensions.get::<OrgCtx>() {
            req.extensions_mut().insert(*ctx);
        }
        for (name, value) in &request.headers {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH && name != HEADER {
                req.headers_mut().append(name, value.clone());
            }
        }
        let res = self.api.clone().oneshot(req).await.ok()?;
        if res.status() != StatusCode::OK {
            return None;
        }
        let content_type = res.headers().get(header::CONTENT_TYPE).cloned();
        let body = to_bytes(res.into_body(), MAX_STORED_BODY).await.ok()?;
        Some((content_type, body))
    }
}

fn stored_response(status: i32, row: &entity::Model, body: Vec<u8>) -> Response {
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = u16::try_from(status).ok().and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(StatusCode::OK);
    let headers = res.headers_mut();
    for (name, value) in [(header::CONTENT_TYPE, &row.content_type), (header::LOCATION, &row.location)] {
        if let Some(v) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(name, v);
        }
    }
    headers.insert(REPLAYED, HeaderValue::from_static("true"));
    headers.insert(REPLAY_KIND, HeaderValue::from_static("stored"));
    res
}

/// The mark every write transaction of the key's request runs: `committed_at` and
/// the first resource touched, on the key's row — which must still be there.
struct Mark {
    id: Uuid,
    clock: Arc<dyn Clock>,
}

impl WriteMark for Mark {
    fn statement(&self, backend: DbBackend, event: MarkedEvent<'_>) -> Statement {
        use sea_orm::sea_query::ExprTrait as _;
        let keep = |col: entity::Column, value: sea_orm::Value| -> Expr {
            Func::coalesce([Expr::col(col), Expr::value(value)]).into()
        };
        let update = Query::update()
            .table(entity::Entity)
            .value(entity::Column::CommittedAt, keep(entity::Column::CommittedAt, self.clock.now().into()))
            .value(entity::Column::ResourceType, keep(entity::Column::ResourceType, event.aggregate_type.into()))
            .value(entity::Column::ResourceId, keep(entity::Column::ResourceId, event.aggregate_id.into()))
            .and_where(Expr::col(entity::Column::Id).eq(self.id))
            .to_owned();
        backend.build(&update)
    }
}

/// Releases a key whose request did not commit; disarmed once the response is stored.
struct Release {
    db: DatabaseConnection,
    id: Option<Uuid>,
}

impl Release {
    async fn now(mut self) {
        if let Some(id) = self.id.take() {
            release(&self.db, id).await;
        }
    }

    fn disarm(mut self) {
        self.id = None;
    }
}

impl Drop for Release {
    fn drop(&mut self) {
        let Some(id) = self.id.take() else { return };
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let db = self.db.clone();
            rt.spawn(async move { release(&db, id).await });
        }
    }
}

/// Forgets the key unless its write committed (the condition makes this safe to
/// race with a commit in flight: the mark's row lock or SQLite's write lock
/// orders them).
async fn release(db: &DatabaseConnection, id: Uuid) {
    let gone = entity::Entity::delete_many()
        .filter(entity::Column::Id.eq(id))
        .filter(entity::Column::CommittedAt.is_null())
        .exec(db)
        .await;
    if let Err(e) = gone {
        tracing::warn!(error = %e, "cannot release the Idempotency-Key; it is free again when its lease runs out");
    }
}

/// Forgets keys older than 24 hours.
pub struct PruneJob {
    pub db: DatabaseConnection,
}

#[async_trait]
impl Job for PruneJob {
    fn name(&self) -> &'static str {
        "idempotency.prune"
    }

    fn schedule(&self) -> &'static str {
        "41 * * * *"
    }

    async fn run(&self, now: DateTime<Utc>) -> Result<String, String> {
        let cutoff = now - chrono::Duration::hours(TTL_HOURS);
        let gone = entity::Entity::delete_many()
            .filter(entity::Column::CreatedAt.lt(cutoff))
            .exec(&self.db)
            .await
            .map_err(|e| e.to_string())?;
        Ok(format!("forgot {} idempotency keys", gone.rows_affected))
    }
}
