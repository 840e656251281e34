//! Reads of the bytes: a presigned GET (302), or a stream through Atrium with
//! `Range` (one range: 206, or 416) and the checksum as `ETag`.

use atrium_kernel::{AppError, OrgCtx};

use super::FilesService;
use crate::access::{Action, check};
use crate::dto::{DownloadQuery, FileId};
use crate::error::FilesError;
use crate::store::{ByteStream, content_disposition};

/// An inclusive byte range of a blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    pub first: u64,
    pub last: u64,
}

/// `Some(Ok)` for one satisfiable range, `Some(Err(()))` for an unsatisfiable
/// one, `None` when the header is absent or not a single byte range (then the
/// whole body is sent, as RFC 9110 allows).
pub fn parse_range(header: Option<&str>, size: u64) -> Option<Result<ByteRange, ()>> {
    let spec = header?.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    let range = if a.is_empty() {
        let n: u64 = b.parse().ok()?;
        if n == 0 || size == 0 {
            return Some(Err(()));
        }
        ByteRange { first: size.saturating_sub(n), last: size - 1 }
    } else {
        let first: u64 = a.parse().ok()?;
        let last: u64 = if b.is_empty() { size.saturating_sub(1) } else { b.parse().ok()? };
        if first >= size || last < first {
            return Some(Err(()));
        }
        ByteRange { first, last: last.min(size - 1) }
    };
    Some(Ok(range))
}

pub enum Download {
    Redirect {
        url: String,
    },
    Stream {
        body: ByteStream,
        range: Option<ByteRange>,
        size: u64,
        etag: String,
        media_type: String,
        disposition: String,
    },
    NotSatisfiable {
        size: u64,
    },
}

impl FilesService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, file_id = %id))]
    pub async fn download(
        &self,
        ctx: &OrgCtx,
        id: FileId,
        q: &DownloadQuery,
        range: Option<&str>,
    ) -> Result<Download, AppError> {
        check(ctx, Action::Read)?;
        let file = self.live(&self.db, ctx, id).await?;
        let n = q.version.unwrap_or(file.current_version);
        let v = self.version_row(&self.db, ctx, file.id, n).await?.ok_or(FilesError::NoSuchVersion)?;
        let disposition = content_disposition(&file.name, q.inline.unwrap_or(true));
        if !q.stream.unwrap_or(false) {
            let p = self.store.presign_get(&v.storage_key, self.cfg.url_ttl, &disposition).await?;
            return Ok(Download::Redirect { url: p.url });
        }
        let size = u64::try_from(v.size).map_err(AppError::internal)?;
        let range = match parse_range(range, size) {
            Some(Err(())) => return Ok(Download::NotSatisfiable { size }),
            Some(Ok(r)) => Some(r),
            None => None,
        };
        let body = self.store.get(&v.storage_key, range.map(|r| (r.first, r.last))).await?;
        Ok(Download::Stream {
            body,
            range,
            size,
            etag: format!("\"{}\"", v.sha256),
            media_type: v.media_type,
            disposition,
        })
    }
}
