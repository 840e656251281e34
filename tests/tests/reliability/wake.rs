//! Waking dispatchers across processes: a write committed by one `atrium serve`
//! reaches a worker in another process within milliseconds, through the
//! notifier's coalesced `NOTIFY` after the commit (no `NOTIFY` runs inside the
//! writer's transaction any more). The worker's poll interval is a minute, so
//! only the notification can make it in time.

use std::time::{Duration, Instant};

use atrium_testkit::{Backend, TestDb};
use atrium_tests::child::ChildServer;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

async fn timeline_rows(db: &TestDb, entity_id: &str) -> i64 {
    let sql = format!("SELECT count(*) AS n FROM activity_events WHERE entity_id = '{entity_id}'");
    let row = db.conn.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await.expect("count");
    row.expect("row").try_get::<i64>("", "n").expect("n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_server_is_dispatched_promptly_by_a_worker_elsewhere_on_postgres() {
    let Some(db) = TestDb::unmigrated(Backend::Postgres).await else { return };
    let server_env = [("EMBEDDED_WORKER", "false")];
    let server = ChildServer::start(&["serve", "--migrate"], &db.url, &server_env).await;
    let worker = ChildServer::start(&["worker"], &db.url, &[("DISPATCH_POLL_MS", "60000")]).await;
    let token = atrium_tests::load::signup_users(&server.base, 1).await.remove(0);
    let http = reqwest::Client::new();
    // The worker's LISTEN connection is up once the signup's events arrived.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        let sql = "SELECT count(*) AS n FROM activity_events";
        let row = db.conn.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await.expect("count");
        if row.expect("row").try_get::<i64>("", "n").expect("n") > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let mut waits = Vec::new();
    for i in 0..30 {
        let r = http
            .post(format!("{}/api/v1/contacts", server.base))
            .bearer_auth(&token)
            .json(&json!({"first_name": format!("Wake {i}")}))
            .send()
            .await
            .expect("create");
        assert_eq!(r.status(), 201);
        let committed = Instant::now();
        let id = r.json::<Value>().await.expect("json")["id"].as_str().expect("id").to_owned();
        while timeline_rows(&db, &id).await == 0 {
            assert!(committed.elapsed() < Duration::from_secs(5), "contact {i} not dispatched within 5 s");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        waits.push(committed.elapsed());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    waits.sort();
    let (p50, max) = (waits[waits.len() / 2], waits[waits.len() - 1]);
    eprintln!("commit on the server -> timeline row by the other process's worker: p50 {p50:?}, max {max:?}");
    // The worker polls once a minute: anything close to that means no wake-up.
    assert!(max < Duration::from_secs(1), "a write waited {max:?} for the worker (p50 {p50:?})");
    drop(worker);
}
