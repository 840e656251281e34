//! Connecting a mailbox (Gmail, Microsoft) over OAuth 2.0 (authorization code with PKCE S256):
//! `start` stores the `state` (hashed) and the verifier (sealed) for ten
//! minutes, bound to the organization and the user; the callback of that same
//! user consumes them once, exchanges the code, reads the mailbox's address and
//! creates the connection with its tokens sealed — or, for a mailbox already
//! connected, replaces its tokens (which ends an `auth_failed` state).

use atrium_events::comms::{ConnectionCreated, ConnectionUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use sha2::{Digest, Sha256};

use super::connections::{connection_out, event_state, new_sync_state};
use super::{CommsService, OAuthProvider};
use crate::dto::{
    ConnectionOut, OAuthCallbackQuery, OAuthProviderName, OAuthStartIn, OAuthStartOut, Provider, SyncState,
};
use crate::entity::{connection, oauth_login, sync_state};
use crate::error::CommsError;
use crate::provider::{ProviderError, Session, gmail, graph, oauth};

/// The path providers send the browser back to.
pub const CALLBACK_PATH: &str = "/api/v1/mailbox-connections/oauth/callback";

fn hash_state(state: &str) -> String {
    hex::encode(Sha256::digest(state.as_bytes()))
}

fn state_refused() -> CommsError {
    CommsError::Invalid {
        field: "state",
        message: "is unknown, expired, already used, or was started by another user".into(),
    }
}

/// A provider that did not let the code through, as the callback's answer.
fn exchange_refused(e: ProviderError) -> AppError {
    match e {
        ProviderError::Auth(m) | ProviderError::Refused(m) => {
            AppError::invalid("code", format!("the provider refused the authorization code: {m}"))
        }
        ProviderError::NotFound => AppError::invalid("code", "the provider refused the authorization code"),
        ProviderError::RetryLater { reason, .. } => AppError::UpstreamUnavailable(reason),
        ProviderError::Internal(m) => AppError::internal(m),
    }
}

impl CommsService {
    pub(crate) fn redirect_uri(&self) -> String {
        format!("{}{CALLBACK_PATH}", self.cfg.oauth_redirect_base.trim_end_matches('/'))
    }

    fn oauth_provider(&self, p: OAuthProviderName) -> Result<&OAuthProvider, CommsError> {
        match p {
            OAuthProviderName::Gmail => self.cfg.gmail.as_ref().ok_or(CommsError::Invalid {
                field: "provider",
                message: "gmail is not configured on this server (COMMS_GMAIL_CLIENT_ID, COMMS_GMAIL_CLIENT_SECRET)"
                    .into(),
            }),
            OAuthProviderName::Microsoft => self.cfg.microsoft.as_ref().ok_or(CommsError::Invalid {
                field: "provider",
                message: "microsoft is not configured on this server (COMMS_MICROSOFT_CLIENT_ID, \
                    COMMS_MICROSOFT_CLIENT_SECRET)"
                    .into(),
            }),
        }
    }

    /// The URL to send the browser to, with a fresh `state` and PKCE challenge.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn start_oauth(&self, ctx: &OrgCtx, input: OAuthStartIn) -> Result<OAuthStartOut, AppError> {
        let user = ctx
            .user_id()
            .ok_or_else(|| AppError::Forbidden("a mailbox is authorized by a signed-in user, not an API key".into()))?;
        let provider = self.oauth_provider(input.provider)?;
        let (scopes, extra): (&[&str], &[(&str, &str)]) = match input.provider {
            // Offline access and the consent screen: Google grants a refresh token only then.
            OAuthProviderName::Gmail => (gmail::SCOPES, &[("access_type", "offline"), ("prompt", "consent")]),
            OAuthProviderName::Microsoft => (graph::SCOPES, &[]),
        };
        let auth = oauth::authorize(provider, &self.redirect_uri(), scopes, extra).map_err(|e| {
            AppError::internal(format!("{} OAuth configuration: {e}", Provider::from(input.provider).as_str()))
        })?;
        let now = self.clock.now();
        let expires_at = now + self.cfg.oauth_login_ttl;
        let id = uuid::Uuid::now_v7();
        let row = oauth_login::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            user_id: Set(user.into_uuid()),
            provider: Set(Provider::from(input.provider).as_str().to_owned()),
            state_hash: Set(hash_state(&auth.state)),
            pkce_verifier: Set(self.tokens.pkce.seal_str(id, &auth.verifier)?),
            sync_window_days: Set(input.sync_window_days.unwrap_or(self.cfg.default_window_days)),
            expires_at: Set(expires_at),
            created_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        // Abandoned authorizations of the organization go when a new one starts.
        oauth_login::Entity::delete_scoped(ctx.org_id)
            .filter(oauth_login::Column::ExpiresAt.lte(now))
            .exec(&txn)
            .await?;
        oauth_login::Entity::insert(row).exec_without_returning(&txn).await?;
        txn.commit().await?;
        Ok(OAuthStartOut { authorization_url: auth.url, state: auth.state, expires_at })
    }

    /// The provider's redirect back: consumes the `state` (once), exchanges the
    /// code and connects the mailbox. Answers the connection and whether it is new.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn finish_oauth(
        &self,
        ctx: &OrgCtx,
        input: OAuthCallbackQuery,
    ) -> Result<(ConnectionOut, bool), AppError> {
        let user = ctx.user_id().ok_or_else(state_refused)?;
        let now = self.clock.now();
        let login = oauth_login::Entity::scoped(ctx.org_id)
            .filter(oauth_login::Column::StateHash.eq(hash_state(&input.state)))
            .one(&self.db)
            .await?
            .ok_or_else(state_refused)?;
        // Single use: whoever deletes the row goes on; a replay finds nothing.
        let txn = begin_write(&self.db).await?;
        let gone = oauth_login::Entity::delete_scoped(ctx.org_id)
            .filter(oauth_login::Column::Id.eq(login.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        if gone.rows_affected != 1 || login.user_id != user.into_uuid() || login.expires_at <= now {
            return Err(state_refused().into());
        }
        if let Some(error) = input.error {
            return Err(AppError::invalid("error", format!("the provider did not authorize the mailbox: {error}")));
        }
        let code = input.code.ok_or(CommsError::Invalid { field: "code", message: "is required".into() })?;
        let name = match login.provider.as_str() {
            "gmail" => OAuthProviderName::Gmail,
            "microsoft" => OAuthProviderName::Microsoft,
            other => return Err(AppError::internal(format!("stored oauth provider `{other}`"))),
        };
        let provider = self.oauth_provider(name)?;
        let verifier = self.tokens.pkce.open_str(login.id, &login.pkce_verifier)?;
        let tokens = oauth::exchange(&self.http, provider, &self.redirect_uri(), &code, &verifier)
            .await
            .map_err(exchange_refused)?;
        let refresh = tokens.refresh_token.clone().ok_or_else(|| {
            AppError::invalid("code", "the provider granted no refresh token (offline access was not granted)")
        })?;
        let expires = now
            + chrono::Duration::from_std(tokens.expires_in.unwrap_or(std::time::Duration::from_secs(3600)))
                .unwrap_or(chrono::Duration::hours(1));
        // The mailbox's own address, asked with the new token.
        let probe = connection::Model {
            id: uuid::Uuid::now_v7(),
            organization_id: ctx.org_id.into_uuid(),
            provider: login.provider.clone(),
            email_address: String::new(),
            settings: serde_json::json!({}),
            credentials_ciphertext: String::new(),
            access_token_ciphertext: None,
            refresh_token_ciphertext: None,
            token_expires_at: None,
            sync_window_days: login.sync_window_days,
            paused: false,
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let address = {
            let mut s = Session::with_token(self, ctx.org_id, &probe, provider, tokens.access_token.clone());
            match name {
                OAuthProviderName::Gmail => {
                    gmail::profile(&mut s, &provider.api_base).await.map_err(exchange_refused)?.email_address
                }
                OAuthProviderName::Microsoft => {
                    graph::me(&mut s, &provider.api_base).await.map_err(exchange_refused)?
                }
            }
        };
        if address.is_empty() {
            return Err(AppError::UpstreamUnavailable("the provider's profile has no email address".into()));
        }
        let existing = connection::Entity::scoped(ctx.org_id)
            .filter(connection::Column::Provider.eq(login.provider.as_str()))
            .filter(connection::Column::EmailAddress.eq(address.as_str()))
            .one(&self.db)
            .await?;
        match existing {
            Some(row) => {
                let out = self.replace_tokens(ctx, row, &tokens.access_token, &refresh, expires).await?;
                Ok((out, false))
            }
            None => {
                let id = probe.id;
                let row = connection::ActiveModel {
                    id: Set(id),
                    organization_id: Set(ctx.org_id.into_uuid()),
                    provider: Set(login.provider.clone()),
                    email_address: Set(address),
                    settings: Set(serde_json::json!({})),
                    credentials_ciphertext: Set(self.credentials.seal_str(id, "{}")?),
                    access_token_ciphertext: Set(Some(self.tokens.access.seal_str(id, &tokens.access_token)?)),
                    refresh_token_ciphertext: Set(Some(self.tokens.refresh.seal_str(id, &refresh)?)),
                    token_expires_at: Set(Some(expires)),
                    sync_window_days: Set(login.sync_window_days),
                    paused: Set(false),
                    version: Set(1),
                    created_at: Set(now),
                    updated_at: Set(now),
                };
                let txn = begin_write(&self.db).await?;
                let row = connection::Entity::insert(row).exec_with_returning(&txn).await?;
                let state = sync_state::Entity::insert(new_sync_state(&row, now)).exec_with_returning(&txn).await?;
                publish(&txn, ctx, now, &ConnectionCreated { connection: event_state(&row, &state) }).await?;
                txn.commit().await?;
                Ok((connection_out(row, state, now)?, true))
            }
        }
    }

    /// New tokens for a connected mailbox: it syncs again right away.
    async fn replace_tokens(
        &self,
        ctx: &OrgCtx,
        row: connection::Model,
        access: &str,
        refresh: &str,
        expires: DateTime<Utc>,
    ) -> Result<ConnectionOut, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let state = sync_state::Entity::find_in(&txn, ctx.org_id, row.id).await?;
        let mut c = row.clone().into_active_model();
        c.access_token_ciphertext = Set(Some(self.tokens.access.seal_str(row.id, access)?));
        c.refresh_token_ciphertext = Set(Some(self.tokens.refresh.seal_str(row.id, refresh)?));
        c.token_expires_at = Set(Some(expires));
        c.updated_at = Set(now);
        let row = connection::Entity::update_in(&txn, ctx.org_id, row.id, c, atrium_kernel::IfMatch(None)).await?;
        let mut q = sync_state::Entity::update_scoped(ctx.org_id)
            .col_expr(sync_state::Column::ConsecutiveFailures, Expr::value(0))
            .col_expr(sync_state::Column::NextRunAt, Expr::value(now));
        if state.state != SyncState::Paused.as_str() {
            q = q.col_expr(sync_state::Column::State, Expr::value(SyncState::Active.as_str()));
        }
        q.filter(sync_state::Column::Id.eq(row.id)).exec(&txn).await?;
        let state = sync_state::Entity::find_in(&txn, ctx.org_id, row.id).await?;
        let event = ConnectionUpdated { connection: event_state(&row, &state), changed: vec!["tokens".into()] };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        connection_out(row, state, now)
    }
}

impl From<OAuthProviderName> for Provider {
    fn from(p: OAuthProviderName) -> Self {
        match p {
            OAuthProviderName::Gmail => Provider::Gmail,
            OAuthProviderName::Microsoft => Provider::Microsoft,
        }
    }
}
