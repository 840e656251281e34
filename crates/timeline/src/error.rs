//! The cases of the timeline a caller acts on, and how each is reported.

use atrium_kernel::AppError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// The cursor names an entry that is gone (its engagement was deleted).
    #[error("points at an entry that no longer exists")]
    StaleCursor,
}

impl From<TimelineError> for AppError {
    fn from(err: TimelineError) -> Self {
        match err {
            TimelineError::StaleCursor => AppError::invalid("cursor", err.to_string()),
        }
    }
}
