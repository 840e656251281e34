//! What drives schedules besides the API: the daily runner job, and completed
//! milestones (an outbox subscriber).

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::projects::MilestoneCompleted;
use atrium_outbox::{DeliveryError, Event, Job, Subscriber};
use chrono::{DateTime, Utc};

use crate::service::{MILESTONE_BILLING, RUNNER_JOB, RevenueService};

/// Drafts what every active schedule owes, daily. Missed days catch up: a period
/// is due from the day after it ends until some run records it.
pub struct ScheduleRunnerJob(pub RevenueService);

#[async_trait]
impl Job for ScheduleRunnerJob {
    fn name(&self) -> &'static str {
        RUNNER_JOB
    }

    /// Shortly after midnight UTC, when yesterday's periods have ended.
    fn schedule(&self) -> &'static str {
        "5 0 * * *"
    }

    async fn run(&self, now: DateTime<Utc>) -> Result<String, String> {
        let s = self.0.run_due_schedules(now.date_naive()).await.map_err(|e| e.to_string())?;
        let report = format!(
            "{} schedules: {} invoices drafted, {} periods with nothing to bill, {} failed",
            s.schedules, s.invoiced, s.nothing_to_bill, s.failed
        );
        if s.failed > 0 { Err(report) } else { Ok(report) }
    }
}

/// Bills milestone schedules when `projects.milestone.completed` arrives.
/// Idempotent: a redelivered event meets the run already recorded for that
/// schedule and milestone.
pub struct MilestoneBillingSubscriber(pub RevenueService);

#[async_trait]
impl Subscriber for MilestoneBillingSubscriber {
    fn name(&self) -> &'static str {
        MILESTONE_BILLING
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == MilestoneCompleted::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let done: MilestoneCompleted = event.payload()?;
        let m = &done.milestone;
        self.0
            .bill_milestone(event.org_id, m.engagement_id, m.id, &m.name)
            .await
            .map(|_| ())
            .map_err(DeliveryError::new)
    }
}
