//! The cases of identity a caller acts on, and how each is reported.

use atrium_kernel::{AppError, FieldError};

use crate::dto::MemberId;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// Sign-up with an email that has an account (its id is not revealed).
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("the organization slug is already taken")]
    SlugTaken,
    /// An invitation to someone who is a member already.
    #[error("this email already belongs to a member")]
    AlreadyMember { existing_id: MemberId },
    #[error("the user is already a member of this organization")]
    AlreadyInOrganization,
    #[error("an organization must keep at least one owner")]
    LastOwner,
    /// Ownership is granted, changed and removed by owners only.
    #[error("only an owner can {0}")]
    OwnerOnly(&'static str),
    #[error("this operation needs a signed-in user, not an API key")]
    NeedsUser,
    #[error("switching organization needs a session")]
    NeedsSession,
    #[error("the invitation was already accepted")]
    InvitationAccepted,
    #[error("the invitation has expired; ask for a new one")]
    InvitationExpired,
    #[error("the invitation was sent to another email address")]
    InvitationForAnotherEmail,
}

impl From<IdentityError> for AppError {
    fn from(err: IdentityError) -> Self {
        use IdentityError::*;
        match err {
            SlugTaken => AppError::Validation(vec![FieldError::new("slug", "is already taken")]),
            AlreadyMember { existing_id } => {
                AppError::Conflict { detail: err.to_string(), existing_id: Some(existing_id.to_string()) }
            }
            EmailTaken | AlreadyInOrganization | LastOwner | InvitationAccepted | InvitationExpired => {
                AppError::conflict(err.to_string())
            }
            OwnerOnly(_) | NeedsUser | NeedsSession | InvitationForAnotherEmail => AppError::Forbidden(err.to_string()),
        }
    }
}
