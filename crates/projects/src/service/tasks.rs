use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, SortOrder};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{ProjectsService, emit, engagements_of, reference_vanished};
use crate::dto::{MAX_ESTIMATE_MINUTES, TaskFilter, TaskId, TaskIn, TaskOut, TaskPatch, TaskStatus};
use crate::entity::{milestone, task};

impl ProjectsService {
    /// Creates a task at the end of its project's order.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_task(&self, ctx: &OrgCtx, input: TaskIn) -> Result<TaskOut, AppError> {
        if let Some(user) = input.assignee_id {
            self.require_member(ctx, user, "assignee_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let project = self
            .lock_project(&txn, ctx, input.project_id.into_uuid())
            .await?
            .ok_or_else(|| AppError::invalid("project_id", "no such project in this organization"))?;
        if let Some(m) = input.milestone_id {
            require_milestone(&txn, ctx.org_id, project.id, m.into_uuid()).await?;
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
            title: Set(input.title.trim().to_owned()),
            description: Set(input.description),
            status: Set(status.as_str().to_owned()),
            assignee_id: Set(input.assignee_id.map(Into::into)),
            due_date: Set(input.due_date),
            estimate_minutes: Set(input.estimate_minutes),
            position: Set(last.flatten().map_or(0, |p| p + 1)),
            completed_at: Set((status == TaskStatus::Done).then_some(now)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = task::Entity::insert(row).exec_with_returning(&txn).await.map_err(reference_vanished)?;
        let out = task_out(row, project.engagement_id)?;
        emit(&txn, ctx, now, "projects.task.created", "task", out.id.into_uuid(), json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Tasks across projects ("my work": `assignee_id=me`). With `project_id` they
    /// come in position order and the cursor continues after the last task's
    /// current position; otherwise oldest first.
    pub async fn list_tasks(&self, ctx: &OrgCtx, f: &TaskFilter, req: PageRequest) -> Result<Page<TaskOut>, AppError> {
        let mut q = task::Entity::scoped(ctx.org_id);
        if let Some(s) = f.status {
            q = q.filter(task::Column::Status.eq(s.as_str()));
        }
        if let Some(a) = f.assignee_id {
            q = q.filter(task::Column::AssigneeId.eq(a.resolve(ctx.user_id())?.into_uuid()));
        }
        if let Some(d) = f.due_before {
            q = q.filter(task::Column::DueDate.lt(d));
        }
        if let Some(m) = f.milestone_id {
            q = q.filter(task::Column::MilestoneId.eq(m.into_uuid()));
        }
        let q = match f.project_id {
            None => req.apply(q, task::Column::Id, SortOrder::Asc),
            Some(p) => {
                let mut q = q.filter(task::Column::ProjectId.eq(p.into_uuid()));
                if let Some(after) = req.after {
                    let at: Option<i32> = task::Entity::scoped(ctx.org_id)
                        .filter(task::Column::Id.eq(after))
                        .filter(task::Column::ProjectId.eq(p.into_uuid()))
                        .select_only()
                        .column(task::Column::Position)
                        .into_tuple()
                        .one(&self.db)
                        .await?
                        .ok_or_else(|| {
                            AppError::invalid("cursor", "the task at the cursor was deleted; start from the first page")
                        })?;
                    q = q.filter(
                        Condition::any()
                            .add(task::Column::Position.gt(at))
                            .add(Condition::all().add(task::Column::Position.eq(at)).add(task::Column::Id.gt(after))),
                    );
                }
                q.order_by_asc(task::Column::Position).order_by_asc(task::Column::Id).limit(req.limit + 1)
            }
        };
        let rows = q.all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let engagements = engagements_of(&self.db, ctx.org_id, page.items.iter().map(|t| t.project_id)).await?;
        let items = page
            .items
            .into_iter()
            .map(|t| {
                let engagement = engagements
                    .get(&t.project_id)
                    .copied()
                    .ok_or_else(|| AppError::internal("a listed row without its project"))?;
                task_out(t, engagement)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn get_task(&self, ctx: &OrgCtx, id: TaskId) -> Result<TaskOut, AppError> {
        let (row, engagement) = self.find_task(&self.db, ctx, id.into_uuid()).await?;
        task_out(row, engagement)
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
        if let Some(e) = patch.estimate_minutes.as_value()
            && !(0..=MAX_ESTIMATE_MINUTES).contains(e)
        {
            return Err(AppError::invalid("estimate_minutes", format!("must be between 0 and {MAX_ESTIMATE_MINUTES}")));
        }
        if let Some(user) = patch.assignee_id.as_value() {
            self.require_member(ctx, *user, "assignee_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.find_task(&txn, ctx, id.into_uuid()).await?;
        if_match.check(current.version)?;
        if let Some(m) = patch.milestone_id.as_value() {
            require_milestone(&txn, ctx.org_id, current.project_id, m.into_uuid()).await?;
        }
        let now = self.clock.now();
        let old_status = TaskStatus::from_stored(&current.status)?;
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.title {
            row.title = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v);
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
            row.due_date = Set(v);
        }
        if let Some(v) = patch.estimate_minutes.into_change() {
            row.estimate_minutes = Set(v);
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let row = row.update(&txn).await.map_err(reference_vanished)?;
        let out = task_out(row, engagement)?;
        emit(&txn, ctx, now, "projects.task.updated", "task", current.id, json!(out)).await?;
        if out.status != old_status {
            let data = json!({
                "id": out.id,
                "title": out.title,
                "project_id": out.project_id,
                "engagement_id": out.engagement_id,
                "from": old_status,
                "to": out.status,
            });
            emit(&txn, ctx, now, "projects.task.status_changed", "task", current.id, data).await?;
        }
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a task and closes the gap it leaves in its project's order.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn delete_task(&self, ctx: &OrgCtx, id: TaskId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.locked_task(&txn, ctx, id.into_uuid()).await?;
        if_match.check(current.version)?;
        task::Entity::delete_by_id(current.id).exec(&txn).await?;
        task::Entity::update_many()
            .col_expr(task::Column::Position, Expr::col(task::Column::Position).sub(1))
            .filter(task::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(task::Column::ProjectId.eq(current.project_id))
            .filter(task::Column::Position.gt(current.position))
            .exec(&txn)
            .await?;
        let data = json!({
            "id": current.id,
            "title": current.title,
            "project_id": current.project_id,
            "engagement_id": engagement,
            "milestone_id": current.milestone_id,
        });
        emit(&txn, ctx, self.clock.now(), "projects.task.deleted", "task", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The task and its project's engagement.
    pub(super) async fn find_task<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: Uuid,
    ) -> Result<(task::Model, Uuid), AppError> {
        let row = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::Id.eq(id))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("task"))?;
        let engagement = engagements_of(conn, ctx.org_id, [row.project_id])
            .await?
            .get(&row.project_id)
            .copied()
            .ok_or_else(|| AppError::internal("task without its project"))?;
        Ok((row, engagement))
    }

    /// The task read again after locking its project, so its position is current.
    pub(super) async fn locked_task<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: Uuid,
    ) -> Result<(task::Model, Uuid), AppError> {
        let (first, _) = self.find_task(conn, ctx, id).await?;
        self.lock_project(conn, ctx, first.project_id).await?;
        self.find_task(conn, ctx, id).await
    }
}

/// A milestone of `project` (hence of the organization), or a 422 on `milestone_id`.
async fn require_milestone<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    project: Uuid,
    id: Uuid,
) -> Result<(), AppError> {
    milestone::Entity::scoped(org)
        .filter(milestone::Column::Id.eq(id))
        .filter(milestone::Column::ProjectId.eq(project))
        .one(conn)
        .await?
        .map(|_| ())
        .ok_or_else(|| AppError::invalid("milestone_id", "no such milestone in this project"))
}

pub(crate) fn task_out(r: task::Model, engagement_id: Uuid) -> Result<TaskOut, AppError> {
    Ok(TaskOut {
        id: r.id.into(),
        project_id: r.project_id.into(),
        engagement_id,
        milestone_id: r.milestone_id.map(Into::into),
        title: r.title,
        description: r.description,
        status: TaskStatus::from_stored(&r.status)?,
        assignee_id: r.assignee_id.map(Into::into),
        due_date: r.due_date,
        estimate_minutes: r.estimate_minutes,
        position: r.position,
        completed_at: r.completed_at,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
