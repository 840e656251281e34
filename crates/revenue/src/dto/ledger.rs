//! Wire types of ledger sync: connecting, mappings, and sync run reports.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

pub use crate::ledger::{MappingKind, Provider, RemoteOption};
pub use atrium_events::revenue::ledger::{LedgerConnectionId, LedgerMappingId, LedgerSyncIssue, LedgerSyncRunId};

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
