use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, SortOrder};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{ProjectsService, emit, missing_reference};
use crate::dto::{ProjectFilter, ProjectId, ProjectIn, ProjectOut, ProjectPatch, ProjectStatus};
use crate::entity::{milestone, project, task};

impl ProjectsService {
    /// Creates a project under an engagement; its client is the engagement's.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_project(&self, ctx: &OrgCtx, input: ProjectIn) -> Result<ProjectOut, AppError> {
        check_dates(input.start_date, input.due_date)?;
        let engagement = self.require_engagement(ctx.org_id, input.engagement_id, "engagement_id").await?;
        let now = self.clock.now();
        let row = project::ActiveModel {
            id: Set(ProjectId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(engagement.id),
            client_company_id: Set(engagement.client_company_id),
            name: Set(input.name.trim().to_owned()),
            description: Set(input.description),
            status: Set(input.status.unwrap_or(ProjectStatus::Planned).as_str().to_owned()),
            start_date: Set(input.start_date),
            due_date: Set(input.due_date),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = project::Entity::insert(row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, "engagement_id", "no such engagement in this organization"))?;
        let out = project_out(row)?;
        emit(&txn, ctx, now, "projects.project.created", "project", out.id.into_uuid(), json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    pub async fn list_projects(
        &self,
        ctx: &OrgCtx,
        f: &ProjectFilter,
        req: PageRequest,
    ) -> Result<Page<ProjectOut>, AppError> {
        let mut q = project::Entity::scoped(ctx.org_id);
        if let Some(e) = f.engagement_id {
            q = q.filter(project::Column::EngagementId.eq(e));
        }
        if let Some(s) = f.status {
            q = q.filter(project::Column::Status.eq(s.as_str()));
        }
        if let Some(c) = f.client_company_id {
            q = q.filter(project::Column::ClientCompanyId.eq(c));
        }
        let rows = req.apply(q, project::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(project_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn get_project(&self, ctx: &OrgCtx, id: ProjectId) -> Result<ProjectOut, AppError> {
        project_out(self.find_project(&self.db, ctx, id).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn update_project(
        &self,
        ctx: &OrgCtx,
        id: ProjectId,
        patch: ProjectPatch,
        if_match: IfMatch,
    ) -> Result<ProjectOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_project(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v);
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        let start = patch.start_date.into_change().unwrap_or(current.start_date);
        let due = patch.due_date.into_change().unwrap_or(current.due_date);
        check_dates(start, due)?;
        row.start_date = Set(start);
        row.due_date = Set(due);
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = project_out(row.update(&txn).await?)?;
        emit(&txn, ctx, now, "projects.project.updated", "project", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a project; its milestones and tasks go with it (the foreign keys
    /// cascade). The event lists what went.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn delete_project(&self, ctx: &OrgCtx, id: ProjectId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_project(&txn, ctx, id).await?;
        if_match.check(current.version)?;
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
        project::Entity::delete_by_id(current.id).exec(&txn).await?;
        let data = json!({
            "id": current.id,
            "name": current.name,
            "engagement_id": current.engagement_id,
            "client_company_id": current.client_company_id,
            "deleted_milestone_ids": milestone_ids,
            "deleted_task_ids": task_ids,
        });
        emit(&txn, ctx, self.clock.now(), "projects.project.deleted", "project", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }
}

fn check_dates(start: Option<NaiveDate>, due: Option<NaiveDate>) -> Result<(), AppError> {
    match (start, due) {
        (Some(s), Some(d)) if d < s => Err(AppError::invalid("due_date", "must not be before start_date")),
        _ => Ok(()),
    }
}

pub(crate) fn project_out(r: project::Model) -> Result<ProjectOut, AppError> {
    Ok(ProjectOut {
        id: r.id.into(),
        engagement_id: r.engagement_id,
        client_company_id: r.client_company_id,
        name: r.name,
        description: r.description,
        status: ProjectStatus::from_stored(&r.status)?,
        start_date: r.start_date,
        due_date: r.due_date,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
