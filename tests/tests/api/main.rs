//! The whole app over HTTP, on SQLite and PostgreSQL.

mod access;
mod auth;
mod contract_fuzz;
mod crm;
mod crm_csv;
mod errors;
mod events;
mod idempotency;
mod journey;
mod ops;
mod roles;
mod tenancy;
