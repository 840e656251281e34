//! The embedded default under concurrency: keep-alive clients mixing authenticated
//! reads and writes on SQLite get no errors at all ("database is locked" was a 500,
//! a pool wait behind the write lock a 503).

use std::time::Duration;

use atrium_tests::child::ChildServer;
use atrium_tests::load::{self, Mix};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_clients_mixing_reads_and_writes_on_sqlite_get_no_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("atrium.db").display());
    let server = ChildServer::start(&["serve"], &url, &[]).await;
    let tokens = load::signup_users(&server.base, 4).await;
    let mix = Mix { clients: 16, requests: 5_000, timeout: Duration::from_secs(60) };
    let report = load::run(&server.base, &tokens, &mix).await;
    eprintln!("sqlite mixed load (debug build, 16 clients, 4 users): {}", report.summary());
    assert_eq!(report.requests, 5_000);
    assert_eq!(report.failed, 0, "failures: {:#?}", report.failures);
}
