//! Database helpers every domain uses.
//!
//! SQLite has one writer at a time. Writers in this process queue for it in
//! [`begin_write`] *before* they take a pool connection, so a queued writer holds
//! nothing: readers (WAL) and the current writer always find a free connection,
//! and nobody waits for the file lock inside SQLite's busy handler. PostgreSQL
//! needs no queue.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::Duration;

use sea_orm::{
    ConnAcquireErr, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult,
    QueryResult, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use tokio::sync::OwnedMutexGuard;

/// A write transaction: on SQLite it holds this process's writer slot for the
/// database until it is committed, rolled back or dropped. Use it wherever a
/// `DatabaseTransaction` is expected (it derefs to one and is a connection).
pub struct WriteTxn {
    // Fields drop in order: the transaction (rolling back if still open) before the slot.
    txn: DatabaseTransaction,
    _slot: Option<OwnedMutexGuard<()>>,
}

impl WriteTxn {
    /// Commits, then runs the [after-commit hook](set_after_commit).
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await?;
        if let Some(hook) = AFTER_COMMIT.get() {
            hook();
        }
        Ok(())
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

impl std::ops::Deref for WriteTxn {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl std::fmt::Debug for WriteTxn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriteTxn").field("queued", &self._slot.is_some()).finish()
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }
}

/// Runs after every committed [`WriteTxn`] of this process.
static AFTER_COMMIT: OnceLock<fn()> = OnceLock::new();

/// Installs the hook every committed [`WriteTxn`] runs (once per process; later
/// calls keep the first). The outbox wakes its dispatchers from it, so nothing
/// has to run inside the writer's transaction for that. It must be cheap and
/// must not block: it runs on the writer's task.
pub fn set_after_commit(hook: fn()) {
    let _ = AFTER_COMMIT.set(hook);
}

/// The writer queue of each SQLite file this process opened.
static WRITERS: LazyLock<Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>> = LazyLock::new(Default::default);

fn writer_of(db: &DatabaseConnection) -> (Arc<tokio::sync::Mutex<()>>, Duration) {
    let pool = db.get_sqlite_connection_pool();
    let file = pool.connect_options().get_filename().to_path_buf();
    let wait = pool.options().get_acquire_timeout();
    let mut writers = WRITERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    (writers.entry(file).or_default().clone(), wait)
}

/// Begins a transaction that will write.
///
/// On SQLite it first waits its turn in this process's writer queue (FIFO, up to
/// the pool's acquire timeout, then `ConnectionAcquire(Timeout)`, a 503), then
/// takes the file's write lock up front (`BEGIN IMMEDIATE`): a deferred
/// transaction that upgrades from read to write while another writer holds the
/// lock fails at once with "database is locked", whereas an immediate one waits
/// out the busy timeout (which only another process can make it do).
///
/// Never call it while holding another `WriteTxn` on the same database: the
/// second waits for the first.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(WriteTxn { txn: db.begin().await?, _slot: None });
    }
    let (writer, wait) = writer_of(db);
    let slot = tokio::time::timeout(wait, writer.lock_owned())
        .await
        .map_err(|_| DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))?;
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
        .await?;
    Ok(WriteTxn { txn, _slot: Some(slot) })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use sea_orm::{ConnectOptions, Database};

    use super::*;

    async fn sqlite(dir: &tempfile::TempDir, pool: u32) -> DatabaseConnection {
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
        let mut opts = ConnectOptions::new(url);
        opts.max_connections(pool).acquire_timeout(Duration::from_secs(10)).sqlx_logging(false);
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal).busy_timeout(Duration::from_millis(200))
        });
        Database::connect(opts).await.expect("open sqlite")
    }

    /// Another process holding the write lock past the busy timeout is a 503 the
    /// client may retry, not a 500.
    #[tokio::test]
    async fn a_lock_held_past_the_busy_timeout_is_unavailable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (holder, other) = (sqlite(&dir, 1).await, sqlite(&dir, 1).await);
        holder.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)").await.expect("create");
        // Two pools on one file are two "processes" to SQLite (the queue is per file,
        // so the second one writes without it, as another process would).
        let txn = holder.begin().await.expect("begin");
        txn.execute_unprepared("INSERT INTO t (n) VALUES (1)").await.expect("take the lock");
        let err = other.execute_unprepared("INSERT INTO t (n) VALUES (2)").await.expect_err("locked");
        assert!(crate::error::is_unavailable(&err), "{err:?}");
        txn.rollback().await.expect("rollback");
    }

    /// Many more writers than connections, a busy timeout far shorter than the
    /// queue: every write lands, none sees "database is locked" or a pool timeout,
    /// and a writer can still read through another pool connection.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn writers_queue_without_holding_connections() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = sqlite(&dir, 3).await;
        db.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)").await.expect("create");
        let done = Arc::new(AtomicUsize::new(0));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..40 {
            let (db, done) = (db.clone(), done.clone());
            tasks.spawn(async move {
                let txn = begin_write(&db).await.expect("begin");
                txn.execute_unprepared(&format!("INSERT INTO t (n) VALUES ({i})")).await.expect("insert");
                // A read on another pool connection while holding the writer slot.
                db.query_one_raw(Statement::from_string(DbBackend::Sqlite, "SELECT count(*) AS c FROM t"))
                    .await
                    .expect("read beside the writer");
                tokio::time::sleep(Duration::from_millis(10)).await;
                txn.commit().await.expect("commit");
                done.fetch_add(1, Ordering::Relaxed);
            });
        }
        while let Some(r) = tasks.join_next().await {
            r.expect("writer task");
        }
        assert_eq!(done.load(Ordering::Relaxed), 40);
        let row = db
            .query_one_raw(Statement::from_string(DbBackend::Sqlite, "SELECT count(*) AS c FROM t"))
            .await
            .expect("count")
            .expect("row");
        assert_eq!(row.try_get::<i64>("", "c").expect("c"), 40);
    }
}
