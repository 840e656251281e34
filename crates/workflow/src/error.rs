//! The cases of workflow a caller acts on, and how each is reported.

use atrium_kernel::{AppError, FieldError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    /// The rule's trigger, conditions or templates are not valid for its events.
    #[error("invalid rule")]
    InvalidRule(Vec<FieldError>),
    /// A dry run found no event to try the rule on.
    #[error("no event of the organization matches the trigger `{0}`")]
    NoEvent(String),
    /// The event a dry run names is not one of the trigger's types.
    #[error("event is a `{0}`, which the trigger `{1}` does not match")]
    EventNotMatched(String, String),
    /// A booking delivery to an unknown or disabled endpoint, or without a valid
    /// signature: one answer for all, so endpoints cannot be probed.
    #[error("booking delivery refused")]
    BookingRefused,
    /// A signing secret the caller supplied is not usable.
    #[error("invalid signing secret: {0}")]
    InvalidSecret(&'static str),
}

impl From<WorkflowError> for AppError {
    fn from(err: WorkflowError) -> Self {
        match err {
            WorkflowError::InvalidRule(errors) => AppError::Validation(errors),
            WorkflowError::NoEvent(_) => AppError::NotFound("matching event"),
            e @ WorkflowError::EventNotMatched(..) => AppError::invalid("event_id", e.to_string()),
            WorkflowError::BookingRefused => AppError::Unauthenticated,
            WorkflowError::InvalidSecret(why) => AppError::invalid("secret", why),
        }
    }
}
