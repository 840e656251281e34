//! Revenue: where a professional-services firm gets paid — billing settings, tax
//! and exchange rates, invoices (drafts, issue with gapless numbers, void),
//! payments and credit notes, and the schedules that draft invoices (fixed,
//! milestone, retainer, time and materials); and payables — vendors, bills, their
//! approval routed by rules, and bill payments. Engagements belong to agreements,
//! time to projects and members to identity; all are reached through [`ports`].

pub mod billing;
pub mod calc;
pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod jobs;
pub mod ledger;
pub mod numbering;
pub mod pdf;
pub mod ports;
pub mod service;

use std::sync::Arc;

use atrium_kernel::vault::ProtectedColumn;
use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::RevenueError;
pub use http::router;
pub use ledger::{LedgerConfig, Provider, ProviderConfig};
pub use ports::{AttachableFile, BillFiles, BillableTime, EngagementRef, Engagements, Members, Parties, Projects};
pub use ports::{EngagementBudget, EngagementBudgets, EngagementPage, TimeCost, TimeCosts};
pub use service::{LedgerService, PayablesService, RevenueService};
pub use service::{ReportPorts, ReportsService};

/// Vendors' tax ids, encrypted at rest by the kernel's vault, bound to the vendor id.
/// Never change the purpose: it derives the key.
pub const VENDOR_TAX_ID_COLUMN: ProtectedColumn =
    ProtectedColumn::text("vendors", "tax_id_ciphertext", "atrium vendor tax id v1");

/// Ledger OAuth access tokens, sealed by the vault and bound to the connection id.
pub const LEDGER_ACCESS_TOKEN_COLUMN: ProtectedColumn =
    ProtectedColumn::text("ledger_connections", "access_token_ciphertext", "atrium ledger access token v1");
/// Ledger OAuth refresh tokens, sealed by the vault and bound to the connection id.
pub const LEDGER_REFRESH_TOKEN_COLUMN: ProtectedColumn =
    ProtectedColumn::text("ledger_connections", "refresh_token_ciphertext", "atrium ledger refresh token v1");

/// The revenue domain, ready to register.
#[allow(clippy::too_many_arguments)]
pub fn module(
    platform: &Platform,
    engagements: Arc<dyn Engagements>,
    parties: Arc<dyn Parties>,
    projects: Arc<dyn Projects>,
    members: Arc<dyn Members>,
    files: Arc<dyn BillFiles>,
    reports: ReportPorts,
    ledger: LedgerConfig,
) -> Module<RevenueService> {
    let ledger = LedgerService::new(
        platform.db.clone(),
        platform.clock.clone(),
        parties.clone(),
        ledger,
        platform.protect(&LEDGER_ACCESS_TOKEN_COLUMN),
        platform.protect(&LEDGER_REFRESH_TOKEN_COLUMN),
    );
    let payables = PayablesService::new(
        platform.db.clone(),
        platform.clock.clone(),
        engagements.clone(),
        members,
        files,
        platform.protect(&VENDOR_TAX_ID_COLUMN),
    );
    let svc = RevenueService::new(
        platform.db.clone(),
        platform.clock.clone(),
        engagements.clone(),
        parties.clone(),
        projects,
    );
    let report_svc = ReportsService::new(platform.db.clone(), platform.clock.clone(), engagements, parties, reports);
    let routes = http::router(svc.clone())
        .merge(http::reports::router(report_svc))
        .merge(http::payables_router(payables))
        .merge(http::ledger_router(ledger.clone()));
    Module::new(svc.clone(), routes)
        .subscriber(billing::MilestoneBillingSubscriber(svc.clone()))
        .job(billing::ScheduleRunnerJob(svc.clone()))
        .job(jobs::ReminderJob(svc.clone()))
        .job(jobs::ReconcileJob(svc.clone()))
        .job(jobs::LedgerSyncJob(ledger))
        .subscriber(jobs::CrmMergeSubscriber(svc))
        .tag("invoices", "Invoices, their lines, issue and void")
        .tag("invoice-schedules", "Invoice schedules (fixed, milestone, retainer, time and materials) and their runs")
        .tag("payments", "Payments against invoices, and their reversal")
        .tag("billing", "Billing settings, tax rates and exchange rates")
        .tag("reports", "Finance reports: AR aging, revenue by client and month, engagement profitability")
        .tag("payables", "Vendors, bills, bill approval rules and routes, bill payments")
        .tag("ledger", "Ledger sync with QuickBooks Online and Xero: connection, mappings, sync runs")
        .cached(CACHED)
}

/// What the query cache may serve: an invoice's answer changes with its own events,
/// its payments' and credit notes', with its engagement (deleted with it) and with
/// client companies (a merge repoints invoices under `client_company` events).
/// `overdue` follows the calendar, so it may show a day late for up to the TTL.
const CACHED: &[CachedRoute] = &[
    CachedRoute::new("/api/v1/invoices", INVOICE),
    CachedRoute::new("/api/v1/invoices/{id}", INVOICE),
    CachedRoute::new("/api/v1/invoice-schedules", SCHEDULE),
    CachedRoute::new("/api/v1/invoice-schedules/{id}", SCHEDULE),
];
const INVOICE: &[&str] = &["invoice", "payment", "credit_note", "engagement", "client_company"];
/// A schedule's `next_due_on` moves with its runs, which publish under its id.
const SCHEDULE: &[&str] = &["invoice_schedule", "engagement"];
