//! Saving a project as a template: the inverse of instantiation, so a project made
//! from a template saves back to the same milestones and tasks.

use std::collections::HashMap;

use atrium_events::projects::TemplateCreated;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Scoped, Text};
use atrium_outbox::publish;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::ProjectsService;
use super::templates::template_state;
use crate::dto::{
    Key, MAX_OFFSET_DAYS, ProjectId, SaveAsTemplateIn, TemplateBody, TemplateMilestone, TemplateOut, TemplateTask,
};
use crate::entity::{milestone, project, task};
use crate::error::ProjectsError;

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
        let project = project::Entity::find_in(&txn, ctx.org_id, id).await?;
        let mut milestones =
            milestone::Entity::scoped(ctx.org_id).filter(milestone::Column::ProjectId.eq(project.id)).all(&txn).await?;
        milestones.sort_by_key(|m| (m.due_date.is_none(), m.due_date, m.id));
        let tasks = task::Entity::scoped(ctx.org_id)
            .filter(task::Column::ProjectId.eq(project.id))
            .order_by_asc(task::Column::Position)
            .order_by_asc(task::Column::Id)
            .all(&txn)
            .await?;
        let body = body_from(&project, &milestones, &tasks)?;
        body.check()?;
        let out = self.insert_template(&txn, ctx, input.name, input.description, body).await?;
        let event = TemplateCreated {
            template: template_state(&out),
            source_project_id: Some(id),
            engagement_id: Some(project.engagement_id.into()),
        };
        publish(&txn, ctx, out.created_at, &event).await?;
        txn.commit().await?;
        Ok(out)
    }
}

/// The template the project's milestones (in due order) and tasks (in position
/// order) make; milestone keys are `m1`, `m2`, ….
fn body_from(
    project: &project::Model,
    milestones: &[milestone::Model],
    tasks: &[task::Model],
) -> Result<TemplateBody, ProjectsError> {
    let earliest = milestones.iter().filter_map(|m| m.due_date).chain(tasks.iter().filter_map(|t| t.due_date)).min();
    let offsets = Offsets { base: project.start_date.or(earliest) };
    let mut keys: HashMap<Uuid, (Key, i32)> = HashMap::new();
    let mut body = TemplateBody::default();
    for (i, m) in milestones.iter().enumerate() {
        let what = format!("milestone `{}`", m.name);
        let key = text(&what, &format!("m{}", i + 1))?;
        let offset_days = offsets.of(&what, m.due_date)?.unwrap_or(0);
        keys.insert(m.id, (key.clone(), offset_days));
        body.milestones.push(TemplateMilestone { key, name: text(&what, &m.name)?, offset_days });
    }
    for t in tasks {
        let what = format!("task `{}`", t.title);
        let milestone = t.milestone_id.and_then(|m| keys.get(&m));
        let offset_days = match offsets.of(&what, t.due_date)? {
            Some(d) => d,
            None => milestone.map_or(0, |(_, d)| *d),
        };
        // A blank description (stored before descriptions were trimmed) is none.
        let description = match t.description.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(text(&what, d)?),
        };
        body.tasks.push(TemplateTask {
            title: text(&what, &t.title)?,
            milestone_key: milestone.map(|(k, _)| k.clone()),
            offset_days,
            description,
            estimate_minutes: t.estimate_minutes,
        });
    }
    Ok(body)
}

/// Days from the project's base date.
struct Offsets {
    base: Option<NaiveDate>,
}

impl Offsets {
    fn of(&self, what: &str, due: Option<NaiveDate>) -> Result<Option<i32>, ProjectsError> {
        let (Some(base), Some(due)) = (self.base, due) else { return Ok(None) };
        let days = (due - base).num_days().max(0);
        i32::try_from(days)
            .ok()
            .filter(|d| *d <= MAX_OFFSET_DAYS)
            .map(Some)
            .ok_or_else(|| ProjectsError::OffsetTooLarge { what: what.to_owned(), days })
    }
}

/// A stored value as template text; values stored before the input rules may not be.
fn text<const N: usize>(what: &str, raw: &str) -> Result<Text<N>, ProjectsError> {
    Text::parse(raw).map_err(|problem| ProjectsError::Unsavable { what: what.to_owned(), problem })
}
