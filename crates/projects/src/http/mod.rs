//! Projects routes: thin handlers over [`ProjectsService`].

mod capacity;
mod milestones;
mod projects;
mod rates;
mod tasks;
mod templates;
mod time;
mod utilization;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;

use crate::service::{ProjectsService, TimeService};

pub fn router(svc: ProjectsService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(projects::list, projects::create))
        .routes(routes!(projects::get, projects::update, projects::delete))
        .routes(routes!(projects::save_as_template))
        .routes(routes!(milestones::list, milestones::create))
        .routes(routes!(milestones::get, milestones::update, milestones::delete))
        .routes(routes!(tasks::list, tasks::create))
        .routes(routes!(tasks::get, tasks::update, tasks::delete))
        .routes(routes!(tasks::move_task))
        .routes(routes!(templates::list, templates::create))
        .routes(routes!(templates::get, templates::update, templates::delete))
        .routes(routes!(templates::instantiate))
        .with_state(svc.clone())
        .merge(time_router(svc.time()))
}

fn time_router(svc: TimeService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(time::list, time::create))
        .routes(routes!(time::get, time::update, time::delete))
        .routes(routes!(time::submit))
        .routes(routes!(time::approve))
        .routes(routes!(time::reject))
        .routes(routes!(rates::list, rates::create))
        .routes(routes!(rates::effective))
        .routes(routes!(rates::get, rates::delete))
        .routes(routes!(capacity::list, capacity::create))
        .routes(routes!(capacity::get, capacity::delete))
        .routes(routes!(utilization::report))
        .with_state(svc)
}

pub(crate) fn location(path: String) -> [(axum::http::HeaderName, String); 1] {
    [(axum::http::header::LOCATION, path)]
}
