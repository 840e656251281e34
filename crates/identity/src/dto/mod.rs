//! Wire types of the identity API.

mod access;
mod auth;
mod oidc;
mod orgs;

pub use access::{
    AcceptInvitationIn, ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, InvitationCreatedOut, InvitationIn, InvitationOut,
    InvitationStatus,
};
pub use atrium_events::identity::{InvitationId, MemberId};
pub use auth::{AuthOut, LoginIn, MeOut, SignupIn, UserOut};
pub use oidc::{OidcCallbackQuery, OidcStartOut};
pub use orgs::{MemberOut, MemberPatch, MembershipOut, OrganizationIn, OrganizationOut, SwitchOrganizationIn};
