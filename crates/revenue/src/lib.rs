//! Revenue: where a professional-services firm gets paid — billing settings, tax
//! and exchange rates, invoices (drafts, issue with gapless numbers, void),
//! payments and credit notes. Engagements belong to agreements and are reached
//! through [`ports`].

pub mod calc;
pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod numbering;
pub mod pdf;
pub mod ports;
pub mod service;

use std::sync::Arc;

use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::RevenueError;
pub use http::router;
pub use ports::{EngagementBudget, EngagementBudgets, EngagementPage, TimeCost, TimeCosts};
pub use ports::{EngagementRef, Engagements, Parties};
pub use service::RevenueService;
pub use service::{ReportPorts, ReportsService};

/// The revenue domain, ready to register.
pub fn module(
    platform: &Platform,
    engagements: Arc<dyn Engagements>,
    parties: Arc<dyn Parties>,
    reports: ReportPorts,
) -> Module<RevenueService> {
    let svc = RevenueService::new(platform.db.clone(), platform.clock.clone(), engagements.clone(), parties.clone());
    let report_svc = ReportsService::new(platform.db.clone(), platform.clock.clone(), engagements, parties, reports);
    Module::new(svc.clone(), http::router(svc).merge(http::reports::router(report_svc)))
        .tag("invoices", "Invoices, their lines, issue and void")
        .tag("payments", "Payments against invoices, and their reversal")
        .tag("billing", "Billing settings, tax rates and exchange rates")
        .tag("reports", "Finance reports: AR aging, revenue by client and month, engagement profitability")
        .cached(CACHED)
}

/// What the query cache may serve: an invoice's answer changes with its own events,
/// its payments' and credit notes', and with its engagement (deleted with it).
/// `overdue` follows the calendar, so it may show a day late for up to the TTL.
const CACHED: &[CachedRoute] =
    &[CachedRoute::new("/api/v1/invoices", INVOICE), CachedRoute::new("/api/v1/invoices/{id}", INVOICE)];
const INVOICE: &[&str] = &["invoice", "payment", "credit_note", "engagement"];
