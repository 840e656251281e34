//! The portal service: staff grants and links (`access`), and the portal's own
//! sessions (`sessions`).

mod access;
mod client;
mod invoices;
mod projects;
mod sessions;

use std::sync::Arc;

use atrium_kernel::{AppError, Clock};
use sea_orm::DatabaseConnection;

use crate::dto::Permission;
use crate::ports::{Agreements, Contacts, Engagements, Files, Invoices, Mailer, Projects, Threads};

pub use sessions::{PortalCtx, SessionStarted};

/// How long links and sessions live, and where links point.
#[derive(Debug, Clone)]
pub struct PortalConfig {
    /// `PORTAL_LINK_TTL_MINUTES`: a sign-in link's lifetime.
    pub link_ttl: chrono::Duration,
    /// `PORTAL_SESSION_TTL_MINUTES`: a portal session's lifetime (absolute, not sliding).
    pub session_ttl: chrono::Duration,
    /// The public base URL links start with (`PORTAL_BASE_URL`).
    pub base_url: String,
}

impl Default for PortalConfig {
    fn default() -> Self {
        Self {
            link_ttl: chrono::Duration::minutes(30),
            session_ttl: chrono::Duration::hours(8),
            base_url: "http://127.0.0.1:8080".to_owned(),
        }
    }
}

/// What the portal reaches in other domains.
#[derive(Clone)]
pub struct Ports {
    pub contacts: Arc<dyn Contacts>,
    pub engagements: Arc<dyn Engagements>,
    pub mailer: Arc<dyn Mailer>,
    pub invoices: Arc<dyn Invoices>,
    pub agreements: Arc<dyn Agreements>,
    pub files: Arc<dyn Files>,
    pub threads: Arc<dyn Threads>,
    pub projects: Arc<dyn Projects>,
}

#[derive(Clone)]
pub struct PortalService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    cfg: PortalConfig,
    contacts: Arc<dyn Contacts>,
    engagements: Arc<dyn Engagements>,
    mailer: Arc<dyn Mailer>,
    invoices: Arc<dyn Invoices>,
    agreements: Arc<dyn Agreements>,
    files: Arc<dyn Files>,
    threads: Arc<dyn Threads>,
    projects: Arc<dyn Projects>,
}

impl PortalService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, cfg: PortalConfig, ports: Ports) -> Self {
        let Ports { contacts, engagements, mailer, invoices, agreements, files, threads, projects } = ports;
        Self { db, clock, cfg, contacts, engagements, mailer, invoices, agreements, files, threads, projects }
    }

    pub fn config(&self) -> &PortalConfig {
        &self.cfg
    }
}

/// Permissions as stored: a sorted, de-duplicated JSON list.
pub(crate) fn permissions_json(mut p: Vec<Permission>) -> Result<(Vec<Permission>, serde_json::Value), AppError> {
    p.sort();
    p.dedup();
    let json = serde_json::to_value(&p).map_err(AppError::internal)?;
    Ok((p, json))
}

pub(crate) fn permissions_of(json: &serde_json::Value) -> Result<Vec<Permission>, AppError> {
    serde_json::from_value(json.clone()).map_err(|e| AppError::internal(format!("stored portal permissions: {e}")))
}
