//! CRM routes: thin handlers over [`CrmService`].

mod companies;
mod contacts;
mod csv;
mod deals;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;

use crate::service::CrmService;

pub fn router(svc: CrmService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(companies::list, companies::create))
        .routes(routes!(companies::duplicates))
        .routes(routes!(csv::export_companies))
        .routes(routes!(companies::get, companies::update, companies::delete))
        .routes(routes!(companies::merge))
        .routes(routes!(contacts::list, contacts::create))
        .routes(routes!(contacts::duplicates))
        .routes(routes!(csv::import))
        .routes(routes!(csv::export_contacts))
        .routes(routes!(contacts::get, contacts::update, contacts::delete))
        .routes(routes!(contacts::merge))
        .routes(routes!(deals::list, deals::create))
        .routes(routes!(csv::export_deals))
        .routes(routes!(deals::get, deals::update, deals::delete))
        .with_state(svc)
}

pub(crate) fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
