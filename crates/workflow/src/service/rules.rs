//! Rule CRUD. Every write publishes its event in the same transaction; a change
//! of the definition (trigger, conditions, actions) writes a new immutable
//! version and points the rule at it.

use atrium_events::workflow::{RuleCreated, RuleDeleted, RuleUpdated, WorkflowRuleState};
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder, db::begin_write};
use atrium_outbox::{publish, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::WorkflowService;
use crate::dto::{
    ActionSpec, WorkflowRuleId, WorkflowRuleIn, WorkflowRuleOut, WorkflowRulePatch, WorkflowRuleVersionId,
    WorkflowRuleVersionOut,
};
use crate::entity::{rule, version};
use crate::error::WorkflowError;
use crate::rule::{Definition, check};

impl WorkflowService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_rule(&self, ctx: &OrgCtx, input: WorkflowRuleIn) -> Result<WorkflowRuleOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let out = insert_rule(&txn, ctx.org_id, &ctx.actor(), input, self.clock.now()).await?;
        txn.commit().await?;
        Ok(out)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_rules(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<WorkflowRuleOut>, AppError> {
        let rows = req.apply(rule::Entity::scoped(ctx.org_id), rule::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.current_version_id).collect();
        let versions = version::Entity::scoped(ctx.org_id).filter(version::Column::Id.is_in(ids)).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page
            .items
            .into_iter()
            .map(|r| {
                let v = versions
                    .iter()
                    .find(|v| Some(v.id) == r.current_version_id)
                    .ok_or_else(|| AppError::internal(format!("workflow rule {} has no current version", r.id)))?;
                out(r, v)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn get_rule(&self, ctx: &OrgCtx, id: WorkflowRuleId) -> Result<WorkflowRuleOut, AppError> {
        let row = rule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let ver = current_version(&self.db, ctx, &row).await?;
        out(row, &ver)
    }

    /// Changes what `patch` sets. A new trigger, conditions or actions is a new
    /// version (checked as a whole); name and enabled change the rule only. A
    /// patch that changes nothing writes nothing.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn update_rule(
        &self,
        ctx: &OrgCtx,
        id: WorkflowRuleId,
        patch: WorkflowRulePatch,
        if_match: IfMatch,
    ) -> Result<WorkflowRuleOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = rule::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let cur_ver = current_version(&txn, ctx, &current).await?;
        let cur_actions: Vec<ActionSpec> = stored_actions(&cur_ver)?;
        let mut changed = Vec::new();
        let trigger = match patch.trigger.map(|t| t.trim().to_owned()) {
            Some(t) if t != cur_ver.trigger => {
                changed.push("trigger".to_owned());
                t
            }
            _ => cur_ver.trigger.clone(),
        };
        let conditions = match patch.conditions {
            Some(c) if c != cur_ver.conditions => {
                changed.push("conditions".to_owned());
                c
            }
            _ => cur_ver.conditions.clone(),
        };
        let actions = match patch.actions {
            Some(a) if a != cur_actions => {
                changed.push("actions".to_owned());
                a
            }
            _ => cur_actions,
        };
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        let mut ver = cur_ver;
        if !changed.is_empty() {
            let def = check(&trigger, &conditions, &actions).map_err(WorkflowError::InvalidRule)?;
            let key = (current.id, WorkflowRuleVersionId::new().into_uuid(), current.current_version + 1);
            ver = insert_version(&txn, (ctx.org_id, &ctx.actor()), key, &def, &conditions, now).await?;
            row.current_version_id = Set(Some(ver.id));
            row.current_version = Set(ver.number);
        }
        if let Some(name) = patch.name.map(|n| n.into_inner()).filter(|n| *n != current.name) {
            row.name = Set(name);
            changed.push("name".to_owned());
        }
        if let Some(enabled) = patch.enabled.filter(|e| *e != current.enabled) {
            row.enabled = Set(enabled);
            changed.push("enabled".to_owned());
        }
        if changed.is_empty() {
            return out(current, &ver);
        }
        row.updated_at = Set(now);
        let row = rule::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        let out = out(row, &ver)?;
        publish(&txn, ctx, now, &RuleUpdated { rule: state(&out), changed }).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a rule with its versions and runs.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn delete_rule(&self, ctx: &OrgCtx, id: WorkflowRuleId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = rule::Entity::find_in(&txn, ctx.org_id, id).await?;
        rule::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        publish(&txn, ctx, self.clock.now(), &RuleDeleted { id, name: current.name }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Every version of a rule, newest first.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, rule_id = %id))]
    pub async fn rule_versions(
        &self,
        ctx: &OrgCtx,
        id: WorkflowRuleId,
        req: PageRequest,
    ) -> Result<Page<WorkflowRuleVersionOut>, AppError> {
        rule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let query = version::Entity::scoped(ctx.org_id).filter(version::Column::RuleId.eq(id.into_uuid()));
        let rows = req.apply(query, version::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|v| version_out(&v)).collect::<Result<Vec<_>, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }
}

/// Writes version `number` (with id `id`) of rule `rule_id`.
/// Checks and writes a new rule (version 1) of `org` saved by `actor`, and
/// publishes its creation, in `conn`, the caller's transaction.
pub(crate) async fn insert_rule<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    input: WorkflowRuleIn,
    now: DateTime<Utc>,
) -> Result<WorkflowRuleOut, AppError> {
    let def = check(input.trigger.trim(), &input.conditions, &input.actions).map_err(WorkflowError::InvalidRule)?;
    let id = WorkflowRuleId::new().into_uuid();
    let version_id = WorkflowRuleVersionId::new().into_uuid();
    let row = rule::ActiveModel {
        id: Set(id),
        organization_id: Set(org.into_uuid()),
        name: Set(input.name.into_inner()),
        enabled: Set(input.enabled.unwrap_or(true)),
        current_version_id: Set(Some(version_id)),
        current_version: Set(1),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let row = rule::Entity::insert(row).exec_with_returning(conn).await?;
    let ver = insert_version(conn, (org, actor), (id, version_id, 1), &def, &input.conditions, now).await?;
    let out = out(row, &ver)?;
    publish_as(conn, org, actor, now, &RuleCreated { rule: state(&out) }).await?;
    Ok(out)
}

async fn insert_version<C: ConnectionTrait>(
    conn: &C,
    (org, actor): (OrganizationId, &str),
    (rule_id, id, number): (Uuid, Uuid, i32),
    def: &Definition,
    conditions: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<version::Model, AppError> {
    let row = version::ActiveModel {
        id: Set(id),
        organization_id: Set(org.into_uuid()),
        rule_id: Set(rule_id),
        number: Set(number),
        trigger: Set(def.trigger.clone()),
        conditions: Set(conditions.clone()),
        actions: Set(json!(def.actions)),
        created_by: Set(actor.to_owned()),
        created_at: Set(now),
    };
    Ok(version::Entity::insert(row).exec_with_returning(conn).await?)
}

pub(crate) async fn current_version<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    row: &rule::Model,
) -> Result<version::Model, AppError> {
    let id = row.current_version_id.ok_or_else(|| AppError::internal(format!("rule {} has no version", row.id)))?;
    version::Entity::find_in(conn, ctx.org_id, id).await
}

pub(crate) fn stored_actions(v: &version::Model) -> Result<Vec<ActionSpec>, AppError> {
    serde_json::from_value(v.actions.clone()).map_err(|e| AppError::internal(format!("stored actions: {e}")))
}

fn out(row: rule::Model, v: &version::Model) -> Result<WorkflowRuleOut, AppError> {
    Ok(WorkflowRuleOut {
        id: row.id.into(),
        name: row.name,
        enabled: row.enabled,
        rule_version: v.number,
        rule_version_id: v.id.into(),
        trigger: v.trigger.clone(),
        conditions: v.conditions.clone(),
        actions: stored_actions(v)?,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

fn version_out(v: &version::Model) -> Result<WorkflowRuleVersionOut, AppError> {
    Ok(WorkflowRuleVersionOut {
        id: v.id.into(),
        rule_id: v.rule_id.into(),
        number: v.number,
        trigger: v.trigger.clone(),
        conditions: v.conditions.clone(),
        actions: stored_actions(v)?,
        created_by: v.created_by.clone(),
        created_at: v.created_at,
    })
}

fn state(o: &WorkflowRuleOut) -> WorkflowRuleState {
    WorkflowRuleState {
        id: o.id,
        name: o.name.clone(),
        enabled: o.enabled,
        rule_version: o.rule_version,
        trigger: o.trigger.clone(),
        conditions: o.conditions.clone(),
        actions: json!(o.actions),
    }
}
