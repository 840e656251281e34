//! Follows CRM merges: proposals, contracts and engagements that name a merged
//! company or contact are repointed at the survivor.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use super::{Actor, AgreementsService, emit};
use crate::entity::{contract, engagement, proposal};

/// The subscriber's name, also the actor of the events it writes.
pub const MERGE_ACTOR: &str = "agreements.crm_merges";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergedKind {
    Company,
    Contact,
}

/// How many rows now name the survivor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Repointed {
    pub proposals: u64,
    pub contracts: u64,
    pub engagements: u64,
}

impl Repointed {
    pub fn total(&self) -> u64 {
        self.proposals + self.contracts + self.engagements
    }
}

impl AgreementsService {
    /// Repoints references from `merged` to `survivor` in one transaction and, when
    /// anything changed, records `agreements.references.repointed` in it. A
    /// redelivery finds nothing left to repoint and writes nothing: idempotent.
    #[tracing::instrument(skip_all, fields(org_id = %org, survivor = %survivor))]
    pub async fn repoint_merged(
        &self,
        org: OrganizationId,
        kind: MergedKind,
        survivor: Uuid,
        merged: &[Uuid],
    ) -> Result<Repointed, AppError> {
        let merged: Vec<Uuid> = merged.iter().copied().filter(|id| *id != survivor).collect();
        if merged.is_empty() {
            return Ok(Repointed::default());
        }
        let txn = begin_write(&self.db).await?;
        let now = self.clock.now();
        let counts = match kind {
            MergedKind::Company => Repointed {
                proposals: repoint::<proposal::Entity, _>(
                    &txn,
                    org,
                    proposal::Column::ClientCompanyId,
                    survivor,
                    &merged,
                    now,
                )
                .await?,
                contracts: repoint::<contract::Entity, _>(
                    &txn,
                    org,
                    contract::Column::ClientCompanyId,
                    survivor,
                    &merged,
                    now,
                )
                .await?,
                engagements: repoint::<engagement::Entity, _>(
                    &txn,
                    org,
                    engagement::Column::ClientCompanyId,
                    survivor,
                    &merged,
                    now,
                )
                .await?,
            },
            MergedKind::Contact => Repointed {
                proposals: repoint::<proposal::Entity, _>(
                    &txn,
                    org,
                    proposal::Column::ContactId,
                    survivor,
                    &merged,
                    now,
                )
                .await?,
                contracts: repoint::<contract::Entity, _>(
                    &txn,
                    org,
                    contract::Column::ContactId,
                    survivor,
                    &merged,
                    now,
                )
                .await?,
                engagements: 0,
            },
        };
        if counts.total() > 0 {
            let (aggregate, field) = match kind {
                MergedKind::Company => ("client_company", "client_company_id"),
                MergedKind::Contact => ("contact", "contact_id"),
            };
            let data = json!({
                "field": field,
                "survivor_id": survivor,
                "merged_ids": merged,
                "proposals": counts.proposals,
                "contracts": counts.contracts,
                "engagements": counts.engagements,
            });
            let actor = Actor::System { org, name: MERGE_ACTOR };
            emit(&txn, actor, now, "agreements.references.repointed", aggregate, survivor, data).await?;
        }
        txn.commit().await?;
        Ok(counts)
    }
}

/// The columns every repointable table shares.
trait Versioned: EntityTrait {
    const ORG: Self::Column;
    const VERSION: Self::Column;
    const UPDATED_AT: Self::Column;
}

macro_rules! versioned {
    ($($m:ident),+) => {$(
        impl Versioned for $m::Entity {
            const ORG: $m::Column = $m::Column::OrganizationId;
            const VERSION: $m::Column = $m::Column::Version;
            const UPDATED_AT: $m::Column = $m::Column::UpdatedAt;
        }
    )+};
}
versioned!(proposal, contract, engagement);

/// `UPDATE <table> SET <column> = survivor, version = version + 1 WHERE <column> IN merged`:
/// the version bump makes clients' ETags stale, as for any other change.
async fn repoint<E: Versioned, C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    column: E::Column,
    survivor: Uuid,
    merged: &[Uuid],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, AppError> {
    let done = E::update_many()
        .col_expr(column, Expr::value(survivor))
        .col_expr(E::VERSION, Expr::col(E::VERSION).add(1))
        .col_expr(E::UPDATED_AT, Expr::value(now))
        .filter(E::ORG.eq(org.into_uuid()))
        .filter(column.is_in(merged.iter().copied()))
        .exec(conn)
        .await?;
    Ok(done.rows_affected)
}
