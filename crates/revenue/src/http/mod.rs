//! Revenue routes: thin handlers over [`RevenueService`]. Reads are open to every
//! role; writes need `write_billing` (owner, admin, billing).

mod billing;
mod invoices;
mod payments;
pub mod reports;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::service::RevenueService;

pub fn router(svc: RevenueService) -> OpenApiRouter {
    OpenApiRouter::new()
        .routes(routes!(invoices::list, invoices::create))
        .routes(routes!(invoices::get, invoices::update, invoices::delete))
        .routes(routes!(invoices::issue))
        .routes(routes!(invoices::void))
        .routes(routes!(invoices::pdf))
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
        .with_state(svc)
}

pub(crate) fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
