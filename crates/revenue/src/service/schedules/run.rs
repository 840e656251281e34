//! The runner: drafts the invoices a schedule owes, once per period, installment
//! or milestone. A run row is inserted first in each draft's transaction, and its
//! unique key (schedule, period key) is the guard: two workers, a rerun, a
//! redelivered milestone event all meet it, and only one draft is written.
//! Catching up is the same loop over every period whose day has come.

use std::collections::HashSet;

use atrium_events::projects::TimeEntryId;
use atrium_events::revenue::{InvoiceCreated, InvoiceScheduleRan};
use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_unique_violation;
use atrium_kernel::{AppError, Currency, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish_as;
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::periods::{self, Due};
use super::plan::{Labels, PlannedLine, TimePlan, hours_text, plan_time};
use super::{items_of, set_next_due};
use crate::dto::{
    BillingPeriod, InvoiceId, InvoiceScheduleId, InvoicedTimeOut, LineDescription, LineIn, Quantity, RunIn, RunOut,
    RunOutcome, ScheduleKind, ScheduleStatus, TimeGrouping, stored, stored_currency,
};
use crate::entity::{
    invoice, invoice_line, invoice_schedule as schedule, invoice_schedule_item as item,
    invoice_schedule_run as run_row, invoice_time_entry as link, tax_rate,
};
use crate::ports::{BillableTime, EngagementRef};
use crate::service::invoices::{NewDraft, insert_draft};
use crate::service::view::invoice_state;
use crate::service::{RevenueService, lines, settings};

/// The daily job's name (and the actor of what it writes: `system:<name>`).
pub const RUNNER_JOB: &str = "revenue.invoice_schedules";
/// The milestone subscriber's name.
pub const MILESTONE_BILLING: &str = "revenue.milestone_billing";

/// Schedules the job reads per page.
const PAGE: u64 = 200;

/// One thing a schedule owes.
enum Work {
    Period(Due),
    Installment(Due, item::Model),
    Milestone { term: item::Model, name: String },
}

impl Work {
    fn key(&self) -> String {
        match self {
            Self::Period(d) | Self::Installment(d, _) => d.key.clone(),
            Self::Milestone { term, .. } => format!("milestone:{}", term.milestone_id.unwrap_or(term.id)),
        }
    }

    fn span(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Self::Period(d) | Self::Installment(d, _) => (Some(d.start), Some(d.end)),
            Self::Milestone { .. } => (None, None),
        }
    }
}

/// What a unit of work comes to before anything is written.
struct Draft {
    lines: Vec<PlannedLine>,
    notes: Vec<String>,
}

enum Written {
    Run(run_row::Model),
    /// Another worker (or an earlier run) recorded this key first.
    AlreadyRan,
    /// Another draft took some of this time meanwhile: plan again.
    TimeTaken,
}

/// What the daily job did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunSummary {
    pub schedules: usize,
    pub invoiced: usize,
    pub nothing_to_bill: usize,
    pub failed: usize,
}

impl RevenueService {
    /// The daily job: every active schedule with something due by `today`, in
    /// every organization. A schedule that fails is logged and retried tomorrow;
    /// the others go on.
    #[tracing::instrument(skip_all, fields(today = %today))]
    pub async fn run_due_schedules(&self, today: NaiveDate) -> Result<RunSummary, AppError> {
        let actor = format!("system:{RUNNER_JOB}");
        let mut summary = RunSummary::default();
        let mut after: Option<Uuid> = None;
        loop {
            let due = due_schedules(&self.db, today, after).await?;
            let Some(last) = due.last() else { break };
            after = Some(last.1);
            for (org, id) in due {
                summary.schedules += 1;
                match self.run_one(org, &actor, id, today).await {
                    Ok(runs) => {
                        for r in runs {
                            if r.invoice_id.is_some() {
                                summary.invoiced += 1;
                            } else {
                                summary.nothing_to_bill += 1;
                            }
                        }
                    }
                    Err(e) => {
                        summary.failed += 1;
                        tracing::warn!(org_id = %org, schedule_id = %id, error = %e, "invoice schedule run failed");
                    }
                }
            }
        }
        Ok(summary)
    }

    /// Runs one schedule now: drafts what is due up to `up_to` (default and at
    /// most today) that no run has drafted yet, and answers the runs it recorded.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
    pub async fn run_schedule(
        &self,
        ctx: &OrgCtx,
        id: InvoiceScheduleId,
        input: RunIn,
    ) -> Result<Vec<RunOut>, AppError> {
        let today = self.today();
        let up_to = input.up_to.map_or(today, |d| d.get());
        if up_to > today {
            return Err(AppError::invalid("up_to", "must not be after today: periods are billed once they end"));
        }
        let row = schedule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        if row.status != ScheduleStatus::Active.as_str() {
            return Err(AppError::conflict(format!("the schedule is {}: resume it to run it", row.status)));
        }
        let runs = self.run_loaded(ctx.org_id, &ctx.actor(), row, up_to).await?;
        runs.into_iter().map(run_out).collect()
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
    pub async fn list_runs(
        &self,
        ctx: &OrgCtx,
        id: InvoiceScheduleId,
        req: PageRequest,
    ) -> Result<Page<RunOut>, AppError> {
        schedule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let q = run_row::Entity::scoped(ctx.org_id).filter(run_row::Column::ScheduleId.eq(id.into_uuid()));
        let rows = req.apply(q, run_row::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(run_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// The time entries an invoice's lines bill.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn invoiced_time(&self, ctx: &OrgCtx, id: InvoiceId) -> Result<Vec<InvoicedTimeOut>, AppError> {
        invoice::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let positions: std::collections::HashMap<Uuid, i32> = invoice_line::Entity::scoped(ctx.org_id)
            .filter(invoice_line::Column::InvoiceId.eq(id.into_uuid()))
            .select_only()
            .columns([invoice_line::Column::Id, invoice_line::Column::Position])
            .into_tuple::<(Uuid, i32)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let rows = link::Entity::scoped(ctx.org_id)
            .filter(link::Column::InvoiceId.eq(id.into_uuid()))
            .order_by_asc(link::Column::TimeEntryId)
            .all(&self.db)
            .await?;
        let mut out: Vec<InvoicedTimeOut> = rows
            .into_iter()
            .map(|r| InvoicedTimeOut {
                time_entry_id: r.time_entry_id.into(),
                line_position: positions.get(&r.line_id).copied().unwrap_or_default(),
                minutes: r.minutes,
            })
            .collect();
        out.sort_by_key(|t| (t.line_position, t.time_entry_id));
        Ok(out)
    }

    /// A milestone was completed: every active milestone schedule of its
    /// engagement that bills it drafts its invoice (once, whatever redelivers).
    #[tracing::instrument(skip_all, fields(org_id = %org, milestone_id = %milestone))]
    pub async fn bill_milestone(
        &self,
        org: OrganizationId,
        engagement: crate::dto::EngagementId,
        milestone: crate::dto::MilestoneId,
        name: &str,
    ) -> Result<usize, AppError> {
        let actor = format!("system:{MILESTONE_BILLING}");
        let terms = item::Entity::scoped(org)
            .filter(item::Column::MilestoneId.eq(milestone.into_uuid()))
            .order_by_asc(item::Column::Id)
            .all(&self.db)
            .await?;
        let mut drafted = 0;
        for term in terms {
            let Some(s) =
                schedule::Entity::scoped(org).filter(schedule::Column::Id.eq(term.schedule_id)).one(&self.db).await?
            else {
                continue;
            };
            let billable = s.kind == ScheduleKind::Milestone.as_str()
                && s.status == ScheduleStatus::Active.as_str()
                && s.engagement_id == engagement.into_uuid();
            if !billable {
                continue;
            }
            let work = Work::Milestone { term, name: name.to_owned() };
            let engagement = self.engagement_of(org, &s).await?;
            if let Some(r) = self.process(org, &actor, &s, &engagement, &work).await? {
                drafted += usize::from(r.invoice_id.is_some());
            }
        }
        Ok(drafted)
    }

    /// Everything one schedule owes up to `up_to`, oldest first, then when it is
    /// next due.
    async fn run_one(
        &self,
        org: OrganizationId,
        actor: &str,
        id: Uuid,
        up_to: NaiveDate,
    ) -> Result<Vec<run_row::Model>, AppError> {
        let row = schedule::Entity::find_in(&self.db, org, id).await?;
        if row.status != ScheduleStatus::Active.as_str() {
            return Ok(Vec::new());
        }
        self.run_loaded(org, actor, row, up_to).await
    }

    /// [`Self::run_one`] for a schedule already read (and found active).
    async fn run_loaded(
        &self,
        org: OrganizationId,
        actor: &str,
        row: schedule::Model,
        up_to: NaiveDate,
    ) -> Result<Vec<run_row::Model>, AppError> {
        let engagement = self.engagement_of(org, &row).await?;
        let items = items_of(&self.db, org, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        let done = done_keys(&self.db, org, row.id).await?;
        let kind: ScheduleKind = stored(&row.kind)?;
        let work: Vec<Work> = match kind {
            ScheduleKind::Milestone => Vec::new(),
            ScheduleKind::Fixed => {
                let mut due: Vec<Work> = items
                    .iter()
                    .filter_map(|i| i.due_on.filter(|d| *d <= up_to).map(|d| (periods::installment(i.id, d), i)))
                    .filter(|(d, _)| !done.contains(&d.key))
                    .map(|(d, i)| Work::Installment(d, i.clone()))
                    .collect();
                due.sort_by_key(|w| w.span().0);
                due
            }
            ScheduleKind::Retainer | ScheduleKind::TimeAndMaterials => {
                let (Some(p), Some(start)) = (row.period.as_deref(), row.starts_on) else {
                    return Err(AppError::internal("a periodic schedule without period or start"));
                };
                let period: BillingPeriod = stored(p)?;
                periods::due_periods(start, period, row.ends_on, up_to)
                    .into_iter()
                    .filter(|d| !done.contains(&d.key))
                    .map(Work::Period)
                    .collect()
            }
        };
        let mut runs = Vec::new();
        for w in work.into_iter().take(periods::MAX_PER_RUN) {
            if let Some(r) = self.process(org, actor, &row, &engagement, &w).await? {
                runs.push(r);
            }
        }
        let txn = begin_write(&self.db).await?;
        let done = done_keys(&txn, org, row.id).await?;
        if let Some(current) = schedule::Entity::scoped(org).filter(schedule::Column::Id.eq(row.id)).one(&txn).await? {
            set_next_due(&txn, org, current, &items, &done).await?;
        }
        txn.commit().await?;
        Ok(runs)
    }

    /// Plans and writes one unit of work; plans again once if another draft took
    /// some of its time meanwhile. `None` when it had already run.
    /// The schedule's engagement as it is now (its client goes on the drafts).
    async fn engagement_of(&self, org: OrganizationId, s: &schedule::Model) -> Result<EngagementRef, AppError> {
        self.engagements.engagement(org, s.engagement_id.into()).await?.ok_or(AppError::NotFound("engagement"))
    }

    async fn process(
        &self,
        org: OrganizationId,
        actor: &str,
        s: &schedule::Model,
        engagement: &EngagementRef,
        work: &Work,
    ) -> Result<Option<run_row::Model>, AppError> {
        for _ in 0..3 {
            let draft = self.plan(org, s, work).await?;
            match self.write(org, actor, s, engagement, work, draft).await? {
                Written::Run(r) => return Ok(Some(r)),
                Written::AlreadyRan => return Ok(None),
                Written::TimeTaken => continue,
            }
        }
        Err(AppError::conflict("other invoices kept taking this time; run the schedule again"))
    }

    /// The lines a unit of work comes to. Reads projects' time outside any
    /// transaction (through the port), without the time live invoices bill.
    async fn plan(&self, org: OrganizationId, s: &schedule::Model, work: &Work) -> Result<Draft, AppError> {
        let currency = stored_currency(&s.currency)?;
        let fixed = |description: String, amount: i64, entries: Vec<(TimeEntryId, i32)>| PlannedLine {
            description,
            quantity_milli: 1000,
            unit_price: Money::new(amount, currency),
            entries,
        };
        let grouping: TimeGrouping = stored(&s.group_by)?;
        Ok(match work {
            Work::Installment(_, i) => {
                Draft { lines: vec![fixed(i.description.clone(), i.amount, Vec::new())], notes: Vec::new() }
            }
            Work::Milestone { term, name } => {
                let description =
                    if term.description.is_empty() { format!("Milestone: {name}") } else { term.description.clone() };
                Draft { lines: vec![fixed(description, term.amount, Vec::new())], notes: Vec::new() }
            }
            Work::Period(d) if s.kind == ScheduleKind::Retainer.as_str() => {
                let fee = s.amount.ok_or_else(|| AppError::internal("a retainer without its fee"))?;
                let span = format!("{} – {}", d.start, d.end);
                let TimePlan { lines, covered, left_out } = match s.included_minutes {
                    None => TimePlan::default(),
                    Some(included) => {
                        let entries: Vec<BillableTime> =
                            self.unbilled(org, s, d.end).await?.into_iter().filter(|e| e.date >= d.start).collect();
                        let labels = self.labels(org, &entries, grouping).await?;
                        let suffix = format!("time beyond the {} included, {span}", hours_text(i64::from(included)));
                        plan_time(&entries, Some(i64::from(included)), currency, grouping, &labels, &suffix)
                    }
                };
                let mut all = vec![fixed(format!("{}: {span}", s.name), fee, covered)];
                all.extend(lines);
                Draft { lines: all, notes: left_out }
            }
            Work::Period(d) => {
                let entries = self.unbilled(org, s, d.end).await?;
                let labels = self.labels(org, &entries, grouping).await?;
                let plan = plan_time(&entries, None, currency, grouping, &labels, &format!("time through {}", d.end));
                Draft { lines: plan.lines, notes: plan.left_out }
            }
        })
    }

    /// Approved, billable time of the schedule's engagement up to `end` that no
    /// live invoice bills yet.
    async fn unbilled(
        &self,
        org: OrganizationId,
        s: &schedule::Model,
        end: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        let entries = self.projects.billable_time(org, s.engagement_id.into(), end).await?;
        let mut taken: HashSet<Uuid> = HashSet::new();
        let ids: Vec<Uuid> = entries.iter().map(|e| e.entry_id.into_uuid()).collect();
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in ids.chunks(500) {
            let rows: Vec<Uuid> = link::Entity::scoped(org)
                .filter(link::Column::TimeEntryId.is_in(chunk.iter().copied()))
                .select_only()
                .column(link::Column::TimeEntryId)
                .into_tuple()
                .all(&self.db)
                .await?;
            taken.extend(rows);
        }
        Ok(entries.into_iter().filter(|e| !taken.contains(&e.entry_id.into_uuid())).collect())
    }

    async fn labels(
        &self,
        org: OrganizationId,
        entries: &[BillableTime],
        grouping: TimeGrouping,
    ) -> Result<Labels, AppError> {
        let mut members: Vec<_> = entries.iter().map(|e| e.member_id).collect();
        members.sort_unstable();
        members.dedup();
        let mut labels = Labels { members: self.projects.member_names(org, &members).await?, ..Labels::default() };
        if grouping == TimeGrouping::Task {
            let mut tasks: Vec<_> = entries.iter().filter_map(|e| e.task_id).collect();
            tasks.sort_unstable();
            tasks.dedup();
            labels.tasks = self.projects.task_titles(org, &tasks).await?;
        }
        Ok(labels)
    }

    /// One transaction: the run row first (the idempotency guard), then the draft,
    /// its lines and the time they bill, and the events.
    async fn write(
        &self,
        org: OrganizationId,
        actor: &str,
        s: &schedule::Model,
        engagement: &EngagementRef,
        work: &Work,
        draft: Draft,
    ) -> Result<Written, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let currency = stored_currency(&s.currency)?;
        let (period_start, period_end) = work.span();
        let mut notes = draft.notes;
        let tax_rate_id = match s.tax_rate_id {
            Some(t) => match tax_rate::Entity::find_in(&txn, org, t).await {
                Ok(r) if r.archived_at.is_none() => Some(crate::dto::TaxRateId::from(t)),
                Ok(r) => {
                    notes.push(format!("tax rate {} is archived: lines drafted without tax", r.name));
                    None
                }
                Err(AppError::NotFound(_)) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        let mut run = run_row::Model {
            id: Uuid::now_v7(),
            organization_id: org.into_uuid(),
            schedule_id: s.id,
            period_key: work.key(),
            period_start,
            period_end,
            invoice_id: None,
            outcome: RunOutcome::NothingToBill.as_str().to_owned(),
            detail: None,
            created_at: now,
        };
        if let Err(e) = run_row::Entity::insert(run.clone().into_active_model()).exec_without_returning(&txn).await {
            txn.rollback().await?;
            return if is_unique_violation(&e) { Ok(Written::AlreadyRan) } else { Err(e.into()) };
        }
        if draft.lines.is_empty() {
            notes.insert(0, "no approved, billable, unbilled time in the period".to_owned());
        } else {
            let settings = settings::current(&txn, org, now).await?;
            let base = settings::base_currency(&settings)?;
            let inputs =
                draft.lines.iter().map(|l| line_in(l, currency, tax_rate_id)).collect::<Result<Vec<_>, AppError>>()?;
            let computed = lines::compute(&txn, org, currency, inputs).await?;
            let new = NewDraft {
                engagement,
                currency,
                base,
                payment_terms_days: settings.payment_terms_days,
                notes: None,
                schedule_id: Some(s.id),
                created_by: actor.to_owned(),
            };
            let (inv, rows) = insert_draft(&txn, org, now, new, computed).await?;
            let links: Vec<link::ActiveModel> = rows
                .iter()
                .zip(&draft.lines)
                .flat_map(|(row, planned)| {
                    planned.entries.iter().map(move |(entry, minutes)| link::Model {
                        time_entry_id: entry.into_uuid(),
                        organization_id: org.into_uuid(),
                        invoice_id: inv.id,
                        line_id: row.id,
                        minutes: *minutes,
                    })
                })
                .map(IntoActiveModel::into_active_model)
                .collect();
            for chunk in links.chunks(200) {
                if let Err(e) = link::Entity::insert_many(chunk.to_vec()).exec_without_returning(&txn).await {
                    txn.rollback().await?;
                    return if is_unique_violation(&e) { Ok(Written::TimeTaken) } else { Err(e.into()) };
                }
            }
            run.outcome = RunOutcome::Invoiced.as_str().to_owned();
            run.invoice_id = Some(inv.id);
            publish_as(&txn, org, actor, now, &InvoiceCreated { invoice: invoice_state(&inv)? }).await?;
        }
        run.detail = (!notes.is_empty()).then(|| notes.join("; "));
        run_row::Entity::update_scoped(org)
            .col_expr(run_row::Column::Outcome, Expr::value(run.outcome.clone()))
            .col_expr(run_row::Column::InvoiceId, Expr::value(run.invoice_id))
            .col_expr(run_row::Column::Detail, Expr::value(run.detail.clone()))
            .filter(run_row::Column::Id.eq(run.id))
            .exec(&txn)
            .await?;
        let event = InvoiceScheduleRan {
            schedule_id: s.id.into(),
            engagement_id: s.engagement_id.into(),
            period_key: run.period_key.clone(),
            period_start,
            period_end,
            outcome: run.outcome.clone(),
            invoice_id: run.invoice_id.map(Into::into),
            detail: run.detail.clone(),
        };
        publish_as(&txn, org, actor, now, &event).await?;
        txn.commit().await?;
        Ok(Written::Run(run))
    }
}

fn line_in(
    l: &PlannedLine,
    currency: Currency,
    tax_rate_id: Option<crate::dto::TaxRateId>,
) -> Result<LineIn, AppError> {
    // Names come from other domains and may be long: the line keeps what fits.
    let text: String = l.description.chars().take(500).collect();
    Ok(LineIn {
        description: LineDescription::parse(&text).map_err(AppError::internal)?,
        quantity: Quantity::from_milli(l.quantity_milli).map_err(AppError::internal)?,
        unit_price: Money::new(l.unit_price.amount_minor, currency),
        tax_rate_id,
    })
}

/// The keys a schedule has run.
pub(crate) async fn done_keys<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    schedule: Uuid,
) -> Result<HashSet<String>, AppError> {
    let keys: Vec<String> = run_row::Entity::scoped(org)
        .filter(run_row::Column::ScheduleId.eq(schedule))
        .select_only()
        .column(run_row::Column::PeriodKey)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(keys.into_iter().collect())
}

fn run_out(r: run_row::Model) -> Result<RunOut, AppError> {
    Ok(RunOut {
        id: r.id,
        schedule_id: r.schedule_id.into(),
        period_key: r.period_key,
        period_start: r.period_start,
        period_end: r.period_end,
        outcome: stored(&r.outcome)?,
        invoice_id: r.invoice_id.map(Into::into),
        detail: r.detail,
        created_at: r.created_at,
    })
}

// Deliberately unscoped: the daily job serves all organizations, and each
// schedule it finds is then run through its own organization's scoped queries.
#[allow(clippy::disallowed_methods)]
async fn due_schedules<C: ConnectionTrait>(
    conn: &C,
    today: NaiveDate,
    after: Option<Uuid>,
) -> Result<Vec<(OrganizationId, Uuid)>, AppError> {
    let mut q = schedule::Entity::find()
        .filter(schedule::Column::Status.eq(ScheduleStatus::Active.as_str()))
        .filter(schedule::Column::NextDueOn.lte(today))
        .order_by_asc(schedule::Column::Id)
        .limit(PAGE);
    if let Some(a) = after {
        q = q.filter(schedule::Column::Id.gt(a));
    }
    let rows: Vec<(Uuid, Uuid)> = q
        .select_only()
        .columns([schedule::Column::OrganizationId, schedule::Column::Id])
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|(org, id)| (org.into(), id)).collect())
}
