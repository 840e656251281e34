//! The revenue service: every method takes the caller's `OrgCtx` first, reads and
//! writes only that organization's rows, and publishes its typed event in the same
//! transaction as the change.

mod credit_notes;
mod fx_import;
mod invoices;
mod ledger;
mod lines;
mod merges;
mod numbers;
pub(crate) mod payables;
pub(crate) mod payments;
mod rates;
mod reminders;
mod reports;
mod schedules;
mod settings;
mod view;

use std::sync::Arc;

use atrium_kernel::Clock;
use sea_orm::DatabaseConnection;

use crate::ports::{Engagements, Parties, Projects};

pub use fx_import::FX_IMPORT_MAX_ROWS;
pub use ledger::{LEDGER_SYNC_JOB, LedgerService, SyncTrigger};
pub use merges::{MERGE_SUBSCRIBER, RECONCILE_JOB};
pub use numbers::{CREDIT_NOTE_SERIES, INVOICE_SERIES};
pub use payables::PayablesService;
pub use reminders::REMINDER_JOB;
pub use reports::{ReportPorts, ReportsService};
pub use schedules::{MILESTONE_BILLING, RUNNER_JOB, RunSummary};

#[derive(Clone)]
pub struct RevenueService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    engagements: Arc<dyn Engagements>,
    parties: Arc<dyn Parties>,
    projects: Arc<dyn Projects>,
}

impl RevenueService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        engagements: Arc<dyn Engagements>,
        parties: Arc<dyn Parties>,
        projects: Arc<dyn Projects>,
    ) -> Self {
        Self { db, clock, engagements, parties, projects }
    }

    /// The invoice as a PDF, and a file name for it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invoice_id = %id))]
    pub async fn invoice_pdf(
        &self,
        ctx: &atrium_kernel::OrgCtx,
        id: crate::dto::InvoiceId,
    ) -> Result<(String, Vec<u8>), atrium_kernel::AppError> {
        let inv = self.get_invoice(ctx, id).await?;
        let issuer = self.parties.organization_name(ctx).await?;
        let client = match inv.client_company_id {
            Some(c) => self.parties.company_name(ctx, c).await?,
            None => None,
        };
        let file = format!("{}.pdf", inv.number.clone().unwrap_or_else(|| format!("draft-{}", inv.id)));
        let bytes = crate::pdf::render(&inv, &crate::pdf::Parties { issuer: &issuer, client: client.as_deref() });
        Ok((file, bytes))
    }

    fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }
}

/// Names of the fields whose value differs between two states.
macro_rules! changed {
    ($before:expr, $after:expr; $($field:ident),+ $(,)?) => {{
        let (before, after) = (&$before, &$after);
        let mut changed = Vec::new();
        $(if before.$field != after.$field {
            changed.push(stringify!($field).to_owned());
        })+
        changed
    }};
}
pub(crate) use changed;
