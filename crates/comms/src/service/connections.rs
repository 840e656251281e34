//! Mailbox connections: create (credentials sealed by the vault), read with their
//! sync health, pause, resume, queue a full resync, delete.

use atrium_events::comms::{
    ConnectionCreated, ConnectionDeleted, ConnectionPaused, ConnectionResumed, ConnectionResyncRequested,
    ConnectionState, ConnectionUpdated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder, Text};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde::{Deserialize, Serialize};

use super::{CommsService, from_json, to_json};
use crate::dto::{
    ConnectionIn, ConnectionOut, ConnectionPatch, HealthOut, ImapSettingsOut, MailboxConnectionId, Provider, SkipOut,
    SyncState,
};
use crate::entity::{connection, sync_state};
use crate::error::CommsError;

/// What `settings` holds for an IMAP connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImapSettings {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    pub username: String,
    pub folder: String,
}

impl ImapSettings {
    /// Stands in for the settings of a connection that has none (OAuth); never stored.
    fn none() -> Self {
        Self { host: String::new(), port: 0, tls: true, username: String::new(), folder: String::new() }
    }
}

/// What the vault seals.
#[derive(Clone, Serialize, Deserialize)]
pub struct Credentials {
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Credentials(…)")
    }
}

fn is_loopback(host: &str) -> bool {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn plaintext_refused() -> CommsError {
    CommsError::Invalid {
        field: "imap.tls",
        message:
            "must be true unless the host is a loopback address (the password would cross the network in the clear)"
                .into(),
    }
}

impl CommsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_connection(&self, ctx: &OrgCtx, input: ConnectionIn) -> Result<ConnectionOut, AppError> {
        let imap = match input.provider {
            Provider::Imap => input
                .imap
                .ok_or(CommsError::Invalid { field: "imap", message: "is required for an imap connection".into() })?,
            Provider::Gmail => return Err(CommsError::ConnectWithOAuth("gmail").into()),
            Provider::Microsoft => return Err(CommsError::ConnectWithOAuth("microsoft").into()),
        };
        if !imap.tls && !is_loopback(&imap.host) {
            return Err(plaintext_refused().into());
        }
        let port = u16::try_from(imap.port)
            .map_err(|_| CommsError::Invalid { field: "imap.port", message: "must be from 1 to 65535".into() })?;
        self.hosts
            .resolve(imap.host.as_str(), port)
            .await
            .map_err(|why| CommsError::Invalid { field: "imap.host", message: format!("is refused: {why}") })?;
        let settings = ImapSettings {
            host: imap.host.into_inner(),
            port,
            tls: imap.tls,
            username: imap.username.into_inner(),
            folder: imap.folder.map_or_else(|| "INBOX".to_owned(), |f| f.into_inner()),
        };
        let id = MailboxConnectionId::new();
        let sealed = self.credentials.seal_str(
            id.into_uuid(),
            &serde_json::to_string(&Credentials { password: imap.password.into_inner() })
                .map_err(AppError::internal)?,
        )?;
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let row = connection::ActiveModel {
            id: Set(id.into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            provider: Set(Provider::Imap.as_str().to_owned()),
            email_address: Set(input.email_address.normalized()),
            settings: Set(to_json(&settings)?),
            credentials_ciphertext: Set(sealed),
            access_token_ciphertext: Set(None),
            refresh_token_ciphertext: Set(None),
            token_expires_at: Set(None),
            sync_window_days: Set(input.sync_window_days.unwrap_or(self.cfg.default_window_days)),
            paused: Set(false),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = connection::Entity::insert(row).exec_with_returning(&txn).await?;
        let state = new_sync_state(&row, now);
        let state = sync_state::Entity::insert(state).exec_with_returning(&txn).await?;
        publish(&txn, ctx, now, &ConnectionCreated { connection: event_state(&row, &state) }).await?;
        txn.commit().await?;
        connection_out(row, state, now)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_connections(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<ConnectionOut>, AppError> {
        let rows = req
            .apply(connection::Entity::scoped(ctx.org_id), connection::Column::Id, SortOrder::Asc)
            .all(&self.db)
            .await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<uuid::Uuid> = page.items.iter().map(|r| r.id).collect();
        let states =
            sync_state::Entity::scoped(ctx.org_id).filter(sync_state::Column::Id.is_in(ids)).all(&self.db).await?;
        let now = self.clock.now();
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let s = states
                    .iter()
                    .find(|s| s.id == r.id)
                    .cloned()
                    .ok_or_else(|| AppError::internal(format!("connection {} has no sync state", r.id)))?;
                connection_out(r, s, now)
            })
            .collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn get_connection(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<ConnectionOut, AppError> {
        let (row, state) = self.find_connection(&self.db, ctx, id).await?;
        connection_out(row, state, self.clock.now())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn connection_health(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<HealthOut, AppError> {
        let (_, state) = self.find_connection(&self.db, ctx, id).await?;
        health_out(&state, self.clock.now())
    }

    /// Changes settings or credentials (with `If-Match`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn update_connection(
        &self,
        ctx: &OrgCtx,
        id: MailboxConnectionId,
        patch: ConnectionPatch,
        if_match: IfMatch,
    ) -> Result<ConnectionOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let (row, state) = self.find_connection(&txn, ctx, id).await?;
        if_match.check(row.version)?;
        let mut changed = Vec::new();
        let imap_connection = row.provider == Provider::Imap.as_str();
        if patch.imap.is_some() && !imap_connection {
            return Err(CommsError::Invalid {
                field: "imap",
                message: format!(
                    "a {} connection has no IMAP settings (connect it again to renew its tokens)",
                    row.provider
                ),
            }
            .into());
        }
        let mut settings: ImapSettings = if imap_connection { from_json(&row.settings)? } else { ImapSettings::none() };
        let mut c = row.clone().into_active_model();
        let mut reseal = None;
        if let Some(imap) = patch.imap {
            if let Some(host) = imap.host.map(Text::into_inner).filter(|h| *h != settings.host) {
                settings.host = host;
                changed.push("host");
            }
            if let Some(port) = imap.port {
                let port = u16::try_from(port).map_err(|_| CommsError::Invalid {
                    field: "imap.port",
                    message: "must be from 1 to 65535".into(),
                })?;
                if port != settings.port {
                    settings.port = port;
                    changed.push("port");
                }
            }
            if let Some(tls) = imap.tls.filter(|t| *t != settings.tls) {
                settings.tls = tls;
                changed.push("tls");
            }
            if let Some(user) = imap.username.map(Text::into_inner).filter(|u| *u != settings.username) {
                settings.username = user;
                changed.push("username");
            }
            if let Some(folder) = imap.folder.map(Text::into_inner).filter(|f| *f != settings.folder) {
                settings.folder = folder;
                changed.push("folder");
            }
            if let Some(password) = imap.password {
                reseal = Some(password.into_inner());
                changed.push("password");
            }
        }
        if imap_connection && !settings.tls && !is_loopback(&settings.host) {
            return Err(plaintext_refused().into());
        }
        if changed.iter().any(|f| ["host", "port"].contains(f)) {
            self.hosts
                .resolve(&settings.host, settings.port)
                .await
                .map_err(|why| CommsError::Invalid { field: "imap.host", message: format!("is refused: {why}") })?;
        }
        if let Some(password) = reseal {
            let creds = serde_json::to_string(&Credentials { password }).map_err(AppError::internal)?;
            c.credentials_ciphertext = Set(self.credentials.seal_str(row.id, &creds)?);
        }
        if let Some(email) = patch.email_address.map(|e| e.normalized()).filter(|e| *e != row.email_address) {
            c.email_address = Set(email);
            changed.push("email_address");
        }
        if let Some(days) = patch.sync_window_days.filter(|d| *d != row.sync_window_days) {
            c.sync_window_days = Set(days);
            changed.push("sync_window_days");
        }
        let now = self.clock.now();
        if imap_connection {
            c.settings = Set(to_json(&settings)?);
        }
        c.updated_at = Set(now);
        let row = connection::Entity::update_in(&txn, ctx.org_id, row.id, c, if_match).await?;
        let mut s = state.clone().into_active_model();
        // Another mailbox or folder: its UIDs mean nothing here; read it from the start.
        if changed.iter().any(|f| ["host", "port", "username", "folder"].contains(f)) {
            s.cursor_uidvalidity = Set(None);
            s.cursor_last_uid = Set(None);
        }
        // New credentials or server: try again now.
        let credentials_changed = changed.iter().any(|f| ["host", "port", "tls", "username", "password"].contains(f));
        if credentials_changed && state.state != SyncState::Paused.as_str() {
            s.state = Set(SyncState::Active.as_str().to_owned());
            s.consecutive_failures = Set(0);
            s.next_run_at = Set(now);
        }
        let state = sync_state::Entity::update_in(&txn, ctx.org_id, row.id, s, IfMatch(None)).await?;
        let event = ConnectionUpdated {
            connection: event_state(&row, &state),
            changed: changed.into_iter().map(str::to_owned).collect(),
        };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        connection_out(row, state, now)
    }

    /// Stops syncing until resumed (a run in progress finishes its current message).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn pause_connection(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<ConnectionOut, AppError> {
        self.set_state(ctx, id, true, |s, _| {
            s.state = Set(SyncState::Paused.as_str().to_owned());
        })
        .await
    }

    /// Syncs again from the cursor, right away; clears a backoff or an auth failure.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn resume_connection(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<ConnectionOut, AppError> {
        self.set_state(ctx, id, false, |s, now| {
            s.state = Set(SyncState::Active.as_str().to_owned());
            s.consecutive_failures = Set(0);
            s.next_run_at = Set(now);
        })
        .await
    }

    /// Queues a full resync (the first-sync window again) for the next run, which
    /// is due now unless the connection is paused or needs credentials.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn resync_connection(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<ConnectionOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let (row, state) = self.find_connection(&txn, ctx, id).await?;
        let now = self.clock.now();
        let mut s = state.into_active_model();
        s.resync_requested = Set(true);
        s.next_run_at = Set(now);
        let state = sync_state::Entity::update_in(&txn, ctx.org_id, row.id, s, IfMatch(None)).await?;
        publish(&txn, ctx, now, &ConnectionResyncRequested { connection: event_state(&row, &state) }).await?;
        txn.commit().await?;
        connection_out(row, state, now)
    }

    /// Removes the connection and its sync state; imported mail stays.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn delete_connection(
        &self,
        ctx: &OrgCtx,
        id: MailboxConnectionId,
        if_match: IfMatch,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let (row, state) = self.find_connection(&txn, ctx, id).await?;
        let event = ConnectionDeleted { connection: event_state(&row, &state) };
        connection::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn set_state(
        &self,
        ctx: &OrgCtx,
        id: MailboxConnectionId,
        paused: bool,
        change: impl FnOnce(&mut sync_state::ActiveModel, DateTime<Utc>),
    ) -> Result<ConnectionOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let (row, state) = self.find_connection(&txn, ctx, id).await?;
        let now = self.clock.now();
        let mut s = state.into_active_model();
        change(&mut s, now);
        let state = sync_state::Entity::update_in(&txn, ctx.org_id, row.id, s, IfMatch(None)).await?;
        let mut c = row.clone().into_active_model();
        c.paused = Set(paused);
        c.updated_at = Set(now);
        let row = connection::Entity::update_in(&txn, ctx.org_id, row.id, c, IfMatch(None)).await?;
        let connection = event_state(&row, &state);
        if paused {
            publish(&txn, ctx, now, &ConnectionPaused { connection }).await?;
        } else {
            publish(&txn, ctx, now, &ConnectionResumed { connection }).await?;
        }
        txn.commit().await?;
        connection_out(row, state, now)
    }

    pub(crate) async fn find_connection<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: MailboxConnectionId,
    ) -> Result<(connection::Model, sync_state::Model), AppError> {
        let row = connection::Entity::find_in(conn, ctx.org_id, id).await?;
        let state = sync_state::Entity::find_in(conn, ctx.org_id, row.id).await?;
        Ok((row, state))
    }
}

/// The sync state of a new connection: due now, no cursor.
pub(crate) fn new_sync_state(row: &connection::Model, now: DateTime<Utc>) -> sync_state::ActiveModel {
    sync_state::ActiveModel {
        id: Set(row.id),
        organization_id: Set(row.organization_id),
        state: Set(SyncState::Active.as_str().to_owned()),
        cursor_uidvalidity: Set(None),
        cursor_last_uid: Set(None),
        cursor_token: Set(None),
        resync_requested: Set(false),
        next_run_at: Set(now),
        locked_until: Set(None),
        lease_token: Set(None),
        last_run_at: Set(None),
        last_success_at: Set(None),
        last_error: Set(None),
        last_error_at: Set(None),
        consecutive_failures: Set(0),
        imported_last_run: Set(0),
        skipped_last_run: Set(0),
        imported_total: Set(0),
        last_skips: Set(serde_json::json!([])),
    }
}

pub(crate) fn event_state(c: &connection::Model, s: &sync_state::Model) -> ConnectionState {
    ConnectionState {
        id: c.id.into(),
        provider: c.provider.clone(),
        email_address: c.email_address.clone(),
        state: s.state.clone(),
    }
}

fn provider(s: &str) -> Result<Provider, AppError> {
    match s {
        "imap" => Ok(Provider::Imap),
        "gmail" => Ok(Provider::Gmail),
        "microsoft" => Ok(Provider::Microsoft),
        other => Err(AppError::internal(format!("stored provider `{other}`"))),
    }
}

pub(crate) fn health_out(s: &sync_state::Model, now: DateTime<Utc>) -> Result<HealthOut, AppError> {
    let state = SyncState::parse(&s.state).ok_or_else(|| AppError::internal(format!("stored state `{}`", s.state)))?;
    let waiting = matches!(state, SyncState::Paused | SyncState::AuthFailed);
    Ok(HealthOut {
        state,
        last_run_at: s.last_run_at,
        last_success_at: s.last_success_at,
        lag_seconds: s.last_success_at.map(|t| (now - t).num_seconds().max(0)),
        imported_last_run: s.imported_last_run,
        skipped_last_run: s.skipped_last_run,
        imported_total: s.imported_total,
        last_skips: from_json::<Vec<SkipOut>>(&s.last_skips)?,
        last_error: s.last_error.clone(),
        last_error_at: s.last_error_at,
        consecutive_failures: s.consecutive_failures,
        next_run_at: (!waiting).then_some(s.next_run_at),
        syncing: s.locked_until.is_some_and(|t| t > now),
        resync_requested: s.resync_requested,
    })
}

pub(crate) fn connection_out(
    c: connection::Model,
    s: sync_state::Model,
    now: DateTime<Utc>,
) -> Result<ConnectionOut, AppError> {
    let provider = provider(&c.provider)?;
    let imap = match provider {
        Provider::Imap => {
            let s: ImapSettings = from_json(&c.settings)?;
            Some(ImapSettingsOut { host: s.host, port: s.port, tls: s.tls, username: s.username, folder: s.folder })
        }
        Provider::Gmail | Provider::Microsoft => None,
    };
    Ok(ConnectionOut {
        id: c.id.into(),
        provider,
        email_address: c.email_address,
        imap,
        sync_window_days: c.sync_window_days,
        health: health_out(&s, now)?,
        version: c.version,
        created_at: c.created_at,
        updated_at: c.updated_at,
    })
}
