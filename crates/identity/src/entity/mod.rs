//! SeaORM entities of identity's tables. The organization-scoped ones (members,
//! API keys, invitations) are tenant entities, read and written through `Scoped`;
//! users, sessions and organizations themselves belong to no one organization.

pub mod api_key;
pub mod invitation;
pub mod member;
pub mod organization;
pub mod session;
pub mod user;
