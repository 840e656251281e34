pub mod counter;
pub mod delivery;
pub mod event;
pub mod job;
