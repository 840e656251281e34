//! The timeline's subscriber and service against real SQLite and PostgreSQL:
//! every test below runs once per backend (`name::sqlite`, `name::postgres`).

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

#[path = "service/common.rs"]
mod common;

#[path = "service/entries.rs"]
mod entries;
#[path = "service/filing.rs"]
mod filing;
#[path = "service/listing.rs"]
mod listing;
