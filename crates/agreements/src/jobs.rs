//! The hourly job that expires sent proposals past their `valid_until`.

use async_trait::async_trait;
use atrium_outbox::Job;
use chrono::{DateTime, Utc};

use crate::service::{AgreementsService, EXPIRY_JOB};

pub struct ProposalExpiryJob {
    svc: AgreementsService,
}

impl ProposalExpiryJob {
    pub fn new(svc: AgreementsService) -> Self {
        Self { svc }
    }
}

#[async_trait]
impl Job for ProposalExpiryJob {
    fn name(&self) -> &'static str {
        EXPIRY_JOB
    }

    /// Hourly, so a proposal lapses within an hour of its last valid day ending
    /// (UTC) rather than up to a day later.
    fn schedule(&self) -> &'static str {
        "7 * * * *"
    }

    async fn run(&self, now: DateTime<Utc>) -> Result<String, String> {
        let n = self.svc.expire_due_proposals(now).await.map_err(|e| e.to_string())?;
        Ok(format!("expired {n} proposals"))
    }
}
