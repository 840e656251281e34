//! Writes: streamed uploads, direct uploads and their completion, restores, deletes.

use atrium_events::files::{FileDeleted, FileRestored, FileUploaded, FileVersionAdded, FileVersionRestored};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx, Scoped};
use atrium_outbox::publish;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::{FilesService, Stored, state};
use crate::access::{Action, check};
use crate::dto::{DirectUploadIn, DirectUploadOut, DirectVersionIn, FileId, FileMeta, FileOut, Visibility};
use crate::entity::{file_object, file_version};
use crate::error::FilesError;
use crate::store::Upload;

/// A new file's metadata, checked.
pub(crate) struct Checked {
    engagement: Uuid,
    name: String,
    visibility: Visibility,
    attached_type: Option<String>,
    attached_id: Option<Uuid>,
}

fn invalid(field: &'static str, message: impl Into<String>) -> AppError {
    FilesError::Invalid { field, message: message.into() }.into()
}

pub(crate) fn check_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 255 || name.chars().any(char::is_control) {
        return Err(invalid("name", "must be 1 to 255 characters without control characters"));
    }
    Ok(name.to_owned())
}

fn check_sha(sha: &str) -> Result<String, AppError> {
    let sha = sha.trim().to_ascii_lowercase();
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid("sha256", "must be 64 hex digits"));
    }
    Ok(sha)
}

fn check_content_type(ct: Option<&str>) -> Result<String, AppError> {
    let ct = ct.unwrap_or("application/octet-stream").trim();
    if ct.is_empty() || ct.len() > 100 || !ct.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return Err(invalid("content_type", "must be a media type of at most 100 characters"));
    }
    Ok(ct.to_owned())
}

impl FilesService {
    pub(crate) async fn check_meta(&self, ctx: &OrgCtx, meta: FileMeta) -> Result<Checked, AppError> {
        let engagement = meta.engagement_id.ok_or_else(|| invalid("engagement_id", "is required"))?;
        let name = check_name(meta.name.as_deref().unwrap_or_default())?;
        let attached_type = match meta.attached_type.as_deref().map(str::trim) {
            Some(t) if t.is_empty() || t.len() > 50 || !t.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') => {
                return Err(invalid("attached_type", "must be 1 to 50 lowercase letters or `_`"));
            }
            t => t.map(str::to_owned),
        };
        if attached_type.is_some() != meta.attached_id.is_some() {
            return Err(invalid("attached_id", "attached_type and attached_id go together"));
        }
        if !self.engagements.exists(ctx.org_id, engagement).await? {
            return Err(FilesError::NoSuchEngagement.into());
        }
        Ok(Checked {
            engagement: engagement.into_uuid(),
            name,
            visibility: meta.visibility.unwrap_or_default(),
            attached_type,
            attached_id: meta.attached_id,
        })
    }

    /// A file from a streamed body: the blob first, then the rows and the event.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn upload(&self, ctx: &OrgCtx, meta: FileMeta, body: impl Into<Upload>) -> Result<FileOut, AppError> {
        check(ctx, Action::Write)?;
        let meta = self.check_meta(ctx, meta).await?;
        let id = FileId::new();
        let stored = self.store_stream(ctx, id, body.into()).await?;
        let key = stored.key.clone();
        let written = self.insert_file(ctx, id, meta, stored).await;
        if written.is_err() {
            // No row names the blob: remove it now (the collector would, later).
            let _ = self.store.delete(&key).await;
        }
        written
    }

    pub(crate) async fn insert_file(
        &self,
        ctx: &OrgCtx,
        id: FileId,
        m: Checked,
        s: Stored,
    ) -> Result<FileOut, AppError> {
        let now = self.clock.now();
        let file = file_object::Model {
            id: id.into_uuid(),
            organization_id: ctx.org_id.into_uuid(),
            engagement_id: m.engagement,
            attached_type: m.attached_type,
            attached_id: m.attached_id,
            name: m.name,
            current_version: 1,
            visibility: m.visibility.as_str().to_owned(),
            pending_key: None,
            pending_size: None,
            pending_sha256: None,
            pending_since: None,
            created_by: ctx.actor(),
            created_at: now,
            deleted_at: None,
        };
        let txn = begin_write(&self.db).await?;
        file_object::Entity::insert(file_object::ActiveModel::from(file.clone())).exec(&txn).await.map_err(|e| {
            if atrium_kernel::error::is_foreign_key_violation(&e) {
                FilesError::NoSuchEngagement.into()
            } else {
                AppError::from(e)
            }
        })?;
        let v = insert_version(&txn, ctx, &file, 1, s, now).await?;
        publish(
            &txn,
            ctx,
            now,
            &FileUploaded {
                version: state(&file, &v),
                visibility: file.visibility.clone(),
                attached_type: file.attached_type.clone(),
                attached_id: file.attached_id,
            },
        )
        .await?;
        txn.commit().await?;
        super::file_out(file, Some(v))
    }

    /// A new version from a streamed body.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn add_version(&self, ctx: &OrgCtx, id: FileId, body: impl Into<Upload>) -> Result<FileOut, AppError> {
        check(ctx, Action::Write)?;
        self.live(&self.db, ctx, id).await?;
        let stored = self.store_stream(ctx, id, body.into()).await?;
        let key = stored.key.clone();
        let written = self.append_version(ctx, id, stored, None, false).await;
        if written.is_err() {
            let _ = self.store.delete(&key).await;
        }
        written
    }

    /// Appends version max+1 and makes it current. `restored_from` says it is a restore.
    async fn append_version(
        &self,
        ctx: &OrgCtx,
        id: FileId,
        s: Stored,
        restored_from: Option<i32>,
        completes_pending: bool,
    ) -> Result<FileOut, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let mut file = file_object::Entity::scoped(ctx.org_id)
            .filter(file_object::Column::Id.eq(id.into_uuid()))
            .filter(file_object::Column::DeletedAt.is_null())
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("file"))?;
        let first = file.current_version == 0;
        let next = last_version(&txn, ctx, file.id).await? + 1;
        let v = insert_version(&txn, ctx, &file, next, s, now).await?;
        file_object::Entity::update_scoped(ctx.org_id)
            .col_expr(file_object::Column::CurrentVersion, Expr::value(next))
            .filter(file_object::Column::Id.eq(file.id))
            .exec(&txn)
            .await?;
        file.current_version = next;
        if completes_pending {
            clear_pending(&txn, ctx, file.id).await?;
        }
        let st = state(&file, &v);
        match restored_from {
            Some(from) => publish(&txn, ctx, now, &FileVersionRestored { version: st, restored_from: from }).await?,
            None if first => {
                publish(
                    &txn,
                    ctx,
                    now,
                    &FileUploaded {
                        version: st,
                        visibility: file.visibility.clone(),
                        attached_type: file.attached_type.clone(),
                        attached_id: file.attached_id,
                    },
                )
                .await?
            }
            None => publish(&txn, ctx, now, &FileVersionAdded { version: st }).await?,
        };
        txn.commit().await?;
        super::file_out(file, Some(v))
    }

    /// Starts a direct upload of a new file: a pending row and a presigned PUT.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn start_upload(&self, ctx: &OrgCtx, input: DirectUploadIn) -> Result<DirectUploadOut, AppError> {
        check(ctx, Action::Write)?;
        let (sha, ct) = (check_sha(&input.sha256)?, check_content_type(input.content_type.as_deref())?);
        self.check_size(input.size)?;
        let m = self.check_meta(ctx, input.meta()).await?;
        let id = FileId::new();
        let key = Self::new_key(ctx, id);
        let presigned = self.store.presign_put(&key, self.cfg.upload_ttl, input.size, &ct).await?;
        let now = self.clock.now();
        let row = file_object::Model {
            id: id.into_uuid(),
            organization_id: ctx.org_id.into_uuid(),
            engagement_id: m.engagement,
            attached_type: m.attached_type,
            attached_id: m.attached_id,
            name: m.name,
            current_version: 0,
            visibility: m.visibility.as_str().to_owned(),
            pending_key: Some(key),
            pending_size: Some(i64::try_from(input.size).map_err(AppError::internal)?),
            pending_sha256: Some(sha),
            pending_since: Some(now),
            created_by: ctx.actor(),
            created_at: now,
            deleted_at: None,
        };
        // A pending row is not yet a file (lists and the timeline ignore it); its
        // event is published when the upload completes.
        let txn = begin_write(&self.db).await?;
        file_object::Entity::insert(file_object::ActiveModel::from(row)).exec(&txn).await?;
        txn.commit().await?;
        Ok(direct_out(id, presigned))
    }

    /// Starts a direct upload of a new version of `id`.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn start_version_upload(
        &self,
        ctx: &OrgCtx,
        id: FileId,
        input: DirectVersionIn,
    ) -> Result<DirectUploadOut, AppError> {
        check(ctx, Action::Write)?;
        let (sha, ct) = (check_sha(&input.sha256)?, check_content_type(input.content_type.as_deref())?);
        self.check_size(input.size)?;
        self.live(&self.db, ctx, id).await?;
        let key = Self::new_key(ctx, id);
        let presigned = self.store.presign_put(&key, self.cfg.upload_ttl, input.size, &ct).await?;
        let txn = begin_write(&self.db).await?;
        file_object::Entity::update_scoped(ctx.org_id)
            .col_expr(file_object::Column::PendingKey, Expr::value(key))
            .col_expr(
                file_object::Column::PendingSize,
                Expr::value(i64::try_from(input.size).map_err(AppError::internal)?),
            )
            .col_expr(file_object::Column::PendingSha256, Expr::value(sha))
            .col_expr(file_object::Column::PendingSince, Expr::value(self.clock.now()))
            .filter(file_object::Column::Id.eq(id.into_uuid()))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(direct_out(id, presigned))
    }

    fn check_size(&self, size: u64) -> Result<(), AppError> {
        if size > self.cfg.max_bytes {
            return Err(FilesError::TooLarge(self.cfg.max_bytes).into());
        }
        Ok(())
    }

    /// Makes a direct upload the current version once the object is there with the
    /// declared size and checksum; otherwise 422 and nothing current changes.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn complete(&self, ctx: &OrgCtx, id: FileId) -> Result<FileOut, AppError> {
        check(ctx, Action::Write)?;
        let file = self.live(&self.db, ctx, id).await?;
        let (Some(key), Some(size), Some(sha)) = (file.pending_key, file.pending_size, file.pending_sha256) else {
            return Err(FilesError::NothingPending.into());
        };
        let Some(head) = self.store.head(&key).await? else {
            return Err(FilesError::UploadMismatch("no object was uploaded to the URL".into()).into());
        };
        if i64::try_from(head.size).ok() != Some(size) {
            return Err(FilesError::UploadMismatch(format!(
                "the object has {} bytes, {size} were declared",
                head.size
            ))
            .into());
        }
        let (n, got, media_type) = self.measure(&key).await?;
        if got != sha {
            return Err(FilesError::UploadMismatch("the object's SHA-256 is not the declared one".into()).into());
        }
        let stored = Stored { key, size: i64::try_from(n).map_err(AppError::internal)?, sha256: got, media_type };
        self.append_version(ctx, id, stored, None, true).await
    }

    /// Makes version `n` current again as a new version (history only grows).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id, version = n))]
    pub async fn restore_version(&self, ctx: &OrgCtx, id: FileId, n: i32) -> Result<FileOut, AppError> {
        check(ctx, Action::Write)?;
        let file = self.live(&self.db, ctx, id).await?;
        let old = self.version_row(&self.db, ctx, file.id, n).await?.ok_or(FilesError::NoSuchVersion)?;
        let stored = Stored { key: old.storage_key, size: old.size, sha256: old.sha256, media_type: old.media_type };
        self.append_version(ctx, id, stored, Some(n), false).await
    }

    /// Marks the file deleted: hidden, restorable by an admin during the retention.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn delete(&self, ctx: &OrgCtx, id: FileId) -> Result<(), AppError> {
        check(ctx, Action::Write)?;
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let file = self.live(&txn, ctx, id).await?;
        file_object::Entity::update_scoped(ctx.org_id)
            .col_expr(file_object::Column::DeletedAt, Expr::value(now))
            .filter(file_object::Column::Id.eq(file.id))
            .exec(&txn)
            .await?;
        publish(
            &txn,
            ctx,
            now,
            &FileDeleted { id, engagement_id: file.engagement_id.into(), name: file.name, deleted_at: now },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Brings back a deleted file (admins, within `FILE_RETENTION_DAYS`).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn undelete(&self, ctx: &OrgCtx, id: FileId) -> Result<FileOut, AppError> {
        check(ctx, Action::Administer)?;
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let file = file_object::Entity::find_in(&txn, ctx.org_id, id).await?;
        let Some(deleted_at) = file.deleted_at else { return Err(FilesError::NotDeleted.into()) };
        if now - deleted_at > self.cfg.retention {
            return Err(FilesError::RetentionOver.into());
        }
        file_object::Entity::update_scoped(ctx.org_id)
            .col_expr(file_object::Column::DeletedAt, Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None))
            .filter(file_object::Column::Id.eq(file.id))
            .exec(&txn)
            .await?;
        publish(
            &txn,
            ctx,
            now,
            &FileRestored { id, engagement_id: file.engagement_id.into(), name: file.name.clone() },
        )
        .await?;
        txn.commit().await?;
        self.get(ctx, id).await
    }
}

fn direct_out(id: FileId, p: crate::store::Presigned) -> DirectUploadOut {
    DirectUploadOut {
        file_id: id,
        method: p.method.to_owned(),
        url: p.url,
        headers: p.headers.into_iter().collect(),
        expires_at: p.expires_at,
        complete_url: format!("/api/v1/files/{id}/complete"),
    }
}

async fn last_version<C: ConnectionTrait>(conn: &C, ctx: &OrgCtx, file: Uuid) -> Result<i32, AppError> {
    let last: Option<i32> = file_version::Entity::scoped(ctx.org_id)
        .filter(file_version::Column::FileId.eq(file))
        .select_only()
        .column(file_version::Column::Version)
        .order_by_desc(file_version::Column::Version)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(last.unwrap_or(0))
}

async fn insert_version<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    file: &file_object::Model,
    version: i32,
    s: Stored,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<file_version::Model, AppError> {
    let v = file_version::Model {
        id: Uuid::now_v7(),
        organization_id: ctx.org_id.into_uuid(),
        file_id: file.id,
        version,
        storage_key: s.key,
        size: s.size,
        sha256: s.sha256,
        media_type: s.media_type,
        uploaded_by: ctx.actor(),
        uploaded_at: now,
    };
    file_version::Entity::insert(file_version::ActiveModel {
        id: Set(v.id),
        organization_id: Set(v.organization_id),
        file_id: Set(v.file_id),
        version: Set(v.version),
        storage_key: Set(v.storage_key.clone()),
        size: Set(v.size),
        sha256: Set(v.sha256.clone()),
        media_type: Set(v.media_type.clone()),
        uploaded_by: Set(v.uploaded_by.clone()),
        uploaded_at: Set(v.uploaded_at),
    })
    .exec(conn)
    .await
    .map_err(|e| {
        if atrium_kernel::error::is_unique_violation(&e) {
            AppError::conflict("another version was added at the same time; retry")
        } else {
            e.into()
        }
    })?;
    Ok(v)
}

async fn clear_pending<C: ConnectionTrait>(conn: &C, ctx: &OrgCtx, file: Uuid) -> Result<(), AppError> {
    file_object::Entity::update_scoped(ctx.org_id)
        .col_expr(file_object::Column::PendingKey, Expr::value(Option::<String>::None))
        .col_expr(file_object::Column::PendingSize, Expr::value(Option::<i64>::None))
        .col_expr(file_object::Column::PendingSha256, Expr::value(Option::<String>::None))
        .col_expr(file_object::Column::PendingSince, Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None))
        .filter(file_object::Column::Id.eq(file))
        .exec(conn)
        .await?;
    Ok(())
}
