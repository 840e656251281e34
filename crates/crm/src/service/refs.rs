//! Read-only lookups other domains make through the gateway's port
//! implementations: does this company/contact/deal exist in the organization, and
//! which client company does it belong to. A merged record resolves to its
//! survivor, so a stale id copied before a merge still lands on the golden record.

use atrium_kernel::{AppError, OrganizationId, Scoped};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};

use super::CrmService;
use crate::dto::{ClientCompanyId, ContactId, DealId};
use crate::entity::{company, contact, deal};

/// Merge chains are short (a survivor merged again); this bounds a corrupt cycle.
const MAX_HOPS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactRef {
    /// The live contact (the survivor when the id asked for was merged).
    pub id: ContactId,
    pub client_company_id: Option<ClientCompanyId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealRef {
    pub id: DealId,
    pub client_company_id: Option<ClientCompanyId>,
    pub contact_id: Option<ContactId>,
}

impl CrmService {
    /// The live company behind `id` in `org`, or `None`.
    #[tracing::instrument(skip_all, fields(org_id = %org, company_id = %id))]
    pub async fn company_ref(
        &self,
        org: OrganizationId,
        id: ClientCompanyId,
    ) -> Result<Option<ClientCompanyId>, AppError> {
        let mut id = id.into_uuid();
        for _ in 0..MAX_HOPS {
            let Some(row) = company::Entity::scoped(org).filter(company::Column::Id.eq(id)).one(&self.db).await? else {
                return Ok(None);
            };
            match row.merged_into_id {
                Some(next) => id = next,
                None => return Ok(Some(row.id.into())),
            }
        }
        Ok(None)
    }

    /// The live contact behind `id` in `org`, or `None`.
    #[tracing::instrument(skip_all, fields(org_id = %org, contact_id = %id))]
    pub async fn contact_ref(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactRef>, AppError> {
        let mut id = id.into_uuid();
        for _ in 0..MAX_HOPS {
            let Some(row) = contact::Entity::scoped(org).filter(contact::Column::Id.eq(id)).one(&self.db).await? else {
                return Ok(None);
            };
            match row.merged_into_id {
                Some(next) => id = next,
                None => {
                    let client_company_id = row.client_company_id.map(Into::into);
                    return Ok(Some(ContactRef { id: row.id.into(), client_company_id }));
                }
            }
        }
        Ok(None)
    }

    /// The live contact of `org` for each address among `emails` (compared
    /// lower-case); addresses without one are absent.
    #[tracing::instrument(skip_all, fields(org_id = %org, n = emails.len()))]
    pub async fn contacts_by_email(
        &self,
        org: OrganizationId,
        emails: &[String],
    ) -> Result<std::collections::HashMap<String, ContactId>, AppError> {
        let mut found = std::collections::HashMap::new();
        let wanted: Vec<String> = emails.iter().map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty()).collect();
        for chunk in wanted.chunks(500) {
            let rows: Vec<(uuid::Uuid, Option<String>)> = contact::Entity::scoped(org)
                .filter(contact::Column::EmailNormalized.is_in(chunk.iter().cloned()))
                .filter(contact::Column::MergedIntoId.is_null())
                .select_only()
                .columns([contact::Column::Id, contact::Column::EmailNormalized])
                .into_tuple()
                .all(&self.db)
                .await?;
            for (id, email) in rows {
                if let Some(email) = email {
                    found.insert(email, id.into());
                }
            }
        }
        Ok(found)
    }

    /// The live contacts of a company that have an email address, oldest first:
    /// (id, lower-case address, "First Last").
    #[tracing::instrument(skip_all, fields(org_id = %org, company_id = %company))]
    pub async fn company_contacts_with_email(
        &self,
        org: OrganizationId,
        company: ClientCompanyId,
    ) -> Result<Vec<(ContactId, String, String)>, AppError> {
        let Some(company) = self.company_ref(org, company).await? else { return Ok(Vec::new()) };
        let rows: Vec<(uuid::Uuid, Option<String>, String, String)> = contact::Entity::scoped(org)
            .filter(contact::Column::ClientCompanyId.eq(company.into_uuid()))
            .filter(contact::Column::MergedIntoId.is_null())
            .filter(contact::Column::EmailNormalized.is_not_null())
            .select_only()
            .columns([
                contact::Column::Id,
                contact::Column::EmailNormalized,
                contact::Column::FirstName,
                contact::Column::LastName,
            ])
            .order_by_asc(contact::Column::Id)
            .limit(50)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, email, first, last)| {
                email.map(|e| (id.into(), e, format!("{first} {last}").trim().to_owned()))
            })
            .collect())
    }

    /// The deal `id` in `org`, or `None`.
    #[tracing::instrument(skip_all, fields(org_id = %org, deal_id = %id))]
    pub async fn deal_ref(&self, org: OrganizationId, id: DealId) -> Result<Option<DealRef>, AppError> {
        let row = deal::Entity::scoped(org).filter(deal::Column::Id.eq(id.into_uuid())).one(&self.db).await?;
        Ok(row.map(|d| DealRef {
            id: d.id.into(),
            client_company_id: d.client_company_id.map(Into::into),
            contact_id: d.contact_id.map(Into::into),
        }))
    }
}
