//! The `atrium` command line.

use atrium_migrations::{Migrator, MigratorTrait};
use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use crate::app::{self, BoxError};
use crate::config::Config;
use crate::{db, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "atrium",
    version,
    about = "Atrium: the backend for professional-services firms",
    long_about = "Atrium serves the Atrium HTTP API.\n\n\
        Quick start (embedded SQLite, no configuration):\n  \
        atrium migrate up\n  atrium serve\n  open http://127.0.0.1:8080/docs\n\n\
        Every flag can also be set with the environment variable shown in its help."
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the HTTP API (Swagger UI at /docs). On SQLite, pending migrations are
    /// applied first; on PostgreSQL the server refuses to start while any is pending.
    Serve {
        /// Apply pending migrations before serving (also on PostgreSQL).
        #[arg(long, env = "ATRIUM_MIGRATE")]
        migrate: bool,
    },
    /// Run background work only (the outbox dispatcher); any number may run at once.
    Worker,
    /// Apply or inspect database migrations.
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateAction>,
    },
    /// Print the OpenAPI document as JSON.
    Openapi,
    /// The vault's keys and the encrypted columns (ATRIUM_VAULT_KEYS).
    Secrets {
        #[command(subcommand)]
        action: SecretsAction,
    },
    /// Files: maintenance of the object storage.
    Files {
        #[command(subcommand)]
        action: FilesAction,
    },
}

#[derive(Debug, Clone, Subcommand)]
pub enum SecretsAction {
    /// Re-encrypt every protected value not under the first key of ATRIUM_VAULT_KEYS,
    /// in batches (each its own transaction; rerun after an interruption to continue).
    /// Exits non-zero when a value could not be opened (each is logged with its row and key id).
    Rotate {
        /// Rows per batch (per transaction).
        #[arg(long, default_value_t = atrium_kernel::vault::rotate::DEFAULT_BATCH)]
        batch_size: u64,
        /// Stop after this many batches per column (a later run continues).
        #[arg(long)]
        max_batches: Option<u64>,
    },
    /// The configured keys and how many values of each encrypted column are under each key.
    Status,
    /// Print a new key entry for ATRIUM_VAULT_KEYS (`<id>:<base64 of 32 random bytes>`).
    GenerateKey {
        /// The key id (1–32 characters of A–Z a–z 0–9 . _ -); default: `k<YYYYMMDD>`.
        #[arg(long)]
        id: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum FilesAction {
    /// Run the collector once: delete unreferenced blobs past the grace period,
    /// purge files deleted longer than the retention, report missing blobs.
    Gc {
        /// Report what would be done, change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum MigrateAction {
    /// Apply all pending migrations (the default).
    Up,
    /// Roll back the most recent migration.
    Down,
    /// List migrations and whether each is applied.
    Status,
}

pub async fn main() -> Result<(), BoxError> {
    let cli = Cli::parse();
    telemetry::init(cli.config.log_format);
    match cli.command {
        Command::Serve { migrate } => {
            let listener = TcpListener::bind(cli.config.bind_addr).await?;
            app::run(cli.config, listener, migrate).await
        }
        Command::Worker => app::work(cli.config).await,
        Command::Migrate { action } => {
            let conn = db::connect(&cli.config).await?;
            match action.unwrap_or(MigrateAction::Up) {
                MigrateAction::Up => Migrator::up(&conn, None).await?,
                MigrateAction::Down => Migrator::down(&conn, Some(1)).await?,
                MigrateAction::Status => Migrator::status(&conn).await?,
            }
            println!("migrations: done");
            Ok(())
        }
        Command::Secrets { action } => secrets(&cli.config, action).await,
        Command::Files { action: FilesAction::Gc { dry_run } } => {
            let state = app::AppState::build(&cli.config).await?;
            let report = state.files.collect(dry_run).await?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Openapi => {
            let doc = app::openapi_document().await?;
            println!("{}", doc.to_pretty_json()?);
            Ok(())
        }
    }
}

/// `atrium secrets …`: what it prints is for the operator (counts and key ids, never a key or a value).
async fn secrets(config: &Config, action: SecretsAction) -> Result<(), BoxError> {
    use atrium_kernel::vault::{KeySource, rotate};

    if let SecretsAction::GenerateKey { id } = action {
        let id = id.unwrap_or_else(|| format!("k{}", chrono::Utc::now().format("%Y%m%d")));
        let entry = format!("{id}:{}", atrium_kernel::vault::generate_key());
        // Checked as the server will read it.
        atrium_kernel::vault::KeyRing::from_config(Some(&entry), &config.secret_bytes())?;
        println!("{entry}");
        return Ok(());
    }
    // The configuration first: a malformed ring is reported before the database is touched.
    config.key_ring()?;
    let db = db::connect(config).await?;
    crate::schema::prepare(&db, false).await?;
    let state = app::AppState::with_db(config, db.clone(), std::sync::Arc::new(atrium_kernel::SystemClock))?;
    let ring = state.platform.keys().clone();
    let columns = state.platform.protected_columns();
    match action {
        SecretsAction::Rotate { batch_size, max_batches } => {
            println!("rotating {} encrypted column(s) to key `{}`", columns.len(), ring.current_key());
            let options = rotate::RotateOptions { batch_size, max_batches };
            let reports = rotate::rotate_all(&db, &ring, &columns, options).await?;
            for r in &reports {
                println!("{r}");
            }
            let failed: u64 = reports.iter().map(|r| r.failed).sum();
            let rotated: u64 = reports.iter().map(|r| r.rotated).sum();
            let current: u64 = reports.iter().map(|r| r.current).sum();
            println!("total: {rotated} rotated, {current} already current, {failed} failed");
            if failed > 0 {
                return Err(format!(
                    "{failed} value(s) could not be opened (see the log for each row and key id): \
                     add their keys to ATRIUM_VAULT_KEYS and run again"
                )
                .into());
            }
            Ok(())
        }
        SecretsAction::Status => {
            for k in ring.keys() {
                let source = match k.source {
                    KeySource::Configured => "ATRIUM_VAULT_KEYS",
                    KeySource::DerivedFromSecret => "derived from ATRIUM_SECRET",
                };
                println!("key {}: {source}{}", k.id, if k.seals { ", seals new values" } else { ", opens only" });
            }
            let known: Vec<String> = ring.keys().into_iter().map(|k| k.id).collect();
            for column in columns {
                let status = rotate::status_column(&db, column, rotate::DEFAULT_BATCH).await?;
                let counts: Vec<String> = status
                    .by_key
                    .iter()
                    .map(|(key, n)| {
                        let note = if key == ring.current_key() {
                            " (current)"
                        } else if key == "unsealed" {
                            " (NOT A SEALED VALUE)"
                        } else if key == "v1" || key == "plaintext" || known.contains(key) {
                            " (to rotate)"
                        } else {
                            " (KEY NOT CONFIGURED)"
                        };
                        format!("{key}: {n}{note}")
                    })
                    .collect();
                let counts = if counts.is_empty() { "no values".to_owned() } else { counts.join(", ") };
                println!("{}: {counts}", status.column);
            }
            Ok(())
        }
        SecretsAction::GenerateKey { .. } => Ok(()),
    }
}
