use atrium_events::projects::{MemberCapacityCreated, MemberCapacityDeleted, MemberCapacityState};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::TimeService;
use super::availability::{days_of, mask_of};
use crate::dto::{
    DEFAULT_WEEK_MINUTES, DEFAULT_WORKING_DAYS, MAX_WEEK_MINUTES, MemberCapacityFilter, MemberCapacityId,
    MemberCapacityIn, MemberCapacityOut,
};
use crate::entity::member_capacity;
use crate::error::ProjectsError;

impl TimeService {
    /// Sets a member's weekly capacity from a date. Capacities never change in
    /// place; a later one takes over from its date, so history stays.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %input.member_id))]
    pub async fn create_capacity(&self, ctx: &OrgCtx, input: MemberCapacityIn) -> Result<MemberCapacityOut, AppError> {
        let minutes = input.minutes_per_week.unwrap_or(DEFAULT_WEEK_MINUTES);
        if !(0..=MAX_WEEK_MINUTES).contains(&minutes) {
            return Err(ProjectsError::WeekMinutesOutOfRange.into());
        }
        let days = input.working_days.as_deref().unwrap_or(&DEFAULT_WORKING_DAYS);
        let mask = mask_of(days).ok_or(ProjectsError::BadWorkingDays)?;
        // A working day holds at most a day: 2400 minutes over one day is a typo.
        if i64::from(minutes) > 1440 * i64::from(mask.count_ones()) {
            return Err(ProjectsError::MoreThanADayPerDay.into());
        }
        if !self.is_member(ctx, input.member_id).await? {
            return Err(ProjectsError::MemberNotInOrg.into());
        }
        let txn = begin_write(&self.db).await?;
        let same = member_capacity::Entity::scoped(ctx.org_id)
            .filter(member_capacity::Column::MemberId.eq(input.member_id.into_uuid()))
            .filter(member_capacity::Column::EffectiveFrom.eq(input.effective_from.get()))
            .one(&txn)
            .await?;
        if let Some(existing) = same {
            return Err(ProjectsError::CapacityExists { existing_id: existing.id }.into());
        }
        let now = self.clock.now();
        let row = member_capacity::ActiveModel {
            id: Set(MemberCapacityId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            member_id: Set(input.member_id.into_uuid()),
            effective_from: Set(input.effective_from.get()),
            minutes_per_week: Set(minutes),
            working_days: Set(mask),
            created_at: Set(now),
        };
        let row = member_capacity::Entity::insert(row).exec_with_returning(&txn).await.map_err(|e| {
            if atrium_kernel::error::is_unique_violation(&e) {
                AppError::conflict("a capacity for this member and date was just created; read again")
            } else {
                e.into()
            }
        })?;
        let state = capacity_state(&row);
        publish(&txn, ctx, now, &MemberCapacityCreated { capacity: state.clone() }).await?;
        txn.commit().await?;
        Ok(state.into())
    }

    /// Capacities, oldest first; another organization's member is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_capacities(
        &self,
        ctx: &OrgCtx,
        f: &MemberCapacityFilter,
        req: PageRequest,
    ) -> Result<Page<MemberCapacityOut>, AppError> {
        let mut q = member_capacity::Entity::scoped(ctx.org_id);
        if let Some(m) = f.member_id {
            let member = m
                .resolve(ctx.user_id())
                .map_err(|_| AppError::invalid("member_id", "`me` needs a user session, not an API key"))?;
            if !self.is_member(ctx, member).await? {
                return Err(AppError::NotFound("member"));
            }
            q = q.filter(member_capacity::Column::MemberId.eq(member.into_uuid()));
        }
        let rows = req.apply(q, member_capacity::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        Ok(page.map(|r| capacity_state(&r).into()))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, capacity_id = %id))]
    pub async fn get_capacity(&self, ctx: &OrgCtx, id: MemberCapacityId) -> Result<MemberCapacityOut, AppError> {
        Ok(capacity_state(&member_capacity::Entity::find_in(&self.db, ctx.org_id, id).await?).into())
    }

    /// Deletes a capacity: from its date the earlier one (or none) applies again.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, capacity_id = %id))]
    pub async fn delete_capacity(&self, ctx: &OrgCtx, id: MemberCapacityId) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = member_capacity::Entity::find_in(&txn, ctx.org_id, id).await?;
        member_capacity::Entity::delete_in(&txn, ctx.org_id, id, Default::default()).await?;
        publish(&txn, ctx, self.clock.now(), &MemberCapacityDeleted { capacity: capacity_state(&current) }).await?;
        txn.commit().await?;
        Ok(())
    }
}

fn capacity_state(r: &member_capacity::Model) -> MemberCapacityState {
    MemberCapacityState {
        id: r.id.into(),
        member_id: r.member_id.into(),
        effective_from: r.effective_from,
        minutes_per_week: r.minutes_per_week,
        working_days: days_of(r.working_days),
        created_at: r.created_at,
    }
}
