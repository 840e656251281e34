//! What the comms tests share: the ports as the gateway wires them (reading the
//! CRM and agreements tables).

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

/// Where the files service of a test keeps its blobs.
pub enum Blobs {
    Local,
    S3,
}

/// A real files service (a local directory, or s3s-fs) as comms' attachments port.
pub struct Files {
    pub svc: atrium_files::FilesService,
    pub s3: Option<atrium_testkit::s3::S3Server>,
}

impl Files {
    /// `None` when s3s-fs is not installed (and the services are not required).
    pub fn start(db: &DatabaseConnection, blobs: Blobs) -> Option<Files> {
        let (store, s3): (std::sync::Arc<dyn atrium_files::store::BlobStore>, _) = match blobs {
            Blobs::Local => {
                let dir = std::env::temp_dir().join(format!("atrium-comms-test-blobs-{}", Uuid::now_v7()));
                (std::sync::Arc::new(atrium_files::LocalStore::new(dir, [7; 32])), None)
            }
            Blobs::S3 => {
                let server = atrium_testkit::s3::S3Server::start()?;
                let settings = atrium_files::S3Settings {
                    endpoint: Some(server.endpoint.clone()),
                    bucket: atrium_testkit::s3::BUCKET.into(),
                    region: atrium_testkit::s3::REGION.into(),
                    access_key_id: atrium_testkit::s3::ACCESS_KEY.into(),
                    secret_access_key: atrium_testkit::s3::SECRET_KEY.into(),
                    force_path_style: true,
                };
                (std::sync::Arc::new(atrium_files::S3Store::new(&settings)), Some(server))
            }
        };
        let svc = atrium_files::FilesService::new(
            db.clone(),
            std::sync::Arc::new(atrium_kernel::SystemClock),
            store,
            std::sync::Arc::new(FilesEngagements(db.clone())),
            atrium_files::FilesConfig { max_bytes: 16 * 1024, ..atrium_files::FilesConfig::default() },
        );
        Some(Files { svc, s3 })
    }

    pub fn port(&self) -> std::sync::Arc<dyn atrium_comms::Attachments> {
        std::sync::Arc::new(FileAttachments(self.svc.clone()))
    }
}

struct FilesEngagements(DatabaseConnection);

#[async_trait]
impl atrium_files::Engagements for FilesEngagements {
    async fn exists(&self, org: OrganizationId, id: EngagementId) -> Result<bool, AppError> {
        TableEngagements(self.0.clone()).exists(org, id).await
    }
}

/// The attachments port as the gateway implements it (`gateway::ports::MailAttachments`).
pub struct FileAttachments(pub atrium_files::FilesService);

#[async_trait]
impl atrium_comms::Attachments for FileAttachments {
    async fn store(
        &self,
        org: OrganizationId,
        file: atrium_comms::AttachmentFile,
    ) -> Result<atrium_comms::AttachmentStored, AppError> {
        let ctx = atrium_kernel::OrgCtx {
            org_id: org,
            principal: atrium_kernel::Principal::User(Uuid::nil().into()),
            role: atrium_kernel::Role::Member,
        };
        let meta = atrium_files::dto::FileMeta {
            engagement_id: Some(file.engagement),
            name: Some(file.name),
            visibility: None,
            attached_type: Some("message".into()),
            attached_id: Some(file.message.into_uuid()),
        };
        match self.0.upload_as(&ctx, file.id.into(), meta, file.bytes.into()).await {
            Ok(out) => Ok(atrium_comms::AttachmentStored::File(out.id.into_uuid())),
            Err(AppError::PayloadTooLarge) => Ok(atrium_comms::AttachmentStored::Refused("too large".into())),
            Err(e) => Err(e),
        }
    }
}
