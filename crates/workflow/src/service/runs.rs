//! The run log: per rule (newest first) and per event.

use atrium_kernel::{AppError, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::EventId;
use sea_orm::{ColumnTrait, QueryFilter};

use super::WorkflowService;
use crate::dto::{ActionResultOut, WorkflowRuleId, WorkflowRunOut};
use crate::entity::{rule, run};

impl WorkflowService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn rule_runs(
        &self,
        ctx: &OrgCtx,
        id: WorkflowRuleId,
        req: PageRequest,
    ) -> Result<Page<WorkflowRunOut>, AppError> {
        rule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let query = run::Entity::scoped(ctx.org_id).filter(run::Column::RuleId.eq(id.into_uuid()));
        let rows = req.apply(query, run::Column::Id, SortOrder::Desc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(run_out))
    }

    /// Every rule's run on one event.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, event_id = %event))]
    pub async fn event_runs(
        &self,
        ctx: &OrgCtx,
        event: EventId,
        req: PageRequest,
    ) -> Result<Page<WorkflowRunOut>, AppError> {
        let query = run::Entity::scoped(ctx.org_id).filter(run::Column::EventId.eq(event.into_uuid()));
        let rows = req.apply(query, run::Column::Id, SortOrder::Asc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(run_out))
    }
}

pub(crate) fn run_out(r: run::Model) -> WorkflowRunOut {
    let actions: Vec<ActionResultOut> = serde_json::from_value(r.actions).unwrap_or_default();
    WorkflowRunOut {
        id: r.id.into(),
        rule_id: r.rule_id.into(),
        rule_version_id: r.rule_version_id.into(),
        rule_version: r.rule_version,
        event_id: r.event_id.into(),
        event_type: r.event_type,
        outcome: r.outcome,
        conditions_result: r.conditions_result,
        actions,
        error: r.error,
        depth: r.depth,
        attempts: r.attempts,
        duration_ms: r.duration_ms,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}
