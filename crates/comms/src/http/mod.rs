//! Comms routes: thin handlers over [`CommsService`].

mod connections;
mod messages;
mod oauth;
mod threads;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;

use crate::service::CommsService;

pub fn router(svc: CommsService) -> ApiRouter {
    ApiRouter::new()
        .routes(routes!(threads::list, threads::compose))
        .routes(routes!(threads::get))
        .routes(routes!(threads::messages))
        .routes(routes!(threads::file))
        .routes(routes!(threads::reply))
        .routes(routes!(messages::send))
        .routes(routes!(messages::edit))
        .routes(routes!(threads::share))
        .routes(routes!(threads::unshare))
        .routes(routes!(threads::unknown_senders))
        .routes(routes!(connections::list, connections::create))
        .routes(routes!(oauth::start))
        .routes(routes!(oauth::callback))
        .routes(routes!(connections::get, connections::update, connections::delete))
        .routes(routes!(connections::health))
        .routes(routes!(connections::pause))
        .routes(routes!(connections::resume))
        .routes(routes!(connections::resync))
        .with_state(svc)
}
