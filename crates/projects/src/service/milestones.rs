use atrium_events::projects::{
    MilestoneCompleted, MilestoneCreated, MilestoneDeleted, MilestoneState, MilestoneUpdated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Date, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{ProjectsService, changed, engagement_of, engagements_of, lookup, missing_reference};
use crate::dto::{
    EngagementId, MilestoneFilter, MilestoneId, MilestoneIn, MilestoneOut, MilestonePatch, MilestoneStatus, stored,
};
use crate::entity::{milestone, project, task};
use crate::error::ProjectsError;

impl ProjectsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %input.project_id))]
    pub async fn create_milestone(&self, ctx: &OrgCtx, input: MilestoneIn) -> Result<MilestoneOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let project = project::Entity::scoped(ctx.org_id)
            .filter(project::Column::Id.eq(input.project_id.into_uuid()))
            .one(&txn)
            .await?
            .ok_or(ProjectsError::NoSuchProject)?;
        let now = self.clock.now();
        let row = milestone::ActiveModel {
            id: Set(MilestoneId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            project_id: Set(project.id),
            name: Set(input.name.into_inner()),
            due_date: Set(input.due_date.map(Date::get)),
            status: Set(input.status.unwrap_or(MilestoneStatus::Open).as_str().to_owned()),
            client_visible: Set(input.client_visible.unwrap_or(false)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let row = milestone::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, ProjectsError::NoSuchProject))?;
        let milestone = milestone_state(row, project.engagement_id.into())?;
        publish(&txn, ctx, now, &MilestoneCreated { milestone: milestone.clone() }).await?;
        txn.commit().await?;
        Ok(milestone.into())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
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
        if let Some(v) = f.client_visible {
            q = q.filter(milestone::Column::ClientVisible.eq(v));
        }
        let rows = req.apply(q, milestone::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let engagements = engagements_of(&self.db, ctx.org_id, page.items.iter().map(|m| m.project_id)).await?;
        let items = page
            .items
            .into_iter()
            .map(|m| {
                let engagement = lookup(&engagements, m.project_id)?;
                milestone_state(m, engagement).map(Into::into)
            })
            .collect::<Result<_, AppError>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
    pub async fn get_milestone(&self, ctx: &OrgCtx, id: MilestoneId) -> Result<MilestoneOut, AppError> {
        let (row, engagement) = self.find_milestone(&self.db, ctx, id).await?;
        Ok(milestone_state(row, engagement)?.into())
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
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.into_inner());
        }
        if let Some(v) = patch.due_date.into_change() {
            row.due_date = Set(v.map(Date::get));
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        if let Some(v) = patch.client_visible {
            row.client_visible = Set(v);
        }
        let now = self.clock.now();
        row.updated_at = Set(now);
        let updated = milestone::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let (before, milestone) = (milestone_state(current, engagement)?, milestone_state(updated, engagement)?);
        let changed = changed!(before, milestone; name, due_date, status, client_visible);
        let completed = before.status == MilestoneStatus::Open && milestone.status == MilestoneStatus::Done;
        publish(&txn, ctx, now, &MilestoneUpdated { milestone: milestone.clone(), changed }).await?;
        if completed {
            publish(&txn, ctx, now, &MilestoneCompleted { milestone: milestone.clone() }).await?;
        }
        txn.commit().await?;
        Ok(milestone.into())
    }

    /// Deletes a milestone; its tasks stay in the project without a milestone (the
    /// foreign key sets null). The event lists those tasks.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, milestone_id = %id))]
    pub async fn delete_milestone(&self, ctx: &OrgCtx, id: MilestoneId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let (current, engagement) = self.find_milestone(&txn, ctx, id).await?;
        let task_ids: Vec<Uuid> = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::MilestoneId.eq(current.id))
            .select_only()
            .column(task::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        milestone::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let event = MilestoneDeleted {
            milestone: milestone_state(current, engagement)?,
            detached_task_ids: task_ids.into_iter().map(Into::into).collect(),
        };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The milestone and its project's engagement.
    async fn find_milestone<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: MilestoneId,
    ) -> Result<(milestone::Model, EngagementId), AppError> {
        let row = milestone::Entity::find_in(conn, ctx.org_id, id).await?;
        let engagement = engagement_of(conn, ctx.org_id, row.project_id).await?;
        Ok((row, engagement))
    }

    /// The engagement of each of `ids` found in `org` (others are absent): revenue
    /// checks that a milestone schedule bills its own engagement's milestones.
    #[tracing::instrument(skip_all, fields(org_id = %org, n = ids.len()))]
    pub async fn milestone_engagements(
        &self,
        org: OrganizationId,
        ids: &[MilestoneId],
    ) -> Result<std::collections::HashMap<MilestoneId, EngagementId>, AppError> {
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in ids.chunks(500) {
            let rows: Vec<(Uuid, Uuid)> = milestone::Entity::scoped(org)
                .filter(milestone::Column::Id.is_in(chunk.iter().map(|m| m.into_uuid())))
                .select_only()
                .columns([milestone::Column::Id, milestone::Column::ProjectId])
                .into_tuple()
                .all(&self.db)
                .await?;
            let mut projects: Vec<Uuid> = rows.iter().map(|r| r.1).collect();
            projects.sort_unstable();
            projects.dedup();
            let engagements: std::collections::HashMap<Uuid, Uuid> = project::Entity::scoped(org)
                .filter(project::Column::Id.is_in(projects))
                .select_only()
                .columns([project::Column::Id, project::Column::EngagementId])
                .into_tuple::<(Uuid, Uuid)>()
                .all(&self.db)
                .await?
                .into_iter()
                .collect();
            for (m, p) in rows {
                if let Some(e) = engagements.get(&p) {
                    out.insert(m.into(), (*e).into());
                }
            }
        }
        Ok(out)
    }
}

pub(crate) fn milestone_state(r: milestone::Model, engagement_id: EngagementId) -> Result<MilestoneState, AppError> {
    Ok(MilestoneState {
        id: r.id.into(),
        project_id: r.project_id.into(),
        engagement_id,
        name: r.name,
        due_date: r.due_date,
        status: stored(&r.status)?,
        client_visible: r.client_visible,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
