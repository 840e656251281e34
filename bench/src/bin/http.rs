//! HTTP load on the embedded default: the real `atrium serve` (the release binary
//! next to this one) on a fresh SQLite file, keep-alive clients mixing
//! authenticated reads and writes (`atrium_tests::load`: four writes in ten across
//! companies and contacts; reads of companies, contacts, `/me` and the timeline).
//!
//! ```sh
//! cargo build --release --bin atrium --bin http-bench
//! $CARGO_TARGET_DIR/release/http-bench --clients 16 --requests 5000
//! ```

use std::time::Duration;

use atrium_tests::child::ChildServer;
use atrium_tests::load::{self, Mix};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Concurrent keep-alive clients.
    #[arg(long, default_value_t = 16)]
    clients: usize,
    /// Requests in all.
    #[arg(long, default_value_t = 5_000)]
    requests: usize,
    /// Users (each with its own organization) the clients share out.
    #[arg(long, default_value_t = 4)]
    users: usize,
    /// Runs, each on a fresh database.
    #[arg(long, default_value_t = 1)]
    runs: usize,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    for run in 1..=args.runs {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("atrium.db").display());
        let server = ChildServer::start(&["serve"], &url, &[]).await;
        let tokens = load::signup_users(&server.base, args.users).await;
        let mix = Mix { clients: args.clients, requests: args.requests, timeout: Duration::from_secs(60) };
        let report = load::run(&server.base, &tokens, &mix).await;
        println!("run {run} ({profile}, sqlite, {} clients, {} users): {}", args.clients, args.users, report.summary());
        for f in report.failures.iter().take(5) {
            println!("  failure: {} → {} {}", f.op, f.status, f.body);
        }
    }
}
