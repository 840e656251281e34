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

/// Reads never queue for the writer: with this process's SQLite writer slot (and
/// the file's write lock) held, authenticated reads still answer at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authenticated_reads_do_not_wait_for_the_writer_on_sqlite() {
    use atrium_tests::{Backend, TestApp};
    use sea_orm::ConnectionTrait;

    let app = TestApp::spawn(Backend::Sqlite).await.expect("sqlite app");
    let ada = app.signup("ada@example.com").await;
    let company =
        app.post("/api/v1/client-companies", &ada.token, serde_json::json!({"name": "Acme"})).await.expect(201);
    let id = company.body["id"].as_str().expect("id").to_owned();

    let writer = atrium_kernel::db::begin_write(&app.db.conn).await.expect("take the writer");
    writer.execute_unprepared("UPDATE organizations SET name = name").await.expect("hold the write lock");
    let reads = async {
        let mut statuses = Vec::new();
        for path in [
            "/api/v1/me".to_owned(),
            format!("/api/v1/client-companies/{id}"),
            "/api/v1/client-companies".to_owned(),
            "/api/v1/contacts".to_owned(),
            "/api/v1/timeline".to_owned(),
        ] {
            statuses.push((path.clone(), app.get(&path, &ada.token).await.status.as_u16()));
        }
        statuses
    };
    let answered = tokio::time::timeout(Duration::from_secs(5), reads).await;
    writer.rollback().await.expect("release the writer");
    let statuses = answered.expect("reads waited for the writer");
    eprintln!("reads while the writer is held: {statuses:?}");
    assert!(statuses.iter().all(|(_, s)| *s == 200), "{statuses:?}");
}
