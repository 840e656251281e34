//! An authorized session with a provider's API for one connection: the access
//! token is refreshed a minute before it expires, and once more when the API
//! answers 401 anyway; the new tokens are sealed and stored at once, so the
//! sender and the sync share them.

use atrium_kernel::db::begin_write;
use atrium_kernel::{OrganizationId, Scoped};
use reqwest::{RequestBuilder, StatusCode};
use sea_orm::ColumnTrait;
use sea_orm::QueryFilter;
use sea_orm::sea_query::Expr;
use serde_json::Value;

use super::{ProviderError, oauth, retry_after};
use crate::entity::connection;
use crate::service::{CommsService, OAuthProvider};

/// Refreshed this long before the access token expires.
const EARLY: chrono::Duration = chrono::Duration::seconds(60);

pub(crate) struct Session<'a> {
    svc: &'a CommsService,
    org: OrganizationId,
    conn: &'a connection::Model,
    provider: &'a OAuthProvider,
    token: String,
    /// Refreshed during this session: a 401 now means the grant is gone.
    refreshed: bool,
}

impl<'a> Session<'a> {
    pub async fn open(
        svc: &'a CommsService,
        org: OrganizationId,
        conn: &'a connection::Model,
        provider: &'a OAuthProvider,
    ) -> Result<Session<'a>, ProviderError> {
        let sealed = conn
            .access_token_ciphertext
            .as_deref()
            .ok_or_else(|| ProviderError::Auth("the connection has no access token; connect it again".into()))?;
        let token = svc.tokens.access.open_str(conn.id, sealed)?;
        let mut s = Session { svc, org, conn, provider, token, refreshed: false };
        let now = svc.clock.now();
        if conn.token_expires_at.is_none_or(|t| t - EARLY <= now) {
            s.refresh().await?;
        }
        Ok(s)
    }

    /// A session with a token just granted (nothing stored yet, nothing to refresh).
    pub fn with_token(
        svc: &'a CommsService,
        org: OrganizationId,
        conn: &'a connection::Model,
        provider: &'a OAuthProvider,
        token: String,
    ) -> Session<'a> {
        Session { svc, org, conn, provider, token, refreshed: true }
    }

    /// Exchanges the refresh token and stores what comes back.
    async fn refresh(&mut self) -> Result<(), ProviderError> {
        let sealed = self
            .conn
            .refresh_token_ciphertext
            .as_deref()
            .ok_or_else(|| ProviderError::Auth("the connection has no refresh token; connect it again".into()))?;
        // The latest refresh token: another worker may have stored a rotated one.
        let current = connection::Entity::find_in(&self.svc.db, self.org, self.conn.id).await?;
        let sealed = current.refresh_token_ciphertext.as_deref().unwrap_or(sealed);
        let refresh_token = self.svc.tokens.refresh.open_str(self.conn.id, sealed)?;
        let redirect = self.svc.redirect_uri();
        let t = oauth::refresh(&self.svc.http, self.provider, &redirect, &refresh_token).await?;
        let now = self.svc.clock.now();
        let expires = now
            + chrono::Duration::from_std(t.expires_in.unwrap_or(std::time::Duration::from_secs(3600)))
                .unwrap_or(chrono::Duration::hours(1));
        let access = self.svc.tokens.access.seal_str(self.conn.id, &t.access_token)?;
        let txn = begin_write(&self.svc.db).await.map_err(atrium_kernel::AppError::from)?;
        let mut q = connection::Entity::update_scoped(self.org)
            .col_expr(connection::Column::AccessTokenCiphertext, Expr::value(access))
            .col_expr(connection::Column::TokenExpiresAt, Expr::value(expires));
        if let Some(r) = t.refresh_token.as_deref().filter(|r| *r != refresh_token) {
            q = q.col_expr(
                connection::Column::RefreshTokenCiphertext,
                Expr::value(self.svc.tokens.refresh.seal_str(self.conn.id, r)?),
            );
        }
        q.filter(connection::Column::Id.eq(self.conn.id)).exec(&txn).await.map_err(atrium_kernel::AppError::from)?;
        txn.commit().await.map_err(atrium_kernel::AppError::from)?;
        self.token = t.access_token;
        self.refreshed = true;
        Ok(())
    }

    /// Sends the request `build` makes with the access token and answers its JSON
    /// body (`null` when empty). `api` names the call in errors.
    pub async fn call(
        &mut self,
        api: &str,
        build: impl Fn(&reqwest::Client, &str) -> RequestBuilder,
    ) -> Result<Value, ProviderError> {
        let bytes = self.call_raw(api, build).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&bytes).map_err(|e| ProviderError::Refused(format!("{api} answered no JSON: {e}")))
    }

    /// As [`Session::call`], answering the body's bytes (Graph's `$value` is MIME).
    pub async fn call_raw(
        &mut self,
        api: &str,
        build: impl Fn(&reqwest::Client, &str) -> RequestBuilder,
    ) -> Result<Vec<u8>, ProviderError> {
        loop {
            let res = build(&self.svc.http, &self.token)
                .send()
                .await
                .map_err(|e| ProviderError::RetryLater { reason: format!("{api}: {e}"), retry_after: None })?;
            let status = res.status();
            let wait = retry_after(res.headers(), self.svc.clock.now());
            let bytes = res
                .bytes()
                .await
                .map_err(|e| ProviderError::RetryLater { reason: format!("{api}: {e}"), retry_after: None })?;
            if status.is_success() {
                return Ok(bytes.to_vec());
            }
            let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let message = body
                .pointer("/error/message")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{api} answered {status}"), |m| format!("{api} answered {status}: {m}"));
            let code = body.pointer("/error/code").and_then(Value::as_str).unwrap_or_default();
            return Err(match status {
                StatusCode::UNAUTHORIZED if !self.refreshed => {
                    self.refresh().await?;
                    continue;
                }
                StatusCode::UNAUTHORIZED => ProviderError::Auth(format!("{message} with a freshly refreshed token")),
                StatusCode::TOO_MANY_REQUESTS => ProviderError::RetryLater { reason: message, retry_after: wait },
                // Gmail reports per-user rate limits as 403 with these reasons.
                StatusCode::FORBIDDEN if rate_limited(&body) => {
                    ProviderError::RetryLater { reason: message, retry_after: wait }
                }
                s if s.is_server_error() => ProviderError::RetryLater { reason: message, retry_after: wait },
                // Graph: a delta state it no longer keeps.
                StatusCode::NOT_FOUND | StatusCode::GONE => ProviderError::NotFound,
                _ if code == "syncStateNotFound" || code == "resyncRequired" => ProviderError::NotFound,
                _ => ProviderError::Refused(message),
            });
        }
    }
}

fn rate_limited(body: &Value) -> bool {
    body.pointer("/error/errors").and_then(Value::as_array).is_some_and(|errors| {
        errors.iter().any(|e| {
            matches!(e.get("reason").and_then(Value::as_str), Some("rateLimitExceeded" | "userRateLimitExceeded"))
        })
    })
}
