//! The files domain as revenue sees it when a test attaches nothing: no file is
//! found (attachments are tested over HTTP, against the real files domain).

use async_trait::async_trait;
use atrium_kernel::{AppError, OrgCtx};
use atrium_revenue::dto::FileId;
use atrium_revenue::{AttachableFile, BillFiles};

pub struct NoFiles;

#[async_trait]
impl BillFiles for NoFiles {
    async fn file(&self, _: &OrgCtx, _: FileId) -> Result<Option<AttachableFile>, AppError> {
        Ok(None)
    }
}
