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
    /// Files: maintenance of the object storage.
    Files {
        #[command(subcommand)]
        action: FilesAction,
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
