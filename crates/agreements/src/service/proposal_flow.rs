//! Proposal status changes: draft → sent → accepted | declined | expired.

use atrium_events::agreements::{
    ClientParty, ProposalAccepted, ProposalDeclined, ProposalExpired, ProposalSent, ProposalState,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::{publish, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::{AgreementsService, publish_by, wrong_status};
use crate::dto::{ProposalId, ProposalOut, ProposalStatus};
use crate::entity::{line_item, proposal};
use crate::error::AgreementsError;

/// The job's name, also its actor (`system:<name>`) on the events it writes.
pub const EXPIRY_JOB: &str = "agreements.proposal_expiry";
const EXPIRY_BATCH: u64 = 200;

impl AgreementsService {
    /// draft → sent. A proposal without lines cannot be sent (422).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn send_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "sending", ProposalStatus::Draft, ProposalStatus::Sent, None).await
    }

    /// sent → accepted, while still valid.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn accept_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "accepting", ProposalStatus::Sent, ProposalStatus::Accepted, None).await
    }

    /// sent → declined.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, proposal_id = %id))]
    pub async fn decline_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
    ) -> Result<ProposalOut, AppError> {
        self.move_proposal(ctx, id, if_match, "declining", ProposalStatus::Sent, ProposalStatus::Declined, None).await
    }

    /// `client`: the portal contact deciding (the events' actor and their `client`).
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn move_proposal(
        &self,
        ctx: &OrgCtx,
        id: ProposalId,
        if_match: IfMatch,
        action: &'static str,
        from: ProposalStatus,
        to: ProposalStatus,
        client: Option<ClientParty>,
    ) -> Result<ProposalOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = proposal::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.status != from.as_str() {
            return Err(wrong_status("proposal", &current.status, action, &[from.as_str()]));
        }
        let now = self.clock.now();
        if to == ProposalStatus::Sent && !has_lines(&txn, ctx.org_id, &current).await? {
            return Err(AppError::invalid("line_items", "a proposal needs at least one line to be sent"));
        }
        if to == ProposalStatus::Accepted
            && let Some(until) = current.valid_until.filter(|d| *d < now.date_naive())
        {
            return Err(AgreementsError::ProposalLapsed { status: current.status, until }.into());
        }
        let version = current.version;
        let mut row = current.into_active_model();
        row.status = Set(to.as_str().to_owned());
        if to == ProposalStatus::Sent {
            row.sent_at = Set(Some(now));
        } else {
            row.decided_at = Set(Some(now));
        }
        row.updated_at = Set(now);
        let updated = proposal::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(Some(version))).await?;
        let state = self.proposal_view(&txn, ctx.org_id, updated).await?;
        match to {
            ProposalStatus::Sent => publish(&txn, ctx, now, &ProposalSent { proposal: state.clone() }).await?,
            ProposalStatus::Accepted => {
                let event = ProposalAccepted { proposal: state.clone(), client: client.clone() };
                publish_by(&txn, ctx, client.as_ref(), now, &event).await?
            }
            ProposalStatus::Declined => {
                let event = ProposalDeclined { proposal: state.clone(), client: client.clone() };
                publish_by(&txn, ctx, client.as_ref(), now, &event).await?
            }
            other => return Err(AppError::internal(format!("no proposal move to `{other}`"))),
        };
        txn.commit().await?;
        Ok(state.into())
    }

    /// Expires every sent proposal whose `valid_until` day is over (before today,
    /// UTC), one event each. Runs across all organizations: it is the scheduled
    /// job's work, not a request's. Safe to re-run or run concurrently: each row
    /// changes only while it is still `sent` at the version read.
    #[tracing::instrument(skip_all)]
    pub async fn expire_due_proposals(&self, now: DateTime<Utc>) -> Result<u64, AppError> {
        let mut expired = 0;
        let mut after = None;
        loop {
            let due = due_proposals(&self.db, now, after).await?;
            let Some(last) = due.last() else { break };
            after = Some(last.1);
            for (org, id) in due {
                if self.expire_one(org, id, now).await? {
                    expired += 1;
                }
            }
        }
        Ok(expired)
    }

    async fn expire_one(&self, org: OrganizationId, id: ProposalId, now: DateTime<Utc>) -> Result<bool, AppError> {
        let txn = begin_write(&self.db).await?;
        let Some(state) = self.expire_in(&txn, org, id, now).await? else {
            return Ok(false);
        };
        let actor = format!("system:{EXPIRY_JOB}");
        publish_as(&txn, org, &actor, now, &ProposalExpired { proposal: state }).await?;
        txn.commit().await?;
        Ok(true)
    }

    /// sent → expired, unless another writer moved or changed it first.
    async fn expire_in(
        &self,
        txn: &DatabaseTransaction,
        org: OrganizationId,
        id: ProposalId,
        now: DateTime<Utc>,
    ) -> Result<Option<ProposalState>, AppError> {
        let current = match proposal::Entity::find_in(txn, org, id).await {
            Ok(row) => row,
            Err(AppError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        if current.status != ProposalStatus::Sent.as_str() {
            return Ok(None);
        }
        let version = current.version;
        let mut row = current.into_active_model();
        row.status = Set(ProposalStatus::Expired.as_str().to_owned());
        row.decided_at = Set(Some(now));
        row.updated_at = Set(now);
        match proposal::Entity::update_in(txn, org, id, row, IfMatch(Some(version))).await {
            Ok(updated) => Ok(Some(self.proposal_view(txn, org, updated).await?)),
            Err(AppError::NotFound(_) | AppError::Conflict { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

async fn has_lines<C: ConnectionTrait>(conn: &C, org: OrganizationId, p: &proposal::Model) -> Result<bool, AppError> {
    let line = line_item::Entity::scoped(org).filter(line_item::Column::ProposalId.eq(p.id)).one(conn).await?;
    Ok(line.is_some())
}

/// The next batch of sent proposals past their validity, in every organization.
// Deliberately unscoped: the expiry job serves all organizations, and each row it
// finds is then changed through the scoped update of its own organization.
#[allow(clippy::disallowed_methods)]
async fn due_proposals<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    after: Option<ProposalId>,
) -> Result<Vec<(OrganizationId, ProposalId)>, AppError> {
    let mut q = proposal::Entity::find()
        .filter(proposal::Column::Status.eq(ProposalStatus::Sent.as_str()))
        .filter(proposal::Column::ValidUntil.lt(now.date_naive()))
        .order_by_asc(proposal::Column::Id)
        .limit(EXPIRY_BATCH);
    if let Some(a) = after {
        q = q.filter(proposal::Column::Id.gt(a.into_uuid()));
    }
    let rows = q.all(conn).await?;
    Ok(rows.into_iter().map(|r| (r.organization_id.into(), r.id.into())).collect())
}
