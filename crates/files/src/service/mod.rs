//! The files service: the only writer of files and versions. Every method takes
//! `&OrgCtx` first and asks [`crate::access`] before it acts; bytes go to the
//! store first and rows are written only once the blob is whole, so a failed
//! upload leaves no row (only a blob the collector removes).

mod attach;
mod client;
mod collect;
mod download;
mod upload;

pub use collect::CollectJob;
pub use download::{ByteRange, Download, parse_range};

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atrium_events::files::FileVersionState;
use atrium_kernel::{AppError, Clock, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use futures::StreamExt;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::access::{Action, check};
use crate::dto::{FileFilter, FileId, FileOut, VersionOut, Visibility};
use crate::entity::{file_object, file_version};
use crate::error::FilesError;
use crate::ports::Engagements;
use crate::store::{BlobStore, ByteStream, Upload, exact};

/// Bytes sniffed for the media type.
const SNIFF: usize = 8 * 1024;

#[derive(Debug, Clone)]
pub struct FilesConfig {
    /// `FILE_MAX_BYTES`
    pub max_bytes: u64,
    /// `FILE_URL_TTL_SECS`: presigned GETs.
    pub url_ttl: Duration,
    /// Presigned PUTs (short: the upload starts right away).
    pub upload_ttl: Duration,
    /// `FILE_RETENTION_DAYS`
    pub retention: chrono::Duration,
    /// An unreferenced blob younger than this may belong to an upload whose row is
    /// about to be written; the collector leaves it.
    pub grace: chrono::Duration,
}

impl Default for FilesConfig {
    fn default() -> Self {
        Self {
            max_bytes: 100 * 1024 * 1024,
            url_ttl: Duration::from_secs(300),
            upload_ttl: Duration::from_secs(900),
            retention: chrono::Duration::days(30),
            grace: chrono::Duration::hours(24),
        }
    }
}

#[derive(Clone)]
pub struct FilesService {
    pub(crate) db: DatabaseConnection,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) store: Arc<dyn BlobStore>,
    pub(crate) engagements: Arc<dyn Engagements>,
    pub(crate) cfg: Arc<FilesConfig>,
}

/// A blob stored and measured on its way in.
pub(crate) struct Stored {
    pub key: String,
    pub size: i64,
    pub sha256: String,
    pub media_type: String,
}

/// Size, checksum and the first bytes, counted as the stream passes.
#[derive(Default)]
struct Tally {
    size: u64,
    hasher: Sha256,
    head: Vec<u8>,
    too_large: bool,
    /// The client's body failed (cut off, shorter than declared): whatever the
    /// store then reports, the upload failed on the client's side.
    failed: Option<String>,
}

fn lock(t: &Mutex<Tally>) -> std::sync::MutexGuard<'_, Tally> {
    t.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn tallied(body: ByteStream, max: u64, tally: Arc<Mutex<Tally>>) -> ByteStream {
    body.map(move |chunk| {
        let mut t = lock(&tally);
        let chunk = chunk.inspect_err(|e| t.failed = Some(e.to_string()))?;
        t.size += chunk.len() as u64;
        if t.size > max {
            t.too_large = true;
            return Err(std::io::Error::other("the upload exceeds FILE_MAX_BYTES"));
        }
        t.hasher.update(&chunk);
        if t.head.len() < SNIFF {
            let take = (SNIFF - t.head.len()).min(chunk.len());
            t.head.extend_from_slice(&chunk[..take]);
        }
        Ok(chunk)
    })
    .boxed()
}

pub(crate) fn sniff(head: &[u8]) -> String {
    infer::get(head).map_or("application/octet-stream", |t| t.mime_type()).to_owned()
}

impl FilesService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        store: Arc<dyn BlobStore>,
        engagements: Arc<dyn Engagements>,
        cfg: FilesConfig,
    ) -> Self {
        Self { db, clock, store, engagements, cfg: Arc::new(cfg) }
    }

    pub fn store(&self) -> &Arc<dyn BlobStore> {
        &self.store
    }

    pub fn config(&self) -> &FilesConfig {
        &self.cfg
    }

    /// Whether the object storage answers, for readiness: `Err` names it.
    pub async fn storage_ready(&self) -> Result<(), String> {
        self.store.ping().await.map_err(|e| e.to_string())
    }

    pub(crate) fn new_key(ctx: &OrgCtx, file: FileId) -> String {
        format!("{}/{}/{}", ctx.org_id, file, Uuid::now_v7())
    }

    /// Streams `up` to a new blob, measuring it; 413 past `FILE_MAX_BYTES`. A
    /// declared length goes to the store with the body (S3: one PutObject).
    pub(crate) async fn store_stream(&self, ctx: &OrgCtx, file: FileId, up: Upload) -> Result<Stored, AppError> {
        let key = Self::new_key(ctx, file);
        let tally = Arc::new(Mutex::new(Tally::default()));
        let put = match up.length {
            Some(n) if n > self.cfg.max_bytes => return Err(FilesError::TooLarge(self.cfg.max_bytes).into()),
            // Checked before the tally, so a body that contradicts its length is
            // the client's failure (400), not the store's.
            Some(n) => {
                self.store.put_sized(&key, tallied(exact(up.body, n), self.cfg.max_bytes, tally.clone()), n).await
            }
            None => self.store.put(&key, tallied(up.body, self.cfg.max_bytes, tally.clone())).await,
        };
        let t = std::mem::take(&mut *lock(&tally));
        if t.too_large {
            return Err(FilesError::TooLarge(self.cfg.max_bytes).into());
        }
        if let Some(why) = t.failed {
            return Err(AppError::BadRequest(format!("the upload was interrupted: {why}")));
        }
        put?;
        Ok(Stored {
            key,
            size: i64::try_from(t.size).map_err(AppError::internal)?,
            sha256: hex::encode(t.hasher.finalize()),
            media_type: sniff(&t.head),
        })
    }

    /// Reads a blob back and hashes it (completing a direct upload).
    pub(crate) async fn measure(&self, key: &str) -> Result<(u64, String, String), AppError> {
        let mut body = self.store.get(key, None).await?;
        let mut t = Tally::default();
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| AppError::Unavailable(format!("reading the object failed: {e}")))?;
            t.size += chunk.len() as u64;
            t.hasher.update(&chunk);
            if t.head.len() < SNIFF {
                let take = (SNIFF - t.head.len()).min(chunk.len());
                t.head.extend_from_slice(&chunk[..take]);
            }
        }
        Ok((t.size, hex::encode(t.hasher.finalize()), sniff(&t.head)))
    }

    /// A live (not deleted) file of the caller's organization.
    pub(crate) async fn live<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: FileId,
    ) -> Result<file_object::Model, AppError> {
        file_object::Entity::scoped(ctx.org_id)
            .filter(file_object::Column::Id.eq(id.into_uuid()))
            .filter(file_object::Column::DeletedAt.is_null())
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("file"))
    }

    pub(crate) async fn version_row<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        file: Uuid,
        version: i32,
    ) -> Result<Option<file_version::Model>, AppError> {
        Ok(file_version::Entity::scoped(ctx.org_id)
            .filter(file_version::Column::FileId.eq(file))
            .filter(file_version::Column::Version.eq(version))
            .one(conn)
            .await?)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list(&self, ctx: &OrgCtx, f: &FileFilter, req: PageRequest) -> Result<Page<FileOut>, AppError> {
        check(ctx, Action::Read)?;
        let mut q = file_object::Entity::scoped(ctx.org_id)
            .filter(file_object::Column::DeletedAt.is_null())
            .filter(file_object::Column::CurrentVersion.gt(0));
        if let Some(e) = f.engagement_id {
            q = q.filter(file_object::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(t) = &f.attached_type {
            q = q.filter(file_object::Column::AttachedType.eq(t.as_str()));
        }
        if let Some(a) = f.attached_id {
            q = q.filter(file_object::Column::AttachedId.eq(a));
        }
        let rows = req.apply(q, file_object::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = self.with_current(ctx, page.items).await?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// The files a client contact may see: `client` files of their engagements.
    pub async fn list_for_client(
        &self,
        ctx: &OrgCtx,
        access: &dyn crate::FileAccess,
        contact: Uuid,
    ) -> Result<Vec<FileOut>, AppError> {
        let engagements = access.engagements_of_contact(ctx.org_id, contact).await?;
        let ids: Vec<Uuid> = engagements.iter().map(|e| e.into_uuid()).collect();
        let rows = file_object::Entity::scoped(ctx.org_id)
            .filter(file_object::Column::EngagementId.is_in(ids))
            .order_by_asc(file_object::Column::Id)
            .all(&self.db)
            .await?;
        let rows = rows.into_iter().filter(|r| crate::access::client_may_see(r, &engagements)).collect();
        self.with_current(ctx, rows).await
    }

    async fn with_current(&self, ctx: &OrgCtx, rows: Vec<file_object::Model>) -> Result<Vec<FileOut>, AppError> {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let versions = if ids.is_empty() {
            Vec::new()
        } else {
            file_version::Entity::scoped(ctx.org_id)
                .filter(file_version::Column::FileId.is_in(ids))
                .all(&self.db)
                .await?
        };
        rows.into_iter()
            .map(|r| {
                let current = versions.iter().find(|v| v.file_id == r.id && v.version == r.current_version).cloned();
                file_out(r, current)
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn get(&self, ctx: &OrgCtx, id: FileId) -> Result<FileOut, AppError> {
        check(ctx, Action::Read)?;
        let file = self.live(&self.db, ctx, id).await?;
        let current = self.version_row(&self.db, ctx, file.id, file.current_version).await?;
        file_out(file, current)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn versions(&self, ctx: &OrgCtx, id: FileId) -> Result<Vec<VersionOut>, AppError> {
        check(ctx, Action::Read)?;
        let file = self.live(&self.db, ctx, id).await?;
        let rows = file_version::Entity::scoped(ctx.org_id)
            .filter(file_version::Column::FileId.eq(file.id))
            .order_by_desc(file_version::Column::Version)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(version_out).collect())
    }
}

pub(crate) fn version_out(v: file_version::Model) -> VersionOut {
    VersionOut {
        version: v.version,
        size: v.size,
        sha256: v.sha256,
        media_type: v.media_type,
        uploaded_by: v.uploaded_by,
        uploaded_at: v.uploaded_at,
    }
}

pub(crate) fn file_out(r: file_object::Model, current: Option<file_version::Model>) -> Result<FileOut, AppError> {
    Ok(FileOut {
        id: r.id.into(),
        engagement_id: r.engagement_id.into(),
        name: r.name,
        visibility: Visibility::parse(&r.visibility)
            .ok_or_else(|| AppError::internal(format!("stored visibility `{}`", r.visibility)))?,
        attached_type: r.attached_type,
        attached_id: r.attached_id,
        current: current.map(version_out),
        created_by: r.created_by,
        created_at: r.created_at,
        deleted_at: r.deleted_at,
    })
}

pub(crate) fn state(f: &file_object::Model, v: &file_version::Model) -> FileVersionState {
    FileVersionState {
        file_id: f.id.into(),
        engagement_id: f.engagement_id.into(),
        name: f.name.clone(),
        version: v.version,
        size: v.size,
        sha256: v.sha256.clone(),
        media_type: v.media_type.clone(),
        uploaded_at: v.uploaded_at,
    }
}
