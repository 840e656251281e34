//! Agreements routes: thin handlers over [`AgreementsService`].

mod contract_flow;
mod contracts;
mod engagements;
mod proposals;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;

use crate::service::AgreementsService;

pub fn router(svc: AgreementsService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(proposals::list, proposals::create))
        .routes(routes!(proposals::get, proposals::update, proposals::delete))
        .routes(routes!(proposals::send))
        .routes(routes!(proposals::accept))
        .routes(routes!(proposals::decline))
        .routes(routes!(proposals::contract))
        .routes(routes!(contracts::list, contracts::create))
        .routes(routes!(contracts::get, contracts::update, contracts::delete))
        .routes(routes!(contract_flow::send))
        .routes(routes!(contract_flow::sign))
        .routes(routes!(contract_flow::activate))
        .routes(routes!(contract_flow::complete))
        .routes(routes!(contract_flow::terminate))
        .routes(routes!(contract_flow::signature))
        .routes(routes!(engagements::list, engagements::create))
        .routes(routes!(engagements::get, engagements::update, engagements::delete))
        .with_state(svc)
}

pub(crate) fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
