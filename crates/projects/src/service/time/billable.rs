use atrium_kernel::{AppError, OrgCtx, Scoped};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::TimeService;
use super::rates::{pick, rates_of};
use crate::dto::{ApprovalState, BillableTime, EngagementId};
use crate::entity::time_entry;

impl TimeService {
    /// What revenue bills next for an engagement: its approved, billable entries
    /// not yet billed, dated up to `up_to` (oldest first), each with the rates
    /// that price it on its day. Served by `ix_time_entries_unbilled`. An unknown
    /// or another organization's engagement is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %engagement))]
    pub async fn billable_time(
        &self,
        ctx: &OrgCtx,
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        let found =
            self.engagements.engagement(ctx.org_id, engagement).await?.ok_or(AppError::NotFound("engagement"))?;
        let rows = time_entry::Entity::scoped(ctx.org_id)
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
        let cards = self.cards_for(ctx, &members, engagement, up_to).await?;
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
}
