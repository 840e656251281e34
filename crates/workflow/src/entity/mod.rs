pub mod rule;
pub mod run;
pub mod version;
