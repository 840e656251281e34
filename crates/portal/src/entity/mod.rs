//! SeaORM entities of the portal tables; all are tenant entities.

pub mod access;
pub mod link;
pub mod session;
