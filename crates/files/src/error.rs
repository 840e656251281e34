//! The cases callers of the files domain act on, mapped to problems in one place.

use atrium_kernel::AppError;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum FilesError {
    #[error("no such engagement in this organization")]
    NoSuchEngagement,
    #[error("is larger than the {0} bytes allowed (FILE_MAX_BYTES)")]
    TooLarge(u64),
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    /// `complete` found the object missing, or not what was declared.
    #[error("{0}")]
    UploadMismatch(String),
    #[error("no such version of this file")]
    NoSuchVersion,
    #[error("this file has no pending upload to complete")]
    NothingPending,
    #[error("the file is not deleted")]
    NotDeleted,
    #[error("the file was deleted too long ago to be restored")]
    RetentionOver,
    #[error("{0}")]
    Forbidden(&'static str),
}

impl From<FilesError> for AppError {
    fn from(e: FilesError) -> Self {
        use FilesError as E;
        let message = e.to_string();
        match e {
            E::NoSuchEngagement => AppError::invalid("engagement_id", message),
            E::TooLarge(_) => AppError::PayloadTooLarge,
            E::Invalid { field, .. } => AppError::invalid(field, message),
            E::UploadMismatch(_) => AppError::invalid("upload", message),
            E::NoSuchVersion => AppError::NotFound("file version"),
            E::NothingPending | E::NotDeleted | E::RetentionOver => AppError::conflict(message),
            E::Forbidden(what) => AppError::Forbidden(what.to_owned()),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable { store, detail } => {
                tracing::warn!(store, %detail, "object storage unavailable");
                AppError::StorageUnavailable(store)
            }
            StoreError::NotFound => AppError::NotFound("blob"),
            StoreError::Body(err) => AppError::BadRequest(format!("the upload was interrupted: {err}")),
            StoreError::Other(m) => AppError::internal(m),
        }
    }
}
