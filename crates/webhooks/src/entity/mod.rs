//! SeaORM entities of the webhook tables; both are tenant entities.

pub mod attempt;
pub mod endpoint;
