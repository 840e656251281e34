//! The comms service: the only writer of threads, messages, connections and their
//! sync state. Every method a user reaches takes `&OrgCtx` first; writes publish
//! their typed event in the same transaction.

pub(crate) mod connections;
mod notices;
pub(crate) mod outbound;
pub(crate) mod threads;

use std::sync::Arc;
use std::time::Duration;

use atrium_kernel::vault::ColumnVault;
use atrium_kernel::{AppError, Clock};
use sea_orm::DatabaseConnection;

use crate::ports::{Contacts, Engagements};
use crate::sync::metrics::SyncMetrics;

pub use connections::{Credentials, ImapSettings};
pub use notices::Notice;

/// The name of the scheduled sync job.
pub const SYNC_JOB: &str = "comms.mailbox_sync";
/// The actor of events the sync publishes.
pub const SYNC_ACTOR: &str = "system:comms-sync";
/// The actor of events the sender publishes.
pub const SEND_ACTOR: &str = "system:comms-sender";

#[derive(Debug, Clone)]
pub struct CommsConfig {
    /// Between two runs of a healthy connection.
    pub sync_interval: chrono::Duration,
    /// How long a worker holds a connection without renewing its lease (every
    /// imported message renews it).
    pub lease: chrono::Duration,
    /// The first sync's window when the connection does not set one (`COMMS_SYNC_WINDOW_DAYS`).
    pub default_window_days: i32,
    /// A message larger than this is skipped with its reason (`COMMS_MAX_MESSAGE_BYTES`).
    pub max_message_bytes: u64,
    /// A body or attachment part larger than this is not kept; the message records
    /// why (`COMMS_MAX_PART_BYTES`).
    pub max_part_bytes: u64,
    /// Connecting and signing in.
    pub connect_timeout: Duration,
    /// Any one IMAP command.
    pub command_timeout: Duration,
    /// The longest wait after failures in a row.
    pub max_backoff: chrono::Duration,
    /// The SMTP server messages are sent through (`COMMS_SMTP_URL`, lettre's URL form).
    pub smtp_url: Option<String>,
    /// Any one SMTP exchange.
    pub smtp_timeout: Duration,
    /// Attempts before a message that cannot be sent is `failed` (a permanent
    /// refusal, a 5xx, fails at once).
    pub max_send_attempts: i32,
    /// Overdue-invoice reminders are queued at once instead of waiting as drafts
    /// (`COMMS_AUTO_SEND_REMINDERS`).
    pub auto_send_reminders: bool,
}

impl Default for CommsConfig {
    fn default() -> Self {
        Self {
            sync_interval: chrono::Duration::minutes(5),
            lease: chrono::Duration::minutes(10),
            default_window_days: 90,
            max_message_bytes: 25 * 1024 * 1024,
            max_part_bytes: 10 * 1024 * 1024,
            connect_timeout: Duration::from_secs(20),
            command_timeout: Duration::from_secs(120),
            max_backoff: chrono::Duration::hours(1),
            smtp_url: None,
            smtp_timeout: Duration::from_secs(60),
            max_send_attempts: 8,
            auto_send_reminders: false,
        }
    }
}

#[derive(Clone)]
pub struct CommsService {
    pub(crate) db: DatabaseConnection,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) engagements: Arc<dyn Engagements>,
    pub(crate) contacts: Arc<dyn Contacts>,
    pub(crate) credentials: ColumnVault,
    pub(crate) cfg: Arc<CommsConfig>,
    pub(crate) metrics: SyncMetrics,
}

impl CommsService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        contacts: Arc<dyn Contacts>,
        credentials: ColumnVault,
        cfg: CommsConfig,
        metrics: SyncMetrics,
    ) -> Self {
        Self { db, clock, engagements, contacts, credentials, cfg: Arc::new(cfg), metrics }
    }

    pub fn config(&self) -> &CommsConfig {
        &self.cfg
    }

    /// The sync's Prometheus collectors (the gateway registers them).
    pub fn metrics(&self) -> &SyncMetrics {
        &self.metrics
    }
}

/// A JSON column read back into its type; a miss is a bug, not bad input.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> Result<T, AppError> {
    serde_json::from_value(v.clone()).map_err(|e| AppError::internal(format!("stored json: {e}")))
}

pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> Result<serde_json::Value, AppError> {
    serde_json::to_value(v).map_err(AppError::internal)
}
