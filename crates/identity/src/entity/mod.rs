//! SeaORM entities of identity's tables. The organization-scoped ones (members,
//! API keys, invitations) are tenant entities, read and written through `Scoped`;
//! users, sessions, organizations, pending OIDC logins and linked identities
//! belong to no one organization.

pub mod api_key;
pub mod invitation;
pub mod member;
pub mod oidc_login;
pub mod organization;
pub mod session;
pub mod user;
pub mod user_identity;
