//! Time tracking: the only writer of time entries and rate cards. Members log and
//! change their own draft or rejected time; owners, admins and billing log for
//! anyone and decide approvals; an approved entry is locked, and only revenue's
//! invoice events (through [`crate::InvoicingSubscriber`]) mark it billed.

mod approval;
mod availability;
mod billable;
mod capacity;
mod costs;
mod entries;
mod rates;
mod utilization;

use std::sync::Arc;

use atrium_events::projects::TimeEntryState;
use atrium_kernel::{AppError, Clock, OrgCtx, Role, UserId};
use sea_orm::DatabaseConnection;

use super::ProjectsService;
use crate::dto::{ApprovalState, TimeEntryOut, stored};
use crate::entity::time_entry;
use crate::error::ProjectsError;
use crate::ports::{Engagements, Members};

#[derive(Clone)]
pub struct TimeService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
    members: Arc<dyn Members>,
}

impl ProjectsService {
    /// Time tracking over the same database and ports.
    pub fn time(&self) -> TimeService {
        TimeService {
            db: self.db.clone(),
            clock: self.clock.clone(),
            engagements: self.engagements.clone(),
            members: self.members.clone(),
        }
    }
}

impl TimeService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        members: Arc<dyn Members>,
    ) -> Self {
        Self { db, clock, engagements, members }
    }

    async fn is_member(&self, ctx: &OrgCtx, user: UserId) -> Result<bool, AppError> {
        self.members.is_member(ctx.org_id, user).await
    }
}

/// Whether the caller may act on `member`'s time: members (and API keys with the
/// member role, which are nobody) only on their own; owners, admins and billing on
/// anyone's.
fn may_act_for(ctx: &OrgCtx, member: UserId) -> Result<(), ProjectsError> {
    match ctx.role {
        Role::Owner | Role::Admin | Role::Billing => Ok(()),
        Role::Member if ctx.user_id() == Some(member) => Ok(()),
        Role::Member | Role::Viewer => Err(ProjectsError::NotOwnEntry),
    }
}

/// An entry can be edited, submitted or deleted only as a draft or rejected.
fn require_open(row: &time_entry::Model, action: &'static str) -> Result<ApprovalState, AppError> {
    let state: ApprovalState = stored(&row.approval_state)?;
    match state {
        ApprovalState::Draft | ApprovalState::Rejected => Ok(state),
        ApprovalState::Approved => Err(ProjectsError::EntryLocked.into()),
        ApprovalState::Submitted => Err(ProjectsError::WrongState { state: state.as_str(), action }.into()),
    }
}

pub(crate) fn entry_state(r: &time_entry::Model) -> Result<TimeEntryState, AppError> {
    Ok(TimeEntryState {
        id: r.id.into(),
        member_id: r.member_id.into(),
        project_id: r.project_id.into(),
        engagement_id: r.engagement_id.into(),
        task_id: r.task_id.map(Into::into),
        date: r.date,
        minutes: r.minutes,
        billable: r.billable,
        note: r.note.clone(),
        approval_state: stored(&r.approval_state)?,
        invoiced_by: r.invoiced_by.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

pub(crate) fn entry_out(r: time_entry::Model) -> Result<TimeEntryOut, AppError> {
    Ok(TimeEntryOut {
        id: r.id.into(),
        member_id: r.member_id.into(),
        project_id: r.project_id.into(),
        engagement_id: r.engagement_id.into(),
        task_id: r.task_id.map(Into::into),
        date: r.date,
        minutes: r.minutes,
        billable: r.billable,
        note: r.note,
        approval_state: stored(&r.approval_state)?,
        invoiced_by: r.invoiced_by.map(Into::into),
        decided_by: r.decided_by.map(Into::into),
        decided_at: r.decided_at,
        rejection_reason: r.rejection_reason,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
