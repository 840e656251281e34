//! The collector: removes blobs no row references (past a grace period, so a blob
//! whose upload is about to write its row is never taken), abandons direct uploads
//! never completed, purges files deleted longer than the retention, and reports
//! version rows whose blob is missing. It works across organizations by design.

// A system job over every organization's files: the unscoped reads are the point.
#![allow(clippy::disallowed_methods)]

use std::collections::HashSet;

use async_trait::async_trait;
use atrium_kernel::AppError;
use atrium_kernel::db::begin_write;
use atrium_outbox::Job;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::FilesService;
use crate::dto::GcReport;
use crate::entity::{file_object, file_version};

/// Objects listed, and rows read, per round trip.
const PAGE: usize = 500;

impl FilesService {
    /// One collector run; with `dry_run` nothing is changed, only reported.
    #[tracing::instrument(skip_all, fields(dry_run))]
    pub async fn collect(&self, dry_run: bool) -> Result<GcReport, AppError> {
        let now = self.clock.now();
        let mut report = GcReport { dry_run, ..GcReport::default() };
        self.purge_deleted(now, dry_run, &mut report).await?;
        self.abandon_uploads(now, dry_run, &mut report).await?;
        self.sweep_store(now, dry_run, &mut report).await?;
        self.find_missing(&mut report).await?;
        tracing::info!(
            dry_run,
            scanned = report.scanned,
            deleted = report.deleted.len(),
            kept_in_grace = report.kept_in_grace,
            purged_files = report.purged_files,
            purged_versions = report.purged_versions,
            abandoned_uploads = report.abandoned_uploads,
            missing = report.missing.len(),
            "files collector run"
        );
        Ok(report)
    }

    async fn purge_deleted(&self, now: DateTime<Utc>, dry_run: bool, r: &mut GcReport) -> Result<(), AppError> {
        let cutoff = now - self.cfg.retention;
        let ids: Vec<Uuid> = file_object::Entity::find()
            .filter(file_object::Column::DeletedAt.lt(cutoff))
            .select_only()
            .column(file_object::Column::Id)
            .into_tuple()
            .all(&self.db)
            .await?;
        for chunk in ids.chunks(PAGE) {
            r.purged_files += chunk.len() as u64;
            r.purged_versions += file_version::Entity::find()
                .filter(file_version::Column::FileId.is_in(chunk.to_vec()))
                .count(&self.db)
                .await?;
            if !dry_run {
                // The versions go with their file (ON DELETE CASCADE); their blobs
                // become unreferenced and a later sweep past the grace removes them.
                let txn = begin_write(&self.db).await?;
                file_object::Entity::delete_many()
                    .filter(file_object::Column::Id.is_in(chunk.to_vec()))
                    .filter(file_object::Column::DeletedAt.lt(cutoff))
                    .exec(&txn)
                    .await?;
                txn.commit().await?;
            }
        }
        Ok(())
    }

    async fn abandon_uploads(&self, now: DateTime<Utc>, dry_run: bool, r: &mut GcReport) -> Result<(), AppError> {
        let cutoff = now - self.cfg.grace;
        let stale =
            file_object::Entity::find().filter(file_object::Column::PendingSince.lt(cutoff)).all(&self.db).await?;
        r.abandoned_uploads += stale.len() as u64;
        if dry_run || stale.is_empty() {
            return Ok(());
        }
        let txn = begin_write(&self.db).await?;
        let (never, later): (Vec<_>, Vec<_>) = stale.into_iter().partition(|f| f.current_version == 0);
        if !never.is_empty() {
            file_object::Entity::delete_many()
                .filter(file_object::Column::Id.is_in(never.iter().map(|f| f.id)))
                .filter(file_object::Column::CurrentVersion.eq(0))
                .exec(&txn)
                .await?;
        }
        if !later.is_empty() {
            file_object::Entity::update_many()
                .col_expr(file_object::Column::PendingKey, Expr::value(Option::<String>::None))
                .col_expr(file_object::Column::PendingSize, Expr::value(Option::<i64>::None))
                .col_expr(file_object::Column::PendingSha256, Expr::value(Option::<String>::None))
                .col_expr(file_object::Column::PendingSince, Expr::value(Option::<DateTime<Utc>>::None))
                .filter(file_object::Column::Id.is_in(later.iter().map(|f| f.id)))
                .filter(file_object::Column::PendingSince.lt(cutoff))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Lists the store page by page; for each page asks which keys rows name.
    async fn sweep_store(&self, now: DateTime<Utc>, dry_run: bool, r: &mut GcReport) -> Result<(), AppError> {
        let cutoff = now - self.cfg.grace;
        let mut after: Option<String> = None;
        loop {
            let page = self.store.list(after.as_deref(), PAGE).await?;
            r.scanned += page.objects.len() as u64;
            let keys: Vec<String> = page.objects.iter().map(|o| o.key.clone()).collect();
            let mut referenced: HashSet<String> = HashSet::new();
            if !keys.is_empty() {
                let by_version: Vec<String> = file_version::Entity::find()
                    .filter(file_version::Column::StorageKey.is_in(keys.clone()))
                    .select_only()
                    .column(file_version::Column::StorageKey)
                    .into_tuple()
                    .all(&self.db)
                    .await?;
                let by_pending: Vec<Option<String>> = file_object::Entity::find()
                    .filter(file_object::Column::PendingKey.is_in(keys))
                    .select_only()
                    .column(file_object::Column::PendingKey)
                    .into_tuple()
                    .all(&self.db)
                    .await?;
                referenced.extend(by_version);
                referenced.extend(by_pending.into_iter().flatten());
            }
            for o in &page.objects {
                if referenced.contains(&o.key) {
                    continue;
                }
                if o.modified >= cutoff {
                    r.kept_in_grace += 1;
                    continue;
                }
                if !dry_run {
                    self.store.delete(&o.key).await?;
                }
                r.deleted.push(o.key.clone());
            }
            match page.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        Ok(())
    }

    /// Version rows whose blob the store does not have.
    async fn find_missing(&self, r: &mut GcReport) -> Result<(), AppError> {
        let mut after: Option<Uuid> = None;
        let mut seen: HashSet<String> = HashSet::new();
        loop {
            let mut q = file_version::Entity::find().order_by_asc(file_version::Column::Id).limit(PAGE as u64);
            if let Some(a) = after {
                q = q.filter(file_version::Column::Id.gt(a));
            }
            let rows = q.all(&self.db).await?;
            let Some(last) = rows.last() else { break };
            after = Some(last.id);
            for v in rows {
                if seen.insert(v.storage_key.clone()) && self.store.head(&v.storage_key).await?.is_none() {
                    r.missing.push(v.storage_key);
                }
            }
        }
        Ok(())
    }
}

/// The daily collector run, through the scheduler.
pub struct CollectJob(pub FilesService);

#[async_trait]
impl Job for CollectJob {
    fn name(&self) -> &'static str {
        "files.collect"
    }

    fn schedule(&self) -> &'static str {
        "17 3 * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let report = self.0.collect(false).await.map_err(|e| e.to_string())?;
        serde_json::to_string(&report).map_err(|e| e.to_string())
    }
}
