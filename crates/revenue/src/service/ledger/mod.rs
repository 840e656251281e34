//! Ledger sync: the organization's connection to QuickBooks Online or Xero, the
//! admin's mappings, and sync runs that push Atrium's records (idempotent by the
//! link table) and pull payments recorded in the ledger. Every method takes the
//! caller's organization first and reads and writes only its rows.

mod connection;
mod keep;
mod links;
mod mappings;
mod pull;
mod push;
mod records;
mod runs;

use std::sync::Arc;

use atrium_kernel::Clock;
use atrium_kernel::vault::ColumnVault;
use sea_orm::DatabaseConnection;

use crate::ledger::LedgerConfig;
use crate::ports::Parties;

pub use runs::{LEDGER_SYNC_JOB, SyncTrigger};

#[derive(Clone)]
pub struct LedgerService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    parties: Arc<dyn Parties>,
    config: Arc<LedgerConfig>,
    /// Seal and open the OAuth tokens.
    access_tokens: ColumnVault,
    refresh_tokens: ColumnVault,
}

impl LedgerService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        parties: Arc<dyn Parties>,
        config: LedgerConfig,
        access_tokens: ColumnVault,
        refresh_tokens: ColumnVault,
    ) -> Self {
        Self { db, clock, parties, config: Arc::new(config), access_tokens, refresh_tokens }
    }
}
