//! The reliability suite: the real binary under crashes, lost connections,
//! concurrency and odd clients. Each test is bounded in time and prints its figures.

// Tests inspect rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

mod crash;
mod db_loss;
mod idempotency;
mod mail_sync;
mod slow_clients;
mod sqlite_concurrency;
mod vault;
mod wake;
