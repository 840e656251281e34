//! The portal's routes: staff manage grants and links under `/api/v1/portal-access`
//! (owner, admin, member); the portal's own API lives under `/portal/api/v1` and
//! answers only to the portal session cookie.

mod access;
mod client;
mod projects;
mod session;

use atrium_kernel::ApiRouter;
use atrium_kernel::routes;
use axum::routing::{get, post};

use crate::pages;
use crate::service::PortalService;

pub use session::{PORTAL_COOKIE, PortalCookies};
pub(crate) use session::{PortalHttp, cleared_cookie, cookie_token, session_cookie};

pub fn router(svc: PortalService, cookies: PortalCookies) -> ApiRouter {
    let staff = ApiRouter::new()
        .routes(routes!(access::list_access, access::create_access))
        .routes(routes!(access::get_access, access::update_access))
        .routes(routes!(access::revoke_access))
        .routes(routes!(access::issue_link))
        .with_state(svc.clone());
    let portal = ApiRouter::new()
        .routes(routes!(session::start_session, session::end_session))
        .routes(routes!(session::portal_me))
        .routes(routes!(session::portal_invoices))
        .routes(routes!(session::portal_invoice_pdf))
        .routes(routes!(client::proposals))
        .routes(routes!(client::accept_proposal))
        .routes(routes!(client::decline_proposal))
        .routes(routes!(client::contracts))
        .routes(routes!(client::sign_contract))
        .routes(routes!(client::files))
        .routes(routes!(client::download_file))
        .routes(routes!(client::threads))
        .routes(routes!(client::thread_messages))
        .routes(routes!(client::reply))
        .routes(routes!(projects::projects))
        .routes(routes!(projects::project))
        .routes(routes!(projects::project_milestones))
        .routes(routes!(projects::project_tasks))
        .routes(routes!(projects::milestone))
        .routes(routes!(projects::task))
        // The pages are HTML, not API operations: outside the OpenAPI document.
        .route("/portal", get(pages::overview))
        .route("/portal/sign-in", get(pages::sign_in_page).post(pages::sign_in))
        .route("/portal/sign-out", post(pages::sign_out))
        .route("/portal/invoices", get(pages::invoices))
        .route("/portal/projects", get(pages::projects))
        .route("/portal/projects/{id}", get(pages::project))
        .route("/portal/proposals", get(pages::proposals))
        .route("/portal/proposals/{id}/accept", post(pages::accept))
        .route("/portal/proposals/{id}/decline", post(pages::decline))
        .route("/portal/contracts", get(pages::contracts))
        .route("/portal/contracts/{id}/sign", post(pages::sign))
        .route("/portal/files", get(pages::files))
        .route("/portal/messages", get(pages::messages))
        .route("/portal/messages/{id}", get(pages::thread))
        .route("/portal/messages/{id}/reply", post(pages::reply))
        .route("/portal/assets/portal.css", get(pages::css))
        .with_state(session::PortalHttp { svc, cookies });
    staff.merge(portal)
}
