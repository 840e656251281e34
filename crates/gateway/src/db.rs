//! Opening the database: the SQLite file by default, PostgreSQL when configured.

use std::path::Path;
use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

use crate::config::Config;

/// A pooled connection idle at least this long is pinged before it is handed out.
pub const IDLE_PING_AFTER: Duration = Duration::from_secs(30);

pub async fn connect(config: &Config) -> Result<DatabaseConnection, DbErr> {
    if config.is_sqlite() {
        ensure_sqlite_dir(&config.database_url);
    }
    let mut opts = ConnectOptions::new(config.database_url.clone());
    opts.max_connections(config.database_max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        // sqlx pings every connection it hands out by default: one more round trip
        // before each statement outside a transaction. Only a connection idle long
        // enough to have been dropped by the server or a proxy is pinged now; a hot
        // one that broke fails its statement (a 503) and leaves the pool.
        .test_before_acquire_if_idle_for(IDLE_PING_AFTER)
        .sqlx_logging(false);
    if config.is_sqlite() {
        // WAL lets readers run while the single writer commits. Writers queue in
        // `atrium_kernel::db::begin_write` for as long as the pool's acquire
        // timeout; on a local file a wait is load, not an outage, so both it and
        // the busy timeout (another process holding the lock) get the whole
        // request timeout, which answers 503 when it runs out.
        let wait = config.request_timeout().max(Duration::from_secs(1));
        opts.acquire_timeout(wait);
        opts.map_sqlx_sqlite_opts(move |o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal).busy_timeout(wait).foreign_keys(true)
        });
    }
    Database::connect(opts).await
}

/// Creates the directory of a `sqlite://` file URL, so a fresh checkout just runs.
fn ensure_sqlite_dir(url: &str) {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return;
    }
    if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        tracing::warn!(dir = %dir.display(), error = %e, "cannot create the SQLite directory");
    }
}
