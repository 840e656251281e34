use atrium_events::projects::{TaskCreated, TaskDeleted, TaskState, TaskStatusChanged, TaskUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Date, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder, Text};
use atrium_outbox::publish;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use uuid::Uuid;

use super::{ProjectsService, changed, engagement_of, engagements_of, lookup, missing_reference};
use crate::dto::{
    EngagementId, MilestoneId, ProjectId, TaskFilter, TaskId, TaskIn, TaskOut, TaskPatch, TaskStatus, stored,
};
use crate::entity::{milestone, task};
use crate::error::ProjectsError;

impl ProjectsService {
    /// Creates a task at the end of its project's order.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %input.project_id))]
    pub async fn create_task(&self, ctx: &OrgCtx, input: TaskIn) -> Result<TaskOut, AppError> {
        if let Some(user) = input.assignee_id {
            self.require_member(ctx, user).await?;
        }
        let txn = begin_write(&self.db).await?;
        let project = self.lock_project(&txn, ctx, input.project_id).await?.ok_or(ProjectsError::NoSuchProject)?;
        if let Some(m) = input.milestone_id {
            require_milestone(&txn, ctx.org_id, project.id, m).await?;
        }
        let last: Option<Option<i32>> = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::ProjectId.eq(project.id))
            .select_only()
            .column_as(task::Column::Position.max(), "last")
            .into_tuple()
            .one(&txn)
            .await?;
        let now = self.clock.now();
        let status = input.status.unwrap_or(TaskStatus::Todo);
        let row = task::ActiveModel {
            id: Set(TaskId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            project_id: Set(project.id),
            milestone_id: Set(input.milestone_id.map(Into::into)),
            title: Set(input.title.into_inner()),
            description: Set(input.description.map(Text::into_inner)),
            status: Set(status.as_str().to_owned()),
            assignee_id: Set(input.assignee_id.map(Into::into)),
            due_date: Set(input.due_date.map(Date::get)),
            estimate_minutes: Set(input.estimate_minutes),
            position: Set(last.flatten().map_or(0, |p| p + 1)),
            completed_at: Set((status == TaskStatus::Done).then_some(now)),
            client_visible: Set(input.client_visible.unwrap_or(false)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = task::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, ProjectsError::ReferenceVanished))?;
        let task = task_state(row, project.engagement_id.into())?;
        publish(&txn, ctx, now, &TaskCreated { task: task.clone() }).await?;
        txn.commit().await?;
        Ok(task.into())
    }

    /// Tasks across projects ("my work": `assignee_id=me`). With `project_id` they
    /// come in position order and the cursor continues after the last task's
    /// current position; otherwise oldest first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_tasks(&self, ctx: &OrgCtx, f: &TaskFilter, req: PageRequest) -> Result<Page<TaskOut>, AppError> {
        let mut q = task::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(task::Column::Status.eq(s.as_str()));
        }
        if let Some(a) = f.assignee_id {
            q = q.filter(task::Column::AssigneeId.eq(a.resolve(ctx.user_id())?.into_uuid()));
        }
        if let Some(d) = f.due_before {
            q = q.filter(task::Column::DueDate.lt(d.get()));
        }
        if let Some(m) = f.milestone_id {
            q = q.filter(task::Column::MilestoneId.eq(m.into_uuid()));
        }
        if let Some(v) = f.client_visible {
            q = q.filter(task::Column::ClientVisible.eq(v));
        }
        let q = match f.project_id {
            None => req.apply(q, task::Column::Id, SortOrder::Asc),
            Some(p) => self.in_position_order(ctx, q, p, &req).await?,
        };
        let rows = q.all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let engagements = engagements_of(&self.db, ctx.org_id, page.items.iter().map(|t| t.project_id)).await?;
        let items = page
            .items
            .into_iter()
            .map(|t| {
                let engagement = lookup(&engagements, t.project_id)?;
                task_state(t, engagement).map(Into::into)
            })
            .collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// `q` narrowed to one project's tasks in position order, continuing after the
    /// cursor's task at its current position.
    async fn in_position_order(
        &self,
        ctx: &OrgCtx,
        q: Select<task::Entity>,
        project: ProjectId,
        req: &PageRequest,
    ) -> Result<Select<task::Entity>, AppError> {
        let mut q = q.filter(task::Column::ProjectId.eq(project.into_uuid()));
        if let Some(after) = req.after {
            let at: i32 = task::Entity::scoped(ctx.org_id)
                .filter(task::Column::Id.eq(after))
                .filter(task::Column::ProjectId.eq(project.into_uuid()))
                .select_only()
                .column(task::Column::Position)
                .into_tuple()
                .one(&self.db)
                .await?
                .ok_or(ProjectsError::CursorGone)?;
            q = q.filter(
                Condition::any()
                    .add(task::Column::Position.gt(at))
                    .add(Condition::all().add(task::Column::Position.eq(at)).add(task::Column::Id.gt(after))),
            );
        }
        Ok(q.order_by_asc(task::Column::Position).order_by_asc(task::Column::Id).limit(req.limit + 1))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn get_task(&self, ctx: &OrgCtx, id: TaskId) -> Result<TaskOut, AppError> {
        let (row, engagement) = self.find_task(&self.db, ctx, id).await?;
        Ok(task_state(row, engagement)?.into())
    }

    /// Updates a task. Becoming `done` stamps `completed_at` (leaving `done` clears
    /// it), and a status change is also recorded as `projects.task.status_changed`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn update_task(
        &self,
        ctx: &OrgCtx,
        id: TaskId,
        patch: TaskPatch,
        if_match: IfMatch,
    ) -> Result<TaskOut, AppError> {
        patch.check()?;
        if let Some(user) = patch.assignee_id.as_value() {
            self.require_member(ctx, *user).await?;
        }
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.find_task(&txn, ctx, id).await?;
        if let Some(m) = patch.milestone_id.as_value() {
            require_milestone(&txn, ctx.org_id, current.project_id, *m).await?;
        }
        let now = self.clock.now();
        let old_status: TaskStatus = stored(&current.status)?;
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.title {
            row.title = Set(v.into_inner());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v.map(Text::into_inner));
        }
        if let Some(s) = patch.status
            && s != old_status
        {
            row.status = Set(s.as_str().to_owned());
            row.completed_at = Set((s == TaskStatus::Done).then_some(now));
        }
        if let Some(v) = patch.milestone_id.into_change() {
            row.milestone_id = Set(v.map(Into::into));
        }
        if let Some(v) = patch.assignee_id.into_change() {
            row.assignee_id = Set(v.map(Into::into));
        }
        if let Some(v) = patch.due_date.into_change() {
            row.due_date = Set(v.map(Date::get));
        }
        if let Some(v) = patch.estimate_minutes.into_change() {
            row.estimate_minutes = Set(v);
        }
        if let Some(v) = patch.client_visible {
            row.client_visible = Set(v);
        }
        row.updated_at = Set(now);
        let updated = task::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let (before, task) = (task_state(current, engagement)?, task_state(updated, engagement)?);
        let changed = changed!(before, task;
            title, description, status, milestone_id, assignee_id, due_date, estimate_minutes, completed_at, client_visible);
        publish(&txn, ctx, now, &TaskUpdated { task: task.clone(), changed }).await?;
        if task.status != old_status {
            let event = TaskStatusChanged {
                id,
                title: task.title.clone(),
                project_id: task.project_id,
                engagement_id: engagement,
                from: old_status,
                to: task.status,
            };
            publish(&txn, ctx, now, &event).await?;
        }
        txn.commit().await?;
        Ok(task.into())
    }

    /// Deletes a task and closes the gap it leaves in its project's order.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn delete_task(&self, ctx: &OrgCtx, id: TaskId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.locked_task(&txn, ctx, id).await?;
        task::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        close_gap(&txn, ctx.org_id, current.project_id, current.position).await?;
        let event = TaskDeleted {
            id,
            title: current.title,
            project_id: current.project_id.into(),
            engagement_id: engagement,
            milestone_id: current.milestone_id.map(Into::into),
        };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The task and its project's engagement.
    pub(super) async fn find_task<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: TaskId,
    ) -> Result<(task::Model, EngagementId), AppError> {
        let row = task::Entity::find_in(conn, ctx.org_id, id).await?;
        let engagement = engagement_of(conn, ctx.org_id, row.project_id).await?;
        Ok((row, engagement))
    }

    /// The task read again after locking its project, so its position is current.
    pub(super) async fn locked_task<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: TaskId,
    ) -> Result<(task::Model, EngagementId), AppError> {
        let (first, _) = self.find_task(conn, ctx, id).await?;
        self.lock_project(conn, ctx, first.project_id.into()).await?;
        self.find_task(conn, ctx, id).await
    }
}

/// A milestone of `project` (hence of the organization), or a 422 on
/// `milestone_id`. It stays locked until the transaction ends, so it cannot be
/// deleted between this check and the write that refers to it.
async fn require_milestone<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    project: Uuid,
    id: MilestoneId,
) -> Result<(), AppError> {
    milestone::Entity::scoped(org)
        .filter(milestone::Column::Id.eq(id.into_uuid()))
        .filter(milestone::Column::ProjectId.eq(project))
        .lock_shared()
        .one(conn)
        .await?
        .map(|_| ())
        .ok_or_else(|| ProjectsError::NoSuchMilestone.into())
}

/// Moves the project's tasks after `position` up one place (under the project's
/// lock). A neighbour's rank is not an edit of that task: no version bump.
#[allow(clippy::disallowed_methods)]
async fn close_gap<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    project: Uuid,
    position: i32,
) -> Result<(), AppError> {
    task::Entity::update_many()
        .col_expr(task::Column::Position, Expr::col(task::Column::Position).sub(1))
        .filter(task::Column::OrganizationId.eq(org.into_uuid()))
        .filter(task::Column::ProjectId.eq(project))
        .filter(task::Column::Position.gt(position))
        .exec(conn)
        .await?;
    Ok(())
}

pub(crate) fn task_state(r: task::Model, engagement_id: EngagementId) -> Result<TaskState, AppError> {
    Ok(TaskState {
        id: r.id.into(),
        project_id: r.project_id.into(),
        engagement_id,
        milestone_id: r.milestone_id.map(Into::into),
        title: r.title,
        description: r.description,
        status: stored(&r.status)?,
        assignee_id: r.assignee_id.map(Into::into),
        due_date: r.due_date,
        estimate_minutes: r.estimate_minutes,
        position: r.position,
        completed_at: r.completed_at,
        client_visible: r.client_visible,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
