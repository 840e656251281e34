//! What the files test binaries share: a harness over a real database and a real
//! store (s3s-fs or a local directory), seed helpers, and `store_tests!`.

// Each test binary uses its own subset of these helpers.
#![allow(dead_code)]

use std::sync::Arc;

use async_trait::async_trait;
use atrium_files::dto::{DownloadQuery, EngagementId, FileMeta, Visibility};
use atrium_files::service::Download;
use atrium_files::store::{BlobStore, ByteStream};
use atrium_files::{Engagements, FilesConfig, FilesService, LocalStore, S3Settings, S3Store};
use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, Principal, Role, SystemClock};
use atrium_testkit::TestDb;
use atrium_testkit::s3::S3Server;
use bytes::Bytes;
use futures::StreamExt;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Agreements as the gateway wires it: the engagements table, scoped by organization.
pub struct DbEngagements(pub DatabaseConnection);

#[async_trait]
impl Engagements for DbEngagements {
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

pub enum Kind {
    Local,
    S3,
}

pub struct Harness {
    pub svc: FilesService,
    pub store: Arc<dyn BlobStore>,
    pub conn: DatabaseConnection,
    pub s3: Option<S3Server>,
    pub _dir: tempfile::TempDir,
}

pub async fn harness(db: &TestDb, kind: Kind, cfg: FilesConfig) -> Option<Harness> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, s3): (Arc<dyn BlobStore>, _) = match kind {
        Kind::Local => (Arc::new(LocalStore::new(dir.path().join("blobs"), [7; 32])), None),
        Kind::S3 => {
            let server = S3Server::start()?;
            let store = S3Store::new(&settings(&server));
            (Arc::new(store), Some(server))
        }
    };
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let svc = FilesService::new(db.conn.clone(), clock, store.clone(), Arc::new(DbEngagements(db.conn.clone())), cfg);
    Some(Harness { svc, store, conn: db.conn.clone(), s3, _dir: dir })
}

pub fn settings(server: &S3Server) -> S3Settings {
    S3Settings {
        endpoint: Some(server.endpoint.clone()),
        bucket: atrium_testkit::s3::BUCKET.into(),
        region: atrium_testkit::s3::REGION.into(),
        access_key_id: atrium_testkit::s3::ACCESS_KEY.into(),
        secret_access_key: atrium_testkit::s3::SECRET_KEY.into(),
        force_path_style: true,
    }
}

impl Harness {
    pub async fn org(&self, role: Role) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user = atrium_testkit::seed_user(&self.conn).await;
        OrgCtx { org_id: org, principal: Principal::User(user.into()), role }
    }

    pub async fn engagement(&self, ctx: &OrgCtx) -> EngagementId {
        let id = Uuid::now_v7();
        let now = chrono::Utc::now();
        let stmt = Query::insert()
            .into_table(Alias::new("engagements"))
            .columns(
                ["id", "organization_id", "name", "billing_model", "status", "version", "created_at", "updated_at"]
                    .map(Alias::new),
            )
            .values_panic([
                id.into(),
                ctx.org_id.into_uuid().into(),
                "Relaunch".into(),
                "fixed".into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id.into()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let stmt = Query::select().expr(Expr::col(Alias::new("id")).count()).from(Alias::new(table)).to_owned();
        let row = self.conn.query_one(&stmt).await.expect("count").expect("a row");
        row.try_get_by_index::<i64>(0).expect("count value")
    }
}

pub fn meta(engagement: EngagementId, name: &str) -> FileMeta {
    FileMeta {
        engagement_id: Some(engagement),
        name: Some(name.into()),
        visibility: Some(Visibility::Client),
        attached_type: None,
        attached_id: None,
    }
}

/// A body in small chunks, as a network would deliver it.
pub fn body(bytes: &[u8]) -> ByteStream {
    let chunks: Vec<Result<Bytes, std::io::Error>> =
        bytes.chunks(7_000).map(|c| Ok(Bytes::copy_from_slice(c))).collect();
    futures::stream::iter(chunks).boxed()
}

pub fn pdf(n: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.extend((0..n).map(|i| (i % 251) as u8));
    v
}

pub fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

pub async fn read_all(mut s: ByteStream) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(c) = s.next().await {
        out.extend_from_slice(&c.expect("chunk"));
    }
    out
}

pub async fn streamed(
    h: &Harness,
    ctx: &OrgCtx,
    id: atrium_files::dto::FileId,
    version: Option<i32>,
    range: Option<&str>,
) -> Download {
    let q = DownloadQuery { version, inline: Some(false), stream: Some(true) };
    h.svc.download(ctx, id, &q, range).await.expect("download")
}

pub async fn bytes_of(h: &Harness, ctx: &OrgCtx, id: atrium_files::dto::FileId, version: Option<i32>) -> Vec<u8> {
    match streamed(h, ctx, id, version, None).await {
        Download::Stream { body, .. } => read_all(body).await,
        _ => panic!("expected a stream"),
    }
}

/// Runs `$name(&Harness)` on SQLite and PostgreSQL, each with the local store and S3.
#[macro_export]
macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            use super::*;
            async fn run(db: TestDb, kind: Kind) {
                if let Some(h) = harness(&db, kind, FilesConfig::default()).await {
                    super::$name(h).await;
                }
            }
            #[tokio::test]
            async fn sqlite_local() { run(TestDb::sqlite().await, Kind::Local).await }
            #[tokio::test]
            async fn sqlite_s3() { run(TestDb::sqlite().await, Kind::S3).await }
            #[tokio::test]
            async fn postgres_local() { if let Some(db) = TestDb::postgres().await { run(db, Kind::Local).await } }
            #[tokio::test]
            async fn postgres_s3() { if let Some(db) = TestDb::postgres().await { run(db, Kind::S3).await } }
        }
    )*};
}
