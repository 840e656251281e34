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

/// An engagement with its budget, for revenue's profitability report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementBudgetRef {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    pub name: String,
    /// The budget and its currency (the engagement's currency), when it has one.
    pub budget: Option<atrium_kernel::Money>,
}

/// Which engagements, in id order after `after`, at most `limit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EngagementSelection {
    pub engagement_id: Option<EngagementId>,
    pub client_company_id: Option<ClientCompanyId>,
    pub after: Option<EngagementId>,
    pub limit: u64,
}

impl AgreementsService {
    /// A page of `org`'s engagements with their budgets, in id order.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn engagement_budgets(
        &self,
        org: OrganizationId,
        sel: &EngagementSelection,
    ) -> Result<Vec<EngagementBudgetRef>, AppError> {
        use sea_orm::QueryOrder;
        let mut q = engagement::Entity::scoped(org);
        if let Some(e) = sel.engagement_id {
            q = q.filter(engagement::Column::Id.eq(e.into_uuid()));
        }
        if let Some(c) = sel.client_company_id {
            q = q.filter(engagement::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(a) = sel.after {
            q = q.filter(engagement::Column::Id.gt(a.into_uuid()));
        }
        let rows = q
            .select_only()
            .columns([
                engagement::Column::Id,
                engagement::Column::ClientCompanyId,
                engagement::Column::Name,
                engagement::Column::BudgetAmountMinor,
                engagement::Column::BudgetCurrency,
            ])
            .order_by_asc(engagement::Column::Id)
            .limit(sel.limit)
            .into_tuple::<(Uuid, Option<Uuid>, String, Option<i64>, Option<String>)>()
            .all(&self.db)
            .await?;
        rows.into_iter()
            .map(|(id, company, name, amount, currency)| {
                let budget = match (amount, currency) {
                    (Some(a), Some(c)) => Some(atrium_kernel::Money::new(
                        a,
                        c.parse::<Currency>()
                            .map_err(|e| AppError::internal(format!("stored budget currency: {e}")))?,
                    )),
                    _ => None,
                };
                Ok(EngagementBudgetRef { id: id.into(), client_company_id: company.map(Into::into), name, budget })
            })
            .collect()
    }
}
