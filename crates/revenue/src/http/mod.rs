//! Revenue routes: thin handlers over [`RevenueService`]. Reads are open to every
//! role; writes need `write_billing` (owner, admin, billing).

mod approval_rules;
mod bill_attachments;
mod billing;
mod bills;
mod fx_import;
mod invoices;
mod ledger;
mod payments;
mod reminders;
pub mod reports;
mod schedules;
mod vendors;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;

use crate::service::{LedgerService, PayablesService, RevenueService};

pub fn router(svc: RevenueService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(invoices::list, invoices::create))
        .routes(routes!(invoices::get, invoices::update, invoices::delete))
        .routes(routes!(invoices::issue))
        .routes(routes!(invoices::void))
        .routes(routes!(invoices::pdf))
        .routes(routes!(schedules::invoiced_time))
        .routes(routes!(schedules::list, schedules::create))
        .routes(routes!(schedules::get, schedules::update, schedules::delete))
        .routes(routes!(schedules::run))
        .routes(routes!(schedules::runs))
        .routes(routes!(invoices::list_credit_notes, invoices::create_credit_note))
        .routes(routes!(invoices::get_credit_note))
        .routes(routes!(payments::record))
        .routes(routes!(payments::list))
        .routes(routes!(payments::get))
        .routes(routes!(payments::reverse))
        .routes(routes!(billing::get_settings, billing::update_settings))
        .routes(routes!(billing::list_tax_rates, billing::create_tax_rate))
        .routes(routes!(billing::get_tax_rate, billing::update_tax_rate))
        .routes(routes!(billing::list_fx_rates, billing::record_fx_rate))
        .routes(routes!(fx_import::import))
        .routes(routes!(reminders::list))
        .routes(routes!(reminders::dismiss))
        .with_state(svc)
}

/// Vendors, bills, their approval and payments, and the approval rules.
pub fn payables_router(svc: PayablesService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(vendors::list, vendors::create))
        .routes(routes!(vendors::get, vendors::update, vendors::delete))
        .routes(routes!(bills::list, bills::create))
        .routes(routes!(bills::bills_awaiting_me))
        .routes(routes!(bills::get, bills::update, bills::delete))
        .routes(routes!(bills::submit_bill))
        .routes(routes!(bills::approve_bill))
        .routes(routes!(bills::reject_bill))
        .routes(routes!(bills::void_bill))
        .routes(routes!(bills::list_bill_payments, bills::pay_bill))
        .routes(routes!(bills::get_bill_payment))
        .routes(routes!(bills::reverse_bill_payment))
        .routes(routes!(bill_attachments::list_attachments, bill_attachments::attach_file))
        .routes(routes!(bill_attachments::detach_file))
        .routes(routes!(approval_rules::list, approval_rules::create))
        .routes(routes!(approval_rules::get, approval_rules::update, approval_rules::delete))
        .with_state(svc)
}

/// Ledger sync: connection, mappings, runs.
pub fn ledger_router(svc: LedgerService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(ledger::connect))
        .routes(routes!(ledger::callback))
        .routes(routes!(ledger::connection))
        .routes(routes!(ledger::options))
        .routes(routes!(ledger::list_mappings, ledger::set_mapping))
        .routes(routes!(ledger::sync))
        .routes(routes!(ledger::list_runs))
        .routes(routes!(ledger::get_run))
        .routes(routes!(ledger::list_links))
        .routes(routes!(ledger::get_link))
        .routes(routes!(ledger::resolve_link))
        .with_state(svc)
}

pub(crate) fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
