use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, SortOrder};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{ProjectsService, emit, engagements_of, missing_reference, with};
use crate::dto::{MilestoneFilter, MilestoneId, MilestoneIn, MilestoneOut, MilestonePatch, MilestoneStatus};
use crate::entity::{milestone, project, task};

impl ProjectsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_milestone(&self, ctx: &OrgCtx, input: MilestoneIn) -> Result<MilestoneOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let project = project::Entity::scoped(ctx.org_id)
            .filter(project::Column::Id.eq(input.project_id.into_uuid()))
            .one(&txn)
            .await?
            .ok_or_else(|| AppError::invalid("project_id", "no such project in this organization"))?;
        let now = self.clock.now();
        let row = milestone::ActiveModel {
            id: Set(MilestoneId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            project_id: Set(project.id),
            name: Set(input.name.trim().to_owned()),
            due_date: Set(input.due_date),
            status: Set(input.status.unwrap_or(MilestoneStatus::Open).as_str().to_owned()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = milestone::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, "project_id", "no such project in this organization"))?;
        let out = milestone_out(row, project.engagement_id)?;
        emit(&txn, ctx, now, "projects.milestone.created", "milestone", out.id.into_uuid(), json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    pub async fn list_milestones(
        &self,
        ctx: &OrgCtx,
        f: &MilestoneFilter,
        req: PageRequest,
    ) -> Result<Page<MilestoneOut>, AppError> {
        let mut q = milestone::Entity::scoped(ctx.org_id);
        if let Some(p) = f.project_id {
            q = q.filter(milestone::Column::ProjectId.eq(p.into_uuid()));
        }
        if let Some(s) = f.status {
            q = q.filter(milestone::Column::Status.eq(s.as_str()));
        }
        let rows = req.apply(q, milestone::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let engagements = engagements_of(&self.db, ctx.org_id, page.items.iter().map(|m| m.project_id)).await?;
        let items = page
            .items
            .into_iter()
            .map(|m| {
                let engagement = engagements
                    .get(&m.project_id)
                    .copied()
                    .ok_or_else(|| AppError::internal("a listed row without its project"))?;
                milestone_out(m, engagement)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn get_milestone(&self, ctx: &OrgCtx, id: MilestoneId) -> Result<MilestoneOut, AppError> {
        let (row, engagement) = self.find_milestone(&self.db, ctx, id).await?;
        milestone_out(row, engagement)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
    pub async fn update_milestone(
        &self,
        ctx: &OrgCtx,
        id: MilestoneId,
        patch: MilestonePatch,
        if_match: IfMatch,
    ) -> Result<MilestoneOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.find_milestone(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.due_date.into_change() {
            row.due_date = Set(v);
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = milestone_out(row.update(&txn).await?, engagement)?;
        emit(&txn, ctx, now, "projects.milestone.updated", "milestone", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a milestone; its tasks stay in the project without a milestone (the
    /// foreign key sets null). The event lists those tasks.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
    pub async fn delete_milestone(&self, ctx: &OrgCtx, id: MilestoneId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.find_milestone(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let task_ids: Vec<Uuid> = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::MilestoneId.eq(current.id))
            .select_only()
            .column(task::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        milestone::Entity::delete_by_id(current.id).exec(&txn).await?;
        let out = milestone_out(current.clone(), engagement)?;
        let data = with(json!(out), json!({"detached_task_ids": task_ids}));
        emit(&txn, ctx, self.clock.now(), "projects.milestone.deleted", "milestone", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The milestone and its project's engagement.
    async fn find_milestone<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: MilestoneId,
    ) -> Result<(milestone::Model, Uuid), AppError> {
        let row = milestone::Entity::scoped(ctx.org_id)
            .filter(milestone::Column::Id.eq(id.into_uuid()))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("milestone"))?;
        let engagement = engagements_of(conn, ctx.org_id, [row.project_id])
            .await?
            .get(&row.project_id)
            .copied()
            .ok_or_else(|| AppError::internal("milestone without its project"))?;
        Ok((row, engagement))
    }
}

pub(crate) fn milestone_out(r: milestone::Model, engagement_id: Uuid) -> Result<MilestoneOut, AppError> {
    Ok(MilestoneOut {
        id: r.id.into(),
        project_id: r.project_id.into(),
        engagement_id,
        name: r.name,
        due_date: r.due_date,
        status: MilestoneStatus::from_stored(&r.status)?,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
