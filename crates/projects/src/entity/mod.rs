pub mod member_capacity;
pub mod milestone;
pub mod project;
pub mod rate_card;
pub mod task;
pub mod template;
pub mod time_entry;
