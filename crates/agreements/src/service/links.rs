//! Which engagement a proposal or contract belongs to (proposal → contract →
//! engagement), loaded per page in a few queries. Events carry it as
//! `engagement_id` so the timeline can file them under the engagement.

use std::collections::HashMap;

use atrium_kernel::{AppError, OrganizationId, Scoped};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::dto::{ContractId, EngagementId};
use crate::entity::{contract, engagement};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Link {
    pub contract: Option<ContractId>,
    pub engagement: Option<EngagementId>,
}

/// contract id → its first engagement (the oldest, when several deliver it).
pub(crate) async fn engagements_of<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    contract_ids: &[Uuid],
) -> Result<HashMap<Uuid, EngagementId>, AppError> {
    if contract_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = engagement::Entity::scoped(org)
        .filter(engagement::Column::ContractId.is_in(contract_ids.iter().copied()))
        .order_by_desc(engagement::Column::Id)
        .all(conn)
        .await?;
    // Descending, so the oldest engagement is inserted last and wins.
    Ok(rows.into_iter().filter_map(|e| Some((e.contract_id?, e.id.into()))).collect())
}

/// proposal id → its contract and that contract's engagement.
pub(crate) async fn proposal_links<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    proposal_ids: &[Uuid],
) -> Result<HashMap<Uuid, Link>, AppError> {
    if proposal_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let contracts = contract::Entity::scoped(org)
        .filter(contract::Column::ProposalId.is_in(proposal_ids.iter().copied()))
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = contracts.iter().map(|c| c.id).collect();
    let engagements = engagements_of(conn, org, &ids).await?;
    Ok(contracts
        .into_iter()
        .filter_map(|c| {
            let link = Link { contract: Some(c.id.into()), engagement: engagements.get(&c.id).copied() };
            Some((c.proposal_id?, link))
        })
        .collect())
}
