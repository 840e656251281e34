use std::collections::HashMap;

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, SortOrder};
use chrono::{Days, NaiveDate};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use super::projects::project_out;
use super::{ProjectsService, emit, missing_reference, with};
use crate::dto::{
    InstantiateIn, MilestoneId, MilestoneStatus, ProjectId, ProjectOut, ProjectStatus, ProjectTemplateId, TaskId,
    TaskStatus, TemplateBody, TemplateIn, TemplateOut, TemplatePatch,
};
use crate::entity::{milestone, project, task, template};

impl ProjectsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_template(&self, ctx: &OrgCtx, input: TemplateIn) -> Result<TemplateOut, AppError> {
        let body = TemplateBody { milestones: input.milestones, tasks: input.tasks };
        body.check()?;
        let txn = begin_write(&self.db).await?;
        let out = self.insert_template(&txn, ctx, input.name, input.description, body).await?;
        emit(
            &txn,
            ctx,
            out.created_at,
            "projects.template.created",
            "project_template",
            out.id.into_uuid(),
            json!(out),
        )
        .await?;
        txn.commit().await?;
        Ok(out)
    }

    pub(super) async fn insert_template<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        name: String,
        description: Option<String>,
        body: TemplateBody,
    ) -> Result<TemplateOut, AppError> {
        let now = self.clock.now();
        let row = template::ActiveModel {
            id: Set(ProjectTemplateId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(name.trim().to_owned()),
            description: Set(description),
            body: Set(json!(body)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        template_out(template::Entity::insert(row).exec_with_returning(conn).await?)
    }

    pub async fn list_templates(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<TemplateOut>, AppError> {
        let q = template::Entity::scoped(ctx.org_id);
        let rows = req.apply(q, template::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(template_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn get_template(&self, ctx: &OrgCtx, id: ProjectTemplateId) -> Result<TemplateOut, AppError> {
        template_out(self.find_template(&self.db, ctx, id).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
    pub async fn update_template(
        &self,
        ctx: &OrgCtx,
        id: ProjectTemplateId,
        patch: TemplatePatch,
        if_match: IfMatch,
    ) -> Result<TemplateOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_template(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let mut body = body_of(&current)?;
        if let Some(m) = patch.milestones {
            body.milestones = m;
        }
        if let Some(t) = patch.tasks {
            body.tasks = t;
        }
        body.check()?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.name {
            row.name = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v);
        }
        row.body = Set(json!(body));
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = template_out(row.update(&txn).await?)?;
        emit(&txn, ctx, now, "projects.template.updated", "project_template", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
    pub async fn delete_template(
        &self,
        ctx: &OrgCtx,
        id: ProjectTemplateId,
        if_match: IfMatch,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_template(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        template::Entity::delete_by_id(current.id).exec(&txn).await?;
        let data = json!({"id": current.id, "name": current.name});
        emit(&txn, ctx, self.clock.now(), "projects.template.deleted", "project_template", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    /// A project with the template's milestones and tasks, each due `offset_days`
    /// after `start_date`, written in one transaction: all of it or nothing. One
    /// event, `projects.project.instantiated`, stands for the whole creation.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
    pub async fn instantiate_template(
        &self,
        ctx: &OrgCtx,
        id: ProjectTemplateId,
        input: InstantiateIn,
    ) -> Result<ProjectOut, AppError> {
        // The template first: another organization's id is a 404 whatever the body says.
        let tpl = self.find_template(&self.db, ctx, id).await?;
        let engagement = self.require_engagement(ctx.org_id, input.engagement_id, "engagement_id").await?;
        let txn = begin_write(&self.db).await?;
        let tpl = self.find_template(&txn, ctx, tpl.id.into()).await?;
        let body = body_of(&tpl)?;
        let due = |offset: i32| -> Result<NaiveDate, AppError> {
            u64::try_from(offset)
                .ok()
                .and_then(|d| input.start_date.checked_add_days(Days::new(d)))
                .ok_or_else(|| AppError::invalid("start_date", "puts a due date out of range"))
        };
        // The project is due when its last milestone or task is.
        let last_offset =
            body.milestones.iter().map(|m| m.offset_days).chain(body.tasks.iter().map(|t| t.offset_days)).max();
        let now = self.clock.now();
        let project_row = project::ActiveModel {
            id: Set(ProjectId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(engagement.id),
            client_company_id: Set(engagement.client_company_id),
            name: Set(input.name.trim().to_owned()),
            description: Set(tpl.description.clone()),
            status: Set(ProjectStatus::Planned.as_str().to_owned()),
            start_date: Set(Some(input.start_date)),
            due_date: Set(last_offset.map(&due).transpose()?),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let project = project::Entity::insert(project_row)
            .exec_with_returning(&txn)
            .await
            .map_err(|e| missing_reference(e, "engagement_id", "no such engagement in this organization"))?;

        let mut by_key: HashMap<&str, Uuid> = HashMap::new();
        let mut milestone_ids = Vec::with_capacity(body.milestones.len());
        for m in &body.milestones {
            let id = MilestoneId::new().into_uuid();
            let row = milestone::ActiveModel {
                id: Set(id),
                organization_id: Set(ctx.org_id.into_uuid()),
                project_id: Set(project.id),
                name: Set(m.name.clone()),
                due_date: Set(Some(due(m.offset_days)?)),
                status: Set(MilestoneStatus::Open.as_str().to_owned()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            };
            milestone::Entity::insert(row).exec_without_returning(&txn).await?;
            by_key.insert(m.key.as_str(), id);
            milestone_ids.push(id);
        }
        let mut task_ids = Vec::with_capacity(body.tasks.len());
        for (i, t) in body.tasks.iter().enumerate() {
            let milestone_id = match &t.milestone_key {
                None => None,
                Some(k) => Some(by_key.get(k.as_str()).copied().ok_or_else(|| {
                    AppError::internal(format!("stored template {} names no milestone `{k}`", tpl.id))
                })?),
            };
            let id = TaskId::new().into_uuid();
            let row = task::ActiveModel {
                id: Set(id),
                organization_id: Set(ctx.org_id.into_uuid()),
                project_id: Set(project.id),
                milestone_id: Set(milestone_id),
                title: Set(t.title.clone()),
                description: Set(t.description.clone()),
                status: Set(TaskStatus::Todo.as_str().to_owned()),
                assignee_id: Set(None),
                due_date: Set(Some(due(t.offset_days)?)),
                estimate_minutes: Set(t.estimate_minutes),
                position: Set(i32::try_from(i).map_err(AppError::internal)?),
                completed_at: Set(None),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
            };
            task::Entity::insert(row).exec_without_returning(&txn).await?;
            task_ids.push(id);
        }
        let out = project_out(project)?;
        let data =
            with(json!(out), json!({"template_id": tpl.id, "milestone_ids": milestone_ids, "task_ids": task_ids}));
        emit(&txn, ctx, now, "projects.project.instantiated", "project", out.id.into_uuid(), data).await?;
        txn.commit().await?;
        Ok(out)
    }

    async fn find_template<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: ProjectTemplateId,
    ) -> Result<template::Model, AppError> {
        template::Entity::scoped(ctx.org_id)
            .filter(template::Column::Id.eq(id.into_uuid()))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("project template"))
    }
}

fn body_of(r: &template::Model) -> Result<TemplateBody, AppError> {
    serde_json::from_value(r.body.clone()).map_err(|e| AppError::internal(format!("stored template {}: {e}", r.id)))
}

pub(crate) fn template_out(r: template::Model) -> Result<TemplateOut, AppError> {
    let body = body_of(&r)?;
    Ok(TemplateOut {
        id: r.id.into(),
        name: r.name,
        description: r.description,
        milestones: body.milestones,
        tasks: body.tasks,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
