//! The engine: an outbox subscriber that runs every enabled rule whose trigger
//! matches an event. Each (rule, event) gets one run, recorded before its first
//! action and after each one, so a redelivery resumes where the last attempt
//! failed (on the version it started with) instead of repeating actions that
//! succeeded. A failed action fails the delivery: the dispatcher retries it with
//! backoff and dead-letters it after its last try, like any delivery.

use std::sync::Arc;
use std::time::Instant;

use async_trait::async_trait;
use atrium_events::agreements::EngagementId;
use atrium_events::crm::DealId;
use atrium_events::projects::ProjectId;
use atrium_events::workflow::{NoteAdded, NoteSubject};
use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_unique_violation;
use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, Principal, Role, Scoped, UserId};
use atrium_outbox::{DeliveryError, Event, Subscriber};
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::dto::{ActionResultOut, ActionSpec, WorkflowRunId};
use crate::entity::{rule, run, version};
use crate::paths::{event_value, trigger_matches};
use crate::ports::{
    Agreements, Comms, Crm, NewBooking, NewEmail, NewEngagement, NewTask, Projects, WebhookCall, Webhooks,
};
use crate::rule::{load, render};
use crate::service::{DEFAULT_TRIGGERS, ensure_defaults};

/// What the engine acts through.
#[derive(Clone)]
pub struct ActionPorts {
    pub projects: Arc<dyn Projects>,
    pub agreements: Arc<dyn Agreements>,
    pub crm: Arc<dyn Crm>,
    pub comms: Arc<dyn Comms>,
    pub webhooks: Arc<dyn Webhooks>,
}

/// The run an action belongs to: what its outputs and events name.
struct RunScope<'a> {
    event: &'a Event,
    rule_id: Uuid,
    run_id: Uuid,
    actor: String,
    index: usize,
}

/// Whom a run's actions act as: the member who saved the rule's version, or the
/// system for a default rule nobody has edited (it may only do what needs no
/// member: create contacts).
enum Acting {
    Member(OrgCtx),
    System(OrganizationId),
}

impl Acting {
    fn member(&self, kind: &str) -> Result<&OrgCtx, String> {
        match self {
            Acting::Member(ctx) => Ok(ctx),
            Acting::System(_) => {
                Err(format!("`{kind}` acts as a member: save the rule once as an owner or admin, and it acts as them"))
            }
        }
    }

    fn org(&self) -> OrganizationId {
        match self {
            Acting::Member(ctx) => ctx.org_id,
            Acting::System(org) => *org,
        }
    }
}

/// Events published by a run's actions name it as their actor: `system:workflow:<run id>`.
pub const ACTOR_PREFIX: &str = "system:workflow:";

pub struct WorkflowEngine {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    ports: ActionPorts,
    max_depth: i32,
}

impl WorkflowEngine {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, ports: ActionPorts, max_depth: i32) -> Self {
        Self { db, clock, ports, max_depth }
    }

    /// How many workflow runs in a row caused `event`: 0 for anything else; the
    /// causing run's depth plus one for an event a run's action published. A
    /// causing run that is gone (its rule was deleted) counts as the limit, so a
    /// loop cannot restart from it.
    async fn depth_of(&self, event: &Event) -> Result<i32, DeliveryError> {
        let Some(run_id) = event.actor.strip_prefix(ACTOR_PREFIX).and_then(|id| id.parse::<Uuid>().ok()) else {
            return Ok(0);
        };
        match run::Entity::find_in(&self.db, event.org_id, run_id).await {
            Ok(parent) => Ok(parent.depth.unwrap_or(0) + 1),
            Err(AppError::NotFound(_)) => Ok(self.max_depth),
            Err(e) => Err(DeliveryError::new(e)),
        }
    }

    /// Runs every matching enabled rule on `event`; an error names each rule that failed.
    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    pub async fn process(&self, event: &Event) -> Result<(), DeliveryError> {
        let org = event.org_id;
        if DEFAULT_TRIGGERS.contains(&event.event_type.as_str()) {
            ensure_defaults(&self.db, self.clock.as_ref(), org).await.map_err(DeliveryError::new)?;
        }
        let rules = rule::Entity::scoped(org)
            .filter(rule::Column::Enabled.eq(true))
            .all(&self.db)
            .await
            .map_err(DeliveryError::new)?;
        if rules.is_empty() {
            return Ok(());
        }
        let ids: Vec<Uuid> = rules.iter().filter_map(|r| r.current_version_id).collect();
        let versions = version::Entity::scoped(org)
            .filter(version::Column::Id.is_in(ids))
            .all(&self.db)
            .await
            .map_err(DeliveryError::new)?;
        let mut runs = run::Entity::scoped(org)
            .filter(run::Column::EventId.eq(event.id.into_uuid()))
            .all(&self.db)
            .await
            .map_err(DeliveryError::new)?;
        let depth = self.depth_of(event).await?;
        let mut failures = Vec::new();
        let mut skipped = Vec::new();
        for r in &rules {
            let existing = runs.iter().position(|run| run.rule_id == r.id).map(|i| runs.swap_remove(i));
            let ver = match &existing {
                Some(run) if run.outcome != "failed" => continue,
                // A retry keeps the version its run started with.
                Some(run) => match versions.iter().find(|v| v.id == run.rule_version_id) {
                    Some(v) => v.clone(),
                    None => version::Entity::find_in(&self.db, org, run.rule_version_id)
                        .await
                        .map_err(DeliveryError::new)?,
                },
                None => match versions.iter().find(|v| Some(v.id) == r.current_version_id) {
                    Some(v) if trigger_matches(&v.trigger, &event.event_type) => v.clone(),
                    _ => continue,
                },
            };
            if let Err(e) = self.run_rule(event, &ver, existing, depth, &mut skipped).await {
                failures.push(format!("rule {}: {e}", r.id));
            }
        }
        self.insert_skipped(skipped).await.map_err(DeliveryError)?;
        if failures.is_empty() { Ok(()) } else { Err(DeliveryError(failures.join("; "))) }
    }

    async fn run_rule(
        &self,
        event: &Event,
        ver: &version::Model,
        existing: Option<run::Model>,
        depth: i32,
        skipped: &mut Vec<run::ActiveModel>,
    ) -> Result<(), String> {
        let started = Instant::now();
        if depth >= self.max_depth {
            let mut row = self.new_run(event, ver, "depth_limited", None, depth, started);
            row.error = Set(Some(format!(
                "not run: {depth} workflow runs in a row caused this event, and the limit is {}",
                self.max_depth
            )));
            skipped.push(row);
            return Ok(());
        }
        let def = load(&ver.trigger, &ver.conditions, &ver.actions)?;
        let mut ctx_value = event_value(event);
        if !def.matches(&ctx_value) {
            skipped.push(self.new_run(event, ver, "conditions_not_met", Some(false), depth, started));
            return Ok(());
        }
        let mut results: Vec<ActionResultOut> = match &existing {
            Some(r) => serde_json::from_value(r.actions.clone()).unwrap_or_default(),
            None => Vec::new(),
        };
        let mut row = match existing {
            Some(r) => {
                let attempts = r.attempts + 1;
                let mut row = r.into_active_model();
                row.attempts = Set(attempts);
                row.outcome = Set("running".into());
                row
            }
            None => {
                let row = self.new_run(event, ver, "running", Some(true), depth, started);
                self.insert_run(row.clone()).await?;
                row
            }
        };
        let acting = acting_ctx(event.org_id, &ver.created_by)?;
        let run_id = match &row.id {
            Set(id) | sea_orm::ActiveValue::Unchanged(id) => *id,
            sea_orm::ActiveValue::NotSet => return Err("a run without an id".into()),
        };
        let run_actor = format!("{ACTOR_PREFIX}{run_id}");
        let mut outputs: Vec<Value> = vec![Value::Null; def.actions.len()];
        for (i, action) in def.actions.iter().enumerate() {
            if let Some(done) = results.iter().find(|r| r.index == i && r.status == "succeeded") {
                outputs[i] = done.output.clone().unwrap_or(Value::Null);
                continue;
            }
            ctx_value["actions"] = Value::Array(outputs.clone());
            let done = match render(action, &ctx_value) {
                Ok(rendered) => {
                    let scope = RunScope { event, rule_id: ver.rule_id, run_id, actor: run_actor.clone(), index: i };
                    atrium_outbox::acting_as(run_actor.clone(), self.execute(&acting, &scope, rendered)).await
                }
                Err(e) => Err(e),
            };
            results.retain(|r| r.index != i);
            let (status, output, error) = match done {
                Ok(out) => ("succeeded", Some(out), None),
                Err(e) => ("failed", None, Some(e)),
            };
            results.push(ActionResultOut {
                index: i,
                kind: action.kind().to_owned(),
                status: status.to_owned(),
                output: output.clone(),
                error: error.clone(),
            });
            row.actions = Set(json!(results));
            if let Some(e) = error {
                let message = format!("actions[{i}] ({}): {e}", action.kind());
                row.outcome = Set("failed".into());
                row.error = Set(Some(message.clone()));
                self.save_run(row, started).await?;
                return Err(message);
            }
            outputs[i] = output.unwrap_or(Value::Null);
            // Progress is kept after each action, so a retry does not repeat it.
            row = self.save_run(row, started).await?.into_active_model();
        }
        row.outcome = Set("succeeded".into());
        row.error = Set(None);
        self.save_run(row, started).await.map(|_| ())
    }

    fn new_run(
        &self,
        event: &Event,
        ver: &version::Model,
        outcome: &str,
        conditions: Option<bool>,
        depth: i32,
        started: Instant,
    ) -> run::ActiveModel {
        let now = self.clock.now();
        run::ActiveModel {
            id: Set(WorkflowRunId::new().into_uuid()),
            organization_id: Set(event.org_id.into_uuid()),
            rule_id: Set(ver.rule_id),
            rule_version_id: Set(ver.id),
            rule_version: Set(ver.number),
            event_id: Set(event.id.into_uuid()),
            event_type: Set(event.event_type.clone()),
            outcome: Set(outcome.to_owned()),
            conditions_result: Set(conditions),
            actions: Set(json!([])),
            error: Set(None),
            depth: Set(Some(depth)),
            attempts: Set(1),
            duration_ms: Set(elapsed_ms(started)),
            created_at: Set(now),
            updated_at: Set(now),
        }
    }

    /// Inserts a run; one that exists already (another worker got there first)
    /// fails this delivery, so it is retried and then finds that run.
    async fn insert_run(&self, row: run::ActiveModel) -> Result<(), String> {
        let txn = begin_write(&self.db).await.map_err(|e| e.to_string())?;
        match run::Entity::insert(row).exec_without_returning(&txn).await {
            Err(e) if is_unique_violation(&e) => Err("the run is being recorded by another delivery".into()),
            Err(e) => Err(e.to_string()),
            Ok(_) => txn.commit().await.map_err(|e| e.to_string()),
        }
    }

    /// Records the runs that did nothing (conditions not met, depth reached) in
    /// one statement: with many rules on one trigger most runs are these.
    async fn insert_skipped(&self, rows: Vec<run::ActiveModel>) -> Result<(), String> {
        if rows.is_empty() {
            return Ok(());
        }
        let txn = begin_write(&self.db).await.map_err(|e| e.to_string())?;
        let conflict = OnConflict::columns([run::Column::RuleId, run::Column::EventId]).do_nothing().to_owned();
        match run::Entity::insert_many(rows).on_conflict(conflict).exec_without_returning(&txn).await {
            Ok(_) | Err(DbErr::RecordNotInserted) => txn.commit().await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    async fn save_run(&self, mut row: run::ActiveModel, started: Instant) -> Result<run::Model, String> {
        row.duration_ms = Set(elapsed_ms(started));
        row.updated_at = Set(self.clock.now());
        let txn = begin_write(&self.db).await.map_err(|e| e.to_string())?;
        let saved = run::Entity::update(row).exec(&txn).await.map_err(|e| e.to_string())?;
        txn.commit().await.map_err(|e| e.to_string())?;
        Ok(saved)
    }

    /// Runs one rendered action through its domain's port; its outputs on success.
    async fn execute(&self, acting: &Acting, run: &RunScope<'_>, action: ActionSpec) -> Result<Value, String> {
        let kind = action.kind();
        match action {
            ActionSpec::CreateTask { project_id, title, assignee_id, due_date, description } => {
                let task = NewTask {
                    project_id: ProjectId::from(id_of("project_id", &project_id)?),
                    title,
                    assignee_id: non_empty(assignee_id)
                        .map(|a| id_of("assignee_id", &a).map(UserId::from))
                        .transpose()?,
                    due_date: non_empty(due_date).map(|d| date_of(&d)).transpose()?,
                    description: non_empty(description),
                };
                let id = self.ports.projects.create_task(acting.member(kind)?, task).await.map_err(describe)?;
                Ok(json!({"task_id": id}))
            }
            ActionSpec::CreateEngagement { name, deal_id, billing_model, project_name } => {
                let engagement = NewEngagement {
                    name,
                    deal_id: non_empty(deal_id).map(|d| id_of("deal_id", &d).map(DealId::from)).transpose()?,
                    billing_model: non_empty(billing_model).unwrap_or_else(|| "fixed".into()),
                };
                let ctx = acting.member(kind)?;
                let id: EngagementId =
                    self.ports.agreements.create_engagement(ctx, engagement).await.map_err(describe)?;
                let project = match non_empty(project_name) {
                    Some(name) => Some(self.ports.projects.create_project(ctx, id, name).await.map_err(describe)?),
                    None => None,
                };
                Ok(json!({"engagement_id": id, "project_id": project}))
            }
            ActionSpec::CreateContact { email, name, company } => {
                let booking = NewBooking { email, name: non_empty(name), company: non_empty(company) };
                let (id, created) =
                    self.ports.crm.contact_from_booking(acting.org(), &run.actor, booking).await.map_err(describe)?;
                Ok(json!({"contact_id": id, "created": created}))
            }
            ActionSpec::SendEmail { connection_id, to, subject, body, thread_id, engagement_id, draft } => {
                let to: Vec<String> =
                    to.split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect();
                if to.is_empty() {
                    return Err("to rendered empty: nobody to write to".into());
                }
                let mail = NewEmail {
                    connection_id: id_of("connection_id", &connection_id)?,
                    to,
                    subject: non_empty(subject),
                    body_text: body,
                    thread_id: non_empty(thread_id).map(|t| id_of("thread_id", &t)).transpose()?,
                    engagement_id: non_empty(engagement_id)
                        .map(|e| id_of("engagement_id", &e).map(EngagementId::from))
                        .transpose()?,
                    draft,
                };
                let written = self.ports.comms.email(acting.member(kind)?, mail).await.map_err(describe)?;
                Ok(json!({"message_id": written.message_id, "thread_id": written.thread_id, "status": written.status}))
            }
            ActionSpec::CallWebhook { endpoint_id, message } => {
                let call = WebhookCall {
                    endpoint_id: id_of("endpoint_id", &endpoint_id)?,
                    event_id: run.event.id.into_uuid(),
                    // Stable across retries of the run, so the receiver can dedupe.
                    id: format!("{}.{}", run.run_id, run.index),
                    body: json!({
                        "type": "workflow.webhook",
                        "rule_id": run.rule_id,
                        "run_id": run.run_id,
                        "message": non_empty(message),
                        "event": run.event,
                    }),
                };
                let status = self.ports.webhooks.call(acting.org(), call).await.map_err(describe)?;
                Ok(json!({"status": status}))
            }
            ActionSpec::AddNote { text, subject_type, subject_id } => {
                self.add_note(acting.org(), run, text, subject_type, subject_id).await
            }
        }
    }

    /// Publishes `workflow.note.added` on the record the note is about (the
    /// triggering event's, unless the action names one), so the timeline shows it.
    async fn add_note(
        &self,
        org: OrganizationId,
        run: &RunScope<'_>,
        text: String,
        subject_type: Option<String>,
        subject_id: Option<String>,
    ) -> Result<Value, String> {
        let text = text.trim().to_owned();
        if text.is_empty() {
            return Err("text rendered empty".into());
        }
        let (kind, id) = match (subject_type, non_empty(subject_id)) {
            (Some(kind), Some(id)) => (kind, id_of("subject_id", &id)?),
            (Some(_), None) => return Err("subject_id rendered empty".into()),
            (None, _) => (run.event.aggregate_type.clone(), run.event.aggregate_id),
        };
        let subject_type =
            NoteSubject::parse(&kind).ok_or_else(|| format!("a `{kind}` takes no notes (subject_type)"))?;
        let engagement_id = atrium_events::find(&run.event.event_type)
            .and_then(|t| t.facets(&run.event.data).ok())
            .and_then(|f| f.engagement_id);
        let note = NoteAdded {
            id: Uuid::now_v7(),
            rule_id: run.rule_id.into(),
            run_id: run.run_id,
            subject_type,
            subject_id: id,
            engagement_id,
            text: text.chars().take(2000).collect(),
        };
        let txn = begin_write(&self.db).await.map_err(|e| e.to_string())?;
        atrium_outbox::publish_as(&txn, org, &run.actor, self.clock.now(), &note).await.map_err(describe)?;
        txn.commit().await.map_err(|e| e.to_string())?;
        Ok(json!({"note_id": note.id}))
    }
}

#[async_trait]
impl Subscriber for WorkflowEngine {
    fn name(&self) -> &'static str {
        "workflow"
    }

    /// Every event but the rules' own changes (a rule never triggers on rules).
    fn accepts(&self, event_type: &str) -> bool {
        !event_type.starts_with("workflow.")
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.process(event).await
    }
}

/// The principal who saved the rule's version, acting as an admin of its
/// organization; the system for a version the system saved (a default rule).
fn acting_ctx(org: OrganizationId, actor: &str) -> Result<Acting, String> {
    if actor.starts_with("system:") {
        return Ok(Acting::System(org));
    }
    let (kind, id) = actor.split_once(':').ok_or_else(|| format!("rule saved by `{actor}`, not a principal"))?;
    let id: Uuid = id.parse().map_err(|_| format!("rule saved by `{actor}`, not a principal"))?;
    let principal = match kind {
        "user" => Principal::User(id.into()),
        "api_key" => Principal::ApiKey(id.into()),
        _ => return Err(format!("rule saved by `{actor}`, not a principal")),
    };
    Ok(Acting::Member(OrgCtx { org_id: org, principal, role: Role::Admin }))
}

fn non_empty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn id_of(field: &str, raw: &str) -> Result<Uuid, String> {
    raw.trim().parse().map_err(|_| format!("{field} rendered as `{raw}`, not an id"))
}

fn date_of(raw: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| format!("due_date rendered as `{raw}`, not YYYY-MM-DD"))
}

/// An error of the acting domain, with the fields it named.
fn describe(e: AppError) -> String {
    match e {
        AppError::Validation(fields) => {
            fields.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

fn elapsed_ms(started: Instant) -> i64 {
    i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)
}
