//! SeaORM entities of the timeline's tables, written only by the subscriber.

pub mod activity;
pub mod link;
pub mod refs;
