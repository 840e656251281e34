//! Invoice schedules: the terms on which an engagement is billed. Creating and
//! changing them is here; drafting their invoices is in [`run`].

mod periods;
mod plan;
mod run;
mod terms;

use std::collections::{HashMap, HashSet};

use atrium_events::revenue::{
    InvoiceScheduleCreated, InvoiceScheduleDeleted, InvoiceScheduleState, InvoiceScheduleUpdated,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{RevenueService, changed, settings};
use crate::dto::{
    InstallmentOut, InvoiceScheduleId, MilestoneTermOut, ScheduleFilter, ScheduleIn, ScheduleKind, ScheduleOut,
    SchedulePatch, ScheduleStatus, stored, stored_currency,
};
use crate::entity::{invoice_schedule as schedule, invoice_schedule_item as item};
use crate::error::RevenueError;

pub use run::{MILESTONE_BILLING, RUNNER_JOB, RunSummary};
pub(crate) use terms::Terms;

impl RevenueService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, engagement_id = %input.engagement_id))]
    pub async fn create_schedule(&self, ctx: &OrgCtx, input: ScheduleIn) -> Result<ScheduleOut, AppError> {
        let engagement = self
            .engagements
            .engagement(ctx.org_id, input.engagement_id)
            .await?
            .ok_or(RevenueError::NoSuchEngagement)?;
        let contract_id = match input.contract_id {
            None => engagement.contract_id,
            Some(c) if Some(c) == engagement.contract_id => Some(c),
            Some(_) => {
                return Err(AppError::invalid("contract_id", "must be the contract the engagement was created from"));
            }
        };
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let s = settings::current(&txn, ctx.org_id, now).await?;
        let currency = input.currency.or(engagement.currency).map_or_else(|| settings::base_currency(&s), Ok)?;
        let terms = Terms::check(&input, currency)?;
        if let Some(t) = input.tax_rate_id {
            terms::usable_tax_rate(&txn, ctx.org_id, t).await?;
        }
        self.check_milestones(ctx.org_id, engagement.id, &terms).await?;
        let id = Uuid::now_v7();
        let row = schedule::ActiveModel {
            id: Set(id),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(engagement.id.into_uuid()),
            contract_id: Set(contract_id.map(Into::into)),
            kind: Set(input.kind.as_str().to_owned()),
            name: Set(input.name.into_inner()),
            currency: Set(currency.code().to_owned()),
            status: Set(ScheduleStatus::Active.as_str().to_owned()),
            period: Set(terms.period.map(|p| p.as_str().to_owned())),
            starts_on: Set(terms.starts_on),
            ends_on: Set(terms.ends_on),
            amount: Set(terms.amount),
            included_minutes: Set(terms.included_minutes),
            group_by: Set(terms.group_by.as_str().to_owned()),
            tax_rate_id: Set(input.tax_rate_id.map(Into::into)),
            next_due_on: Set(None),
            version: Set(1),
            created_by: Set(ctx.actor()),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let mut row = schedule::Entity::insert(row).exec_with_returning(&txn).await.map_err(missing_reference)?;
        let items = terms::write_items(&txn, ctx.org_id, id, &terms).await?;
        row = set_next_due(&txn, ctx.org_id, row, &items, &HashSet::new()).await?;
        publish_state(&txn, ctx, now, &row, None).await?;
        txn.commit().await?;
        schedule_out(row, &items)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
    pub async fn get_schedule(&self, ctx: &OrgCtx, id: InvoiceScheduleId) -> Result<ScheduleOut, AppError> {
        let row = schedule::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let items = items_of(&self.db, ctx.org_id, &[row.id]).await?.remove(&row.id).unwrap_or_default();
        schedule_out(row, &items)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_schedules(
        &self,
        ctx: &OrgCtx,
        f: &ScheduleFilter,
        req: PageRequest,
    ) -> Result<Page<ScheduleOut>, AppError> {
        let mut q = schedule::Entity::scoped(ctx.org_id);
        if let Some(e) = f.engagement_id {
            self.engagements.engagement(ctx.org_id, e).await?.ok_or(RevenueError::NoSuchEngagement)?;
            q = q.filter(schedule::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(k) = f.kind {
            q = q.filter(schedule::Column::Kind.eq(k.as_str()));
        }
        if let Some(s) = f.status {
            q = q.filter(schedule::Column::Status.eq(s.as_str()));
        }
        let rows = req.apply(q, schedule::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let ids: Vec<Uuid> = page.items.iter().map(|r| r.id).collect();
        let mut items = items_of(&self.db, ctx.org_id, &ids).await?;
        let out = page
            .items
            .into_iter()
            .map(|r| {
                let i = items.remove(&r.id).unwrap_or_default();
                schedule_out(r, &i)
            })
            .collect::<Result<_, _>>()?;
        Ok(Page { items: out, next_after: page.next_after })
    }

    /// Pauses, resumes or ends a schedule, or changes its terms for the periods
    /// not yet run. Installments and milestone terms are replaced only while the
    /// schedule has not run: what was billed stays as billed.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
    pub async fn update_schedule(
        &self,
        ctx: &OrgCtx,
        id: InvoiceScheduleId,
        patch: SchedulePatch,
        if_match: IfMatch,
    ) -> Result<ScheduleOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        let kind: ScheduleKind = stored(&current.kind)?;
        let status: ScheduleStatus = stored(&current.status)?;
        let currency = stored_currency(&current.currency)?;
        if status == ScheduleStatus::Ended {
            return Err(AppError::conflict("the schedule has ended; create a new one"));
        }
        let mut row = current.clone().into_active_model();
        if let Some(n) = patch.name {
            row.name = Set(n.into_inner());
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        if let Some(e) = patch.ends_on.into_change() {
            let e = e.map(|d| d.get());
            terms::check_end(kind, current.starts_on, e)?;
            row.ends_on = Set(e);
        }
        if let Some(t) = patch.tax_rate_id.into_change() {
            if let Some(t) = t {
                terms::usable_tax_rate(&txn, ctx.org_id, t).await?;
            }
            row.tax_rate_id = Set(t.map(Into::into));
        }
        if let Some(a) = patch.amount {
            row.amount = Set(Some(terms::check_fee(kind, a, currency)?));
        }
        if let Some(m) = patch.included_minutes.into_change() {
            row.included_minutes = Set(terms::check_included(kind, m)?);
        }
        if let Some(g) = patch.group_by {
            terms::check_grouping(kind)?;
            row.group_by = Set(g.as_str().to_owned());
        }
        let new_terms = terms::replaced(kind, currency, patch.installments, patch.milestones)?;
        let done = run::done_keys(&txn, ctx.org_id, current.id).await?;
        if new_terms.is_some() && !done.is_empty() {
            return Err(AppError::conflict(
                "the schedule has run: its installments and milestone terms stay as billed; end it and create another",
            ));
        }
        if let Some(t) = &new_terms {
            self.check_milestones(ctx.org_id, current.engagement_id.into(), t).await?;
        }
        row.updated_at = Set(now);
        let updated = schedule::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let items = match &new_terms {
            Some(t) => {
                item::Entity::delete_scoped(ctx.org_id)
                    .filter(item::Column::ScheduleId.eq(current.id))
                    .exec(&txn)
                    .await?;
                terms::write_items(&txn, ctx.org_id, current.id, t).await?
            }
            None => items_of(&txn, ctx.org_id, &[current.id]).await?.remove(&current.id).unwrap_or_default(),
        };
        let updated = set_next_due(&txn, ctx.org_id, updated, &items, &done).await?;
        let mut changed = changed!(current, updated; name, status, ends_on, tax_rate_id, amount, included_minutes, group_by, next_due_on);
        if new_terms.is_some() {
            changed.push(if kind == ScheduleKind::Fixed { "installments" } else { "milestones" }.to_owned());
        }
        publish_state(&txn, ctx, now, &updated, Some(changed)).await?;
        txn.commit().await?;
        schedule_out(updated, &items)
    }

    /// Deletes a schedule and its run records; the invoices it drafted stay,
    /// without their schedule.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, schedule_id = %id))]
    pub async fn delete_schedule(
        &self,
        ctx: &OrgCtx,
        id: InvoiceScheduleId,
        if_match: IfMatch,
    ) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked(&txn, ctx.org_id, id).await?;
        schedule::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let state = schedule_state(&current)?;
        atrium_outbox::publish(&txn, ctx, self.clock.now(), &InvoiceScheduleDeleted { schedule: state }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Milestone terms must name milestones of the schedule's own engagement
    /// (another organization's are not found).
    async fn check_milestones(
        &self,
        org: OrganizationId,
        engagement: crate::dto::EngagementId,
        terms: &Terms,
    ) -> Result<(), AppError> {
        if terms.milestones.is_empty() {
            return Ok(());
        }
        let ids: Vec<_> = terms.milestones.iter().map(|m| m.milestone_id).collect();
        let found = self.projects.milestone_engagements(org, &ids).await?;
        for (i, m) in terms.milestones.iter().enumerate() {
            match found.get(&m.milestone_id) {
                None => return Err(AppError::NotFound("milestone")),
                Some(e) if *e != engagement => {
                    return Err(AppError::invalid(
                        format!("milestones[{i}].milestone_id"),
                        "belongs to another engagement's project",
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// The schedule, locked for the rest of the transaction on PostgreSQL.
pub(crate) async fn locked<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: impl Into<Uuid>,
) -> Result<schedule::Model, AppError> {
    schedule::Entity::scoped(org)
        .filter(schedule::Column::Id.eq(id.into()))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound("invoice schedule"))
}

pub(crate) async fn items_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<item::Model>>, AppError> {
    let mut out: HashMap<Uuid, Vec<item::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = item::Entity::scoped(org)
        .filter(item::Column::ScheduleId.is_in(ids.iter().copied()))
        .order_by_asc(item::Column::ScheduleId)
        .order_by_asc(item::Column::Position)
        .all(conn)
        .await?;
    for r in rows {
        out.entry(r.schedule_id).or_default().push(r);
    }
    Ok(out)
}

/// Stores when the runner next has something to do, from the terms and the runs
/// already recorded (`done`). Not an edit: the version stays.
pub(crate) async fn set_next_due<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    row: schedule::Model,
    items: &[item::Model],
    done: &HashSet<String>,
) -> Result<schedule::Model, AppError> {
    let next = next_due(&row, items, done)?;
    if next == row.next_due_on {
        return Ok(row);
    }
    schedule::Entity::update_scoped(org)
        .col_expr(schedule::Column::NextDueOn, Expr::value(next))
        .filter(schedule::Column::Id.eq(row.id))
        .exec(conn)
        .await?;
    Ok(schedule::Model { next_due_on: next, ..row })
}

fn next_due(
    row: &schedule::Model,
    items: &[item::Model],
    done: &HashSet<String>,
) -> Result<Option<NaiveDate>, AppError> {
    let kind: ScheduleKind = stored(&row.kind)?;
    Ok(match kind {
        ScheduleKind::Milestone => None,
        ScheduleKind::Fixed => items
            .iter()
            .filter_map(|i| i.due_on.map(|d| periods::installment(i.id, d)))
            .filter(|d| !done.contains(&d.key))
            .map(|d| d.on)
            .min(),
        ScheduleKind::Retainer | ScheduleKind::TimeAndMaterials => {
            let (Some(p), Some(start)) = (row.period.as_deref(), row.starts_on) else {
                return Err(AppError::internal("a periodic schedule without period or start"));
            };
            periods::next_period(start, stored(p)?, row.ends_on, &|k| done.contains(k)).map(|d| d.on)
        }
    })
}

async fn publish_state<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    now: chrono::DateTime<chrono::Utc>,
    row: &schedule::Model,
    changed: Option<Vec<String>>,
) -> Result<(), AppError> {
    let schedule = schedule_state(row)?;
    match changed {
        None => atrium_outbox::publish(conn, ctx, now, &InvoiceScheduleCreated { schedule }).await?,
        Some(changed) => atrium_outbox::publish(conn, ctx, now, &InvoiceScheduleUpdated { schedule, changed }).await?,
    };
    Ok(())
}

pub(crate) fn schedule_state(r: &schedule::Model) -> Result<InvoiceScheduleState, AppError> {
    Ok(InvoiceScheduleState {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        kind: r.kind.clone(),
        name: r.name.clone(),
        status: r.status.clone(),
        currency: r.currency.clone(),
        next_due_on: r.next_due_on,
        version: r.version,
        updated_at: r.updated_at,
    })
}

pub(crate) fn schedule_out(r: schedule::Model, items: &[item::Model]) -> Result<ScheduleOut, AppError> {
    let cur = stored_currency(&r.currency)?;
    let installments = items
        .iter()
        .filter_map(|i| {
            i.due_on.map(|due_on| InstallmentOut {
                id: i.id,
                description: i.description.clone(),
                amount: Money::new(i.amount, cur),
                due_on,
            })
        })
        .collect();
    let milestones = items
        .iter()
        .filter_map(|i| {
            i.milestone_id.map(|m| MilestoneTermOut {
                id: i.id,
                milestone_id: m.into(),
                description: i.description.clone(),
                amount: Money::new(i.amount, cur),
            })
        })
        .collect();
    Ok(ScheduleOut {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        contract_id: r.contract_id.map(Into::into),
        kind: stored(&r.kind)?,
        name: r.name,
        status: stored(&r.status)?,
        currency: cur,
        tax_rate_id: r.tax_rate_id.map(Into::into),
        installments,
        milestones,
        period: r.period.as_deref().map(stored).transpose()?,
        starts_on: r.starts_on,
        ends_on: r.ends_on,
        amount: r.amount.map(|a| Money::new(a, cur)),
        included_minutes: r.included_minutes,
        group_by: stored(&r.group_by)?,
        next_due_on: r.next_due_on,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// The engagement, contract or tax rate may go between the check and the insert.
fn missing_reference(e: sea_orm::DbErr) -> AppError {
    if atrium_kernel::error::is_foreign_key_violation(&e) { RevenueError::NoSuchEngagement.into() } else { e.into() }
}
