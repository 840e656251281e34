//! The client's invoices: the grant's engagement's issued invoices (never drafts
//! or void ones) and their PDFs, for grants with the `invoices` permission. Every
//! read is scoped by the session's organization and engagement; another
//! engagement's invoice is 404, as if it did not exist.

use atrium_kernel::{AppError, Page, PageRequest};

use super::PortalService;
use super::sessions::PortalCtx;
use crate::dto::{Permission, PortalInvoiceOut};

impl PortalService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn invoices(&self, ctx: &PortalCtx, req: PageRequest) -> Result<Page<PortalInvoiceOut>, AppError> {
        require(ctx, Permission::Invoices)?;
        let page = self.invoices.issued(ctx.org_id, ctx.engagement_id, req).await?;
        Ok(page.map(|i| PortalInvoiceOut {
            id: i.id,
            number: i.number,
            status: i.status,
            overdue: i.overdue,
            issue_date: i.issue_date,
            due_date: i.due_date,
            total: i.total,
            paid: i.paid,
            balance: i.balance,
        }))
    }

    /// The PDF of one of the engagement's issued invoices: (file name, bytes).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn invoice_pdf(&self, ctx: &PortalCtx, id: uuid::Uuid) -> Result<(String, Vec<u8>), AppError> {
        require(ctx, Permission::Invoices)?;
        self.invoices.pdf(ctx.org_id, ctx.engagement_id, id).await?.ok_or(AppError::NotFound("invoice"))
    }
}

pub(super) fn require(ctx: &PortalCtx, p: Permission) -> Result<(), AppError> {
    if ctx.may(p) {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!("this portal access does not include `{}`", p.as_str())))
    }
}
