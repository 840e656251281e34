//! What each kind of schedule needs, checked field by field so a client is told
//! exactly which one is wrong, and the installment / milestone rows.

use atrium_kernel::{AppError, Currency, Money, OrganizationId, Scoped};
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use crate::dto::{
    BillingPeriod, InstallmentIn, MAX_AMOUNT, MilestoneId, MilestoneTermIn, ScheduleIn, ScheduleKind, TaxRateId,
    TimeGrouping,
};
use crate::entity::{invoice_schedule_item as item, tax_rate};
use crate::error::RevenueError;

#[derive(Debug, Clone)]
pub(crate) struct Installment {
    pub description: String,
    pub amount: i64,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone)]
pub(crate) struct MilestoneTerm {
    pub milestone_id: MilestoneId,
    pub description: String,
    pub amount: i64,
}

/// A schedule's terms, valid for its kind.
#[derive(Debug, Clone)]
pub(crate) struct Terms {
    pub period: Option<BillingPeriod>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub amount: Option<i64>,
    pub included_minutes: Option<i32>,
    pub group_by: TimeGrouping,
    pub installments: Vec<Installment>,
    pub milestones: Vec<MilestoneTerm>,
}

fn not_for(field: &str, kind: ScheduleKind) -> AppError {
    AppError::invalid(field, format!("does not apply to a {} schedule", kind.as_str()))
}

fn required(field: &str, kind: ScheduleKind) -> AppError {
    AppError::invalid(field, format!("is required for a {} schedule", kind.as_str()))
}

/// An amount in the schedule's currency, above zero.
fn amount(field: &str, m: Money, currency: Currency) -> Result<i64, AppError> {
    if m.currency != currency {
        return Err(AppError::invalid(
            format!("{field}.currency"),
            format!("must be the schedule's currency {currency}"),
        ));
    }
    if m.amount_minor <= 0 || m.amount_minor > MAX_AMOUNT {
        return Err(AppError::invalid(
            format!("{field}.amount_minor"),
            format!("must be above zero and at most {MAX_AMOUNT}"),
        ));
    }
    Ok(m.amount_minor)
}

impl Terms {
    pub fn check(input: &ScheduleIn, currency: Currency) -> Result<Self, AppError> {
        let kind = input.kind;
        let periodic = matches!(kind, ScheduleKind::Retainer | ScheduleKind::TimeAndMaterials);
        if !input.installments.is_empty() && kind != ScheduleKind::Fixed {
            return Err(not_for("installments", kind));
        }
        if !input.milestones.is_empty() && kind != ScheduleKind::Milestone {
            return Err(not_for("milestones", kind));
        }
        for (field, given) in [("period", input.period.is_some()), ("starts_on", input.starts_on.is_some())] {
            match (periodic, given) {
                (true, false) => return Err(required(field, kind)),
                (false, true) => return Err(not_for(field, kind)),
                _ => {}
            }
        }
        if input.ends_on.is_some() && !periodic {
            return Err(not_for("ends_on", kind));
        }
        if input.group_by.is_some() {
            check_grouping(kind)?;
        }
        let starts_on = input.starts_on.map(|d| d.get());
        let ends_on = input.ends_on.map(|d| d.get());
        check_end(kind, starts_on, ends_on)?;
        let amount = match (kind, input.amount) {
            (ScheduleKind::Retainer, Some(a)) => Some(check_fee(kind, a, currency)?),
            (ScheduleKind::Retainer, None) => return Err(required("amount", kind)),
            (_, Some(_)) => return Err(not_for("amount", kind)),
            (_, None) => None,
        };
        let included_minutes = check_included(kind, input.included_minutes)?;
        let installments = installments(kind, currency, &input.installments)?;
        let milestones = milestones(kind, currency, &input.milestones)?;
        if kind == ScheduleKind::Fixed && installments.is_empty() {
            return Err(required("installments", kind));
        }
        if kind == ScheduleKind::Milestone && milestones.is_empty() {
            return Err(required("milestones", kind));
        }
        Ok(Self {
            period: input.period,
            starts_on,
            ends_on,
            amount,
            included_minutes,
            group_by: input.group_by.unwrap_or(TimeGrouping::Member),
            installments,
            milestones,
        })
    }
}

pub(crate) fn check_end(
    kind: ScheduleKind,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
) -> Result<(), AppError> {
    match (starts_on, ends_on) {
        (_, None) => Ok(()),
        (None, Some(_)) => Err(not_for("ends_on", kind)),
        (Some(s), Some(e)) if e < s => Err(AppError::invalid("ends_on", "must not be before starts_on")),
        _ => Ok(()),
    }
}

pub(crate) fn check_fee(kind: ScheduleKind, fee: Money, currency: Currency) -> Result<i64, AppError> {
    if kind != ScheduleKind::Retainer {
        return Err(not_for("amount", kind));
    }
    amount("amount", fee, currency)
}

pub(crate) fn check_included(kind: ScheduleKind, minutes: Option<i32>) -> Result<Option<i32>, AppError> {
    match minutes {
        Some(_) if kind != ScheduleKind::Retainer => Err(not_for("included_minutes", kind)),
        Some(m) if m < 0 => Err(AppError::invalid("included_minutes", "must not be negative")),
        other => Ok(other),
    }
}

pub(crate) fn check_grouping(kind: ScheduleKind) -> Result<(), AppError> {
    if matches!(kind, ScheduleKind::Retainer | ScheduleKind::TimeAndMaterials) {
        Ok(())
    } else {
        Err(not_for("group_by", kind))
    }
}

fn installments(kind: ScheduleKind, currency: Currency, given: &[InstallmentIn]) -> Result<Vec<Installment>, AppError> {
    if !given.is_empty() && kind != ScheduleKind::Fixed {
        return Err(not_for("installments", kind));
    }
    given
        .iter()
        .enumerate()
        .map(|(i, x)| {
            Ok(Installment {
                description: x.description.to_string(),
                amount: amount(&format!("installments[{i}].amount"), x.amount, currency)?,
                due_on: x.due_on.get(),
            })
        })
        .collect()
}

fn milestones(
    kind: ScheduleKind,
    currency: Currency,
    given: &[MilestoneTermIn],
) -> Result<Vec<MilestoneTerm>, AppError> {
    if !given.is_empty() && kind != ScheduleKind::Milestone {
        return Err(not_for("milestones", kind));
    }
    let mut seen = std::collections::HashSet::new();
    given
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if !seen.insert(x.milestone_id) {
                return Err(AppError::invalid(format!("milestones[{i}].milestone_id"), "is already in this schedule"));
            }
            Ok(MilestoneTerm {
                milestone_id: x.milestone_id,
                description: x.description.to_string(),
                amount: amount(&format!("milestones[{i}].amount"), x.amount, currency)?,
            })
        })
        .collect()
}

/// New installments or milestone terms from a patch, as full terms (only the
/// item lists matter to the caller).
pub(crate) fn replaced(
    kind: ScheduleKind,
    currency: Currency,
    installments_in: Option<Vec<InstallmentIn>>,
    milestones_in: Option<Vec<MilestoneTermIn>>,
) -> Result<Option<Terms>, AppError> {
    if installments_in.is_none() && milestones_in.is_none() {
        return Ok(None);
    }
    let installments = installments(kind, currency, installments_in.as_deref().unwrap_or_default())?;
    let milestones = milestones(kind, currency, milestones_in.as_deref().unwrap_or_default())?;
    match kind {
        ScheduleKind::Fixed if installments.is_empty() => return Err(required("installments", kind)),
        ScheduleKind::Milestone if milestones.is_empty() => return Err(required("milestones", kind)),
        _ => {}
    }
    Ok(Some(Terms {
        period: None,
        starts_on: None,
        ends_on: None,
        amount: None,
        included_minutes: None,
        group_by: TimeGrouping::Member,
        installments,
        milestones,
    }))
}

/// A tax rate of the organization that may go on new lines.
pub(crate) async fn usable_tax_rate<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: TaxRateId,
) -> Result<(), AppError> {
    let rate = tax_rate::Entity::find_in(conn, org, id).await.map_err(|e| match e {
        AppError::NotFound(_) => RevenueError::NoSuchTaxRate.into(),
        other => other,
    })?;
    if rate.archived_at.is_some() {
        return Err(RevenueError::TaxRateArchived.into());
    }
    Ok(())
}

pub(crate) async fn write_items<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    schedule: Uuid,
    terms: &Terms,
) -> Result<Vec<item::Model>, AppError> {
    let installments = terms.installments.iter().map(|i| (i.description.clone(), i.amount, Some(i.due_on), None));
    let milestones =
        terms.milestones.iter().map(|m| (m.description.clone(), m.amount, None, Some(m.milestone_id.into_uuid())));
    let rows: Vec<item::Model> = installments
        .chain(milestones)
        .zip(1..)
        .map(|((description, amount, due_on, milestone_id), position)| item::Model {
            id: Uuid::now_v7(),
            organization_id: org.into_uuid(),
            schedule_id: schedule,
            position,
            description,
            amount,
            due_on,
            milestone_id,
        })
        .collect();
    if !rows.is_empty() {
        item::Entity::insert_many(rows.iter().cloned().map(IntoActiveModel::into_active_model)).exec(conn).await?;
    }
    Ok(rows)
}
