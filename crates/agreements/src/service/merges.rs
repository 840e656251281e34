//! Follows CRM merges: proposals, contracts and engagements that name a merged
//! company or contact are repointed at the survivor.

use atrium_events::agreements::{ReferencesRepointed, RepointedCounts, RepointedMerge};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::publish_as;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use super::AgreementsService;
use crate::entity::{contract, engagement, proposal};

/// The subscriber's name, also the actor (`system:<name>`) of the events it writes.
pub const MERGE_ACTOR: &str = "agreements.crm_merges";

impl AgreementsService {
    /// Repoints references from the merged records to the survivor in one
    /// transaction and, when anything changed, records
    /// `agreements.references.repointed` in it. A redelivery finds nothing left to
    /// repoint and writes nothing: idempotent.
    #[tracing::instrument(skip_all, fields(org_id = %org, survivor = %merge.survivor()))]
    pub async fn repoint_merged(
        &self,
        org: OrganizationId,
        merge: RepointedMerge,
    ) -> Result<RepointedCounts, AppError> {
        if merge.merged().is_empty() {
            return Ok(RepointedCounts::default());
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let counts = repoint_rows(&txn, org, &merge, now).await?;
        if counts.total() > 0 {
            let actor = format!("system:{MERGE_ACTOR}");
            publish_as(&txn, org, &actor, now, &ReferencesRepointed { merge, counts }).await?;
        }
        txn.commit().await?;
        Ok(counts)
    }
}

/// Moves every reference to a merged record onto the survivor (engagements name
/// no contact, so a contact merge leaves them alone).
async fn repoint_rows<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    merge: &RepointedMerge,
    now: DateTime<Utc>,
) -> Result<RepointedCounts, AppError> {
    let (to, from) = (merge.survivor(), merge.merged());
    Ok(match merge {
        RepointedMerge::Companies { .. } => RepointedCounts {
            proposals: proposal::Entity::repoint(conn, org, proposal::Column::ClientCompanyId, from.clone(), to, now)
                .await?,
            contracts: contract::Entity::repoint(conn, org, contract::Column::ClientCompanyId, from.clone(), to, now)
                .await?,
            engagements: engagement::Entity::repoint(conn, org, engagement::Column::ClientCompanyId, from, to, now)
                .await?,
        },
        RepointedMerge::Contacts { .. } => RepointedCounts {
            proposals: proposal::Entity::repoint(conn, org, proposal::Column::ContactId, from.clone(), to, now).await?,
            contracts: contract::Entity::repoint(conn, org, contract::Column::ContactId, from, to, now).await?,
            engagements: 0,
        },
    })
}
