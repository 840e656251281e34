//! The CRM service against real SQLite and PostgreSQL: every test below runs once
//! per backend (`name::sqlite`, `name::postgres`).

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

#[path = "service/common.rs"]
mod common;

#[path = "service/companies.rs"]
mod companies;
#[path = "service/company_merge.rs"]
mod company_merge;
#[path = "service/contacts.rs"]
mod contacts;
#[path = "service/deals.rs"]
mod deals;
#[path = "service/import.rs"]
mod import;
#[path = "service/merge.rs"]
mod merge;
#[path = "service/tenancy.rs"]
mod tenancy;
#[path = "service/wire.rs"]
mod wire;
