//! A project from a template: the project, then the template's milestones, then its
//! tasks (in template order, which becomes their positions), each due
//! `offset_days` after the start date, all in one transaction with one event.

use std::collections::HashMap;

use atrium_events::projects::ProjectInstantiated;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Date, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::projects::project_state;
use super::templates::body_of;
use super::{ProjectsService, missing_reference};
use crate::dto::{
    InstantiateIn, MilestoneId, MilestoneStatus, ProjectId, ProjectOut, ProjectStatus, ProjectTemplateId, TaskId,
    TaskStatus, TemplateBody, TemplateMilestone, TemplateTask,
};
use crate::entity::{milestone, project, task, template};
use crate::error::ProjectsError;
use crate::ports::EngagementRef;

/// What every row of one instantiation shares.
struct Plan {
    org: OrganizationId,
    now: DateTime<Utc>,
    start: NaiveDate,
}

impl Plan {
    /// The date `offset` days after the start, if both databases can store it.
    fn due(&self, offset: i32) -> Result<NaiveDate, ProjectsError> {
        u64::try_from(offset)
            .ok()
            .and_then(|d| self.start.checked_add_days(Days::new(d)))
            .and_then(|d| Date::new(d).ok())
            .map(Date::get)
            .ok_or(ProjectsError::StartDateOutOfRange)
    }
}

impl ProjectsService {
    /// A project with the template's milestones and tasks, written in one
    /// transaction: all of it or nothing. One event,
    /// `projects.project.instantiated`, stands for the whole creation.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
    pub async fn instantiate_template(
        &self,
        ctx: &OrgCtx,
        id: ProjectTemplateId,
        input: InstantiateIn,
    ) -> Result<ProjectOut, AppError> {
        // The template first: another organization's id is a 404 whatever the body says.
        template::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let engagement = self.require_engagement(ctx.org_id, input.engagement_id).await?;
        let plan = Plan { org: ctx.org_id, now: self.clock.now(), start: input.start_date.get() };
        let txn = begin_write(&self.db).await?;
        let tpl = template::Entity::find_in(&txn, ctx.org_id, id).await?;
        let body = body_of(&tpl)?;
        let project = insert_project(&txn, &plan, &engagement, input.name.into_inner(), tpl.description, &body).await?;
        let milestones = insert_milestones(&txn, &plan, project.id, &body.milestones).await?;
        let task_ids = insert_tasks(&txn, &plan, project.id, &body.tasks, &milestones).await?;
        let event = ProjectInstantiated {
            project: project_state(project)?,
            template_id: id,
            milestone_ids: body.milestones.iter().filter_map(|m| milestones.get(m.key.as_str()).copied()).collect(),
            task_ids,
        };
        publish(&txn, ctx, plan.now, &event).await?;
        txn.commit().await?;
        Ok(event.project.into())
    }
}

/// The project, due when its last milestone or task is.
async fn insert_project<C: ConnectionTrait>(
    conn: &C,
    plan: &Plan,
    engagement: &EngagementRef,
    name: String,
    description: Option<String>,
    body: &TemplateBody,
) -> Result<project::Model, AppError> {
    let last_offset =
        body.milestones.iter().map(|m| m.offset_days).chain(body.tasks.iter().map(|t| t.offset_days)).max();
    let row = project::ActiveModel {
        id: Set(ProjectId::new().into_uuid()),
        organization_id: Set(plan.org.into_uuid()),
        engagement_id: Set(engagement.id.into_uuid()),
        client_company_id: Set(engagement.client_company_id.map(Into::into)),
        name: Set(name),
        description: Set(description),
        status: Set(ProjectStatus::Planned.as_str().to_owned()),
        start_date: Set(Some(plan.start)),
        due_date: Set(last_offset.map(|o| plan.due(o)).transpose()?),
        // Shown to the client only once staff choose to.
        client_visible: Set(false),
        version: Set(1),
        created_at: Set(plan.now),
        updated_at: Set(plan.now),
    };
    project::Entity::insert(row)
        .exec_with_returning(conn)
        .await
        .map_err(|e| missing_reference(e, ProjectsError::NoSuchEngagement))
}

/// The milestones, open; returns their ids by template key.
async fn insert_milestones<'t, C: ConnectionTrait>(
    conn: &C,
    plan: &Plan,
    project: Uuid,
    milestones: &'t [TemplateMilestone],
) -> Result<HashMap<&'t str, MilestoneId>, AppError> {
    let mut by_key = HashMap::with_capacity(milestones.len());
    for m in milestones {
        let id = MilestoneId::new();
        let row = milestone::ActiveModel {
            id: Set(id.into_uuid()),
            organization_id: Set(plan.org.into_uuid()),
            project_id: Set(project),
            name: Set(m.name.to_string()),
            due_date: Set(Some(plan.due(m.offset_days)?)),
            status: Set(MilestoneStatus::Open.as_str().to_owned()),
            client_visible: Set(false),
            version: Set(1),
            created_at: Set(plan.now),
            updated_at: Set(plan.now),
        };
        milestone::Entity::insert(row).exec_without_returning(conn).await?;
        by_key.insert(m.key.as_str(), id);
    }
    Ok(by_key)
}

/// The tasks, to do and unassigned, in template order.
async fn insert_tasks<C: ConnectionTrait>(
    conn: &C,
    plan: &Plan,
    project: Uuid,
    tasks: &[TemplateTask],
    milestones: &HashMap<&str, MilestoneId>,
) -> Result<Vec<TaskId>, AppError> {
    let mut ids = Vec::with_capacity(tasks.len());
    for (i, t) in tasks.iter().enumerate() {
        let milestone_id = match &t.milestone_key {
            None => None,
            Some(k) => Some(milestones.get(k.as_str()).copied().ok_or_else(|| {
                AppError::internal(format!("a stored template of project {project} names no milestone `{k}`"))
            })?),
        };
        let id = TaskId::new();
        let row = task::ActiveModel {
            id: Set(id.into_uuid()),
            organization_id: Set(plan.org.into_uuid()),
            project_id: Set(project),
            milestone_id: Set(milestone_id.map(Into::into)),
            title: Set(t.title.to_string()),
            description: Set(t.description.as_ref().map(ToString::to_string)),
            status: Set(TaskStatus::Todo.as_str().to_owned()),
            assignee_id: Set(None),
            due_date: Set(Some(plan.due(t.offset_days)?)),
            estimate_minutes: Set(t.estimate_minutes),
            position: Set(i32::try_from(i).map_err(AppError::internal)?),
            completed_at: Set(None),
            client_visible: Set(false),
            version: Set(1),
            created_at: Set(plan.now),
            updated_at: Set(plan.now),
        };
        task::Entity::insert(row).exec_without_returning(conn).await?;
        ids.push(id);
    }
    Ok(ids)
}
