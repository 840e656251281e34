//! The revenue domain's daily jobs and its CRM merge subscriber.

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::crm::CompanyMerged;
use atrium_outbox::{DeliveryError, Event, Job, Subscriber};
use chrono::{DateTime, Utc};

use crate::service::{LEDGER_SYNC_JOB, LedgerService, MERGE_SUBSCRIBER, RECONCILE_JOB, REMINDER_JOB, RevenueService};

/// Daily: drafts a reminder for each overdue invoice that reached a new step.
pub struct ReminderJob(pub RevenueService);

#[async_trait]
impl Job for ReminderJob {
    fn name(&self) -> &'static str {
        REMINDER_JOB
    }

    /// Early in the UTC day, so reminders are drafted before the working day in
    /// Europe and the Americas; days past due count in UTC.
    fn schedule(&self) -> &'static str {
        "17 5 * * *"
    }

    async fn run(&self, now: DateTime<Utc>) -> Result<String, String> {
        let n = self.0.draft_due_reminders(now).await.map_err(|e| e.to_string())?;
        Ok(format!("drafted {n} reminders"))
    }
}

/// Daily [`RevenueService::reconcile_client_companies`].
pub struct ReconcileJob(pub RevenueService);

#[async_trait]
impl Job for ReconcileJob {
    fn name(&self) -> &'static str {
        RECONCILE_JOB
    }

    fn schedule(&self) -> &'static str {
        "53 4 * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let repaired = self.0.reconcile_client_companies().await.map_err(|e| e.to_string())?;
        tracing::info!(repaired, "revenue reconciliation finished");
        Ok(format!("repaired {repaired} invoices"))
    }
}

/// Daily: every connected organization's ledger sync (push, then pull).
pub struct LedgerSyncJob(pub LedgerService);

#[async_trait]
impl Job for LedgerSyncJob {
    fn name(&self) -> &'static str {
        LEDGER_SYNC_JOB
    }

    /// After the reminders and the reconciliation, so the day's state is pushed.
    fn schedule(&self) -> &'static str {
        "41 5 * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let (ok, failed) = self.0.sync_all().await.map_err(|e| e.to_string())?;
        Ok(format!("synced {ok} ledgers, {failed} with errors"))
    }
}

/// Repoints invoices' `client_company_id` on `crm.company.merged`.
pub struct CrmMergeSubscriber(pub RevenueService);

#[async_trait]
impl Subscriber for CrmMergeSubscriber {
    fn name(&self) -> &'static str {
        MERGE_SUBSCRIBER
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == CompanyMerged::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let merged: CompanyMerged = event.payload()?;
        self.0.repoint_merged_invoices(event, &merged).await.map_err(DeliveryError::new)?;
        Ok(())
    }
}
