//! The comms service: the only writer of threads, messages, connections and their
//! sync state. Every method a user reaches takes `&OrgCtx` first; writes publish
//! their typed event in the same transaction.

pub(crate) mod attachments;
pub(crate) mod connections;
mod drafts;
mod merges;
mod notices;
pub(crate) mod oauth;
pub(crate) mod outbound;
pub(crate) mod threads;

use std::sync::Arc;
use std::time::Duration;

use atrium_kernel::vault::ColumnVault;
use atrium_kernel::{AppError, Clock};
use sea_orm::DatabaseConnection;

use crate::ports::{Attachments, Contacts, Engagements, HostGuard, Ports};
use crate::sync::metrics::SyncMetrics;

pub use attachments::AttachmentSubscriber;
pub use connections::{Credentials, ImapSettings};
pub use merges::{ContactMergeSubscriber, MERGE_ACTOR};
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
    /// Gmail's OAuth client and endpoints (`COMMS_GMAIL_*`); `None`: Gmail cannot be connected.
    pub gmail: Option<OAuthProvider>,
    /// Microsoft's (identity platform and Graph; `COMMS_MICROSOFT_*`); `None`: Outlook mailboxes cannot be connected.
    pub microsoft: Option<OAuthProvider>,
    /// The public base URL of Atrium; providers return the browser to
    /// `{base}/api/v1/mailbox-connections/oauth/callback` (`COMMS_OAUTH_REDIRECT_BASE`).
    pub oauth_redirect_base: String,
    /// How long a started authorization can be finished.
    pub oauth_login_ttl: chrono::Duration,
    /// Any one provider API call (Gmail, Graph) or token exchange.
    pub api_timeout: Duration,
}

/// One mail provider's OAuth client and the endpoints it talks to. The URLs are
/// configuration so that tests point them at local servers.
#[derive(Clone)]
pub struct OAuthProvider {
    pub client_id: String,
    pub client_secret: String,
    /// Where the browser authorizes.
    pub auth_url: String,
    /// Where codes and refresh tokens are exchanged.
    pub token_url: String,
    /// The API root (Gmail: `https://gmail.googleapis.com`; Graph: `https://graph.microsoft.com`).
    pub api_base: String,
}

impl std::fmt::Debug for OAuthProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthProvider")
            .field("client_id", &self.client_id)
            .field("auth_url", &self.auth_url)
            .field("token_url", &self.token_url)
            .field("api_base", &self.api_base)
            .finish_non_exhaustive()
    }
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
            gmail: None,
            microsoft: None,
            oauth_redirect_base: "http://127.0.0.1:8080".into(),
            oauth_login_ttl: chrono::Duration::minutes(10),
            api_timeout: Duration::from_secs(60),
        }
    }
}

#[derive(Clone)]
pub struct CommsService {
    pub(crate) db: DatabaseConnection,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) engagements: Arc<dyn Engagements>,
    pub(crate) contacts: Arc<dyn Contacts>,
    pub(crate) hosts: Arc<dyn HostGuard>,
    pub(crate) attachments: Arc<dyn Attachments>,
    pub(crate) credentials: ColumnVault,
    pub(crate) cfg: Arc<CommsConfig>,
    pub(crate) metrics: SyncMetrics,
    pub(crate) tokens: TokenVaults,
    /// Provider APIs and token endpoints; redirects are not followed.
    pub(crate) http: reqwest::Client,
}

/// The vaults of the OAuth columns: the connections' access and refresh tokens
/// and the pending authorizations' PKCE verifiers.
#[derive(Clone)]
pub struct TokenVaults {
    pub access: ColumnVault,
    pub refresh: ColumnVault,
    pub pkce: ColumnVault,
}

impl CommsService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        ports: Ports,
        (credentials, tokens): (ColumnVault, TokenVaults),
        cfg: CommsConfig,
        metrics: SyncMetrics,
    ) -> Self {
        let http = reqwest::Client::builder()
            .timeout(cfg.api_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        let Ports { engagements, contacts, hosts, attachments } = ports;
        Self {
            db,
            clock,
            engagements,
            contacts,
            hosts,
            attachments,
            credentials,
            cfg: Arc::new(cfg),
            metrics,
            tokens,
            http,
        }
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
