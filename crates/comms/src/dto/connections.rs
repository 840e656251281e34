use atrium_kernel::{Email, Text};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::MailboxConnectionId;

/// The mail provider of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    Imap,
    Gmail,
    Microsoft,
}

impl Provider {
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Imap => "imap",
            Provider::Gmail => "gmail",
            Provider::Microsoft => "microsoft",
        }
    }
}

/// The sync state of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SyncState {
    /// Syncing every five minutes.
    Active,
    /// The last run failed; the next one waits longer each time.
    BackingOff,
    /// The provider refused the credentials; nothing syncs until they change or it is resumed.
    AuthFailed,
    Paused,
}

impl SyncState {
    pub fn as_str(self) -> &'static str {
        match self {
            SyncState::Active => "active",
            SyncState::BackingOff => "backing_off",
            SyncState::AuthFailed => "auth_failed",
            SyncState::Paused => "paused",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SyncState::Active, SyncState::BackingOff, SyncState::AuthFailed, SyncState::Paused]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// IMAP settings and password. Without TLS only a loopback host is accepted
/// (the password would otherwise cross the network in the clear).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"host": "imap.example.com", "port": 993, "tls": true,
    "username": "ada@example.com", "password": "app-password", "folder": "INBOX"}))]
pub struct ImapIn {
    #[schema(inline)]
    pub host: Text<253>,
    #[validate(range(min = 1, max = 65535, message = "must be a port from 1 to 65535"))]
    pub port: u32,
    /// Implicit TLS (IMAPS, usually port 993).
    pub tls: bool,
    #[schema(inline)]
    pub username: Text<320>,
    #[schema(inline)]
    pub password: Text<1000>,
    /// Default `INBOX`.
    #[schema(inline)]
    pub folder: Option<Text<200>>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"provider": "imap", "email_address": "ada@example.com",
    "imap": {"host": "imap.example.com", "port": 993, "tls": true, "username": "ada@example.com", "password": "app-password"}}))]
pub struct ConnectionIn {
    pub provider: Provider,
    /// The mailbox's own address: mail from it is outbound.
    #[schema(value_type = String, format = "email")]
    pub email_address: Email,
    /// Required for `imap`.
    #[validate(nested)]
    pub imap: Option<ImapIn>,
    /// How far back the first sync reads (default 90, at most 3650).
    #[validate(range(min = 1, max = 3650, message = "must be from 1 to 3650 days"))]
    pub sync_window_days: Option<i32>,
}

/// Changes to the IMAP settings; absent fields stay.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"password": "new-app-password"}))]
pub struct ImapPatch {
    #[schema(inline)]
    pub host: Option<Text<253>>,
    #[validate(range(min = 1, max = 65535, message = "must be a port from 1 to 65535"))]
    pub port: Option<u32>,
    pub tls: Option<bool>,
    #[schema(inline)]
    pub username: Option<Text<320>>,
    #[schema(inline)]
    pub password: Option<Text<1000>>,
    #[schema(inline)]
    pub folder: Option<Text<200>>,
}

/// New credentials end an `auth_failed` state; another host, user or folder
/// starts the cursor over (what was imported is not imported twice).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"imap": {"password": "new-app-password"}}))]
pub struct ConnectionPatch {
    #[schema(value_type = Option<String>, format = "email")]
    pub email_address: Option<Email>,
    #[validate(nested)]
    pub imap: Option<ImapPatch>,
    #[validate(range(min = 1, max = 3650, message = "must be from 1 to 3650 days"))]
    pub sync_window_days: Option<i32>,
}

/// IMAP settings as shown (never the password).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ImapSettingsOut {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    pub username: String,
    pub folder: String,
}

/// One message (or part) a run did not import, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SkipOut {
    /// The provider's id of the message (IMAP: its UID).
    pub provider_message_id: String,
    pub reason: String,
}

/// Sync health: what the last runs did and when the next one is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HealthOut {
    pub state: SyncState,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub last_run_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub last_success_at: Option<DateTime<Utc>>,
    /// Seconds since the last successful sync (`null` before the first).
    pub lag_seconds: Option<i64>,
    pub imported_last_run: i32,
    pub skipped_last_run: i32,
    pub imported_total: i64,
    /// What the last run skipped, and why.
    pub last_skips: Vec<SkipOut>,
    pub last_error: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub last_error_at: Option<DateTime<Utc>>,
    pub consecutive_failures: i32,
    /// `null` while paused or waiting for new credentials.
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub next_run_at: Option<DateTime<Utc>>,
    /// A worker holds the connection right now.
    pub syncing: bool,
    /// A full resync is queued for the next run.
    pub resync_requested: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ConnectionOut {
    pub id: MailboxConnectionId,
    pub provider: Provider,
    pub email_address: String,
    pub imap: Option<ImapSettingsOut>,
    pub sync_window_days: i32,
    pub health: HealthOut,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}
