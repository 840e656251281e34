use atrium_events::projects::{TemplateCreated, TemplateDeleted, TemplateState, TemplateUpdated};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder, Text};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use serde_json::json;

use super::{ProjectsService, changed};
use crate::dto::{Description, Name, ProjectTemplateId, TemplateBody, TemplateIn, TemplateOut, TemplatePatch};
use crate::entity::template;

impl ProjectsService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_template(&self, ctx: &OrgCtx, input: TemplateIn) -> Result<TemplateOut, AppError> {
        let body = TemplateBody { milestones: input.milestones, tasks: input.tasks };
        body.check()?;
        let txn = begin_write(&self.db).await?;
        let out = self.insert_template(&txn, ctx, input.name, input.description, body).await?;
        let event = TemplateCreated { template: template_state(&out), source_project_id: None, engagement_id: None };
        publish(&txn, ctx, out.created_at, &event).await?;
        txn.commit().await?;
        Ok(out)
    }

    pub(super) async fn insert_template<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        name: Name,
        description: Option<Description>,
        body: TemplateBody,
    ) -> Result<TemplateOut, AppError> {
        let now = self.clock.now();
        let row = template::ActiveModel {
            id: Set(ProjectTemplateId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(name.into_inner()),
            description: Set(description.map(Text::into_inner)),
            body: Set(json!(body)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        template_out(template::Entity::insert(row).exec_with_returning(conn).await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_templates(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<TemplateOut>, AppError> {
        let q = template::Entity::scoped(ctx.org_id);
        let rows = req.apply(q, template::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(template_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, template_id = %id))]
    pub async fn get_template(&self, ctx: &OrgCtx, id: ProjectTemplateId) -> Result<TemplateOut, AppError> {
        template_out(template::Entity::find_in(&self.db, ctx.org_id, id).await?)
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
        let current = template::Entity::find_in(&txn, ctx.org_id, id).await?;
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
            row.name = Set(v.into_inner());
        }
        if let Some(v) = patch.description.into_change() {
            row.description = Set(v.map(Text::into_inner));
        }
        row.body = Set(json!(body));
        row.updated_at = Set(now);
        let before = template_out(current)?;
        let out = template_out(template::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?)?;
        let changed = changed!(before, out; name, description, milestones, tasks);
        publish(&txn, ctx, now, &TemplateUpdated { template: template_state(&out), changed }).await?;
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
        let current = template::Entity::find_in(&txn, ctx.org_id, id).await?;
        template::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &TemplateDeleted { id, name: current.name }).await?;
        txn.commit().await?;
        Ok(())
    }
}

pub(super) fn body_of(r: &template::Model) -> Result<TemplateBody, AppError> {
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

pub(super) fn template_state(t: &TemplateOut) -> TemplateState {
    TemplateState {
        id: t.id,
        name: t.name.clone(),
        description: t.description.clone(),
        milestones: t.milestones.iter().map(|m| m.state()).collect(),
        tasks: t.tasks.iter().map(|t| t.state()).collect(),
        version: t.version,
        created_at: t.created_at,
        updated_at: t.updated_at,
    }
}
