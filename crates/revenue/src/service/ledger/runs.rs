//! Sync runs: push every kind of record in dependency order (parties before the
//! documents that name them, documents before their payments), then pull
//! payments since the watermark; each run keeps its report and publishes it.
//! A record that fails is reported and the run goes on; a 429 beyond what
//! `Retry-After` allows stops the run (resumable: the next run skips what is in
//! sync); a refused grant stops it and marks the connection.

use std::collections::HashMap;

use atrium_events::revenue::ledger::{LedgerSyncFinished, LedgerSyncIssue, LedgerSyncRunId};
use atrium_kernel::{AppError, OrgCtx, OrganizationId, Page, PageRequest, Principal, Role, Scoped, SortOrder, UserId};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use super::LedgerService;
use super::pull::Pulled;
use super::push::Pushed;
use super::records::{Built, Links, Lookup};
use crate::dto::{ConnectionStatus, SyncRunOut};
use crate::entity::{ledger_connection as conn, ledger_sync_run as run};
use crate::ledger::{Ledger, LedgerError, Provider, RecordKind, Session};

pub const LEDGER_SYNC_JOB: &str = "revenue.ledger-sync";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTrigger {
    Manual,
    Schedule,
}

#[derive(Default)]
struct Report {
    pushed: i32,
    pulled: i32,
    skipped: i32,
    conflicts: i32,
    errors: Vec<LedgerSyncIssue>,
    /// Set when the run cannot go on (rate limit, refused grant).
    stopped: Option<String>,
}

impl Report {
    fn error(&mut self, kind: &str, id: Option<Uuid>, message: impl Into<String>) {
        self.errors.push(LedgerSyncIssue {
            record_type: kind.to_owned(),
            record_id: id.map(|i| i.to_string()),
            message: message.into(),
        });
    }
}

pub(super) fn run_out(row: run::Model) -> Result<SyncRunOut, AppError> {
    let errors: Vec<LedgerSyncIssue> = serde_json::from_str(&row.errors).map_err(AppError::internal)?;
    Ok(SyncRunOut {
        id: row.id.into(),
        provider: Provider::parse(&row.provider).ok_or_else(|| AppError::internal("stored provider"))?,
        trigger: row.trigger,
        status: row.status,
        pushed: row.pushed,
        pulled: row.pulled,
        skipped: row.skipped,
        conflicts: row.conflicts,
        errors,
        started_at: row.started_at,
        finished_at: row.finished_at,
    })
}

impl LedgerService {
    /// Runs a sync for the caller's organization now and answers its report.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn sync_now(&self, ctx: &OrgCtx) -> Result<SyncRunOut, AppError> {
        let row = self
            .connection_row(ctx.org_id)
            .await?
            .ok_or_else(|| AppError::conflict("connect a ledger first (GET /api/v1/ledger/connect/{provider})"))?;
        if row.status != ConnectionStatus::Connected.as_str() {
            return Err(AppError::conflict(format!("the ledger connection is {}: connect it again", row.status)));
        }
        self.run(ctx, &row, SyncTrigger::Manual, &ctx.actor()).await
    }

    /// The daily job: every connected organization, one after the other.
    #[allow(clippy::disallowed_methods)]
    pub async fn sync_all(&self) -> Result<(u64, u64), AppError> {
        // The one unscoped read: the job walks every organization's connection,
        // then works inside each organization.
        let rows = conn::Entity::find()
            .filter(conn::Column::Status.eq(ConnectionStatus::Connected.as_str()))
            .all(&self.db)
            .await?;
        let (mut ok, mut failed) = (0, 0);
        for row in rows {
            let ctx = OrgCtx {
                org_id: row.organization_id.into(),
                principal: Principal::User(UserId::from(Uuid::nil())),
                role: Role::Admin,
            };
            match self.run(&ctx, &row, SyncTrigger::Schedule, &format!("system:{LEDGER_SYNC_JOB}")).await {
                Ok(r) if r.status == "completed" => ok += 1,
                Ok(_) => failed += 1,
                Err(e) => {
                    failed += 1;
                    tracing::error!(org_id = %row.organization_id, error = %e, "ledger sync failed");
                }
            }
        }
        Ok((ok, failed))
    }

    async fn run(
        &self,
        ctx: &OrgCtx,
        c: &conn::Model,
        trigger: SyncTrigger,
        actor: &str,
    ) -> Result<SyncRunOut, AppError> {
        let org = ctx.org_id;
        let provider = Provider::parse(&c.provider).ok_or_else(|| AppError::internal("stored provider"))?;
        let ledger = self.connector(provider)?;
        let started = self.clock.now();
        let row = run::ActiveModel {
            id: Set(LedgerSyncRunId::new().into_uuid()),
            organization_id: Set(org.into_uuid()),
            provider: Set(provider.as_str().to_owned()),
            trigger: Set(match trigger {
                SyncTrigger::Manual => "manual",
                SyncTrigger::Schedule => "schedule",
            }
            .to_owned()),
            status: Set("running".to_owned()),
            pushed: Set(0),
            pulled: Set(0),
            skipped: Set(0),
            conflicts: Set(0),
            errors: Set("[]".to_owned()),
            started_by: Set(actor.chars().take(64).collect()),
            started_at: Set(started),
            finished_at: Set(None),
        };
        let row = run::Entity::insert(row).exec_with_returning(&self.db).await?;
        let mut report = Report::default();
        match self.session(org, actor, ledger.as_ref(), false).await {
            Ok(mut session) => {
                self.push_all(ctx, ledger.as_ref(), &mut session, actor, &mut report).await?;
                if report.stopped.is_none() {
                    self.pull_all(org, ledger.as_ref(), &mut session, actor, c, started, &mut report).await?;
                }
            }
            Err(e) => {
                report.error("sync", None, e.to_string());
                report.stopped = Some(e.to_string());
            }
        }
        self.finish(org, actor, row, report).await
    }

    /// Calls `f` with the session; after a 401 refreshes once and calls again.
    pub(super) async fn with_session<T, F, Fut>(
        &self,
        org: OrganizationId,
        actor: &str,
        ledger: &dyn Ledger,
        session: &mut Session,
        f: F,
    ) -> Result<Result<T, LedgerError>, AppError>
    where
        F: Fn(Session) -> Fut,
        Fut: std::future::Future<Output = Result<Result<T, LedgerError>, AppError>>,
    {
        match f(session.clone()).await? {
            Err(LedgerError::Unauthorized) => match self.session(org, actor, ledger, true).await {
                Ok(s) => {
                    *session = s;
                    f(session.clone()).await
                }
                Err(e) => Ok(Err(e)),
            },
            other => Ok(other),
        }
    }

    async fn push_all(
        &self,
        ctx: &OrgCtx,
        ledger: &dyn Ledger,
        session: &mut Session,
        actor: &str,
        report: &mut Report,
    ) -> Result<(), AppError> {
        let org = ctx.org_id;
        let look = Lookup::load(self, org).await?;
        let none = Links::new();
        // The links of each kind pushed so far: later kinds resolve their parties and documents there.
        let mut pushed: HashMap<RecordKind, Links> = HashMap::new();
        for kind in [
            RecordKind::Customer,
            RecordKind::Vendor,
            RecordKind::Invoice,
            RecordKind::CreditNote,
            RecordKind::Payment,
            RecordKind::Bill,
            RecordKind::BillPayment,
        ] {
            // Built per kind: documents resolve the parties pushed just before.
            let of = |k: RecordKind| pushed.get(&k).unwrap_or(&none);
            let records: Vec<(Uuid, Built)> = match kind {
                RecordKind::Customer => self.customers(ctx).await?,
                RecordKind::Vendor => self.vendors(org, None).await?,
                RecordKind::Invoice => self.invoices(org, &look, of(RecordKind::Customer), None).await?,
                RecordKind::CreditNote => self.credit_notes(org, &look, of(RecordKind::Customer)).await?,
                RecordKind::Payment => {
                    self.payments(org, &look, of(RecordKind::Customer), of(RecordKind::Invoice)).await?
                }
                RecordKind::Bill => self.bills(org, &look, of(RecordKind::Vendor), None).await?,
                RecordKind::BillPayment => {
                    self.bill_payments(org, &look, of(RecordKind::Vendor), of(RecordKind::Bill)).await?
                }
            };
            let links = self.links(org, kind).await?;
            for (id, built) in records {
                let record = match built {
                    Ok(r) => r,
                    Err(message) => {
                        report.error(kind.as_str(), Some(id), message);
                        continue;
                    }
                };
                let known = links.get(&id);
                let outcome = self
                    .with_session(org, actor, ledger, session, |s| {
                        let record = &record;
                        async move { self.push_one(org, ledger, &s, (id, known), record).await }
                    })
                    .await?;
                match outcome {
                    Ok(Pushed::Created | Pushed::Updated) => report.pushed += 1,
                    Ok(Pushed::Unchanged) => report.skipped += 1,
                    Ok(Pushed::Conflict(m)) => {
                        report.conflicts += 1;
                        report.error(kind.as_str(), Some(id), format!("conflict: {m}"));
                    }
                    Err(e @ (LedgerError::RateLimited(_) | LedgerError::AuthFailed(_))) => {
                        report.error(kind.as_str(), Some(id), e.to_string());
                        report.stopped = Some(e.to_string());
                        return Ok(());
                    }
                    Err(e) => report.error(kind.as_str(), Some(id), e.to_string()),
                }
            }
            // Payments reversed in Atrium after they were pushed: deleted in the ledger, once.
            for row in self.reversed(org, kind).await? {
                let local = row.local_id;
                let outcome = self
                    .with_session(org, actor, ledger, session, |s| {
                        let row = &row;
                        async move { self.remove_one(ledger, &s, row).await }
                    })
                    .await?;
                match outcome {
                    Ok(()) => report.pushed += 1,
                    Err(e @ (LedgerError::RateLimited(_) | LedgerError::AuthFailed(_))) => {
                        report.error(kind.as_str(), Some(local), e.to_string());
                        report.stopped = Some(e.to_string());
                        return Ok(());
                    }
                    Err(e) => report.error(kind.as_str(), Some(local), format!("deleting the reversed payment: {e}")),
                }
            }
            pushed.insert(kind, self.links(org, kind).await?);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn pull_all(
        &self,
        org: OrganizationId,
        ledger: &dyn Ledger,
        session: &mut Session,
        actor: &str,
        c: &conn::Model,
        started: chrono::DateTime<chrono::Utc>,
        report: &mut Report,
    ) -> Result<(), AppError> {
        let since = c.pull_watermark;
        let found = self
            .with_session(org, actor, ledger, session, |s| async move { Ok(ledger.payments_since(&s, since).await) })
            .await?;
        let payments = match found {
            Ok(p) => p,
            Err(e) => {
                report.error("payment", None, format!("pull: {e}"));
                report.stopped = Some(e.to_string());
                return Ok(());
            }
        };
        let mut failed = false;
        for p in &payments {
            match self.pull_one(org, actor, p).await {
                Ok(Pulled::Recorded) => report.pulled += 1,
                Ok(Pulled::Skipped) => {}
                Err(e) => {
                    failed = true;
                    report.error("payment", None, format!("ledger payment {}: {e}", p.id));
                }
            }
        }
        // The watermark moves only when every payment was taken (a failed one is seen again).
        if !failed {
            let current = conn::Entity::find_in(&self.db, org, c.id).await?;
            let mut am = current.into_active_model();
            am.pull_watermark = Set(Some(started));
            conn::Entity::update(am).exec(&self.db).await?;
        }
        Ok(())
    }

    async fn finish(
        &self,
        org: OrganizationId,
        actor: &str,
        row: run::Model,
        report: Report,
    ) -> Result<SyncRunOut, AppError> {
        let now = self.clock.now();
        let status = if report.stopped.is_some() && report.pushed == 0 && report.pulled == 0 {
            "failed"
        } else if report.errors.is_empty() && report.stopped.is_none() {
            "completed"
        } else {
            "partial"
        };
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let mut am = row.clone().into_active_model();
        am.status = Set(status.to_owned());
        am.pushed = Set(report.pushed);
        am.pulled = Set(report.pulled);
        am.skipped = Set(report.skipped);
        am.conflicts = Set(report.conflicts);
        am.errors = Set(serde_json::to_string(&report.errors).map_err(AppError::internal)?);
        am.finished_at = Set(Some(now));
        let updated = run::Entity::update(am).exec(&txn).await?;
        let event = LedgerSyncFinished {
            id: row.id.into(),
            provider: row.provider.clone(),
            status: status.to_owned(),
            pushed: report.pushed,
            pulled: report.pulled,
            skipped: report.skipped,
            conflicts: report.conflicts,
            errors: report.errors,
            started_at: row.started_at,
            finished_at: now,
        };
        atrium_outbox::publish_as(&txn, org, actor, now, &event).await?;
        txn.commit().await?;
        run_out(updated)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_runs(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<SyncRunOut>, AppError> {
        let rows = req.apply(run::Entity::scoped(ctx.org_id), run::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(run_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, run_id = %id))]
    pub async fn get_run(&self, ctx: &OrgCtx, id: LedgerSyncRunId) -> Result<SyncRunOut, AppError> {
        run_out(run::Entity::find_in(&self.db, ctx.org_id, id).await?)
    }
}
