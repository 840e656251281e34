//! The Atrium gateway: configuration, composition of the domain crates, the HTTP
//! stack around them, and the `atrium` command line.

pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod db;
pub mod health;
pub mod idempotency;
pub mod metrics;
pub mod openapi;
pub mod portal_ports;
pub mod ports;
pub mod problems;
pub mod rate;
pub mod redis;
pub mod registry;
pub mod schema;
pub mod server;
pub mod sessions;
pub mod telemetry;
pub mod timeouts;

pub use app::{AppState, BoxError, openapi_document, router, run, serve};
pub use config::Config;
