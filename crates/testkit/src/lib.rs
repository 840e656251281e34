//! Test support: every test gets its own migrated database, so tests run in
//! parallel. SQLite: a temp file. PostgreSQL: a fresh database created on the server
//! named by `TEST_DATABASE_URL` (default the local one) and dropped afterwards.
//!
//! When PostgreSQL is unreachable the Postgres variant of a test prints a SKIP line
//! and returns, unless `ATRIUM_REQUIRE_SERVICES=1` (CI), where it fails.

pub mod dovecot;
pub mod gmail;
pub mod graph;
pub mod oidc;
pub mod redis;
pub mod s3;
pub mod smtp;

use std::time::Duration;

use atrium_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

pub const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A migrated, isolated database that is removed when dropped.
pub struct TestDb {
    pub conn: DatabaseConnection,
    /// The URL a server under test can connect to.
    pub url: String,
    pub backend: Backend,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let db = Self::sqlite_unmigrated().await;
        Migrator::up(&db.conn, None).await.expect("migrate sqlite");
        db
    }

    async fn sqlite_unmigrated() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
        let conn = connect(&url).await.expect("open sqlite");
        TestDb { conn, url, backend: Backend::Sqlite, cleanup: Cleanup::Sqlite(dir) }
    }

    /// `None` (after printing why) when PostgreSQL is unreachable and not required.
    pub async fn postgres() -> Option<TestDb> {
        let db = Self::postgres_unmigrated().await?;
        Migrator::up(&db.conn, None).await.expect("migrate postgres");
        Some(db)
    }

    async fn postgres_unmigrated() -> Option<TestDb> {
        let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned());
        let admin = match connect(&admin_url).await {
            Ok(c) => c,
            Err(e) => {
                skip_or_fail("PostgreSQL", &admin_url, &e.to_string());
                return None;
            }
        };
        let name = format!("atrium_t_{}", uuid::Uuid::now_v7().simple());
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
        let _ = admin.close().await;
        let url = replace_db_name(&admin_url, &name);
        let conn = connect(&url).await.expect("connect to test database");
        Some(TestDb { conn, url, backend: Backend::Postgres, cleanup: Cleanup::Postgres { admin_url, name } })
    }

    /// An isolated database with no schema at all (for start-up tests).
    pub async fn unmigrated(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(Self::sqlite_unmigrated().await),
            Backend::Postgres => Self::postgres_unmigrated().await,
        }
    }

    pub async fn of(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(Self::sqlite().await),
            Backend::Postgres => Self::postgres().await,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime, which cannot block on itself:
            // a short-lived thread with its own runtime removes the database.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
                if let Ok(rt) = rt {
                    rt.block_on(async {
                        if let Ok(admin) = connect(&admin_url).await {
                            let _ =
                                admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                            let _ = admin.close().await;
                        }
                    });
                }
            })
            .join();
        }
    }
}

async fn connect(url: &str) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut opts = ConnectOptions::new(url.to_owned());
    // The pool a served test app runs on, with the production settings (see
    // gateway's db.rs) but a longer wait for a connection: nextest runs many apps,
    // each with its dispatcher, on two cores, and a slow acquire is not a bug.
    opts.max_connections(10)
        .connect_timeout(Duration::from_secs(3))
        .acquire_timeout(Duration::from_secs(20))
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(20))
                .foreign_keys(true)
        });
    }
    Database::connect(opts).await
}

fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let base = match base.rfind('/') {
        Some(i) if base[..i].contains("://") && i > base.find("://").map_or(0, |j| j + 2) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Inserts a bare organization row (for crates that cannot use identity's service)
/// and returns its id.
pub async fn seed_organization(conn: &DatabaseConnection) -> uuid::Uuid {
    use sea_orm::sea_query::{Alias, Query};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("organizations"))
        .columns(["id", "name", "slug", "version", "created_at", "updated_at"].map(Alias::new))
        .values_panic([
            id.into(),
            "Seeded org".into(),
            format!("seeded-{}", id.simple()).into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed organization");
    id
}

/// Inserts a bare user row (for crates that reference users but cannot use
/// identity's service) and returns its id.
pub async fn seed_user(conn: &DatabaseConnection) -> uuid::Uuid {
    use sea_orm::sea_query::{Alias, Query};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("users"))
        .columns(["id", "email", "name", "created_at", "updated_at"].map(Alias::new))
        .values_panic([
            id.into(),
            format!("user-{}@example.com", id.simple()).into(),
            "Seeded user".into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed user");
    id
}

/// Inserts a bare, active client company of `org` (for crates that keep copies of
/// CRM ids but cannot use CRM's service) and returns its id.
pub async fn seed_company(conn: &DatabaseConnection, org: uuid::Uuid, name: &str) -> uuid::Uuid {
    use sea_orm::sea_query::{Alias, Query};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let columns =
        ["id", "organization_id", "name", "name_normalized", "status", "tags", "version", "created_at", "updated_at"];
    let stmt = Query::insert()
        .into_table(Alias::new("client_companies"))
        .columns(columns.map(Alias::new))
        .values_panic([
            id.into(),
            org.into(),
            name.into(),
            name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().into(),
            "active".into(),
            serde_json::json!([]).into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed company");
    id
}

/// True in CI, where a missing service is a failure, never a skip.
pub fn services_required() -> bool {
    std::env::var("ATRIUM_REQUIRE_SERVICES").is_ok_and(|v| v == "1" || v == "true")
}

/// Prints a SKIP line, or panics when services are required.
pub fn skip_or_fail(service: &str, url: &str, why: &str) {
    if services_required() {
        panic!("{service} at {url} is required (ATRIUM_REQUIRE_SERVICES=1) but unreachable: {why}");
    }
    eprintln!("SKIP: {service} unreachable at {url} ({why}); test skipped");
}

/// Runs an async test body once per backend: `backend_tests!(name, body_fn)`
/// expands to `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    let db = $crate::TestDb::sqlite().await;
                    super::$name(&db).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(db) = $crate::TestDb::postgres().await {
                        super::$name(&db).await;
                    }
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::replace_db_name;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(replace_db_name("postgres://u@h:5432/postgres", "x"), "postgres://u@h:5432/x");
        assert_eq!(replace_db_name("postgres://u@h/db?sslmode=disable", "x"), "postgres://u@h/x?sslmode=disable");
        assert_eq!(replace_db_name("postgres://u@h:5432", "x"), "postgres://u@h:5432/x");
    }
}
