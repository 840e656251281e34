//! The cases callers of the comms domain act on, mapped to problems in one place.

use atrium_kernel::AppError;

#[derive(Debug, thiserror::Error)]
pub enum CommsError {
    /// Another organization's engagement is as absent as a made-up one.
    #[error("no such engagement in this organization")]
    NoSuchEngagement,
    #[error("no such contact in this organization")]
    NoSuchContact,
    #[error("a {0} mailbox is connected through POST /api/v1/mailbox-connections/oauth/start")]
    ConnectWithOAuth(&'static str),
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    #[error("the connection is {0}")]
    WrongState(String),
    /// A draft that is no longer one.
    #[error("the {0}")]
    MessageState(String),
}

impl From<CommsError> for AppError {
    fn from(e: CommsError) -> Self {
        use CommsError as E;
        let message = e.to_string();
        match e {
            E::NoSuchEngagement => AppError::invalid("engagement_id", message),
            E::NoSuchContact => AppError::NotFound("contact"),
            E::ConnectWithOAuth(_) => AppError::invalid("provider", message),
            E::Invalid { field, .. } => AppError::invalid(field, message),
            E::WrongState(_) | E::MessageState(_) => AppError::conflict(message),
        }
    }
}
