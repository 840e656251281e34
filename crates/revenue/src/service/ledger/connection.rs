//! Connecting: the OAuth authorization code grant (state bound to the
//! organization, stored hashed), tokens sealed by the vault, refreshed before
//! they expire; a refused grant marks the connection `auth_failed` with an event.

use std::sync::Arc;

use atrium_events::revenue::ledger::{LedgerAuthFailed, LedgerConnected, LedgerConnectionId};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Scoped};
use chrono::Duration;
use rand::RngCore;
use sea_orm::{ActiveValue::Set, EntityTrait, IntoActiveModel};
use sha2::Digest;

use super::LedgerService;
use crate::dto::{AuthorizeOut, CallbackQuery, ConnectionOut, ConnectionStatus};
use crate::entity::ledger_connection as conn;
use crate::ledger::{Ledger, LedgerError, Provider, Session, Tokens};

/// Tokens are refreshed when they expire within this margin.
const REFRESH_MARGIN_SECS: i64 = 300;

fn hash_state(state: &str) -> String {
    hex::encode(sha2::Sha256::digest(state.as_bytes()))
}

pub(super) fn connection_out(row: &conn::Model) -> Result<ConnectionOut, AppError> {
    Ok(ConnectionOut {
        id: row.id.into(),
        provider: Provider::parse(&row.provider).ok_or_else(|| AppError::internal("stored provider"))?,
        status: ConnectionStatus::parse(&row.status).ok_or_else(|| AppError::internal("stored status"))?,
        tenant: row.tenant_ref.clone(),
        access_expires_at: row.access_expires_at,
        pull_watermark: row.pull_watermark,
        last_error: row.last_error.clone(),
        version: row.version,
        updated_at: row.updated_at,
    })
}

impl LedgerService {
    pub(super) fn connector(&self, provider: Provider) -> Result<Arc<dyn Ledger>, AppError> {
        self.config.connector(provider).ok_or_else(|| {
            AppError::invalid("provider", format!("{} is not configured on this server", provider.as_str()))
        })
    }

    pub(super) async fn connection_row(&self, org: OrganizationId) -> Result<Option<conn::Model>, AppError> {
        Ok(conn::Entity::scoped(org).one(&self.db).await?)
    }

    /// Starts connecting: a fresh `state`, stored hashed on the organization's
    /// (pending) connection, and the provider's authorize URL carrying it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn start_connect(&self, ctx: &OrgCtx, provider: Provider) -> Result<AuthorizeOut, AppError> {
        let ledger = self.connector(provider)?;
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        let state = hex::encode(bytes);
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        match conn::Entity::scoped(ctx.org_id).one(&txn).await? {
            Some(row) => {
                let id = row.id;
                let mut am = row.into_active_model();
                am.oauth_state_hash = Set(Some(hash_state(&state)));
                // A different provider replaces the connection: the old tokens go.
                if am.provider.as_ref() != provider.as_str() {
                    am.provider = Set(provider.as_str().to_owned());
                    am.status = Set(ConnectionStatus::Pending.as_str().to_owned());
                    am.tenant_ref = Set(None);
                    am.access_token_ciphertext = Set(None);
                    am.refresh_token_ciphertext = Set(None);
                    am.access_expires_at = Set(None);
                    am.pull_watermark = Set(None);
                }
                am.updated_at = Set(now);
                conn::Entity::update_in(&txn, ctx.org_id, id, am, IfMatch(None)).await?;
            }
            None => {
                let row = conn::ActiveModel {
                    id: Set(LedgerConnectionId::new().into_uuid()),
                    organization_id: Set(ctx.org_id.into_uuid()),
                    provider: Set(provider.as_str().to_owned()),
                    status: Set(ConnectionStatus::Pending.as_str().to_owned()),
                    tenant_ref: Set(None),
                    access_token_ciphertext: Set(None),
                    refresh_token_ciphertext: Set(None),
                    access_expires_at: Set(None),
                    oauth_state_hash: Set(Some(hash_state(&state))),
                    pull_watermark: Set(None),
                    last_error: Set(None),
                    version: Set(1),
                    created_by: Set(ctx.actor()),
                    created_at: Set(now),
                    updated_at: Set(now),
                };
                conn::Entity::insert(row).exec_without_returning(&txn).await?;
            }
        }
        txn.commit().await?;
        Ok(AuthorizeOut { authorize_url: ledger.authorize_url(&state), state })
    }

    /// The OAuth callback: the state must be the one issued to this organization;
    /// the code is exchanged and the tokens sealed.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn finish_connect(
        &self,
        ctx: &OrgCtx,
        provider: Provider,
        q: CallbackQuery,
    ) -> Result<ConnectionOut, AppError> {
        if let Some(e) = q.error {
            return Err(AppError::invalid("error", format!("the ledger refused the authorization: {e}")));
        }
        let code = q.code.filter(|c| !c.is_empty()).ok_or_else(|| AppError::invalid("code", "is required"))?;
        let state = q.state.filter(|s| !s.is_empty()).ok_or_else(|| AppError::invalid("state", "is required"))?;
        let row = self.connection_row(ctx.org_id).await?.ok_or(AppError::NotFound("ledger connection"))?;
        if row.provider != provider.as_str() || row.oauth_state_hash.as_deref() != Some(hash_state(&state).as_str()) {
            return Err(AppError::invalid("state", "does not match the authorization started for this organization"));
        }
        let ledger = self.connector(provider)?;
        let grant = ledger.exchange(&code, q.realm_id.as_deref()).await.map_err(|e| match e {
            LedgerError::Validation(m) => AppError::invalid("realmId", m),
            LedgerError::AuthFailed(m) => AppError::invalid("code", format!("the ledger refused the code: {m}")),
            other => AppError::UpstreamUnavailable(other.to_string()),
        })?;
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = conn::Entity::find_in(&txn, ctx.org_id, row.id).await?;
        let mut am = self.sealed(current, &grant.tokens)?;
        am.tenant_ref = Set(Some(grant.tenant.clone()));
        am.status = Set(ConnectionStatus::Connected.as_str().to_owned());
        am.oauth_state_hash = Set(None);
        am.last_error = Set(None);
        let updated = conn::Entity::update_in(&txn, ctx.org_id, row.id, am, IfMatch(None)).await?;
        let event = LedgerConnected { id: row.id.into(), provider: provider.as_str().into(), tenant: grant.tenant };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        connection_out(&updated)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn get_connection(&self, ctx: &OrgCtx) -> Result<ConnectionOut, AppError> {
        connection_out(&self.connection_row(ctx.org_id).await?.ok_or(AppError::NotFound("ledger connection"))?)
    }

    /// `row` with `tokens` sealed (bound to the row id) and their expiry dated by the clock.
    fn sealed(&self, row: conn::Model, tokens: &Tokens) -> Result<conn::ActiveModel, AppError> {
        let id = row.id;
        let mut am = row.into_active_model();
        am.access_token_ciphertext = Set(Some(self.access_tokens.seal_str(id, &tokens.access_token)?));
        am.refresh_token_ciphertext = Set(Some(self.refresh_tokens.seal_str(id, &tokens.refresh_token)?));
        am.access_expires_at = Set(Some(self.clock.now() + Duration::seconds(tokens.expires_in_secs)));
        am.updated_at = Set(self.clock.now());
        Ok(am)
    }

    /// A live session: the stored access token, refreshed first when it expires
    /// within the margin (or `force`, after a 401). A refused refresh marks the
    /// connection `auth_failed` and publishes why.
    pub(super) async fn session(
        &self,
        org: OrganizationId,
        actor: &str,
        ledger: &dyn Ledger,
        force: bool,
    ) -> Result<Session, LedgerError> {
        let internal = |e: AppError| LedgerError::Upstream(e.to_string());
        let row = self.connection_row(org).await.map_err(internal)?.ok_or(LedgerError::NotFound)?;
        if row.status != ConnectionStatus::Connected.as_str() {
            return Err(LedgerError::AuthFailed(format!("the connection is {}", row.status)));
        }
        let tenant = row.tenant_ref.clone().unwrap_or_default();
        let fresh =
            row.access_expires_at.is_some_and(|t| t - self.clock.now() > Duration::seconds(REFRESH_MARGIN_SECS));
        if fresh && !force {
            let stored = row.access_token_ciphertext.as_deref().unwrap_or_default();
            let access_token = self.access_tokens.open_str(row.id, stored).map_err(internal)?;
            return Ok(Session { access_token, tenant });
        }
        let stored = row.refresh_token_ciphertext.as_deref().unwrap_or_default();
        let refresh = self.refresh_tokens.open_str(row.id, stored).map_err(internal)?;
        match ledger.refresh(&refresh).await {
            Ok(tokens) => {
                let am = self.sealed(row.clone(), &tokens).map_err(internal)?;
                conn::Entity::update_in(&self.db, org, row.id, am, IfMatch(None)).await.map_err(internal)?;
                Ok(Session { access_token: tokens.access_token, tenant })
            }
            Err(LedgerError::AuthFailed(reason)) => {
                self.auth_failed(org, actor, &row, &reason).await.map_err(internal)?;
                Err(LedgerError::AuthFailed(reason))
            }
            Err(e) => Err(e),
        }
    }

    async fn auth_failed(
        &self,
        org: OrganizationId,
        actor: &str,
        row: &conn::Model,
        reason: &str,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let mut am = conn::Entity::find_in(&txn, org, row.id).await?.into_active_model();
        am.status = Set(ConnectionStatus::AuthFailed.as_str().to_owned());
        am.last_error = Set(Some(reason.to_owned()));
        am.updated_at = Set(now);
        conn::Entity::update_in(&txn, org, row.id, am, IfMatch(None)).await?;
        let event = LedgerAuthFailed { id: row.id.into(), provider: row.provider.clone(), reason: reason.to_owned() };
        atrium_outbox::publish_as(&txn, org, actor, now, &event).await?;
        txn.commit().await?;
        tracing::warn!(org_id = %org, reason, "ledger authorization refused: connection marked auth_failed");
        Ok(())
    }
}
