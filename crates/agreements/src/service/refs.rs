//! Read-only lookups other domains make through the gateway's port
//! implementations (projects asks whether an engagement exists and whose it is).

use std::collections::HashMap;

use atrium_kernel::{AppError, Currency, OrganizationId, Scoped};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::AgreementsService;
use crate::dto::{ClientCompanyId, EngagementId};
use crate::entity::engagement;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EngagementRef {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The currency of the engagement's budget, when it has one.
    pub currency: Option<Currency>,
    /// The contract it was created from, if any.
    pub contract_id: Option<atrium_events::agreements::ContractId>,
}

impl AgreementsService {
    /// The engagement `id` in `org`, or `None` (also for another organization's id).
    #[tracing::instrument(skip_all, fields(org_id = %org, engagement_id = %id))]
    pub async fn engagement_ref(
        &self,
        org: OrganizationId,
        id: EngagementId,
    ) -> Result<Option<EngagementRef>, AppError> {
        let row = engagement::Entity::scoped(org)
            .filter(engagement::Column::Id.eq(id.into_uuid()))
            .select_only()
            .columns([
                engagement::Column::Id,
                engagement::Column::ClientCompanyId,
                engagement::Column::BudgetCurrency,
                engagement::Column::ContractId,
            ])
            .into_tuple::<(Uuid, Option<Uuid>, Option<String>, Option<Uuid>)>()
            .one(&self.db)
            .await?;
        let Some((id, company, currency, contract)) = row else { return Ok(None) };
        let currency = currency
            .map(|c| c.parse::<Currency>())
            .transpose()
            .map_err(|e| AppError::internal(format!("stored budget currency: {e}")))?;
        Ok(Some(EngagementRef {
            id: id.into(),
            client_company_id: company.map(Into::into),
            currency,
            contract_id: contract.map(Into::into),
        }))
    }

    /// Client company of each of `ids` found in `org`; ids not found are absent.
    #[tracing::instrument(skip_all, fields(org_id = %org, n = ids.len()))]
    pub async fn engagement_client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        let mut out = HashMap::with_capacity(ids.len());
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in ids.chunks(500) {
            let rows = engagement::Entity::scoped(org)
                .filter(engagement::Column::Id.is_in(chunk.iter().map(|id| id.into_uuid())))
                .select_only()
                .columns([engagement::Column::Id, engagement::Column::ClientCompanyId])
                .into_tuple::<(Uuid, Option<Uuid>)>()
                .all(&self.db)
                .await?;
            out.extend(rows.into_iter().map(|(id, company)| (id.into(), company.map(Into::into))));
        }
        Ok(out)
    }
}
