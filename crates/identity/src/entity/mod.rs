//! SeaORM entities of identity's tables. Tenant tables offer `scoped(org)`, and the
//! service reads them only through it.

pub mod api_key;
pub mod invitation;
pub mod member;
pub mod organization;
pub mod session;
pub mod user;
