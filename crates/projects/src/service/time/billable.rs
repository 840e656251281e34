use atrium_kernel::{AppError, OrgCtx, OrganizationId, Scoped};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::TimeService;
use super::rates::{pick, rates_of};
use crate::dto::{ApprovalState, BillableTime, EngagementId, TaskId};
use crate::entity::{task, time_entry};

impl TimeService {
    /// What revenue bills next for an engagement: its approved, billable entries
    /// not yet billed, dated up to `up_to` (oldest first), each with the rates
    /// that price it on its day. Served by `ix_time_entries_unbilled`. An unknown
    /// or another organization's engagement is a 404.
    pub async fn billable_time(
        &self,
        ctx: &OrgCtx,
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        self.billable_time_in(ctx.org_id, engagement, up_to).await
    }

    /// [`Self::billable_time`] for a caller without a principal: revenue's
    /// scheduled runner, which acts for each organization in turn.
    #[tracing::instrument(skip_all, fields(org_id = %org, engagement_id = %engagement))]
    pub async fn billable_time_in(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        let found = self.engagements.engagement(org, engagement).await?.ok_or(AppError::NotFound("engagement"))?;
        let rows = time_entry::Entity::scoped(org)
            .filter(time_entry::Column::EngagementId.eq(engagement.into_uuid()))
            .filter(time_entry::Column::ApprovalState.eq(ApprovalState::Approved.as_str()))
            .filter(time_entry::Column::Billable.eq(true))
            .filter(time_entry::Column::InvoicedBy.is_null())
            .filter(time_entry::Column::Date.lte(up_to))
            .order_by_asc(time_entry::Column::Date)
            .order_by_asc(time_entry::Column::Id)
            .all(&self.db)
            .await?;
        let mut members: Vec<Uuid> = rows.iter().map(|r| r.member_id).collect();
        members.sort_unstable();
        members.dedup();
        let cards = self.cards_for(org, &members, engagement, up_to).await?;
        rows.into_iter()
            .map(|r| {
                let rates = pick(&cards, r.member_id, r.date, found.currency).map(|(c, _)| rates_of(c)).transpose()?;
                Ok(BillableTime {
                    entry_id: r.id.into(),
                    member_id: r.member_id.into(),
                    project_id: r.project_id.into(),
                    task_id: r.task_id.map(Into::into),
                    date: r.date,
                    minutes: r.minutes,
                    billing_rate: rates.map(|(b, _)| b),
                    cost_rate: rates.map(|(_, c)| c),
                })
            })
            .collect()
    }

    /// Titles of those of `tasks` in `org` (others are absent), printed on the
    /// invoice lines that bill time per task.
    #[tracing::instrument(skip_all, fields(org_id = %org, n = tasks.len()))]
    pub async fn task_titles(
        &self,
        org: OrganizationId,
        tasks: &[TaskId],
    ) -> Result<std::collections::HashMap<TaskId, String>, AppError> {
        let mut out = std::collections::HashMap::with_capacity(tasks.len());
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in tasks.chunks(500) {
            let rows: Vec<(Uuid, String)> = task::Entity::scoped(org)
                .filter(task::Column::Id.is_in(chunk.iter().map(|t| t.into_uuid())))
                .select_only()
                .columns([task::Column::Id, task::Column::Title])
                .into_tuple()
                .all(&self.db)
                .await?;
            out.extend(rows.into_iter().map(|(id, title)| (id.into(), title)));
        }
        Ok(out)
    }
}
