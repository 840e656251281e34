//! Reordering within a project. Positions are dense (0..n): a move takes the task
//! out of the project's order, puts it back at the target rank and rewrites only
//! the positions that changed, all under the project's lock. Only the moved task's
//! version changes: a neighbour's rank is not an edit of that task.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::tasks::task_out;
use super::{ProjectsService, emit, with};
use crate::dto::{TaskId, TaskMoveIn, TaskOut};
use crate::entity::task;

/// Where the moved task goes, once its request is checked.
enum Target {
    Rank(usize),
    Before(Uuid),
    After(Uuid),
}

impl Target {
    fn of(input: &TaskMoveIn, id: Uuid) -> Result<Self, AppError> {
        let target = match (input.position, input.before_id, input.after_id) {
            (Some(p), None, None) => {
                Self::Rank(usize::try_from(p).map_err(|_| AppError::invalid("position", "must not be negative"))?)
            }
            (None, Some(b), None) => Self::Before(b.into_uuid()),
            (None, None, Some(a)) => Self::After(a.into_uuid()),
            _ => return Err(AppError::invalid("position", "give exactly one of position, before_id and after_id")),
        };
        match target {
            Self::Before(other) if other == id => Err(AppError::invalid("before_id", "must be another task")),
            Self::After(other) if other == id => Err(AppError::invalid("after_id", "must be another task")),
            t => Ok(t),
        }
    }
}

impl ProjectsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, task_id = %id))]
    pub async fn move_task(
        &self,
        ctx: &OrgCtx,
        id: TaskId,
        input: TaskMoveIn,
        if_match: IfMatch,
    ) -> Result<TaskOut, AppError> {
        let target = Target::of(&input, id.into_uuid())?;
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.locked_task(&txn, ctx, id.into_uuid()).await?;
        if_match.check(current.version)?;
        let rows: Vec<(Uuid, i32)> = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::ProjectId.eq(current.project_id))
            .select_only()
            .column(task::Column::Id)
            .column(task::Column::Position)
            .order_by_asc(task::Column::Position)
            .order_by_asc(task::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        let mut order: Vec<Uuid> = rows.iter().map(|(t, _)| *t).filter(|t| *t != current.id).collect();
        let find = |other: Uuid, field: &str| {
            order
                .iter()
                .position(|t| *t == other)
                .ok_or_else(|| AppError::invalid(field, "no such task in this project"))
        };
        let rank = match target {
            Target::Rank(r) => r.min(order.len()),
            Target::Before(other) => find(other, "before_id")?,
            Target::After(other) => find(other, "after_id")? + 1,
        };
        order.insert(rank, current.id);

        let to = i32::try_from(rank).map_err(AppError::internal)?;
        if to == current.position && rows.iter().enumerate().all(|(i, (_, p))| usize::try_from(*p).ok() == Some(i)) {
            txn.rollback().await?;
            return task_out(current, engagement);
        }
        let now = self.clock.now();
        let before: std::collections::HashMap<Uuid, i32> = rows.into_iter().collect();
        for (i, t) in order.iter().enumerate() {
            let p = i32::try_from(i).map_err(AppError::internal)?;
            if *t == current.id || before.get(t) == Some(&p) {
                continue;
            }
            task::Entity::update_many()
                .col_expr(task::Column::Position, Expr::value(p))
                .filter(task::Column::Id.eq(*t))
                .exec(&txn)
                .await?;
        }
        task::Entity::update_many()
            .col_expr(task::Column::Position, Expr::value(to))
            .col_expr(task::Column::Version, Expr::value(current.version + 1))
            .col_expr(task::Column::UpdatedAt, Expr::value(now))
            .filter(task::Column::Id.eq(current.id))
            .exec(&txn)
            .await?;
        let (moved, _) = self.find_task(&txn, ctx, current.id).await?;
        let out = task_out(moved, engagement)?;
        let data = with(json!(out), json!({"from_position": current.position}));
        emit(&txn, ctx, now, "projects.task.moved", "task", current.id, data).await?;
        txn.commit().await?;
        Ok(out)
    }
}
