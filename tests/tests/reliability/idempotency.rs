//! `Idempotency-Key` across `kill -9`: the two crash windows, a request that times
//! out, and one that outlives its lease. The child server's test-only hook (`ATRIUM_TEST_IDEMPOTENCY_STALL`)
//! holds an idempotent request at one point so the server is killed exactly there.

use std::future::Future;
use std::time::{Duration, Instant};

use atrium_testkit::{Backend, TestDb};
use atrium_tests::child::ChildServer;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

const STALL: &str = "ATRIUM_TEST_IDEMPOTENCY_STALL";
const LEASE_SECS: u64 = 6;

macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(atrium_testkit::Backend::Sqlite).await;
                }

                #[tokio::test]
                async fn postgres() {
                    super::$name(atrium_testkit::Backend::Postgres).await;
                }
            }
        )*
    };
}

both_backends!(
    a_request_killed_before_commit_runs_once_after_its_lease,
    a_request_killed_after_commit_is_answered_without_writing_twice,
    a_request_that_times_out_releases_its_key,
    a_request_that_lost_its_key_to_a_retry_cannot_commit,
);

async fn signup(base: &str) -> String {
    let body = json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"});
    let r = reqwest::Client::new().post(format!("{base}/api/v1/auth/signup")).json(&body).send().await.expect("signup");
    let v: Value = r.json().await.expect("json");
    v["token"].as_str().expect("token").to_owned()
}

async fn create(base: &str, token: &str, key: &str, name: &str) -> reqwest::Result<reqwest::Response> {
    request(base.to_owned(), token.to_owned(), key, name).await
}

/// [`create`] with owned arguments, to spawn.
fn request(
    base: String,
    token: String,
    key: &str,
    name: &str,
) -> impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'static {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/client-companies"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"name": name}))
        .send()
}

/// (committed, response stored) of the key's row, if there is one.
async fn key_row(db: &TestDb, key: &str) -> Option<(bool, bool)> {
    let sql = format!(
        "SELECT committed_at IS NOT NULL AS committed, status IS NOT NULL AS answered FROM idempotency_keys WHERE key = '{key}'"
    );
    let stmt = Statement::from_string(db.conn.get_database_backend(), sql);
    let row = db.conn.query_one_raw(stmt).await.expect("query")?;
    Some((row.try_get("", "committed").expect("committed"), row.try_get("", "answered").expect("answered")))
}

async fn companies_named(db: &TestDb, name: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) AS n FROM client_companies WHERE name = '{name}'");
    let stmt = Statement::from_string(db.conn.get_database_backend(), sql);
    let row = db.conn.query_one_raw(stmt).await.expect("query").expect("row");
    row.try_get("", "n").expect("count")
}

async fn wait_for<F, Fut>(what: &str, within: Duration, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let started = Instant::now();
    while started.elapsed() < within {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out after {within:?} waiting for {what}");
}

async fn a_request_killed_before_commit_runs_once_after_its_lease(backend: Backend) {
    let Some(db) = TestDb::of(backend).await else { return };
    let lease = LEASE_SECS.to_string();
    let env = [(STALL, "before-handler"), ("IDEMPOTENCY_LEASE_SECS", lease.as_str())];
    let mut server = ChildServer::start(&["serve"], &db.url, &env).await;
    let token = signup(&server.base).await;
    let name = "Killed Before Commit";
    let pending = tokio::spawn(request(server.base.clone(), token.clone(), "k-before", name));
    wait_for("the key to be claimed", Duration::from_secs(10), || async { key_row(&db, "k-before").await.is_some() })
        .await;
    let claimed = Instant::now();
    server.kill9().await;
    assert!(pending.await.expect("task").is_err(), "the client saw the crash");
    assert_eq!(companies_named(&db, name).await, 0, "nothing was written");

    let server = ChildServer::start(&["serve"], &db.url, &[("IDEMPOTENCY_LEASE_SECS", lease.as_str())]).await;
    let restarted = claimed.elapsed();
    let (mut busy, deadline) = (0, Instant::now() + Duration::from_secs(LEASE_SECS + 20));
    let created = loop {
        let res = create(&server.base, &token, "k-before", name).await.expect("retry");
        match res.status().as_u16() {
            409 => {
                assert!(res.headers().get("retry-after").is_some(), "a held key says when to retry");
                busy += 1;
            }
            201 => break res.json::<Value>().await.expect("json"),
            other => panic!("retry answered {other}: {}", res.text().await.unwrap_or_default()),
        }
        assert!(Instant::now() < deadline, "the key was never freed (a lease of {LEASE_SECS} s)");
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    let recovered = claimed.elapsed();
    if restarted < Duration::from_secs(LEASE_SECS - 1) {
        assert!(busy > 0, "a retry within the lease is refused (restart took {restarted:?})");
    }
    assert!(recovered >= Duration::from_secs(LEASE_SECS - 1), "not before the lease ran out: {recovered:?}");
    assert_eq!(companies_named(&db, name).await, 1, "the retry ran once");
    let replay = create(&server.base, &token, "k-before", name).await.expect("replay");
    assert_eq!(replay.headers()["idempotent-replay"], "stored");
    assert_eq!(replay.json::<Value>().await.expect("json")["id"], created["id"]);
    eprintln!(
        "idempotency, killed before commit ({backend:?}): lease {LEASE_SECS} s, {busy} retries answered 409, \
         the retry ran {:.1} s after the claim (restart took {:.1} s), 1 company written",
        recovered.as_secs_f64(),
        restarted.as_secs_f64()
    );
}

async fn a_request_killed_after_commit_is_answered_without_writing_twice(backend: Backend) {
    let Some(db) = TestDb::of(backend).await else { return };
    let mut server = ChildServer::start(&["serve"], &db.url, &[(STALL, "after-response")]).await;
    let token = signup(&server.base).await;
    let name = "Killed After Commit";
    let pending = tokio::spawn(request(server.base.clone(), token.clone(), "k-after", name));
    wait_for("the write to commit", Duration::from_secs(10), || async {
        key_row(&db, "k-after").await == Some((true, false))
    })
    .await;
    server.kill9().await;
    assert!(pending.await.expect("task").is_err(), "the client never got its 201");
    assert_eq!(companies_named(&db, name).await, 1, "the write committed");

    let started = Instant::now();
    let server = ChildServer::start(&["serve"], &db.url, &[]).await;
    let res = create(&server.base, &token, "k-after", name).await.expect("retry");
    assert_eq!(res.status().as_u16(), 201, "answered from the commit mark, at once");
    assert_eq!(res.headers()["idempotent-replayed"], "true");
    assert_eq!(res.headers()["idempotent-replay"], "reread");
    let location = res.headers()["location"].to_str().expect("location").to_owned();
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["name"], name);
    assert_eq!(location, format!("/api/v1/client-companies/{}", body["id"].as_str().expect("id")));
    let again = create(&server.base, &token, "k-after", name).await.expect("retry");
    assert_eq!(again.status().as_u16(), 201);
    assert_eq!(companies_named(&db, name).await, 1, "never written twice");
    eprintln!(
        "idempotency, killed between commit and storing the response ({backend:?}): retry answered 201 (reread) \
         {:.1} s after the kill, 1 company written",
        started.elapsed().as_secs_f64()
    );
}

async fn a_request_that_times_out_releases_its_key(backend: Backend) {
    let Some(db) = TestDb::of(backend).await else { return };
    let env = [(STALL, "before-handler"), ("REQUEST_TIMEOUT_SECS", "1"), ("IDEMPOTENCY_LEASE_SECS", "600")];
    let server = ChildServer::start(&["serve"], &db.url, &env).await;
    let token = signup(&server.base).await;
    let started = Instant::now();
    let res = create(&server.base, &token, "k-slow", "Too Slow").await.expect("answered");
    assert_eq!(res.status().as_u16(), 503, "the request timed out");
    wait_for("the key to be released", Duration::from_secs(5), || async { key_row(&db, "k-slow").await.is_none() })
        .await;
    eprintln!(
        "idempotency, timed out ({backend:?}): key released {:.1} s after the request (lease 600 s)",
        started.elapsed().as_secs_f64()
    );
}

async fn a_request_that_lost_its_key_to_a_retry_cannot_commit(backend: Backend) {
    let Some(db) = TestDb::of(backend).await else { return };
    // Every idempotent request waits 3 s before its handler; the lease is 1 s.
    let env = [(STALL, "before-handler:3000"), ("IDEMPOTENCY_LEASE_SECS", "1")];
    let server = ChildServer::start(&["serve"], &db.url, &env).await;
    let token = signup(&server.base).await;
    let name = "Outlived Its Lease";
    let first = tokio::spawn(request(server.base.clone(), token.clone(), "k-zombie", name));
    wait_for("the key to be claimed", Duration::from_secs(10), || async { key_row(&db, "k-zombie").await.is_some() })
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let retry = create(&server.base, &token, "k-zombie", name).await.expect("retry");
    let first = first.await.expect("task").expect("answered");
    assert_eq!(first.status().as_u16(), 409, "the request that lost its key wrote nothing");
    assert_eq!(retry.status().as_u16(), 201, "the retry that took the key over ran");
    assert_eq!(companies_named(&db, name).await, 1, "written once");
    eprintln!("idempotency, lease outlived ({backend:?}): the old request answered 409, the retry 201, 1 company");
}
