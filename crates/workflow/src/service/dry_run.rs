//! `POST /workflow-rules/{id}/test`: what the rule's current version would do
//! with an event, computed and reported, nothing written.

use atrium_kernel::{AppError, OrgCtx, Scoped};
use atrium_outbox::Event;
use atrium_outbox::entity::event;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::WorkflowService;
use super::rules::current_version;
use crate::dto::{DryRunActionOut, DryRunIn, DryRunOut, WorkflowRuleId};
use crate::entity::rule;
use crate::error::WorkflowError;
use crate::paths::{event_value, matching_types, trigger_matches};
use crate::rule::{load, render};

impl WorkflowService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn dry_run(&self, ctx: &OrgCtx, id: WorkflowRuleId, input: DryRunIn) -> Result<DryRunOut, AppError> {
        let row = rule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let ver = current_version(&self.db, ctx, &row).await?;
        let def = load(&ver.trigger, &ver.conditions, &ver.actions).map_err(AppError::internal)?;
        let found = match input.event_id {
            Some(event_id) => event::Entity::find_in(&self.db, ctx.org_id, event_id).await.map_err(|e| match e {
                AppError::NotFound(_) => AppError::NotFound("event"),
                other => other,
            })?,
            None => {
                let types: Vec<&str> = matching_types(&def.trigger).iter().map(|t| t.name).collect();
                event::Entity::scoped(ctx.org_id)
                    .filter(event::Column::EventType.is_in(types))
                    .order_by_desc(event::Column::Id)
                    .one(&self.db)
                    .await?
                    .ok_or_else(|| WorkflowError::NoEvent(def.trigger.clone()))?
            }
        };
        let event = Event::from(found);
        if !trigger_matches(&def.trigger, &event.event_type) {
            return Err(WorkflowError::EventNotMatched(event.event_type, def.trigger).into());
        }
        let mut ctx_value = event_value(&event);
        let conditions_result = def.matches(&ctx_value);
        let mut actions = Vec::new();
        if conditions_result {
            // Outputs of earlier actions do not exist in a dry run: they show as placeholders.
            let outputs: Vec<Value> = def
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    Value::Object(
                        a.outputs().iter().map(|o| ((*o).to_owned(), json!(format!("<actions.{i}.{o}>")))).collect(),
                    )
                })
                .collect();
            ctx_value["actions"] = Value::Array(outputs);
            for (index, action) in def.actions.iter().enumerate() {
                let (would, error) = match render(action, &ctx_value) {
                    Ok(a) => (Some(a), None),
                    Err(e) => (None, Some(e)),
                };
                actions.push(DryRunActionOut { index, would, error });
            }
        }
        Ok(DryRunOut {
            event_id: event.id,
            event_type: event.event_type,
            rule_version: ver.number,
            conditions_result,
            actions,
        })
    }
}
