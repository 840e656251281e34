//! Read-only lookups other domains make through the gateway's port
//! implementations (projects asks whether an engagement exists and whose it is).

use std::collections::HashMap;

use atrium_kernel::{AppError, OrganizationId};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::AgreementsService;
use crate::entity::engagement;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementRef {
    pub id: Uuid,
    pub client_company_id: Option<Uuid>,
}

impl AgreementsService {
    /// The engagement `id` in `org`, or `None` (also for another organization's id).
    pub async fn engagement_ref(&self, org: OrganizationId, id: Uuid) -> Result<Option<EngagementRef>, AppError> {
        let row = engagement::Entity::scoped(org)
            .filter(engagement::Column::Id.eq(id))
            .select_only()
            .columns([engagement::Column::Id, engagement::Column::ClientCompanyId])
            .into_tuple::<(Uuid, Option<Uuid>)>()
            .one(&self.db)
            .await?;
        Ok(row.map(|(id, client_company_id)| EngagementRef { id, client_company_id }))
    }

    /// Client company of each of `ids` found in `org`; ids not found are absent.
    pub async fn engagement_client_companies(
        &self,
        org: OrganizationId,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Option<Uuid>>, AppError> {
        let mut out = HashMap::with_capacity(ids.len());
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in ids.chunks(500) {
            let rows = engagement::Entity::scoped(org)
                .filter(engagement::Column::Id.is_in(chunk.iter().copied()))
                .select_only()
                .columns([engagement::Column::Id, engagement::Column::ClientCompanyId])
                .into_tuple::<(Uuid, Option<Uuid>)>()
                .all(&self.db)
                .await?;
            out.extend(rows);
        }
        Ok(out)
    }
}
