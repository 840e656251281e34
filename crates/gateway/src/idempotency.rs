//! `Idempotency-Key` on POST: the same key with the same request replays the first
//! response; the same key with a different request is a 422; a key whose first
//! request is still running is a 409. Keys are scoped to the caller (user or API
//! key) within the organization and remembered for 24 hours.

// Idempotency records are keyed by a scope string that already names the organization and the caller (`<org>/<actor>`); the table has no organization column to scope by.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use async_trait::async_trait;
use atrium_kernel::{AppError, Clock, OrgCtx};
use atrium_outbox::Job;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue::Set, DatabaseConnection, QueryFilter};
use sha2::{Digest, Sha256};

pub const HEADER: &str = "idempotency-key";
const MAX_STORED_BODY: usize = 1024 * 1024;
const TTL_HOURS: i64 = 24;

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
        /// `None` while the first request is running.
        pub status: Option<i32>,
        pub content_type: Option<String>,
        pub location: Option<String>,
        pub body: Option<Vec<u8>>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

#[derive(Clone)]
pub struct Idempotency {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub body_limit: usize,
}

pub async fn layer(State(st): State<Idempotency>, req: Request, next: Next) -> Response {
    let key = req.headers().get(HEADER).map(|v| v.to_str().map(str::to_owned));
    let ctx = req.extensions().get::<OrgCtx>().copied();
    let (Some(key), Some(ctx), true) = (key, ctx, req.method() == Method::POST) else {
        return next.run(req).await;
    };
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
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str());
    hasher.update(b" ");
    hasher.update(parts.uri.to_string());
    hasher.update(b"\n");
    hasher.update(&bytes);
    let hash: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let scope = format!("{}/{}", ctx.org_id, ctx.actor());
    let now = st.clock.now();
    let db_err = |e: DbErr| AppError::from(e).into_response();

    let fresh_after = now - chrono::Duration::hours(TTL_HOURS);
    let existing = entity::Entity::find()
        .filter(entity::Column::Scope.eq(&scope))
        .filter(entity::Column::Key.eq(&key))
        .one(&st.db)
        .await
        .map_err(db_err)?;
    if let Some(row) = existing {
        if row.created_at > fresh_after {
            return Err(replay(&row, &hash));
        }
        entity::Entity::delete_by_id(row.id).exec(&st.db).await.map_err(db_err)?;
    }
    let placeholder = entity::ActiveModel {
        id: Set(Uuid::now_v7()),
        scope: Set(scope.clone()),
        key: Set(key.clone()),
        request_hash: Set(hash.clone()),
        status: Set(None),
        content_type: Set(None),
        location: Set(None),
        body: Set(None),
        created_at: Set(now),
    };
    let placeholder = match entity::Entity::insert(placeholder).exec_with_returning(&st.db).await {
        Ok(row) => row,
        Err(e) if atrium_kernel::error::is_unique_violation(&e) => {
            return Err(AppError::conflict("a request with this Idempotency-Key is in progress").into_response());
        }
        Err(e) => return Err(db_err(e)),
    };

    let res = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let status = res.status();
    if status.is_server_error() {
        // Let the client retry with the same key.
        let _ = entity::Entity::delete_by_id(placeholder.id).exec(&st.db).await;
        return Ok(res);
    }
    let (parts, body) = res.into_parts();
    let bytes =
        to_bytes(body, MAX_STORED_BODY).await.map_err(|_| AppError::internal("response too large").into_response())?;
    let text = |h: header::HeaderName| parts.headers.get(h).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let mut done: entity::ActiveModel = placeholder.into();
    done.status = Set(Some(i32::from(status.as_u16())));
    done.content_type = Set(text(header::CONTENT_TYPE));
    done.location = Set(text(header::LOCATION));
    done.body = Set(Some(bytes.to_vec()));
    if let Err(e) = done.update(&st.db).await {
        tracing::warn!(error = %e, "cannot store the idempotent response");
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

fn replay(row: &entity::Model, hash: &str) -> Response {
    if row.request_hash != hash {
        return AppError::invalid("Idempotency-Key", "was already used with a different request").into_response();
    }
    let Some(status) = row.status.and_then(|s| u16::try_from(s).ok()) else {
        return AppError::conflict("a request with this Idempotency-Key is in progress").into_response();
    };
    let mut res = Response::new(Body::from(row.body.clone().unwrap_or_default()));
    *res.status_mut() = axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::OK);
    let headers = res.headers_mut();
    for (name, value) in [(header::CONTENT_TYPE, &row.content_type), (header::LOCATION, &row.location)] {
        if let Some(v) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(name, v);
        }
    }
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    res
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
