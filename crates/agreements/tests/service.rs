//! The agreements service against real SQLite and PostgreSQL: every test runs on both.

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

#[path = "service/common.rs"]
mod common;

#[path = "service/background.rs"]
mod background;
#[path = "service/engagements.rs"]
mod engagements;
#[path = "service/events.rs"]
mod events;
#[path = "service/flow.rs"]
mod flow;
#[path = "service/proposals.rs"]
mod proposals;
#[path = "service/signing.rs"]
mod signing;
#[path = "service/tenancy.rs"]
mod tenancy;
#[path = "service/wire.rs"]
mod wire;
