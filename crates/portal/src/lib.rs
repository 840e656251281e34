//! The client portal: staff grant a client's contact access to one engagement
//! (what the contact may do, until when), send single-use sign-in links through
//! comms, and the contact exchanges a link for a portal session — a realm of its
//! own (cookie `atrium_portal`, path `/portal`) that staff credentials never open
//! and that never opens `/api/v1`. Revoking a grant ends its links and sessions at
//! once. CRM contacts, engagements and mail are reached through [`ports`].

pub mod dto;
pub mod entity;
pub mod error;
pub mod http;
mod pages;
pub mod ports;
pub mod service;
pub mod token;

use std::sync::Arc;

use atrium_outbox::{Module, Platform};

pub use error::PortalError;
pub use http::{PORTAL_COOKIE, PortalCookies};
pub use ports::{
    Agreements, ClientScope, ContactInfo, Contacts, EngagementInfo, Engagements, Files, InvoiceSummary, Invoices,
    LinkMail, Mailer, Projects, Threads,
};
pub use service::{PortalConfig, PortalService};

/// What the client's documents come from: revenue's invoices, agreements'
/// proposals and contracts, files, comms' threads and projects' client-visible work.
pub struct Documents {
    pub invoices: Arc<dyn Invoices>,
    pub agreements: Arc<dyn Agreements>,
    pub files: Arc<dyn Files>,
    pub threads: Arc<dyn Threads>,
    pub projects: Arc<dyn Projects>,
}

/// The portal domain, ready to register: the staff routes under
/// `/api/v1/portal-access` and the portal's own under `/portal/api/v1`.
pub fn module(
    platform: &Platform,
    cfg: PortalConfig,
    cookies: PortalCookies,
    contacts: Arc<dyn Contacts>,
    engagements: Arc<dyn Engagements>,
    mailer: Arc<dyn Mailer>,
    documents: Documents,
) -> Module<PortalService> {
    let Documents { invoices, agreements, files, threads, projects } = documents;
    let ports = service::Ports { contacts, engagements, mailer, invoices, agreements, files, threads, projects };
    let svc = PortalService::new(platform.db.clone(), platform.clock.clone(), cfg, ports);
    Module::new(svc.clone(), http::router(svc, cookies))
        .tag("portal", "Client portal access: grants, sign-in links (staff)")
        .tag("portal-client", "The client portal's own API (portal session cookie only)")
}
