//! DB-backed recurring jobs. Each job is a row with its next run time and a lease:
//! a worker takes a due job with one conditional UPDATE (safe with any number of
//! workers on either backend), runs it, and schedules the next run from its cron
//! expression. A worker that dies mid-run leaves a lease that expires, and the job
//! is picked up again.
//!
//! apalis was considered: its storages bring their own sqlx pools and schema per
//! backend, which does not fit one SeaORM connection and one migration history.

// The outbox machinery works across organizations by design (sequencing, fan-out, leases); it is not a tenant-facing service.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use atrium_kernel::Clock;
use chrono::{DateTime, Utc};
use croner::Cron;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
    Statement,
};
use tokio::sync::watch;

use crate::entity::job;

/// A recurring job. `run` may be retried after a crash, so it must be idempotent.
#[async_trait]
pub trait Job: Send + Sync + 'static {
    /// Stable, unique name, e.g. `outbox.retention`.
    fn name(&self) -> &'static str;
    /// Cron expression in UTC (5 fields, or 6 with seconds).
    fn schedule(&self) -> &'static str;
    /// Does the work; the returned text is stored as the run's report.
    async fn run(&self, now: DateTime<Utc>) -> Result<String, String>;
}

#[derive(Clone)]
pub struct Scheduler {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    jobs: Arc<Vec<Arc<dyn Job>>>,
    lease: Duration,
    poll: Duration,
}

/// What one job run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRun {
    pub name: &'static str,
    pub outcome: Result<String, String>,
}

impl Scheduler {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, jobs: Vec<Arc<dyn Job>>, lease: Duration) -> Self {
        Self { db, clock, jobs: Arc::new(jobs), lease, poll: Duration::from_secs(15) }
    }

    /// Looks for due jobs every `poll` (15 s unless set).
    pub fn with_poll(mut self, poll: Duration) -> Self {
        self.poll = poll;
        self
    }

    /// Creates the row of each job that has none; keeps the schedule current.
    #[tracing::instrument(skip_all)]
    pub async fn register(&self) -> Result<(), DbErr> {
        let now = self.clock.now();
        for job in self.jobs.iter() {
            let next = next_run(job.schedule(), now).map_err(DbErr::Custom)?;
            let row = job::ActiveModel {
                name: Set(job.name().to_owned()),
                schedule: Set(job.schedule().to_owned()),
                next_run_at: Set(next),
                locked_until: Set(None),
                last_started_at: Set(None),
                last_finished_at: Set(None),
                last_error: Set(None),
                last_report: Set(None),
                runs: Set(0),
            };
            let txn = atrium_kernel::db::begin_write(&self.db).await?;
            job::Entity::insert(row)
                .on_conflict(OnConflict::column(job::Column::Name).update_column(job::Column::Schedule).to_owned())
                .exec_without_returning(&txn)
                .await?;
            txn.commit().await?;
        }
        Ok(())
    }

    /// Runs every job that is due and not leased by another worker.
    #[tracing::instrument(level = "debug", skip_all)]
    pub async fn tick(&self) -> Result<Vec<JobRun>, DbErr> {
        let mut runs = Vec::new();
        for job in self.jobs.iter() {
            let now = self.clock.now();
            if !self.claim(job.name(), now).await? {
                continue;
            }
            let outcome = job.run(now).await;
            let finished = self.clock.now();
            let next = next_run(job.schedule(), finished).map_err(DbErr::Custom)?;
            let (error, report) = match &outcome {
                Ok(report) => (None, Some(report.clone())),
                Err(e) => {
                    tracing::warn!(job = job.name(), error = %e, "scheduled job failed");
                    (Some(e.clone()), None)
                }
            };
            let txn = atrium_kernel::db::begin_write(&self.db).await?;
            job::Entity::update_many()
                .col_expr(job::Column::NextRunAt, Expr::value(next))
                .col_expr(job::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
                .col_expr(job::Column::LastFinishedAt, Expr::value(finished))
                .col_expr(job::Column::LastError, Expr::value(error))
                .col_expr(job::Column::LastReport, Expr::value(report))
                .col_expr(job::Column::Runs, Expr::col(job::Column::Runs).add(1))
                .filter(job::Column::Name.eq(job.name()))
                .exec(&txn)
                .await?;
            txn.commit().await?;
            runs.push(JobRun { name: job.name(), outcome });
        }
        Ok(runs)
    }

    /// One conditional UPDATE: exactly one worker wins a due, unleased job.
    async fn claim(&self, name: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
        let until = now + chrono::Duration::from_std(self.lease).unwrap_or(chrono::Duration::minutes(10));
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let claimed = job::Entity::update_many()
            .col_expr(job::Column::LockedUntil, Expr::value(until))
            .col_expr(job::Column::LastStartedAt, Expr::value(now))
            .filter(job::Column::Name.eq(name))
            .filter(job::Column::NextRunAt.lte(now))
            .filter(job::Column::LockedUntil.is_null().or(job::Column::LockedUntil.lte(now)))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(claimed.rows_affected == 1)
    }

    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        if let Err(e) = self.register().await {
            tracing::error!(error = %e, "cannot register scheduled jobs");
        }
        while !*shutdown.borrow() {
            if let Err(e) = self.tick().await {
                tracing::error!(error = %e, "scheduler tick failed");
            }
            tokio::select! {
                () = tokio::time::sleep(self.poll) => {},
                _ = shutdown.changed() => {},
            }
        }
    }
}

fn next_run(schedule: &str, after: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let cron: Cron = schedule.parse().map_err(|e| format!("bad schedule `{schedule}`: {e}"))?;
    cron.find_next_occurrence(&after, false).map_err(|e| format!("schedule `{schedule}`: {e}"))
}

/// Deletes delivered events older than the retention period (their deliveries go
/// with them). Events with a pending or dead delivery are kept until resolved.
pub struct RetentionJob {
    db: DatabaseConnection,
    keep: chrono::Duration,
}

impl RetentionJob {
    pub fn new(db: DatabaseConnection, keep: chrono::Duration) -> Self {
        Self { db, keep }
    }
}

#[async_trait]
impl Job for RetentionJob {
    fn name(&self) -> &'static str {
        "outbox.retention"
    }

    fn schedule(&self) -> &'static str {
        "17 3 * * *"
    }

    #[tracing::instrument(skip_all, fields(job = "outbox.retention"))]
    async fn run(&self, now: DateTime<Utc>) -> Result<String, String> {
        let backend = self.db.get_database_backend();
        let sql = "DELETE FROM outbox_events WHERE occurred_at < $1 AND position IS NOT NULL \
                   AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = outbox_events.id)";
        let sql = if backend == DbBackend::Postgres { sql.to_owned() } else { sql.replace('$', "?") };
        let cutoff = now - self.keep;
        let done = self
            .db
            .execute_raw(Statement::from_sql_and_values(backend, sql, [cutoff.into()]))
            .await
            .map_err(|e| e.to_string())?;
        Ok(format!("pruned {} events older than {cutoff}", done.rows_affected()))
    }
}
