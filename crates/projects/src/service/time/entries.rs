use atrium_events::projects::{TimeEntryCreated, TimeEntryDeleted, TimeEntryUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder, Text};
use atrium_outbox::publish;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use super::{TimeService, entry_out, entry_state, may_act_for, require_open};
use crate::dto::{
    ApprovalState, ProjectId, TaskId, TimeEntryFilter, TimeEntryId, TimeEntryIn, TimeEntryOut, TimeEntryPatch,
    check_year,
};
use crate::entity::{project, task, time_entry};
use crate::error::ProjectsError;
use crate::service::{changed, missing_reference};

impl TimeService {
    /// Logs time as a draft: the caller's own, or (owner, admin, billing) a member's.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %input.project_id))]
    pub async fn create_entry(&self, ctx: &OrgCtx, input: TimeEntryIn) -> Result<TimeEntryOut, AppError> {
        check_year(input.date.get())?;
        let member = match (input.member_id, ctx.user_id()) {
            (Some(m), _) | (None, Some(m)) => m,
            (None, None) => return Err(AppError::invalid("member_id", "is required when an API key logs time")),
        };
        may_act_for(ctx, member)?;
        if !self.is_member(ctx, member).await? {
            return Err(ProjectsError::MemberNotInOrg.into());
        }
        let txn = begin_write(&self.db).await?;
        let project = project::Entity::scoped(ctx.org_id)
            .filter(project::Column::Id.eq(input.project_id.into_uuid()))
            .one(&txn)
            .await?
            .ok_or(ProjectsError::NoSuchProject)?;
        if let Some(t) = input.task_id {
            require_task(&txn, ctx.org_id, project.id, t).await?;
        }
        let now = self.clock.now();
        let row = time_entry::ActiveModel {
            id: Set(TimeEntryId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            member_id: Set(member.into_uuid()),
            project_id: Set(project.id),
            engagement_id: Set(project.engagement_id),
            task_id: Set(input.task_id.map(Into::into)),
            date: Set(input.date.get()),
            minutes: Set(input.minutes),
            billable: Set(input.billable.unwrap_or(true)),
            note: Set(input.note.map(Text::into_inner)),
            approval_state: Set(ApprovalState::Draft.as_str().to_owned()),
            invoiced_by: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            rejection_reason: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = time_entry::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, ProjectsError::ReferenceVanished))?;
        publish(&txn, ctx, now, &TimeEntryCreated { entry: entry_state(&row)? }).await?;
        txn.commit().await?;
        entry_out(row)
    }

    /// Time entries, oldest first. Every id in the filter must be the
    /// organization's: another organization's project, engagement or member is a 404.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_entries(
        &self,
        ctx: &OrgCtx,
        f: &TimeEntryFilter,
        req: PageRequest,
    ) -> Result<Page<TimeEntryOut>, AppError> {
        let mut q = time_entry::Entity::scoped(ctx.org_id);
        if let Some(m) = f.member_id {
            let member = m
                .resolve(ctx.user_id())
                .map_err(|_| AppError::invalid("member_id", "`me` needs a user session, not an API key"))?;
            if !self.is_member(ctx, member).await? {
                return Err(AppError::NotFound("member"));
            }
            q = q.filter(time_entry::Column::MemberId.eq(member.into_uuid()));
        }
        if let Some(p) = f.project_id {
            self.require_project_exists(ctx, p).await?;
            q = q.filter(time_entry::Column::ProjectId.eq(p.into_uuid()));
        }
        if let Some(e) = f.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(AppError::NotFound("engagement"))?;
            q = q.filter(time_entry::Column::EngagementId.eq(e.into_uuid()));
        }
        if let (Some(from), Some(to)) = (f.date_from, f.date_to)
            && to.get() < from.get()
        {
            return Err(ProjectsError::DateRangeReversed.into());
        }
        if let Some(d) = f.date_from {
            q = q.filter(time_entry::Column::Date.gte(d.get()));
        }
        if let Some(d) = f.date_to {
            q = q.filter(time_entry::Column::Date.lte(d.get()));
        }
        if let Some(b) = f.billable {
            q = q.filter(time_entry::Column::Billable.eq(b));
        }
        if let Some(s) = f.approval_state {
            q = q.filter(time_entry::Column::ApprovalState.eq(s.as_str()));
        }
        match f.invoiced {
            Some(true) => q = q.filter(time_entry::Column::InvoicedBy.is_not_null()),
            Some(false) => q = q.filter(time_entry::Column::InvoicedBy.is_null()),
            None => {}
        }
        let rows = req.apply(q, time_entry::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(entry_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn get_entry(&self, ctx: &OrgCtx, id: TimeEntryId) -> Result<TimeEntryOut, AppError> {
        entry_out(time_entry::Entity::find_in(&self.db, ctx.org_id, id).await?)
    }

    /// Changes a draft or rejected entry (its member's own, for a member).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn update_entry(
        &self,
        ctx: &OrgCtx,
        id: TimeEntryId,
        patch: TimeEntryPatch,
        if_match: IfMatch,
    ) -> Result<TimeEntryOut, AppError> {
        if let Some(d) = patch.date {
            check_year(d.get())?;
        }
        let txn = begin_write(&self.db).await?;
        let current = locked_entry(&txn, ctx.org_id, id).await?;
        may_act_for(ctx, current.member_id.into())?;
        require_open(&current, "edited")?;
        if let Some(t) = patch.task_id.as_value() {
            require_task(&txn, ctx.org_id, current.project_id, *t).await?;
        }
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.task_id.into_change() {
            row.task_id = Set(v.map(Into::into));
        }
        if let Some(v) = patch.date {
            row.date = Set(v.get());
        }
        if let Some(v) = patch.minutes {
            row.minutes = Set(v);
        }
        if let Some(v) = patch.billable {
            row.billable = Set(v);
        }
        if let Some(v) = patch.note.into_change() {
            row.note = Set(v.map(Text::into_inner));
        }
        row.updated_at = Set(now);
        let updated = time_entry::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let (before, entry) = (entry_state(&current)?, entry_state(&updated)?);
        let changed = changed!(before, entry; task_id, date, minutes, billable, note);
        publish(&txn, ctx, now, &TimeEntryUpdated { entry, changed }).await?;
        txn.commit().await?;
        entry_out(updated)
    }

    /// Deletes a draft or rejected entry (its member's own, for a member).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn delete_entry(&self, ctx: &OrgCtx, id: TimeEntryId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked_entry(&txn, ctx.org_id, id).await?;
        may_act_for(ctx, current.member_id.into())?;
        require_open(&current, "deleted")?;
        time_entry::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let event = TimeEntryDeleted {
            id,
            member_id: current.member_id.into(),
            project_id: current.project_id.into(),
            engagement_id: current.engagement_id.into(),
            date: current.date,
            minutes: current.minutes,
        };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }

    pub(super) async fn require_project_exists(&self, ctx: &OrgCtx, id: ProjectId) -> Result<(), AppError> {
        let found =
            project::Entity::scoped(ctx.org_id).filter(project::Column::Id.eq(id.into_uuid())).count(&self.db).await?;
        if found == 0 { Err(AppError::NotFound("project")) } else { Ok(()) }
    }
}

/// The entry, locked until the transaction ends, so an approval and an edit of
/// it cannot interleave. (SQLite's single writer already serializes.)
pub(super) async fn locked_entry<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: TimeEntryId,
) -> Result<time_entry::Model, AppError> {
    time_entry::Entity::scoped(org)
        .filter(time_entry::Column::Id.eq(id.into_uuid()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound("time entry"))
}

/// A task of `project`, or a 422 on `task_id`.
async fn require_task<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    project: Uuid,
    id: TaskId,
) -> Result<(), AppError> {
    let found = task::Entity::scoped(org)
        .filter(task::Column::Id.eq(id.into_uuid()))
        .filter(task::Column::ProjectId.eq(project))
        .count(conn)
        .await?;
    if found == 0 { Err(ProjectsError::NoSuchTask.into()) } else { Ok(()) }
}
