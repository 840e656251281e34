//! Events of revenue's ledger sync: the connection to QuickBooks Online or Xero
//! (connected, authorization lost), the admin's mappings, and each sync run's
//! report, so all of it reaches the timeline.

use atrium_kernel::typed_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, Facets, event};

typed_id!(
    /// An organization's connection to its accounting ledger.
    LedgerConnectionId
);
typed_id!(
    /// One run of the ledger sync.
    LedgerSyncRunId
);
typed_id!(
    /// A mapping of a tax rate or account to a ledger id.
    LedgerMappingId
);
typed_id!(
    /// A record's link to its counterpart in the ledger.
    LedgerLinkId
);

/// `revenue.ledger.connected`: the OAuth grant was exchanged; the ledger's books are reachable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerConnected {
    pub id: LedgerConnectionId,
    /// `quickbooks` or `xero`.
    pub provider: String,
    /// The QBO realm or Xero tenant.
    pub tenant: String,
}

/// `revenue.ledger.auth_failed`: the ledger refused the grant (revoked, expired);
/// sync stops until an admin connects again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerAuthFailed {
    pub id: LedgerConnectionId,
    pub provider: String,
    pub reason: String,
}

/// `revenue.ledger.mapping_set`: a tax rate or account now maps to a ledger id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerMappingSet {
    pub id: LedgerMappingId,
    /// `tax_rate`, `income_account`, `expense_account` or `bank_account`.
    pub kind: String,
    pub local_key: String,
    pub remote_id: String,
}

/// One record the sync could not push or pull, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerSyncIssue {
    /// `customer`, `vendor`, `invoice`, `credit_note`, `payment`, `bill`, `bill_payment`, or `sync`.
    pub record_type: String,
    pub record_id: Option<String>,
    pub message: String,
}

/// `revenue.ledger.sync_finished`: a run's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerSyncFinished {
    pub id: LedgerSyncRunId,
    pub provider: String,
    /// `completed`, `partial` or `failed`.
    pub status: String,
    pub pushed: i32,
    pub pulled: i32,
    pub skipped: i32,
    pub conflicts: i32,
    pub errors: Vec<LedgerSyncIssue>,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
}

/// `revenue.ledger.conflict_resolved`: a record changed both in Atrium and in the
/// ledger was decided: Atrium's version is pushed by the next sync (`local`), or
/// the ledger's stands and Atrium's change is not pushed (`remote`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LedgerConflictResolved {
    pub id: LedgerLinkId,
    /// `customer`, `vendor`, `invoice`, `credit_note`, `payment`, `bill` or `bill_payment`.
    pub record_type: String,
    pub record_id: String,
    pub remote_id: Option<String>,
    /// `local` or `remote`.
    pub keep: String,
    /// The ledger's version the decision was taken against.
    pub remote_version: String,
    /// Keeping the ledger's version: the fields copied from the ledger into
    /// Atrium's record (empty when none differed, or the kind copies none).
    #[serde(default)]
    pub copied: Vec<String>,
}

event!(LedgerConnected, "revenue.ledger.connected", "ledger_connection", "The organization connected its ledger.",
    |e| e.id, facets: |e| Facets { label: Some(e.provider.clone()), ..Facets::default() });
event!(LedgerAuthFailed, "revenue.ledger.auth_failed", "ledger_connection",
    "The ledger refused the authorization; sync stopped until an admin connects again.",
    |e| e.id, facets: |e| Facets {
        summary: Some(format!("Ledger sync with {} stopped: {}", e.provider, e.reason)),
        ..Facets::default()
    });
event!(LedgerMappingSet, "revenue.ledger.mapping_set", "ledger_mapping", "A tax rate or account was mapped to the ledger.",
    |e| e.id, facets: |e| Facets { label: Some(format!("{} {}", e.kind, e.local_key)), ..Facets::default() });
event!(LedgerSyncFinished, "revenue.ledger.sync_finished", "ledger_sync_run", "A ledger sync run finished, with its report.",
    |e| e.id, facets: |e| Facets {
        summary: Some(format!(
            "Ledger sync with {} {}: {} pushed, {} pulled, {} conflicts, {} errors",
            e.provider, e.status, e.pushed, e.pulled, e.conflicts, e.errors.len()
        )),
        ..Facets::default()
    });

event!(LedgerConflictResolved, "revenue.ledger.conflict_resolved", "ledger_link",
    "A record changed on both sides was decided: Atrium's version or the ledger's.",
    |e| e.id, facets: |e| Facets {
        summary: Some(format!("Ledger conflict on {} {} resolved: kept {}", e.record_type, e.record_id, e.keep)),
        ..Facets::default()
    });

pub fn catalog() -> Vec<EventType> {
    vec![
        EventType::of::<LedgerConnected>(),
        EventType::of::<LedgerAuthFailed>(),
        EventType::of::<LedgerMappingSet>(),
        EventType::of::<LedgerSyncFinished>(),
        EventType::of::<LedgerConflictResolved>(),
    ]
}
