//! Proposal status changes: draft → sent → accepted | declined | expired.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;

use super::{Actor, AgreementsService, emit, wrong_status};
use crate::dto::{ProposalId, ProposalOut, ProposalStatus};
use crate::entity::{line_item, proposal};

/// The job's name, also its actor (`system:<name>`) on the events it writes.
pub const EXPIRY_JOB: &str = "agreements.proposal_expiry";
const EXPIRY_BATCH: u64 = 200;

impl AgreementsService {
    /// draft → sent. A proposal without lines cannot be sent (422).
    pub async fn send_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "sending", ProposalStatus::Draft, ProposalStatus::Sent).await
    }

    /// sent → accepted, while still valid.
    pub async fn accept_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "accepting", ProposalStatus::Sent, ProposalStatus::Accepted).await
    }

    /// sent → declined.
    pub async fn decline_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "declining", ProposalStatus::Sent, ProposalStatus::Declined).await
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id, to = %to))]
    async fn move_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
        action: &str,
        from: ProposalStatus,
        to: ProposalStatus,
    ) -> Result<ProposalOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_proposal(&txn, ctx.org_id, id.into_uuid()).await?;
        if_match.check(current.version)?;
        if current.status != from.as_str() {
            return Err(wrong_status("proposal", &current.status, action, &[from.as_str()]));
        }
        let now = self.clock.now();
        if to == ProposalStatus::Sent {
            let lines = line_item::Entity::scoped(ctx.org_id)
                .filter(line_item::Column::ProposalId.eq(current.id))
                .one(&txn)
                .await?;
            if lines.is_none() {
                return Err(AppError::invalid("line_items", "a proposal needs at least one line to be sent"));
            }
        }
        if to == ProposalStatus::Accepted
            && let Some(until) = current.valid_until.filter(|d| *d < now.date_naive())
        {
            // The hourly job may not have run yet; the offer has lapsed all the same.
            return Err(AppError::conflict(format!(
                "proposal is `{}` but its validity ended on {until}; it can no longer be accepted",
                current.status
            )));
        }
        let mut update = proposal::Entity::update_many()
            .col_expr(proposal::Column::Status, Expr::value(to.as_str()))
            .col_expr(proposal::Column::Version, Expr::col(proposal::Column::Version).add(1))
            .col_expr(proposal::Column::UpdatedAt, Expr::value(now));
        update = if to == ProposalStatus::Sent {
            update.col_expr(proposal::Column::SentAt, Expr::value(now))
        } else {
            update.col_expr(proposal::Column::DecidedAt, Expr::value(now))
        };
        update.filter(proposal::Column::Id.eq(current.id)).exec(&txn).await?;
        let row = self.find_proposal(&txn, ctx.org_id, current.id).await?;
        let out = self.proposal_view(&txn, ctx.org_id, row).await?;
        let event = format!("agreements.proposal.{to}");
        emit(&txn, Actor::Caller(ctx), now, &event, "proposal", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Expires every sent proposal whose `valid_until` day is over (before today,
    /// UTC), one event each. Runs across all organizations: it is the scheduled
    /// job's work, not a request's. Safe to re-run or run concurrently: each row
    /// changes only while it is still `sent`.
    #[tracing::instrument(skip_all)]
    pub async fn expire_due_proposals(&self, now: DateTime<Utc>) -> Result<u64, AppError> {
        let today = now.date_naive();
        let mut expired = 0;
        let mut after = None;
        loop {
            let mut q = proposal::Entity::find()
                .filter(proposal::Column::Status.eq(ProposalStatus::Sent.as_str()))
                .filter(proposal::Column::ValidUntil.lt(today))
                .order_by_asc(proposal::Column::Id)
                .limit(EXPIRY_BATCH);
            if let Some(a) = after {
                q = q.filter(proposal::Column::Id.gt(a));
            }
            let due = q.all(&self.db).await?;
            let Some(last) = due.last() else { break };
            after = Some(last.id);
            for row in due {
                if self.expire_one(row.organization_id.into(), row.id, now).await? {
                    expired += 1;
                }
            }
        }
        Ok(expired)
    }

    async fn expire_one(&self, org: OrganizationId, id: uuid::Uuid, now: DateTime<Utc>) -> Result<bool, AppError> {
        let txn = begin_write(&self.db).await?;
        let done = proposal::Entity::update_many()
            .col_expr(proposal::Column::Status, Expr::value(ProposalStatus::Expired.as_str()))
            .col_expr(proposal::Column::DecidedAt, Expr::value(now))
            .col_expr(proposal::Column::Version, Expr::col(proposal::Column::Version).add(1))
            .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
            .filter(proposal::Column::OrganizationId.eq(org.into_uuid()))
            .filter(proposal::Column::Id.eq(id))
            .filter(proposal::Column::Status.eq(ProposalStatus::Sent.as_str()))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Ok(false);
        }
        let row = self.find_proposal(&txn, org, id).await?;
        let out = self.proposal_view(&txn, org, row).await?;
        let actor = Actor::System { org, name: EXPIRY_JOB };
        emit(&txn, actor, now, "agreements.proposal.expired", "proposal", id, json!(out)).await?;
        txn.commit().await?;
        Ok(true)
    }
}
