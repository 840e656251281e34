//! Wire types of ledger sync: connecting, mappings, and sync run reports.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub use crate::ledger::{MappingKind, Provider, RecordKind, RemoteOption};
pub use atrium_events::revenue::ledger::{
    LedgerConnectionId, LedgerLinkId, LedgerMappingId, LedgerSyncIssue, LedgerSyncRunId,
};

/// Where to send the user to grant Atrium access to the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuthorizeOut {
    /// The provider's authorization page, carrying `state`.
    pub authorize_url: String,
    /// Comes back on the callback; valid for this organization only.
    pub state: String,
}

/// What the provider sends back to the callback.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct CallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    /// QuickBooks: the company (realm) the user picked.
    #[serde(rename = "realmId")]
    #[param(rename = "realmId")]
    pub realm_id: Option<String>,
    /// Set when the user or the provider refused.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionStatus {
    /// Authorization started, not finished.
    Pending,
    Connected,
    /// The ledger refused the grant: connect again.
    AuthFailed,
}

impl ConnectionStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            ConnectionStatus::Pending => "pending",
            ConnectionStatus::Connected => "connected",
            ConnectionStatus::AuthFailed => "auth_failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Connected, Self::AuthFailed].into_iter().find(|v| v.as_str() == s)
    }
}

/// The organization's ledger connection (tokens are never shown).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConnectionOut {
    pub id: LedgerConnectionId,
    pub provider: Provider,
    pub status: ConnectionStatus,
    /// QBO realm id or Xero tenant id.
    pub tenant: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub access_expires_at: Option<DateTime<Utc>>,
    /// Ledger payments changed after this were not pulled yet.
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub pull_watermark: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

/// Maps a tax rate (`local_key` = its id) or an account (`local_key` = `default`) to a ledger id.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "income_account", "local_key": "default", "remote_id": "1"}))]
pub struct MappingIn {
    pub kind: MappingKind,
    #[validate(length(min = 1, max = 64))]
    pub local_key: String,
    /// An id from `GET /api/v1/ledger/options/{kind}`.
    #[validate(length(min = 1, max = 100))]
    pub remote_id: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MappingOut {
    pub id: LedgerMappingId,
    pub kind: MappingKind,
    pub local_key: String,
    pub remote_id: String,
    pub remote_name: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MappingList {
    pub items: Vec<MappingOut>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OptionList {
    pub items: Vec<RemoteOption>,
}

/// A sync run's report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SyncRunOut {
    pub id: LedgerSyncRunId,
    pub provider: Provider,
    /// `manual` or `schedule`.
    pub trigger: String,
    /// `running`, `completed`, `partial` (some records failed or it stopped early) or `failed`.
    pub status: String,
    pub pushed: i32,
    pub pulled: i32,
    /// Already in sync.
    pub skipped: i32,
    /// Changed on both sides: flagged, not overwritten.
    pub conflicts: i32,
    pub errors: Vec<LedgerSyncIssue>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub started_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc_opt")]
    pub finished_at: Option<DateTime<Utc>>,
}

/// Where a record stands with the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Pushed (or pulled) and in step with the ledger as last seen.
    Synced,
    /// Being created: the ledger's answer has not been saved yet.
    Pending,
    /// The ledger refused the last push (`last_error` says why); retried by the next sync.
    Error,
    /// Changed on both sides: left alone until resolved.
    Conflict,
}

/// A local record and its counterpart in the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "record_type": "vendor",
    "record_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "remote_id": "58", "remote_version": "3",
    "status": "conflict", "last_error": "the ledger's vendor 58 changed since the last sync (version 2 → 3) and so did Atrium's",
    "updated_at": "2027-01-15T09:00:00Z"
}))]
pub struct LinkOut {
    pub id: LedgerLinkId,
    pub record_type: RecordKind,
    pub record_id: uuid::Uuid,
    /// The ledger's id, once it answered.
    pub remote_id: Option<String>,
    /// QBO `SyncToken` or Xero `UpdatedDateUTC`, as last seen.
    pub remote_version: Option<String>,
    pub status: LinkStatus,
    pub last_error: Option<String>,
    /// A payment reversed in Atrium: when its ledger record was deleted.
    pub remote_deleted_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct LinkFilter {
    #[param(inline)]
    pub status: Option<LinkStatus>,
    #[param(inline)]
    pub record_type: Option<RecordKind>,
}

/// Which side of a conflict wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Keep {
    /// Atrium's version: the next sync pushes it over the ledger's.
    Local,
    /// The ledger's version stands and its edits are copied into Atrium's record:
    /// a vendor's name and email, a bill's due date and vendor reference, an
    /// invoice's due date (never lines or amounts; nothing for customers, credit
    /// notes and payments), with the record's update event. Nothing is pushed back.
    Remote,
}

impl Keep {
    pub fn as_str(&self) -> &'static str {
        match self {
            Keep::Local => "local",
            Keep::Remote => "remote",
        }
    }
}

/// How to resolve a conflict.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"keep": "local"}))]
pub struct ResolveIn {
    pub keep: Keep,
}
