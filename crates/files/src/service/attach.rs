//! Files written for another domain under an id it chose (an email attachment
//! stored by comms), so a retry after a crash finds the file instead of adding
//! a second one.

use atrium_kernel::{AppError, OrgCtx, Scoped};
use bytes::Bytes;
use sea_orm::{ColumnTrait, QueryFilter};

use super::FilesService;
use crate::access::{Action, check};
use crate::dto::{FileId, FileMeta, FileOut};
use crate::entity::file_object;
use crate::store::{ByteStream, Upload};

impl FilesService {
    /// Stores `bytes` as the file `id`, or answers the file `id` when it exists
    /// already (deleted ones too: a file someone deleted is not brought back).
    /// Idempotent on `id`: two callers racing write one file; the loser's blob is
    /// removed.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn upload_as(&self, ctx: &OrgCtx, id: FileId, meta: FileMeta, bytes: Bytes) -> Result<FileOut, AppError> {
        check(ctx, Action::Write)?;
        if let Some(existing) = self.existing(ctx, id).await? {
            return Ok(existing);
        }
        let meta = self.check_meta(ctx, meta).await?;
        let length = bytes.len() as u64;
        let body: ByteStream = Box::pin(futures::stream::once(async move { Ok::<_, std::io::Error>(bytes) }));
        let stored = self.store_stream(ctx, id, Upload::sized(body, length)).await?;
        let key = stored.key.clone();
        match self.insert_file(ctx, id, meta, stored).await {
            Ok(out) => Ok(out),
            Err(e) => {
                let _ = self.store.delete(&key).await;
                match self.existing(ctx, id).await? {
                    Some(existing) => Ok(existing),
                    None => Err(e),
                }
            }
        }
    }

    async fn existing(&self, ctx: &OrgCtx, id: FileId) -> Result<Option<FileOut>, AppError> {
        let Some(file) = file_object::Entity::scoped(ctx.org_id)
            .filter(file_object::Column::Id.eq(id.into_uuid()))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let current = self.version_row(&self.db, ctx, file.id, file.current_version).await?;
        super::file_out(file, current).map(Some)
    }
}
