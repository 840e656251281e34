//! The whole app over HTTP, on SQLite and PostgreSQL.

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

mod access;
mod auth;
mod bookings;
mod collections;
mod comms;
mod comms_attachments;
mod comms_oauth;
mod comms_reminders;
mod comms_send;
mod comms_timeline;
mod connections;
mod contract_fuzz;
mod crm;
mod crm_csv;
mod csv_failures;
mod errors;
mod events;
mod files;
mod idempotency;
mod journey;
mod login_throttle;
mod metrics;
mod oidc;
mod ops;
mod payables;
mod payables_edges;
mod portal;
mod portal_browser;
mod portal_documents;
mod portal_projects;
mod query_cache;
mod rate_limits;
mod reports;
mod revenue;
mod roles;
mod schedules;
mod secrets;
mod sessions;
mod tenancy;
mod time;
mod utilization;
mod workflow;
mod workflow_actions;
