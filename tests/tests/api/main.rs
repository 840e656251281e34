//! The whole app over HTTP, on SQLite and PostgreSQL.

mod auth;
mod events;
mod idempotency;
mod ops;
mod tenancy;
