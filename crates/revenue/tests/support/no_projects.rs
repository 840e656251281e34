//! Projects as revenue sees it when a test writes its invoices by hand: no time
//! to bill and no milestones.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_events::projects::{MilestoneId, TaskId};
use atrium_kernel::{AppError, OrganizationId, UserId};
use atrium_revenue::dto::EngagementId;
use atrium_revenue::{BillableTime, Projects};
use chrono::NaiveDate;

pub struct NoProjects;

#[async_trait]
impl Projects for NoProjects {
    async fn billable_time(
        &self,
        _: OrganizationId,
        _: EngagementId,
        _: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        Ok(Vec::new())
    }
    async fn member_names(&self, _: OrganizationId, _: &[UserId]) -> Result<HashMap<UserId, String>, AppError> {
        Ok(HashMap::new())
    }
    async fn task_titles(&self, _: OrganizationId, _: &[TaskId]) -> Result<HashMap<TaskId, String>, AppError> {
        Ok(HashMap::new())
    }
    async fn milestone_engagements(
        &self,
        _: OrganizationId,
        _: &[MilestoneId],
    ) -> Result<HashMap<MilestoneId, EngagementId>, AppError> {
        Ok(HashMap::new())
    }
}
