//! Reordering within a project. Positions are dense (0..n): a move takes the task
//! out of the project's order, puts it back at the target rank and rewrites only
//! the positions that changed, all under the project's lock. Only the moved task's
//! version changes: a neighbour's rank is not an edit of that task.

use std::collections::HashMap;

use atrium_events::projects::TaskMoved;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::publish;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::ProjectsService;
use super::tasks::task_state;
use crate::dto::{TaskId, TaskMoveIn, TaskOut};
use crate::entity::task;
use crate::error::ProjectsError;

/// Where the moved task goes, once its request is checked.
enum Target {
    Rank(usize),
    Before(Uuid),
    After(Uuid),
}

fn invalid(field: &'static str, message: &'static str) -> ProjectsError {
    ProjectsError::InvalidMove { field, message }
}

impl Target {
    fn of(input: &TaskMoveIn, id: TaskId) -> Result<Self, ProjectsError> {
        let target = match (input.position, input.before_id, input.after_id) {
            (Some(p), None, None) => {
                Self::Rank(usize::try_from(p).map_err(|_| invalid("position", "must not be negative"))?)
            }
            (None, Some(b), None) => Self::Before(b.into_uuid()),
            (None, None, Some(a)) => Self::After(a.into_uuid()),
            _ => return Err(invalid("position", "give exactly one of position, before_id and after_id")),
        };
        match target {
            Self::Before(other) if other == id.into_uuid() => Err(invalid("before_id", "must be another task")),
            Self::After(other) if other == id.into_uuid() => Err(invalid("after_id", "must be another task")),
            t => Ok(t),
        }
    }

    /// The rank the task takes in `order` (the project's other tasks, in order).
    fn rank(&self, order: &[Uuid]) -> Result<usize, ProjectsError> {
        let find = |other: &Uuid, field| {
            order.iter().position(|t| t == other).ok_or_else(|| invalid(field, "no such task in this project"))
        };
        Ok(match self {
            Self::Rank(r) => (*r).min(order.len()),
            Self::Before(other) => find(other, "before_id")?,
            Self::After(other) => find(other, "after_id")? + 1,
        })
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
        let target = Target::of(&input, id)?;
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.locked_task(&txn, ctx, id).await?;
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
        let rank = target.rank(&order)?;
        order.insert(rank, current.id);
        let to = i32::try_from(rank).map_err(AppError::internal)?;
        let dense = rows.iter().enumerate().all(|(i, (_, p))| usize::try_from(*p).ok() == Some(i));
        if to == current.position && dense {
            txn.rollback().await?;
            return Ok(task_state(current, engagement)?.into());
        }
        renumber(&txn, ctx.org_id, &order, rows.into_iter().collect(), current.id).await?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        row.position = Set(to);
        row.updated_at = Set(now);
        let moved = task::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let event = TaskMoved { task: task_state(moved, engagement)?, from_position: current.position };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(event.task.into())
    }
}

/// Writes each task's rank in `order` where it differs from `before`, except the
/// moved task's (its own update bumps its version).
#[allow(clippy::disallowed_methods)]
async fn renumber<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    order: &[Uuid],
    before: HashMap<Uuid, i32>,
    moved: Uuid,
) -> Result<(), AppError> {
    for (i, t) in order.iter().enumerate() {
        let p = i32::try_from(i).map_err(AppError::internal)?;
        if *t == moved || before.get(t) == Some(&p) {
            continue;
        }
        task::Entity::update_many()
            .col_expr(task::Column::Position, Expr::value(p))
            .filter(task::Column::OrganizationId.eq(org.into_uuid()))
            .filter(task::Column::Id.eq(*t))
            .exec(conn)
            .await?;
    }
    Ok(())
}
