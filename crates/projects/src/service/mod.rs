//! The projects service: the only writer of projects, milestones, tasks and
//! templates. Every method takes `&OrgCtx` first; every write emits its event in
//! the same transaction, and event data carries `engagement_id` so the timeline
//! files it under the engagement.

mod milestones;
mod moves;
mod projects;
mod reconcile;
mod save_template;
mod tasks;
mod templates;

pub use reconcile::ReconcileJob;

use std::collections::HashMap;
use std::sync::Arc;

use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, UserId};
use atrium_outbox::{NewEvent, append_for};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, QueryFilter, QuerySelect};
use serde_json::Value;
use uuid::Uuid;

use crate::dto::ProjectId;
use crate::entity::project;
use crate::ports::{EngagementRef, Engagements, Members};

#[derive(Clone)]
pub struct ProjectsService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
    members: Arc<dyn Members>,
}

impl ProjectsService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        members: Arc<dyn Members>,
    ) -> Self {
        Self { db, clock, engagements, members }
    }

    async fn require_member(&self, ctx: &OrgCtx, user: UserId, field: &str) -> Result<(), AppError> {
        if self.members.is_member(ctx.org_id, user).await? {
            Ok(())
        } else {
            Err(AppError::invalid(field, "is not a member of this organization"))
        }
    }

    /// An engagement of the caller's organization, or a 422 on `field`.
    async fn require_engagement(&self, org: OrganizationId, id: Uuid, field: &str) -> Result<EngagementRef, AppError> {
        self.engagements
            .engagement(org, id)
            .await?
            .ok_or_else(|| AppError::invalid(field, "no such engagement in this organization"))
    }

    async fn find_project<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: ProjectId,
    ) -> Result<project::Model, AppError> {
        project::Entity::scoped(ctx.org_id)
            .filter(project::Column::Id.eq(id.into_uuid()))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("project"))
    }

    /// The project, locked until the transaction ends: creating, moving and deleting
    /// its tasks renumber positions, which must not interleave. (On SQLite the lock
    /// clause is dropped; its single writer already serializes.)
    async fn lock_project<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: Uuid,
    ) -> Result<Option<project::Model>, AppError> {
        Ok(project::Entity::scoped(ctx.org_id).filter(project::Column::Id.eq(id)).lock_exclusive().one(conn).await?)
    }
}

/// The engagement of each of `projects` (all of one organization).
async fn engagements_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    projects: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, Uuid>, AppError> {
    let mut ids: Vec<Uuid> = projects.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, Uuid)> = project::Entity::scoped(org)
        .filter(project::Column::Id.is_in(ids))
        .select_only()
        .column(project::Column::Id)
        .column(project::Column::EngagementId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

async fn emit<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    now: chrono::DateTime<chrono::Utc>,
    event_type: &str,
    aggregate_type: &str,
    id: Uuid,
    data: Value,
) -> Result<(), AppError> {
    append_for(conn, ctx, now, NewEvent::new(event_type, aggregate_type, id, data)).await?;
    Ok(())
}

/// `value` (a JSON object) with `extra`'s keys added.
fn with(mut value: Value, extra: Value) -> Value {
    if let (Some(obj), Value::Object(more)) = (value.as_object_mut(), extra) {
        obj.extend(more);
    }
    value
}

/// A foreign key that failed because a referenced row vanished between the check
/// and the write becomes the 422 the check would have given.
fn missing_reference(err: DbErr, field: &str, message: &str) -> AppError {
    if matches!(err.sql_err(), Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))) {
        AppError::invalid(field, message)
    } else {
        err.into()
    }
}

/// A milestone or assignee removed by another request between the check and the
/// write: the caller may retry and get the precise 422.
fn reference_vanished(err: DbErr) -> AppError {
    if matches!(err.sql_err(), Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_))) {
        AppError::conflict("a referenced milestone or user was deleted meanwhile; retry")
    } else {
        err.into()
    }
}
