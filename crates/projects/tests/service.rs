//! The projects service against real SQLite and PostgreSQL.

// The suites read every organization's rows on purpose: snapshots prove a refused
// write changed nothing anywhere, not only in the caller's organization.
#![allow(clippy::disallowed_methods)]

// The per-area suites in tests/service/, each run on both backends.
#[path = "service/common.rs"]
mod common;

#[path = "service/costs.rs"]
mod costs;
#[path = "service/http.rs"]
mod http;
#[path = "service/projects.rs"]
mod projects;
#[path = "service/rates.rs"]
mod rates;
#[path = "service/sync.rs"]
mod sync;
#[path = "service/tasks.rs"]
mod tasks;
#[path = "service/templates.rs"]
mod templates;
#[path = "service/time.rs"]
mod time;
#[path = "service/utilization.rs"]
mod utilization;
