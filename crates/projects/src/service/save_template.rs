//! Saving a project as a template: the inverse of instantiation, so a project made
//! from a template saves back to the same milestones and tasks.

use std::collections::HashMap;

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

use super::{ProjectsService, emit, with};
use crate::dto::{
    MAX_OFFSET_DAYS, ProjectId, SaveAsTemplateIn, TemplateBody, TemplateMilestone, TemplateOut, TemplateTask,
};
use crate::entity::{milestone, task};

impl ProjectsService {
    /// Offsets count from the project's start date, or from the earliest due date
    /// when it has none. An item due before the start gets offset 0; a task without
    /// a due date takes its milestone's offset (or 0).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, project_id = %id))]
    pub async fn save_as_template(
        &self,
        ctx: &OrgCtx,
        id: ProjectId,
        input: SaveAsTemplateIn,
    ) -> Result<TemplateOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let project = self.find_project(&txn, ctx, id).await?;
        let mut milestones =
            milestone::Entity::scoped(ctx.org_id).filter(milestone::Column::ProjectId.eq(project.id)).all(&txn).await?;
        milestones.sort_by_key(|m| (m.due_date.is_none(), m.due_date, m.id));
        let tasks = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::ProjectId.eq(project.id))
            .order_by_asc(task::Column::Position)
            .order_by_asc(task::Column::Id)
            .all(&txn)
            .await?;
        let earliest =
            milestones.iter().filter_map(|m| m.due_date).chain(tasks.iter().filter_map(|t| t.due_date)).min();
        let base = project.start_date.or(earliest);
        let offset = |what: &str, due: Option<NaiveDate>| -> Result<Option<i32>, AppError> {
            let (Some(base), Some(due)) = (base, due) else { return Ok(None) };
            let days = (due - base).num_days().max(0);
            i32::try_from(days).ok().filter(|d| *d <= MAX_OFFSET_DAYS).map(Some).ok_or_else(|| {
                AppError::conflict(format!(
                    "{what} is due {days} days after the project's start; a template allows at most {MAX_OFFSET_DAYS}"
                ))
            })
        };

        let mut keys: HashMap<Uuid, (String, i32)> = HashMap::new();
        let mut body = TemplateBody::default();
        for (i, m) in milestones.iter().enumerate() {
            let key = format!("m{}", i + 1);
            let offset_days = offset(&format!("milestone `{}`", m.name), m.due_date)?.unwrap_or(0);
            keys.insert(m.id, (key.clone(), offset_days));
            body.milestones.push(TemplateMilestone { key, name: m.name.clone(), offset_days });
        }
        for t in &tasks {
            let milestone = t.milestone_id.and_then(|m| keys.get(&m));
            let offset_days = match offset(&format!("task `{}`", t.title), t.due_date)? {
                Some(d) => d,
                None => milestone.map_or(0, |(_, d)| *d),
            };
            body.tasks.push(TemplateTask {
                title: t.title.clone(),
                milestone_key: milestone.map(|(k, _)| k.clone()),
                offset_days,
                description: t.description.clone(),
                estimate_minutes: t.estimate_minutes,
            });
        }
        body.check()?;
        let out = self.insert_template(&txn, ctx, input.name, input.description, body).await?;
        let data = with(json!(out), json!({"source_project_id": project.id, "engagement_id": project.engagement_id}));
        emit(&txn, ctx, out.created_at, "projects.template.created", "project_template", out.id.into_uuid(), data)
            .await?;
        txn.commit().await?;
        Ok(out)
    }
}
