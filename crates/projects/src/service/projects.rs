use atrium_events::projects::{ProjectCreated, ProjectDeleted, ProjectState, ProjectUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Date, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder, Text};
use atrium_outbox::publish;
use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{ProjectsService, changed, missing_reference};
use crate::dto::{ProjectFilter, ProjectId, ProjectIn, ProjectOut, ProjectPatch, ProjectStatus, stored};
use crate::entity::{milestone, project, task, time_entry};
use crate::error::ProjectsError;

impl ProjectsService {
    /// Creates a project under an engagement; its client is the engagement's.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_project(&self, ctx: &OrgCtx, input: ProjectIn) -> Result<ProjectOut, AppError> {
        let (start, due) = (input.start_date.map(Date::get), input.due_date.map(Date::get));
        check_dates(start, due)?;
        let engagement = self.require_engagement(ctx.org_id, input.engagement_id).await?;
        let now = self.clock.now();
        let row = project::ActiveModel {
            id: Set(ProjectId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(engagement.id.into_uuid()),
            client_company_id: Set(engagement.client_company_id.map(Into::into)),
            name: Set(input.name.into_inner()),
            description: Set(input.description.map(Text::into_inner)),
            status: Set(input.status.unwrap_or(ProjectStatus::Planned).as_str().to_owned()),
            start_date: Set(start),
            due_date: Set(due),
            client_visible: Set(input.client_visible.unwrap_or(false)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = project::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, ProjectsError::NoSuchEngagement))?;
        let project = project_state(row)?;
        publish(&txn, ctx, now, &ProjectCreated { project: project.clone() }).await?;
        txn.commit().await?;
        Ok(project.into())
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_projects(
        &self,
        ctx: &OrgCtx,
        f: &ProjectFilter,
        req: PageRequest,
    ) -> Result<Page<ProjectOut>, AppError> {
        let mut q = project::Entity::scoped(ctx.org_id);
        if let Some(e) = f.engagement_id {
            q = q.filter(project::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(s) = f.status {
            q = q.filter(project::Column::Status.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(project::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(v) = f.client_visible {
            q = q.filter(project::Column::ClientVisible.eq(v));
        }
        let rows = req.apply(q, project::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| project_state(r).map(Into::into)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn get_project(&self, ctx: &OrgCtx, id: ProjectId) -> Result<ProjectOut, AppError> {
        Ok(project_state(project::Entity::find_in(&self.db, ctx.org_id, id).await?)?.into())
    }

    /// Applies the patch in one scoped statement that checks `If-Match`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn update_project(
        &self,
        ctx: &OrgCtx,
        id: ProjectId,
        patch: ProjectPatch,
        if_match: IfMatch,
    ) -> Result<ProjectOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = project::Entity::find_in(&txn, ctx.org_id, id).await?;
        let start = patch.start_date.into_change().map_or(current.start_date, |d| d.map(Date::get));
        let due = patch.due_date.into_change().map_or(current.due_date, |d| d.map(Date::get));
        check_dates(start, due)?;
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.into_inner());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v.map(Text::into_inner));
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        if let Some(v) = patch.client_visible {
            row.client_visible = Set(v);
        }
        row.start_date = Set(start);
        row.due_date = Set(due);
        let now = self.clock.now();
        row.updated_at = Set(now);
        let updated = project::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let (before, project) = (project_state(current)?, project_state(updated)?);
        let changed = changed!(before, project; name, description, status, start_date, due_date, client_visible);
        publish(&txn, ctx, now, &ProjectUpdated { project: project.clone(), changed }).await?;
        txn.commit().await?;
        Ok(project.into())
    }

    /// Deletes a project; its milestones and tasks go with it (the foreign keys
    /// cascade). The event lists what went. A project with logged time stays (409):
    /// the time is a record that billing may need.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn delete_project(&self, ctx: &OrgCtx, id: ProjectId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        // Locked, so time logged concurrently either is counted below or fails
        // its foreign key check once this delete commits.
        let current = self.lock_project(&txn, ctx, id).await?.ok_or(AppError::NotFound("project"))?;
        let task_ids: Vec<Uuid> = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::ProjectId.eq(current.id))
            .select_only()
            .column(task::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        let milestone_ids: Vec<Uuid> = milestone::Entity::scoped(ctx.org_id)
            .filter(milestone::Column::ProjectId.eq(current.id))
            .select_only()
            .column(milestone::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        let logged = time_entry::Entity::scoped(ctx.org_id)
            .filter(time_entry::Column::ProjectId.eq(current.id))
            .count(&txn)
            .await?;
        if logged > 0 {
            return Err(ProjectsError::ProjectHasTime.into());
        }
        project::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let event = ProjectDeleted {
            id,
            name: current.name,
            engagement_id: current.engagement_id.into(),
            client_company_id: current.client_company_id.map(Into::into),
            deleted_milestone_ids: milestone_ids.into_iter().map(Into::into).collect(),
            deleted_task_ids: task_ids.into_iter().map(Into::into).collect(),
        };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }
}

fn check_dates(start: Option<NaiveDate>, due: Option<NaiveDate>) -> Result<(), ProjectsError> {
    match (start, due) {
        (Some(s), Some(d)) if d < s => Err(ProjectsError::DueBeforeStart),
        _ => Ok(()),
    }
}

pub(crate) fn project_state(r: project::Model) -> Result<ProjectState, AppError> {
    Ok(ProjectState {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        client_company_id: r.client_company_id.map(Into::into),
        name: r.name,
        description: r.description,
        status: stored(&r.status)?,
        start_date: r.start_date,
        due_date: r.due_date,
        client_visible: r.client_visible,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
