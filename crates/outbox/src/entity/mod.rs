pub mod counter;
pub mod delivery;
pub mod event;
