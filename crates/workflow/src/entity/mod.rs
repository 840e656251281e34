pub mod defaults;
pub mod rule;
pub mod run;
pub mod version;
