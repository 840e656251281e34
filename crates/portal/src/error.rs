//! The cases of the portal a caller acts on, and how each is reported. A refused
//! sign-in link says which of unknown, used, expired or revoked it is — never
//! whose link it was, so a guessed token learns nothing about contacts.

use atrium_kernel::AppError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortalError {
    #[error("no such engagement")]
    NoSuchEngagement,
    #[error("no such contact")]
    NoSuchContact,
    #[error("the contact has no email address to send a link to")]
    ContactWithoutEmail,
    #[error("the grant is revoked")]
    Revoked,
    #[error("this sign-in link is not valid")]
    LinkUnknown,
    #[error("this sign-in link was already used; ask for a new one")]
    LinkUsed,
    #[error("this sign-in link has expired; ask for a new one")]
    LinkExpired,
    #[error("the portal access of this sign-in link was revoked")]
    LinkRevoked,
    #[error("the portal access of this sign-in link has expired")]
    AccessExpired,
}

impl From<PortalError> for AppError {
    fn from(err: PortalError) -> Self {
        use PortalError::*;
        match err {
            NoSuchEngagement => AppError::invalid("engagement_id", "no such engagement"),
            NoSuchContact => AppError::invalid("contact_id", "no such contact"),
            ContactWithoutEmail => AppError::conflict(err.to_string()),
            Revoked => AppError::conflict("the grant is revoked; grant access again"),
            LinkUnknown | LinkUsed | LinkExpired | LinkRevoked | AccessExpired => {
                AppError::SignInRefused(err.to_string())
            }
        }
    }
}
