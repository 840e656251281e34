//! The schema at start-up. The embedded default (SQLite, one process) applies its
//! pending migrations itself, so `atrium serve` on a fresh checkout just works. On
//! PostgreSQL migrations are a release step run once (`atrium migrate up`), not by
//! every replica: a server started on an unmigrated database refuses to run, rather
//! than answering every request with a 500 about a missing table.

use atrium_migrations::{Migrator, MigratorTrait};
use sea_orm::{DatabaseConnection, DbErr};

use crate::app::BoxError;

/// Names of the migrations not yet applied (never creates the bookkeeping table).
pub async fn pending(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
    Ok(Migrator::get_pending_migrations_read_only(db).await?.iter().map(|m| m.name().to_owned()).collect())
}

/// Applies pending migrations when allowed (`apply`: SQLite, or `--migrate`), or
/// fails with the one line that says what to do.
pub async fn prepare(db: &DatabaseConnection, apply: bool) -> Result<(), BoxError> {
    let pending = pending(db).await?;
    if pending.is_empty() {
        return Ok(());
    }
    if !apply {
        return Err(format!(
            "{} database migration(s) pending ({}): run `atrium migrate up`, or start with `--migrate`",
            pending.len(),
            pending.join(", ")
        )
        .into());
    }
    Migrator::up(db, None).await?;
    tracing::info!(applied = pending.len(), migrations = %pending.join(", "), "applied pending database migrations");
    Ok(())
}
