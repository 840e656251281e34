//! Submission and approval. On submit the bill's total is converted to the base
//! currency at the rate of its bill date, the rules are evaluated in order and
//! the first match's steps are resolved into people (a role becomes every member
//! holding it then) and stored with the bill as seats of this submission's round:
//! a later rule or role change never moves a bill in flight. No matching rule
//! approves the bill at once. The submitter is never on their own route.

use std::collections::BTreeSet;

use atrium_events::revenue::payables::{BillApprovalRequested, BillApproved, BillId, BillRejected, BillStepApproved};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, Money, OrgCtx, Page, PageRequest, Scoped, SortOrder, UserId};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter};
use uuid::Uuid;

use super::PayablesService;
use super::bills::{currency_of, lines_of, locked, require_draft, seats_of};
use super::rules::{self, Facts};
use super::view::{bill_out, bill_state, rule_steps};
use crate::calc;
use crate::dto::{ApproveIn, BillOut, BillStatus, RejectIn, StepMode, stored, stored_currency};
use crate::entity::{approval_rule, bill, bill_approval};
use crate::error::RevenueError;
use crate::service::{rates, settings};

const APPROVED: &str = "approved";
const REJECTED: &str = "rejected";

/// One person on one step of a route.
struct Seat {
    step: i32,
    mode: StepMode,
    approver: UserId,
    source: String,
}

impl PayablesService {
    /// Submits a draft for approval: the route of the first matching rule, or
    /// approved at once when none matches.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn submit_bill(&self, ctx: &OrgCtx, id: BillId, if_match: IfMatch) -> Result<BillOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        require_draft(&current)?;
        let lines = lines_of(&txn, ctx.org_id, &[current.id]).await?.remove(&current.id).unwrap_or_default();
        if lines.is_empty() {
            return Err(RevenueError::NoLines.into());
        }
        if current.total <= 0 {
            return Err(AppError::invalid("lines", "the bill total must be above zero to submit it"));
        }
        if current.vendor_id.is_none() {
            return Err(AppError::invalid("vendor_id", "a bill needs a vendor before it is submitted"));
        }
        let base = settings::base_currency(&settings::current(&txn, ctx.org_id, now).await?)?;
        let cur = currency_of(&current)?;
        let rate = rates::rate_on(&txn, ctx.org_id, cur, base, current.bill_date, "bill_date").await?;
        let base_total = calc::convert(current.total, cur, base, rate).map_err(|e| RevenueError::Calc(e, "lines"))?;
        let facts = Facts {
            base_total,
            bill: &current,
            accounts: lines.iter().filter_map(|l| l.account.as_ref().map(|a| a.to_lowercase())).collect(),
        };
        let rule = rules::in_order(&txn, ctx.org_id).await?.into_iter().find(|r| rules::matches(r, &facts));
        let round = current.approval_round + 1;
        let mut row = current.clone().into_active_model();
        row.base_currency = Set(base.code().to_owned());
        row.fx_rate = Set(Some(rate));
        row.base_total = Set(Some(base_total));
        row.approval_round = Set(round);
        row.rule_id = Set(rule.as_ref().map(|r| r.id));
        row.rule_name = Set(rule.as_ref().map(|r| r.name.clone()));
        row.submitted_by = Set(Some(ctx.actor()));
        row.submitted_at = Set(Some(now));
        row.rejection_reason = Set(None);
        row.rejected_by = Set(None);
        row.rejected_at = Set(None);
        row.updated_at = Set(now);
        let base_money = Money::new(base_total, base);
        let Some(rule) = rule else {
            row.status = Set(BillStatus::Approved.as_str().to_owned());
            row.approved_at = Set(Some(now));
            row.current_step = Set(None);
            let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
            let event = BillApproved {
                bill: bill_state(&updated)?,
                rule_id: None,
                base_total: base_money,
                approved_by: vec![],
            };
            atrium_outbox::publish(&txn, ctx, now, &event).await?;
            let out = self.full(&txn, ctx.org_id, updated).await?;
            txn.commit().await?;
            return Ok(out);
        };
        let seats = self.resolve(ctx, &rule).await?;
        let steps = seats.last().map_or(0, |s| s.step);
        for s in &seats {
            let seat = bill_approval::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(ctx.org_id.into_uuid()),
                bill_id: Set(current.id),
                round: Set(round),
                step: Set(s.step),
                mode: Set(s.mode.as_str().to_owned()),
                approver_id: Set(s.approver.into_uuid()),
                source: Set(s.source.clone()),
                decision: Set(None),
                comment: Set(None),
                decided_at: Set(None),
            };
            bill_approval::Entity::insert(seat).exec(&txn).await?;
        }
        row.status = Set(BillStatus::PendingApproval.as_str().to_owned());
        row.current_step = Set(Some(1));
        let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let first: Vec<&Seat> = seats.iter().filter(|s| s.step == 1).collect();
        let event = BillApprovalRequested {
            bill: bill_state(&updated)?,
            rule_id: rule.id.into(),
            rule_name: rule.name.clone(),
            step: 1,
            steps,
            mode: first.first().map_or(StepMode::AnyOf, |s| s.mode).as_str().to_owned(),
            approvers: first.iter().map(|s| s.approver).collect(),
            base_total: base_money,
            submitted_by: ctx.actor(),
        };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        let out = self.full(&txn, ctx.org_id, updated).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// The rule's steps as people: each role becomes its members now, each named
    /// member stays if still a member; the submitter is left out. A step with
    /// nobody left could never be decided: 409 before anything is written.
    async fn resolve(&self, ctx: &OrgCtx, rule: &approval_rule::Model) -> Result<Vec<Seat>, AppError> {
        let submitter = ctx.user_id();
        let mut seats = Vec::new();
        for (i, step) in rule_steps(rule)?.into_iter().enumerate() {
            let n = i32::try_from(i + 1).map_err(AppError::internal)?;
            let mut seen = BTreeSet::new();
            for a in &step.approvers {
                let found: Vec<(UserId, String)> = match (a.role, a.member_id) {
                    (Some(role), _) => self
                        .members
                        .members_with_role(ctx.org_id, role)
                        .await?
                        .into_iter()
                        .map(|u| (u, format!("role:{role}")))
                        .collect(),
                    (None, Some(m)) if self.members.is_member(ctx.org_id, m).await? => vec![(m, "member".to_owned())],
                    _ => vec![],
                };
                for (user, source) in found {
                    if Some(user) != submitter && seen.insert(user) {
                        seats.push(Seat { step: n, mode: step.mode, approver: user, source });
                    }
                }
            }
            if seen.is_empty() {
                return Err(AppError::conflict(format!(
                    "step {n} of the approval rule `{}` has no approver other than the submitter: change the rule",
                    rule.name
                )));
            }
        }
        Ok(seats)
    }

    /// The caller's undecided seat on the current step of a pending bill.
    async fn my_seat(
        &self,
        txn: &DatabaseTransaction,
        ctx: &OrgCtx,
        b: &bill::Model,
    ) -> Result<(UserId, bill_approval::Model), AppError> {
        if b.status != BillStatus::PendingApproval.as_str() {
            return Err(RevenueError::BillNotPending(b.status.clone()).into());
        }
        let user = ctx.user_id().ok_or(RevenueError::NotApprover)?;
        if b.submitted_by.as_deref() == Some(ctx.actor().as_str()) {
            return Err(RevenueError::SelfApproval.into());
        }
        let seat = bill_approval::Entity::scoped(ctx.org_id)
            .filter(bill_approval::Column::BillId.eq(b.id))
            .filter(bill_approval::Column::Round.eq(b.approval_round))
            .filter(bill_approval::Column::Step.eq(b.current_step.unwrap_or(0)))
            .filter(bill_approval::Column::ApproverId.eq(user.into_uuid()))
            .one(txn)
            .await?
            .ok_or(RevenueError::NotApprover)?;
        if seat.decision.is_some() {
            return Err(AppError::conflict("you already decided this step"));
        }
        Ok((user, seat))
    }

    /// Approves the current step for the caller; completes the step (any one of
    /// `any_of`, the last of `all_of`), then requests the next or approves the bill.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn approve_bill(&self, ctx: &OrgCtx, id: BillId, input: ApproveIn) -> Result<BillOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        let (user, seat) = self.my_seat(&txn, ctx, &current).await?;
        let comment = input.comment.map(|c| c.into_inner());
        let (seat_id, step) = (seat.id, seat.step);
        let mode: StepMode = stored(&seat.mode)?;
        let mut decided = seat.into_active_model();
        decided.decision = Set(Some(APPROVED.to_owned()));
        decided.comment = Set(comment.clone());
        decided.decided_at = Set(Some(now));
        bill_approval::Entity::update_in(&txn, ctx.org_id, seat_id, decided, IfMatch(None)).await?;
        let round: Vec<bill_approval::Model> = seats_of(&txn, ctx.org_id, &[current.id])
            .await?
            .remove(&current.id)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.round == current.approval_round)
            .collect();
        let this_step = || round.iter().filter(|s| s.step == step);
        let complete = match mode {
            StepMode::AnyOf => true,
            StepMode::AllOf => this_step().all(|s| s.decision.as_deref() == Some(APPROVED)),
        };
        let steps = round.iter().map(|s| s.step).max().unwrap_or(step);
        let mut row = current.clone().into_active_model();
        row.updated_at = Set(now);
        if complete && step < steps {
            row.current_step = Set(Some(step + 1));
        } else if complete {
            row.status = Set(BillStatus::Approved.as_str().to_owned());
            row.current_step = Set(None);
            row.approved_at = Set(Some(now));
        }
        let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let state = bill_state(&updated)?;
        let event = BillStepApproved { bill: state.clone(), step, approver: user, comment, step_complete: complete };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        let base_total = base_total_of(&updated)?;
        if complete && step < steps {
            let next: Vec<&bill_approval::Model> = round.iter().filter(|s| s.step == step + 1).collect();
            let event = BillApprovalRequested {
                bill: state,
                rule_id: updated.rule_id.map(Into::into).ok_or_else(|| AppError::internal("route without rule"))?,
                rule_name: updated.rule_name.clone().unwrap_or_default(),
                step: step + 1,
                steps,
                mode: next.first().map_or(StepMode::AnyOf.as_str(), |s| s.mode.as_str()).to_owned(),
                approvers: next.iter().map(|s| s.approver_id.into()).collect(),
                base_total,
                submitted_by: updated.submitted_by.clone().unwrap_or_default(),
            };
            atrium_outbox::publish(&txn, ctx, now, &event).await?;
        } else if complete {
            let mut approvals: Vec<&bill_approval::Model> =
                round.iter().filter(|s| s.decision.as_deref() == Some(APPROVED)).collect();
            approvals.sort_by_key(|s| (s.step, s.decided_at));
            let event = BillApproved {
                bill: state,
                rule_id: updated.rule_id.map(Into::into),
                base_total,
                approved_by: approvals.iter().map(|s| s.approver_id.into()).collect(),
            };
            atrium_outbox::publish(&txn, ctx, now, &event).await?;
        }
        let lines = lines_of(&txn, ctx.org_id, &[updated.id]).await?.remove(&updated.id).unwrap_or_default();
        txn.commit().await?;
        let mut all = round;
        all.sort_by_key(|s| (s.step, s.id));
        bill_out(updated, &lines, &all)
    }

    /// Rejects the bill for the caller: it is a draft again, with the reason.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, bill_id = %id))]
    pub async fn reject_bill(&self, ctx: &OrgCtx, id: BillId, input: RejectIn) -> Result<BillOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let current = locked(&txn, ctx.org_id, id).await?;
        let (user, seat) = self.my_seat(&txn, ctx, &current).await?;
        let reason = input.reason.into_inner();
        let (seat_id, step) = (seat.id, seat.step);
        let mut decided = seat.into_active_model();
        decided.decision = Set(Some(REJECTED.to_owned()));
        decided.comment = Set(Some(reason.clone()));
        decided.decided_at = Set(Some(now));
        bill_approval::Entity::update_in(&txn, ctx.org_id, seat_id, decided, IfMatch(None)).await?;
        let mut row = current.into_active_model();
        row.status = Set(BillStatus::Draft.as_str().to_owned());
        row.current_step = Set(None);
        row.rejection_reason = Set(Some(reason.clone()));
        row.rejected_by = Set(Some(ctx.actor()));
        row.rejected_at = Set(Some(now));
        row.updated_at = Set(now);
        let updated = bill::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let event = BillRejected { bill: bill_state(&updated)?, step, rejected_by: user, reason };
        atrium_outbox::publish(&txn, ctx, now, &event).await?;
        let out = self.full(&txn, ctx.org_id, updated).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Bills pending on a step where the caller has an undecided seat, oldest first.
    /// An API key approves nothing: its list is empty.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn bills_awaiting_me(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<BillOut>, AppError> {
        let Some(user) = ctx.user_id() else {
            return Ok(Page { items: Vec::new(), next_after: None });
        };
        let seat = |c: bill_approval::Column| Expr::col((bill_approval::Entity, c));
        let mine = Query::select()
            .column(bill_approval::Column::BillId)
            .from(bill_approval::Entity)
            .and_where(seat(bill_approval::Column::OrganizationId).eq(ctx.org_id.into_uuid()))
            .and_where(seat(bill_approval::Column::ApproverId).eq(user.into_uuid()))
            .and_where(seat(bill_approval::Column::Decision).is_null())
            .and_where(seat(bill_approval::Column::Round).equals((bill::Entity, bill::Column::ApprovalRound)))
            .and_where(seat(bill_approval::Column::Step).equals((bill::Entity, bill::Column::CurrentStep)))
            .to_owned();
        let q = bill::Entity::scoped(ctx.org_id)
            .filter(bill::Column::Status.eq(BillStatus::PendingApproval.as_str()))
            .filter(bill::Column::Id.in_subquery(mine));
        let rows = req.apply(q, bill::Column::Id, SortOrder::Asc).all(&self.db).await?;
        self.page_out(ctx.org_id, Page::from_rows(rows, &req, |r| r.id)).await
    }
}

fn base_total_of(b: &bill::Model) -> Result<Money, AppError> {
    let base = stored_currency(&b.base_currency)?;
    Ok(Money::new(b.base_total.unwrap_or_default(), base))
}
