pub mod attempt;
pub mod endpoint;
