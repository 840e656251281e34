//! Revenue: where a professional-services firm gets paid — billing settings, tax
//! and exchange rates, invoices (drafts, issue with gapless numbers, void),
//! payments and credit notes. Engagements belong to agreements and are reached
//! through [`ports`].

pub mod calc;
pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
pub mod jobs;
pub mod numbering;
pub mod pdf;
pub mod ports;
pub mod service;

use std::sync::Arc;

use atrium_outbox::{CachedRoute, Module, Platform};

pub use error::RevenueError;
pub use http::router;
pub use ports::{EngagementRef, Engagements, Parties};
pub use service::RevenueService;

/// The revenue domain, ready to register.
pub fn module(
    platform: &Platform,
    engagements: Arc<dyn Engagements>,
    parties: Arc<dyn Parties>,
) -> Module<RevenueService> {
    let svc = RevenueService::new(platform.db.clone(), platform.clock.clone(), engagements, parties);
    Module::new(svc.clone(), http::router(svc.clone()))
        .job(jobs::ReminderJob(svc.clone()))
        .job(jobs::ReconcileJob(svc.clone()))
        .subscriber(jobs::CrmMergeSubscriber(svc))
        .tag("invoices", "Invoices, their lines, issue and void")
        .tag("payments", "Payments against invoices, and their reversal")
        .tag("billing", "Billing settings, tax rates and exchange rates")
        .cached(CACHED)
}

/// What the query cache may serve: an invoice's answer changes with its own events,
/// its payments' and credit notes', with its engagement (deleted with it) and with
/// client companies (a merge repoints invoices under `client_company` events).
/// `overdue` follows the calendar, so it may show a day late for up to the TTL.
const CACHED: &[CachedRoute] =
    &[CachedRoute::new("/api/v1/invoices", INVOICE), CachedRoute::new("/api/v1/invoices/{id}", INVOICE)];
const INVOICE: &[&str] = &["invoice", "payment", "credit_note", "engagement", "client_company"];
