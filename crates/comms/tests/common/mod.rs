//! What the comms tests share: the ports as the gateway wires them (reading the
//! CRM and agreements tables), and an attachments port of their own.

#![allow(dead_code)]

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_comms::{Contacts, Engagements, HostGuard};
use atrium_events::agreements::EngagementId;
use atrium_events::crm::{ClientCompanyId, ContactId};
use atrium_kernel::{AppError, OrganizationId};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

/// CRM as the gateway wires it: the contacts table, by normalized email.
pub struct TableContacts(pub DatabaseConnection);

#[async_trait]
impl Contacts for TableContacts {
    async fn by_emails(&self, org: OrganizationId, emails: &[String]) -> Result<HashMap<String, ContactId>, AppError> {
        let stmt = Query::select()
            .columns(["id", "email_normalized"].map(Alias::new))
            .from(Alias::new("contacts"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("email_normalized")).is_in(emails.iter().cloned()))
            .to_owned();
        let rows = self.0.query_all(&stmt).await?;
        let mut out = HashMap::new();
        for r in rows {
            let id: Uuid = r.try_get("", "id")?;
            let email: String = r.try_get("", "email_normalized")?;
            out.insert(email, id.into());
        }
        Ok(out)
    }

    async fn contact(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactId>, AppError> {
        let stmt = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("contacts"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        Ok(self.0.query_one(&stmt).await?.map(|_| id))
    }

    async fn of_company(
        &self,
        org: OrganizationId,
        company: ClientCompanyId,
    ) -> Result<Vec<(ContactId, String, String)>, AppError> {
        let stmt = Query::select()
            .columns(["id", "email_normalized", "first_name", "last_name"].map(Alias::new))
            .from(Alias::new("contacts"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("client_company_id")).eq(company.into_uuid()))
            .and_where(Expr::col(Alias::new("email_normalized")).is_not_null())
            .to_owned();
        let mut out = Vec::new();
        for r in self.0.query_all(&stmt).await? {
            let id: Uuid = r.try_get("", "id")?;
            let email: String = r.try_get("", "email_normalized")?;
            let first: String = r.try_get("", "first_name")?;
            let last: String = r.try_get("", "last_name")?;
            out.push((id.into(), email, format!("{first} {last}")));
        }
        Ok(out)
    }
}

/// Agreements as the gateway wires it: the engagements table, scoped.
pub struct TableEngagements(pub DatabaseConnection);

#[async_trait]
impl Engagements for TableEngagements {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError> {
        let stmt = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("engagements"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        Ok(self.0.query_one(&stmt).await?.is_some())
    }
}

/// The test servers listen on loopback: every host that resolves is allowed
/// (the gateway's guard, which refuses private hosts, is tested over HTTP).
pub struct AnyHost;

#[async_trait]
impl HostGuard for AnyHost {
    async fn resolve(&self, host: &str, port: u16) -> Result<Vec<std::net::SocketAddr>, String> {
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        Ok(tokio::net::lookup_host((bare, port)).await.map_err(|e| e.to_string())?.collect())
    }
}

/// The attachments port without the files domain (a domain crate's tests may
/// not depend on another domain): keeps each file in memory by its id, refuses
/// one over `max_bytes` as files does. Attachments through the real files
/// domain are tested over HTTP in `tests/tests/api/comms_attachments.rs`.
pub struct HeldAttachments {
    pub max_bytes: usize,
    pub files: std::sync::Mutex<HashMap<Uuid, atrium_comms::AttachmentFile>>,
}

impl Default for HeldAttachments {
    fn default() -> Self {
        Self { max_bytes: 16 * 1024, files: std::sync::Mutex::default() }
    }
}

#[async_trait]
impl atrium_comms::Attachments for HeldAttachments {
    async fn store(
        &self,
        _org: OrganizationId,
        file: atrium_comms::AttachmentFile,
    ) -> Result<atrium_comms::AttachmentStored, AppError> {
        if file.bytes.len() > self.max_bytes {
            return Ok(atrium_comms::AttachmentStored::Refused("too large".into()));
        }
        let id = file.id;
        self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).entry(id).or_insert(file);
        Ok(atrium_comms::AttachmentStored::File(id))
    }
}
