//! A client contact's download of a file: only a `client` file of one of their
//! engagements (see [`crate::access::client_may_see`]) gets a presigned URL of its
//! current version; any other id — internal, deleted, another engagement's or
//! another organization's — is 404, as if it did not exist.

use atrium_kernel::{AppError, OrgCtx};

use super::FilesService;
use crate::dto::{EngagementId, FileId};
use crate::store::content_disposition;

impl FilesService {
    /// A short-lived (`FILES_URL_TTL`) presigned URL of the file's current version.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn client_download_url(
        &self,
        ctx: &OrgCtx,
        engagements: &[EngagementId],
        id: FileId,
    ) -> Result<String, AppError> {
        let file = self.live(&self.db, ctx, id).await?;
        if !crate::access::client_may_see(&file, engagements) {
            return Err(AppError::NotFound("file"));
        }
        let v =
            self.version_row(&self.db, ctx, file.id, file.current_version).await?.ok_or(AppError::NotFound("file"))?;
        let disposition = content_disposition(&file.name, false);
        Ok(self.store.presign_get(&v.storage_key, self.cfg.url_ttl, &disposition).await?.url)
    }
}
