//! The projects service against real SQLite and PostgreSQL.

// The per-area suites in tests/service/, each run on both backends.
#[path = "service/common.rs"]
mod common;

#[path = "service/projects.rs"]
mod projects;
#[path = "service/sync.rs"]
mod sync;
#[path = "service/tasks.rs"]
mod tasks;
#[path = "service/templates.rs"]
mod templates;
