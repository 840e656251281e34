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
    /// No OIDC provider of that name is configured.
    #[error("no such sign-in provider")]
    UnknownProvider,
    /// Discovery, keys or the token endpoint of the provider could not be reached.
    #[error("the identity provider `{provider}` did not answer; retry later")]
    ProviderUnavailable { provider: String },
    /// The provider answered the sign-in (or the code redemption) with an OAuth error.
    #[error("the identity provider refused the sign-in: {error}")]
    ProviderRefused { error: String },
    #[error("the identity provider's ID token was refused: {0}")]
    IdTokenRejected(&'static str),
    #[error("the identity provider did not assert a verified email address")]
    EmailNotVerified,
    /// The callback's `state` names no pending sign-in (never started, or expired).
    #[error("this sign-in is unknown or has expired; start again")]
    SignInUnknown,
    /// The callback's `state` was used already: a replay.
    #[error("this sign-in was already completed; start again")]
    SignInReplayed,
    /// The callback came without the cookie set when this browser started the sign-in.
    #[error("this sign-in was not started in this browser; start again")]
    SignInNotBound,
    /// The callback's `iss` names another provider (a mix-up).
    #[error("the callback comes from another issuer than this provider")]
    IssuerMismatch,
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
            UnknownProvider => AppError::NotFound("sign-in provider"),
            ProviderUnavailable { .. } => AppError::UpstreamUnavailable(err.to_string()),
            ProviderRefused { .. }
            | IdTokenRejected(_)
            | EmailNotVerified
            | SignInUnknown
            | SignInReplayed
            | SignInNotBound
            | IssuerMismatch => AppError::SignInRefused(err.to_string()),
        }
    }
}
