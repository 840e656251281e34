pub mod contract;
pub mod counter;
pub mod engagement;
pub mod line_item;
pub mod proposal;
