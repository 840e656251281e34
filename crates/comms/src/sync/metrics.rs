//! What the sync reports to `/metrics`, beside each connection's health in the
//! API: runs by outcome, messages imported and skipped, and when each connection
//! last synced (lag is `time() - atrium_comms_last_success_timestamp_seconds`).

use prometheus::core::Collector;
use prometheus::{IntCounter, IntCounterVec, IntGaugeVec, Opts};

#[derive(Clone)]
pub struct SyncMetrics {
    pub runs: IntCounterVec,
    pub imported: IntCounter,
    pub skipped: IntCounter,
    pub last_success: IntGaugeVec,
}

impl SyncMetrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        Ok(Self {
            runs: IntCounterVec::new(
                Opts::new("atrium_comms_sync_runs_total", "Mailbox sync runs by outcome"),
                &["outcome"],
            )?,
            imported: IntCounter::new("atrium_comms_messages_imported_total", "Email messages imported by the sync")?,
            skipped: IntCounter::new(
                "atrium_comms_messages_skipped_total",
                "Email messages the sync did not import (too large, unreadable); each is listed in its connection's health",
            )?,
            last_success: IntGaugeVec::new(
                Opts::new(
                    "atrium_comms_last_success_timestamp_seconds",
                    "When each mailbox connection last synced successfully (Unix time)",
                ),
                &["connection_id"],
            )?,
        })
    }

    /// For the gateway's registry.
    pub fn collectors(&self) -> Vec<Box<dyn Collector>> {
        vec![
            Box::new(self.runs.clone()),
            Box::new(self.imported.clone()),
            Box::new(self.skipped.clone()),
            Box::new(self.last_success.clone()),
        ]
    }
}
