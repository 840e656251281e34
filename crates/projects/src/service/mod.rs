//! The projects service: the only writer of projects, milestones, tasks and
//! templates. Every method takes `&OrgCtx` first; every write publishes its typed
//! event in the same transaction, and project, milestone and task events name the
//! engagement so the timeline files them under it.

mod instantiate;
mod milestones;
mod moves;
mod projects;
mod reconcile;
mod save_template;
mod tasks;
mod templates;
mod time;

pub use reconcile::ReconcileJob;
pub use time::TimeService;

use std::collections::HashMap;
use std::sync::Arc;

use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, Scoped, UserId};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::dto::{EngagementId, ProjectId};
use crate::entity::project;
use crate::error::ProjectsError;
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

    async fn require_member(&self, ctx: &OrgCtx, user: UserId) -> Result<(), AppError> {
        if self.members.is_member(ctx.org_id, user).await? { Ok(()) } else { Err(ProjectsError::NotAMember.into()) }
    }

    /// An engagement of the caller's organization, or a 422 on `engagement_id`.
    async fn require_engagement(&self, org: OrganizationId, id: EngagementId) -> Result<EngagementRef, AppError> {
        Ok(self.engagements.engagement(org, id).await?.ok_or(ProjectsError::NoSuchEngagement)?)
    }

    /// The project, locked until the transaction ends: creating, moving and deleting
    /// its tasks renumber positions, which must not interleave. (On SQLite the lock
    /// clause is dropped; its single writer already serializes.)
    async fn lock_project<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: ProjectId,
    ) -> Result<Option<project::Model>, AppError> {
        Ok(project::Entity::scoped(ctx.org_id)
            .filter(project::Column::Id.eq(id.into_uuid()))
            .lock_exclusive()
            .one(conn)
            .await?)
    }
}

/// The engagement of each of `projects` (all of one organization).
async fn engagements_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    projects: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, EngagementId>, AppError> {
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
    Ok(rows.into_iter().map(|(p, e)| (p, e.into())).collect())
}

/// The engagement of one project of `org`, which must exist (its child row does).
async fn engagement_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    project: Uuid,
) -> Result<EngagementId, AppError> {
    engagements_of(conn, org, [project])
        .await?
        .remove(&project)
        .ok_or_else(|| AppError::internal(format!("a row of project {project} without its project")))
}

/// The engagement of a listed row's project, from `of`.
fn lookup(of: &HashMap<Uuid, EngagementId>, project: Uuid) -> Result<EngagementId, AppError> {
    of.get(&project).copied().ok_or_else(|| AppError::internal("a listed row without its project"))
}

/// A foreign key that failed because a referenced row vanished between the check
/// and the write becomes the error the check would have given.
fn missing_reference(err: DbErr, instead: ProjectsError) -> AppError {
    if atrium_kernel::error::is_foreign_key_violation(&err) { instead.into() } else { err.into() }
}

/// The names of the fields that differ between `before` and `after`.
macro_rules! changed {
    ($before:expr, $after:expr; $($field:ident),+ $(,)?) => {{
        let (before, after) = (&$before, &$after);
        let mut changed = Vec::new();
        $(if before.$field != after.$field {
            changed.push(stringify!($field).to_owned());
        })+
        changed
    }};
}
pub(crate) use changed;
