//! Mailbox sync. One scheduled job (every minute, leased by the outbox's
//! scheduler) runs each connection that is due; a connection is also leased on
//! its own row, so exactly one worker syncs it at a time. A healthy connection is
//! due every five minutes; failures back off; refused credentials stop it
//! (`auth_failed`) until it is resumed. Every outcome is written to the
//! connection's health and published; nothing fails silently.
//!
//! IMAP is incremental by `UIDVALIDITY` + last UID: a changed UIDVALIDITY (or a
//! requested resync) reads the first-sync window again, and the `Message-ID`
//! keeps what was already imported from being imported twice.

mod gmail;
mod graph;
mod imap;
mod import;
pub mod metrics;
pub mod mime;

use async_trait::async_trait;
use atrium_events::comms::{ConnectionAuthFailed, ConnectionSyncFailed};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::{Job, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::dto::{MailboxConnectionId, SkipOut, SyncState};
use crate::entity::{connection, sync_state};
use crate::provider::ProviderError;
use crate::service::connections::event_state;
use crate::service::{CommsService, Credentials, ImapSettings, SYNC_ACTOR, SYNC_JOB, from_json, to_json};
use imap::{ImapClient, ImapError};
use import::{Imported, Lease};

/// Messages fetched per round trip (bounded memory: each is at most
/// `max_message_bytes`).
const FETCH_BATCH: usize = 20;

#[derive(Debug)]
pub(crate) enum SyncError {
    /// Another worker holds the connection now (this one's lease expired).
    LeaseLost,
    Imap(ImapError),
    Provider(ProviderError),
    App(AppError),
}

impl From<ProviderError> for SyncError {
    fn from(e: ProviderError) -> Self {
        SyncError::Provider(e)
    }
}

/// Where a successful run leaves the connection's cursor.
pub(crate) enum Cursor {
    /// (UIDVALIDITY, last UID).
    Imap(u32, u32),
    /// Gmail's `historyId`; Graph's delta links by folder (JSON).
    Token(String),
}

impl From<AppError> for SyncError {
    fn from(e: AppError) -> Self {
        SyncError::App(e)
    }
}

impl From<ImapError> for SyncError {
    fn from(e: ImapError) -> Self {
        SyncError::Imap(e)
    }
}

/// What one run of one connection did.
#[derive(Debug, Clone, PartialEq)]
pub struct RunReport {
    pub outcome: RunOutcome,
    pub imported: u32,
    /// Already imported (same provider id or `Message-ID`).
    pub duplicates: u32,
    pub skipped: Vec<SkipOut>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunOutcome {
    Synced,
    /// Another worker holds it, or it is paused / waiting for credentials.
    NotRun,
    AuthFailed(String),
    Failed(String),
    /// Its lease was taken over mid-run; the other worker continues from the cursor.
    LeaseLost,
}

/// The scheduled job: runs every connection that is due.
pub struct SyncJob(pub CommsService);

#[async_trait]
impl Job for SyncJob {
    fn name(&self) -> &'static str {
        SYNC_JOB
    }

    fn schedule(&self) -> &'static str {
        "* * * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let reports = self.0.sync_due().await.map_err(|e| e.to_string())?;
        let imported: u32 = reports.iter().map(|r| r.imported).sum();
        let failed = reports.iter().filter(|r| matches!(r.outcome, RunOutcome::Failed(_) | RunOutcome::AuthFailed(_)));
        Ok(format!("synced {} connections: {imported} messages imported, {} failed", reports.len(), failed.count()))
    }
}

impl CommsService {
    /// Runs each connection whose next run is due and that no worker holds.
    // The job works across organizations; each connection then runs scoped to its own.
    #[allow(clippy::disallowed_methods)]
    pub async fn sync_due(&self) -> Result<Vec<RunReport>, AppError> {
        let now = self.clock.now();
        let due: Vec<(Uuid, Uuid)> = sync_state::Entity::find()
            .filter(sync_state::Column::NextRunAt.lte(now))
            .filter(sync_state::Column::State.is_in([SyncState::Active.as_str(), SyncState::BackingOff.as_str()]))
            .order_by_asc(sync_state::Column::NextRunAt)
            .limit(100)
            .select_only()
            .columns([sync_state::Column::Id, sync_state::Column::OrganizationId])
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut reports = Vec::with_capacity(due.len());
        for (id, org) in due {
            let org = OrganizationId::from(org);
            if let Some(token) = self.claim(org, id, true).await? {
                reports.push(self.run_claimed(org, id, token).await?);
            }
        }
        Ok(reports)
    }

    /// Runs the connection now, whatever its schedule (it must not be paused or
    /// waiting for credentials, nor held by another worker).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, connection_id = %id))]
    pub async fn sync_now(&self, ctx: &OrgCtx, id: MailboxConnectionId) -> Result<RunReport, AppError> {
        let (row, _) = self.find_connection(&self.db, ctx, id).await?;
        match self.claim(ctx.org_id, row.id, false).await? {
            Some(token) => self.run_claimed(ctx.org_id, row.id, token).await,
            None => Ok(RunReport { outcome: RunOutcome::NotRun, imported: 0, duplicates: 0, skipped: Vec::new() }),
        }
    }

    /// One conditional UPDATE: the connection is this worker's until the lease ends.
    async fn claim(&self, org: OrganizationId, id: Uuid, due_only: bool) -> Result<Option<Uuid>, AppError> {
        let now = self.clock.now();
        let token = Uuid::now_v7();
        let txn = begin_write(&self.db).await?;
        let mut q = sync_state::Entity::update_scoped(org)
            .col_expr(sync_state::Column::LockedUntil, Expr::value(now + self.cfg.lease))
            .col_expr(sync_state::Column::LeaseToken, Expr::value(token))
            .col_expr(sync_state::Column::LastRunAt, Expr::value(now))
            .filter(sync_state::Column::Id.eq(id))
            .filter(sync_state::Column::State.is_in([SyncState::Active.as_str(), SyncState::BackingOff.as_str()]))
            .filter(sync_state::Column::LockedUntil.is_null().or(sync_state::Column::LockedUntil.lte(now)));
        if due_only {
            q = q.filter(sync_state::Column::NextRunAt.lte(now));
        }
        let claimed = q.exec(&txn).await?.rows_affected == 1;
        txn.commit().await?;
        Ok(claimed.then_some(token))
    }

    #[tracing::instrument(skip_all, fields(org_id = %org, connection_id = %id))]
    async fn run_claimed(&self, org: OrganizationId, id: Uuid, token: Uuid) -> Result<RunReport, AppError> {
        let row = connection::Entity::find_in(&self.db, org, id).await?;
        let state = sync_state::Entity::find_in(&self.db, org, id).await?;
        let lease = Lease { org, connection: &row, token };
        let mut report = RunReport { outcome: RunOutcome::Synced, imported: 0, duplicates: 0, skipped: Vec::new() };
        let run = match row.provider.as_str() {
            "gmail" => self.run_gmail(&lease, &state, &mut report).await,
            "microsoft" => self.run_graph(&lease, &state, &mut report).await,
            _ => self.run_imap(&lease, &state, &mut report).await.map(|(v, uid)| Cursor::Imap(v, uid)),
        };
        match run {
            Ok(cursor) => {
                self.finish(&lease, &report, cursor).await?;
            }
            Err(SyncError::LeaseLost) => report.outcome = RunOutcome::LeaseLost,
            Err(SyncError::Imap(ImapError::Auth(m))) => {
                report.outcome = RunOutcome::AuthFailed(m.clone());
                self.fail(&lease, &report, true, None, &ImapError::Auth(m).to_string()).await?;
            }
            Err(SyncError::Provider(e @ ProviderError::Auth(_))) => {
                let m = e.to_string();
                report.outcome = RunOutcome::AuthFailed(m.clone());
                self.fail(&lease, &report, true, None, &m).await?;
            }
            Err(SyncError::Provider(e)) => {
                let m = e.to_string();
                let wait = match &e {
                    ProviderError::RetryLater { retry_after, .. } => *retry_after,
                    _ => None,
                };
                if let ProviderError::Internal(_) = e {
                    tracing::error!(error = %m, "mailbox sync failed");
                }
                report.outcome = RunOutcome::Failed(m.clone());
                self.fail(&lease, &report, false, wait, &m).await?;
            }
            Err(SyncError::Imap(ImapError::Transient(m))) => {
                report.outcome = RunOutcome::Failed(m.clone());
                self.fail(&lease, &report, false, None, &m).await?;
            }
            Err(SyncError::App(e)) => {
                tracing::error!(error = %e, "mailbox sync failed");
                let m = format!("internal error while importing: {e}");
                report.outcome = RunOutcome::Failed(m.clone());
                self.fail(&lease, &report, false, None, &m).await?;
            }
        }
        let outcome = match &report.outcome {
            RunOutcome::Synced => "synced",
            RunOutcome::NotRun => "not_run",
            RunOutcome::AuthFailed(_) => "auth_failed",
            RunOutcome::Failed(_) => "failed",
            RunOutcome::LeaseLost => "lease_lost",
        };
        self.metrics.runs.with_label_values(&[outcome]).inc();
        self.metrics.imported.inc_by(u64::from(report.imported));
        self.metrics.skipped.inc_by(report.skipped.len() as u64);
        if report.outcome == RunOutcome::Synced {
            self.metrics.last_success.with_label_values(&[&id.to_string()]).set(self.clock.now().timestamp());
        }
        tracing::info!(outcome, imported = report.imported, skipped = report.skipped.len(), "mailbox sync run");
        Ok(report)
    }

    /// Returns the cursor to keep: (UIDVALIDITY, last UID).
    async fn run_imap(
        &self,
        lease: &Lease<'_>,
        state: &sync_state::Model,
        report: &mut RunReport,
    ) -> Result<(u32, u32), SyncError> {
        let settings: ImapSettings = from_json(&lease.connection.settings)?;
        let creds: Credentials = serde_json::from_str(
            &self.credentials.open_str(lease.connection.id, &lease.connection.credentials_ciphertext)?,
        )
        .map_err(AppError::internal)?;
        // Judged again at each run: the name may resolve elsewhere by now.
        let addrs = self
            .hosts
            .resolve(&settings.host, settings.port)
            .await
            .map_err(|why| ImapError::Transient(format!("IMAP host {} is refused: {why}", settings.host)))?;
        let mut client =
            ImapClient::connect(&settings, &addrs, &creds.password, self.cfg.connect_timeout, self.cfg.command_timeout)
                .await?;
        let result = self.walk(&mut client, &settings, lease, state, report).await;
        client.logout().await;
        result
    }

    async fn walk(
        &self,
        client: &mut ImapClient,
        settings: &ImapSettings,
        lease: &Lease<'_>,
        state: &sync_state::Model,
        report: &mut RunReport,
    ) -> Result<(u32, u32), SyncError> {
        let selected = client.select(&settings.folder).await?;
        let validity = selected.uid_validity;
        let known = state.cursor_uidvalidity.and_then(|v| u32::try_from(v).ok());
        let last = state.cursor_last_uid.and_then(|v| u32::try_from(v).ok());
        let full = state.resync_requested || known != Some(validity) || last.is_none();
        let uids = if full {
            self.restart_cursor(lease, validity).await?;
            let since = self.clock.now() - chrono::Duration::days(i64::from(lease.connection.sync_window_days));
            client.search(&format!("SINCE {}", since.format("%d-%b-%Y"))).await?
        } else {
            let last = last.unwrap_or(0);
            // `n:*` always matches the newest message, even below n.
            client
                .search(&format!("UID {}:*", last.saturating_add(1)))
                .await?
                .into_iter()
                .filter(|u| *u > last)
                .collect()
        };
        let mut cursor = if full { 0 } else { last.unwrap_or(0) };
        let sizes = client.sizes(&uids).await?;
        let max = self.cfg.max_message_bytes;
        let mut batch = Vec::with_capacity(FETCH_BATCH);
        for (i, uid) in uids.iter().copied().enumerate() {
            match sizes.get(&uid) {
                None => {
                    // Expunged between the search and the fetch: nothing to import.
                    self.pass(lease, Some(uid)).await?;
                    cursor = uid;
                }
                Some(size) if u64::from(*size) > max => {
                    report.skipped.push(SkipOut {
                        provider_message_id: uid.to_string(),
                        reason: format!("the message is {size} bytes, over the {max} bytes allowed"),
                    });
                    self.pass(lease, Some(uid)).await?;
                    cursor = uid;
                }
                Some(_) => batch.push(uid),
            }
            if batch.len() == FETCH_BATCH || (i + 1 == uids.len() && !batch.is_empty()) {
                for fetched in client.fetch(&batch).await? {
                    let provider_id = format!("{validity}:{}", fetched.uid);
                    let size = fetched.raw.len() as u64;
                    match mime::parse(&fetched.raw, self.cfg.max_part_bytes) {
                        None => {
                            report.skipped.push(SkipOut {
                                provider_message_id: fetched.uid.to_string(),
                                reason: "nothing in it reads as an RFC 5322 message".into(),
                            });
                            self.pass(lease, Some(fetched.uid)).await?;
                        }
                        Some(parsed) => {
                            match self
                                .import(
                                    lease,
                                    provider_id,
                                    None,
                                    Some(fetched.uid),
                                    size,
                                    fetched.internal_date,
                                    parsed,
                                )
                                .await?
                            {
                                Imported::New => report.imported += 1,
                                Imported::Duplicate => report.duplicates += 1,
                            }
                        }
                    }
                    cursor = std::cmp::max(cursor, fetched.uid);
                }
                batch.clear();
            }
        }
        // After a full read, every UID below UIDNEXT was considered (in the window or not).
        if full && let Some(next) = selected.uid_next {
            cursor = std::cmp::max(cursor, next.saturating_sub(1));
        }
        Ok((validity, cursor))
    }

    /// A full read starts the cursor over under `validity`.
    async fn restart_cursor(&self, lease: &Lease<'_>, validity: u32) -> Result<(), SyncError> {
        let txn = begin_write(&self.db).await.map_err(AppError::from)?;
        let done = sync_state::Entity::update_scoped(lease.org)
            .col_expr(sync_state::Column::CursorUidvalidity, Expr::value(i64::from(validity)))
            .col_expr(sync_state::Column::CursorLastUid, Expr::value(0i64))
            .col_expr(sync_state::Column::ResyncRequested, Expr::value(false))
            .filter(sync_state::Column::Id.eq(lease.connection.id))
            .filter(sync_state::Column::LeaseToken.eq(lease.token))
            .exec(&txn)
            .await
            .map_err(AppError::from)?;
        if done.rows_affected != 1 {
            return Err(SyncError::LeaseLost);
        }
        txn.commit().await.map_err(AppError::from)?;
        Ok(())
    }

    async fn finish(&self, lease: &Lease<'_>, report: &RunReport, cursor: Cursor) -> Result<(), AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let current = sync_state::Entity::find_in(&txn, lease.org, lease.connection.id).await?;
        if current.lease_token != Some(lease.token) {
            return Ok(());
        }
        // Paused meanwhile: stays paused.
        let state = if current.state == SyncState::Paused.as_str() { SyncState::Paused } else { SyncState::Active };
        let q = match cursor {
            Cursor::Imap(validity, uid) => sync_state::Entity::update_scoped(lease.org)
                .col_expr(sync_state::Column::CursorUidvalidity, Expr::value(i64::from(validity)))
                .col_expr(sync_state::Column::CursorLastUid, Expr::value(i64::from(uid))),
            Cursor::Token(token) => sync_state::Entity::update_scoped(lease.org)
                .col_expr(sync_state::Column::CursorToken, Expr::value(token))
                .col_expr(sync_state::Column::ResyncRequested, Expr::value(false)),
        };
        q.col_expr(sync_state::Column::State, Expr::value(state.as_str()))
            .col_expr(sync_state::Column::LastSuccessAt, Expr::value(now))
            .col_expr(sync_state::Column::ConsecutiveFailures, Expr::value(0))
            .col_expr(
                sync_state::Column::ImportedLastRun,
                Expr::value(i32::try_from(report.imported).unwrap_or(i32::MAX)),
            )
            .col_expr(
                sync_state::Column::SkippedLastRun,
                Expr::value(i32::try_from(report.skipped.len()).unwrap_or(i32::MAX)),
            )
            .col_expr(sync_state::Column::LastSkips, Expr::value(to_json(&report.skipped)?))
            .col_expr(sync_state::Column::NextRunAt, Expr::value(now + self.cfg.sync_interval))
            .col_expr(sync_state::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(sync_state::Column::LeaseToken, Expr::value(Option::<Uuid>::None))
            .filter(sync_state::Column::Id.eq(lease.connection.id))
            .filter(sync_state::Column::LeaseToken.eq(lease.token))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records the failure on the connection's health and publishes it. The next
    /// run waits what the provider asked (`Retry-After`, at most the longest
    /// backoff), else longer after each failure in a row.
    async fn fail(
        &self,
        lease: &Lease<'_>,
        report: &RunReport,
        auth: bool,
        retry_after: Option<std::time::Duration>,
        error: &str,
    ) -> Result<(), AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let current = sync_state::Entity::find_in(&txn, lease.org, lease.connection.id).await?;
        if current.lease_token != Some(lease.token) {
            return Ok(());
        }
        let failures = current.consecutive_failures.saturating_add(1);
        let backoff = self
            .cfg
            .sync_interval
            .checked_mul(1 << failures.clamp(0, 10))
            .unwrap_or(self.cfg.max_backoff)
            .min(self.cfg.max_backoff);
        let state = match (current.state.as_str(), auth) {
            ("paused", _) => SyncState::Paused,
            (_, true) => SyncState::AuthFailed,
            (_, false) => SyncState::BackingOff,
        };
        let asked = retry_after.and_then(|d| chrono::Duration::from_std(d).ok()).map(|d| d.min(self.cfg.max_backoff));
        let retry_at = now + asked.unwrap_or(backoff);
        let error: String = error.chars().take(2000).collect();
        sync_state::Entity::update_scoped(lease.org)
            .col_expr(sync_state::Column::State, Expr::value(state.as_str()))
            .col_expr(sync_state::Column::LastError, Expr::value(error.clone()))
            .col_expr(sync_state::Column::LastErrorAt, Expr::value(now))
            .col_expr(sync_state::Column::ConsecutiveFailures, Expr::value(failures))
            .col_expr(
                sync_state::Column::ImportedLastRun,
                Expr::value(i32::try_from(report.imported).unwrap_or(i32::MAX)),
            )
            .col_expr(
                sync_state::Column::SkippedLastRun,
                Expr::value(i32::try_from(report.skipped.len()).unwrap_or(i32::MAX)),
            )
            .col_expr(sync_state::Column::LastSkips, Expr::value(to_json(&report.skipped)?))
            .col_expr(sync_state::Column::NextRunAt, Expr::value(retry_at))
            .col_expr(sync_state::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(sync_state::Column::LeaseToken, Expr::value(Option::<Uuid>::None))
            .filter(sync_state::Column::Id.eq(lease.connection.id))
            .filter(sync_state::Column::LeaseToken.eq(lease.token))
            .exec(&txn)
            .await?;
        let mut after = current.clone();
        after.state = state.as_str().to_owned();
        let connection = event_state(lease.connection, &after);
        if auth {
            publish_as(&txn, lease.org, SYNC_ACTOR, now, &ConnectionAuthFailed { connection, error, failed_at: now })
                .await?;
        } else {
            let event =
                ConnectionSyncFailed { connection, error, failed_at: now, retry_at, consecutive_failures: failures };
            publish_as(&txn, lease.org, SYNC_ACTOR, now, &event).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}
