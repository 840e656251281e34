use atrium_events::projects::{TimeEntryApproved, TimeEntryRejected, TimeEntrySubmitted};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Scoped, Text};
use atrium_outbox::publish;
use sea_orm::{ActiveValue::Set, IntoActiveModel};

use super::entries::locked_entry;
use super::{TimeService, entry_out, entry_state, may_act_for, require_open};
use crate::dto::{ApprovalState, RejectIn, TimeEntryId, TimeEntryOut, stored};
use crate::entity::time_entry;
use crate::error::ProjectsError;

impl TimeService {
    /// Hands a draft or rejected entry in for approval (a member: their own).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn submit_entry(
        &self,
        ctx: &OrgCtx,
        id: TimeEntryId,
        if_match: IfMatch,
    ) -> Result<TimeEntryOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked_entry(&txn, ctx.org_id, id).await?;
        may_act_for(ctx, current.member_id.into())?;
        require_open(&current, "submitted")?;
        let now = self.clock.now();
        let mut row = current.into_active_model();
        row.approval_state = Set(ApprovalState::Submitted.as_str().to_owned());
        row.updated_at = Set(now);
        let updated = time_entry::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &TimeEntrySubmitted { entry: entry_state(&updated)? }).await?;
        txn.commit().await?;
        entry_out(updated)
    }

    /// Approves a submitted entry; it is locked from now on.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn approve_entry(
        &self,
        ctx: &OrgCtx,
        id: TimeEntryId,
        if_match: IfMatch,
    ) -> Result<TimeEntryOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked_entry(&txn, ctx.org_id, id).await?;
        require_submitted(&current, "approved")?;
        let now = self.clock.now();
        let mut row = current.into_active_model();
        row.approval_state = Set(ApprovalState::Approved.as_str().to_owned());
        row.decided_by = Set(ctx.user_id().map(Into::into));
        row.decided_at = Set(Some(now));
        row.rejection_reason = Set(None);
        row.updated_at = Set(now);
        let updated = time_entry::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &TimeEntryApproved { entry: entry_state(&updated)? }).await?;
        txn.commit().await?;
        entry_out(updated)
    }

    /// Sends a submitted entry back to its member, who may edit and resubmit it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, time_entry_id = %id))]
    pub async fn reject_entry(
        &self,
        ctx: &OrgCtx,
        id: TimeEntryId,
        input: RejectIn,
        if_match: IfMatch,
    ) -> Result<TimeEntryOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = locked_entry(&txn, ctx.org_id, id).await?;
        require_submitted(&current, "rejected")?;
        let now = self.clock.now();
        let reason = input.reason.map(Text::into_inner);
        let mut row = current.into_active_model();
        row.approval_state = Set(ApprovalState::Rejected.as_str().to_owned());
        row.decided_by = Set(ctx.user_id().map(Into::into));
        row.decided_at = Set(Some(now));
        row.rejection_reason = Set(reason.clone());
        row.updated_at = Set(now);
        let updated = time_entry::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &TimeEntryRejected { entry: entry_state(&updated)?, reason }).await?;
        txn.commit().await?;
        entry_out(updated)
    }
}

/// Only a submitted entry is decided on; an approved one is locked.
fn require_submitted(row: &time_entry::Model, action: &'static str) -> Result<(), AppError> {
    match stored::<ApprovalState>(&row.approval_state)? {
        ApprovalState::Submitted => Ok(()),
        ApprovalState::Approved => Err(ProjectsError::EntryLocked.into()),
        state => Err(ProjectsError::WrongState { state: state.as_str(), action }.into()),
    }
}
