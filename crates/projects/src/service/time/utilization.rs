//! The utilization report: per member, the time they had (their capacity over the
//! period) against the time they logged and billed. Every role reads every
//! member's row, as every role reads every member's time entries: the report
//! shows nothing `/time-entries` and `/member-capacities` do not.

use std::collections::{BTreeSet, HashMap};

use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped, UserId};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, Condition, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::TimeService;
use super::availability::{Capacity, available_units, basis_points, basis_points_of_units, minutes_of};
use crate::dto::{ApprovalState, UtilizationBasis, UtilizationQuery, UtilizationRow};
use crate::entity::{member_capacity, time_entry};
use crate::error::ProjectsError;

/// A member's summed time in the period.
#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    logged: i64,
    billable: i64,
    approved: i64,
    approved_billable: i64,
}

impl TimeService {
    /// One page of members (by user id) with their capacity, logged, billable and
    /// approved time over `from..=to`. The members are those with time in the
    /// period matching the filters, and, when no project or engagement narrows
    /// it, those with a capacity in force in the period; `member_id` asks for one
    /// member's row whatever they have. Another organization's member, project or
    /// engagement is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn utilization(
        &self,
        ctx: &OrgCtx,
        q: &UtilizationQuery,
        req: PageRequest,
    ) -> Result<Page<UtilizationRow>, AppError> {
        let from = q.from.ok_or(ProjectsError::Required { field: "from" })?.get();
        let to = q.to.ok_or(ProjectsError::Required { field: "to" })?.get();
        if to < from {
            return Err(ProjectsError::PeriodReversed.into());
        }
        let member = match q.member_id {
            Some(m) => {
                let member = m
                    .resolve(ctx.user_id())
                    .map_err(|_| AppError::invalid("member_id", "`me` needs a user session, not an API key"))?;
                if !self.is_member(ctx, member).await? {
                    return Err(AppError::NotFound("member"));
                }
                Some(member)
            }
            None => None,
        };
        let mut time = Condition::all().add(time_entry::Column::Date.gte(from)).add(time_entry::Column::Date.lte(to));
        if let Some(p) = q.project_id {
            self.require_project_exists(ctx, p).await?;
            time = time.add(time_entry::Column::ProjectId.eq(p.into_uuid()));
        }
        if let Some(e) = q.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(AppError::NotFound("engagement"))?;
            time = time.add(time_entry::Column::EngagementId.eq(e.into_uuid()));
        }
        let narrowed = q.project_id.is_some() || q.engagement_id.is_some();
        let members = match member {
            Some(m) if req.after.is_none_or(|after| after < m.into_uuid()) => vec![m.into_uuid()],
            Some(_) => Vec::new(),
            None => self.member_page(ctx, time.clone(), (!narrowed).then_some(to), req).await?,
        };
        let page = Page::from_rows(members, &req, |m| *m);
        let sums = self.sums(ctx, time, &page.items).await?;
        let capacities = self.capacities(ctx, &page.items, to).await?;
        let basis = q.basis.unwrap_or_default();
        Ok(page.map(|m| {
            let s = sums.get(&m).copied().unwrap_or_default();
            let units = capacities.get(&m).map_or(0, |caps| available_units(caps, from, to));
            let (total, billable) = match basis {
                UtilizationBasis::Approved => (s.approved, s.approved_billable),
                UtilizationBasis::Logged => (s.logged, s.billable),
            };
            UtilizationRow {
                member_id: UserId::from(m),
                available_minutes: minutes_of(units),
                logged_minutes: s.logged,
                billable_minutes: s.billable,
                approved_minutes: s.approved,
                approved_billable_minutes: s.approved_billable,
                basis,
                utilization_bp: basis_points_of_units(billable, units),
                billable_share_bp: basis_points(billable, total),
            }
        }))
    }

    /// The next `limit + 1` member ids after the cursor: those with time matching
    /// `time`, and with a capacity starting by `capacity_to` when given. The union
    /// of two keyset pages, each read up to `limit + 1` on its index, holds the
    /// union's first `limit + 1`.
    async fn member_page(
        &self,
        ctx: &OrgCtx,
        time: Condition,
        capacity_to: Option<NaiveDate>,
        req: PageRequest,
    ) -> Result<Vec<Uuid>, AppError> {
        let mut q = time_entry::Entity::scoped(ctx.org_id).filter(time);
        if let Some(after) = req.after {
            q = q.filter(time_entry::Column::MemberId.gt(after));
        }
        let with_time: Vec<Uuid> = q
            .select_only()
            .column(time_entry::Column::MemberId)
            .distinct()
            .order_by_asc(time_entry::Column::MemberId)
            .limit(req.limit + 1)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut ids: BTreeSet<Uuid> = with_time.into_iter().collect();
        if let Some(to) = capacity_to {
            let mut q =
                member_capacity::Entity::scoped(ctx.org_id).filter(member_capacity::Column::EffectiveFrom.lte(to));
            if let Some(after) = req.after {
                q = q.filter(member_capacity::Column::MemberId.gt(after));
            }
            let with_capacity: Vec<Uuid> = q
                .select_only()
                .column(member_capacity::Column::MemberId)
                .distinct()
                .order_by_asc(member_capacity::Column::MemberId)
                .limit(req.limit + 1)
                .into_tuple()
                .all(&self.db)
                .await?;
            ids.extend(with_capacity);
        }
        // `limit` is at most 200, so the cast is lossless.
        Ok(ids.into_iter().take(req.limit as usize + 1).collect())
    }

    /// The summed minutes of `members` matching `time`, in one grouped query on
    /// `ix_time_entries_member_date`.
    async fn sums(&self, ctx: &OrgCtx, time: Condition, members: &[Uuid]) -> Result<HashMap<Uuid, Sums>, AppError> {
        if members.is_empty() {
            return Ok(HashMap::new());
        }
        let minutes = || Expr::col(time_entry::Column::Minutes);
        let sum = |e: Expr| -> Expr { Func::sum(e).into() };
        let minutes_if = |cond: Condition| sum(Expr::case(cond, minutes()).finally(0).into());
        let billable = || Condition::all().add(time_entry::Column::Billable.eq(true));
        let approved = || Condition::all().add(time_entry::Column::ApprovalState.eq(ApprovalState::Approved.as_str()));
        let rows: Vec<(Uuid, i64, i64, i64, i64)> = time_entry::Entity::scoped(ctx.org_id)
            .filter(time)
            .filter(time_entry::Column::MemberId.is_in(members.iter().copied()))
            .select_only()
            .column(time_entry::Column::MemberId)
            .column_as(sum(minutes()), "logged")
            .column_as(minutes_if(billable()), "billable")
            .column_as(minutes_if(approved()), "approved")
            .column_as(minutes_if(billable().add(approved())), "approved_billable")
            .group_by(time_entry::Column::MemberId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(m, logged, billable, approved, approved_billable)| {
                (m, Sums { logged, billable, approved, approved_billable })
            })
            .collect())
    }

    /// The capacities of `members` that can apply up to `to`, oldest first per member.
    async fn capacities(
        &self,
        ctx: &OrgCtx,
        members: &[Uuid],
        to: NaiveDate,
    ) -> Result<HashMap<Uuid, Vec<Capacity>>, AppError> {
        if members.is_empty() {
            return Ok(HashMap::new());
        }
        let rows = member_capacity::Entity::scoped(ctx.org_id)
            .filter(member_capacity::Column::MemberId.is_in(members.iter().copied()))
            .filter(member_capacity::Column::EffectiveFrom.lte(to))
            .order_by_asc(member_capacity::Column::MemberId)
            .order_by_asc(member_capacity::Column::EffectiveFrom)
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, Vec<Capacity>> = HashMap::new();
        for r in rows {
            out.entry(r.member_id).or_default().push(Capacity {
                from: r.effective_from,
                minutes_per_week: r.minutes_per_week,
                mask: r.working_days,
            });
        }
        Ok(out)
    }
}
