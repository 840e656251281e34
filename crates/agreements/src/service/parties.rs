//! Who a proposal or contract is with: a client company, optionally one of its
//! contacts and a deal. Ids are checked through the CRM port (another
//! organization's id is a 422 on its field and never stored) and merged ids are
//! replaced by their survivors.

use atrium_kernel::{AppError, FieldError, OrgCtx};
use uuid::Uuid;

use super::AgreementsService;
use crate::dto::{ClientCompanyId, ContactId, DealId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parties {
    pub company: Option<ClientCompanyId>,
    pub contact: Option<ContactId>,
    pub deal: Option<DealId>,
}

impl Parties {
    /// The parties a row names now.
    pub fn stored(company: Option<Uuid>, contact: Option<Uuid>, deal: Option<Uuid>) -> Self {
        Self { company: company.map(Into::into), contact: contact.map(Into::into), deal: deal.map(Into::into) }
    }
}

impl AgreementsService {
    pub(crate) async fn company_in_org(
        &self,
        ctx: &OrgCtx,
        id: ClientCompanyId,
        field: &str,
    ) -> Result<ClientCompanyId, AppError> {
        self.crm
            .company(ctx.org_id, id)
            .await?
            .ok_or_else(|| AppError::invalid(field, "no such client company in this organization"))
    }

    /// Resolves the parties and checks they agree: a contact or deal tied to
    /// another client company than the document's is a 422 on its field.
    pub(crate) async fn resolve_parties(&self, ctx: &OrgCtx, wanted: Parties) -> Result<Parties, AppError> {
        let company = match wanted.company {
            Some(id) => Some(self.company_in_org(ctx, id, "client_company_id").await?),
            None => None,
        };
        let mut errors = Vec::new();
        let contact = match wanted.contact {
            Some(id) => match self.crm.contact(ctx.org_id, id).await? {
                Some(c) => {
                    if c.client_company_id.is_some() && company.is_some() && c.client_company_id != company {
                        errors.push(FieldError::new("contact_id", "belongs to another client company"));
                    }
                    Some(c.id)
                }
                None => {
                    errors.push(FieldError::new("contact_id", "no such contact in this organization"));
                    None
                }
            },
            None => None,
        };
        let deal = match wanted.deal {
            Some(id) => match self.crm.deal(ctx.org_id, id).await? {
                Some(d) => {
                    let of_deal = self.company_of_deal(ctx, d.client_company_id).await?;
                    if of_deal.is_some() && company.is_some() && of_deal != company {
                        errors.push(FieldError::new("deal_id", "belongs to another client company"));
                    }
                    Some(d.id)
                }
                None => {
                    errors.push(FieldError::new("deal_id", "no such deal in this organization"));
                    None
                }
            },
            None => None,
        };
        if errors.is_empty() { Ok(Parties { company, contact, deal }) } else { Err(AppError::Validation(errors)) }
    }

    /// The live company a deal names: the deal may still name a merged company,
    /// so survivors are compared. `None` when the deal names no company.
    pub(crate) async fn company_of_deal(
        &self,
        ctx: &OrgCtx,
        named: Option<ClientCompanyId>,
    ) -> Result<Option<ClientCompanyId>, AppError> {
        match named {
            Some(c) => self.crm.company(ctx.org_id, c).await,
            None => Ok(None),
        }
    }
}
