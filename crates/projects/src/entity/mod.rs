pub mod milestone;
pub mod project;
pub mod task;
pub mod template;
