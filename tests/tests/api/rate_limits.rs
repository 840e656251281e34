//! Rate limits over HTTP: separate budgets per class, per principal and per IP,
//! the IETF headers on every answer, two replicas on one Redis sharing budgets
//! (and the login throttle), and Redis going away (fail open; auth fail-closed).

use std::sync::Arc;

use atrium_gateway::{AppState, Config};
use atrium_kernel::SystemClock;
use atrium_tests::{Backend, Reply, TestApp};
use reqwest::Method;
use serde_json::json;
use tokio::net::TcpListener;

fn limits(read: &str, write: &str, auth: &str) -> impl FnOnce(&mut Config) {
    let (read, write, auth) = (read.to_owned(), write.to_owned(), auth.to_owned());
    move |c: &mut Config| {
        c.rate_limit_read = read;
        c.rate_limit_write = write;
        c.rate_limit_auth = auth;
    }
}

fn header<'a>(r: &'a Reply, name: &str) -> &'a str {
    r.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

#[track_caller]
fn assert_limited(r: &Reply, class: &str) {
    assert_eq!(r.status, 429, "{}", r.body);
    assert_eq!(r.body["status"], 429);
    let retry: u64 = header(r, "retry-after").parse().expect("Retry-After is seconds");
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    assert!(header(r, "ratelimit-policy").starts_with(&format!("\"{class}\";q=")), "{:?}", r.headers);
    assert!(header(r, "ratelimit").starts_with(&format!("\"{class}\";r=0;t=")), "{:?}", r.headers);
}

/// A second server on `app`'s database with the same configuration tweak.
async fn replica(app: &TestApp, tweak: impl FnOnce(&mut Config)) -> String {
    let mut config = Config {
        database_url: app.db.url.clone(),
        secret: Some("test-secret".into()),
        cookie_secure: false,
        embedded_worker: false,
        ..Config::default()
    };
    tweak(&mut config);
    let state = AppState::with_db(&config, app.db.conn.clone(), Arc::new(SystemClock)).expect("state");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = atrium_gateway::serve(state, &config, listener).await;
    });
    base
}

async fn get(base: &str, path: &str, token: Option<&str>) -> Reply {
    let mut req = reqwest::Client::new().get(format!("{base}{path}"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    atrium_tests::read(req.send().await.expect("request")).await
}

async fn login(base: &str, email: &str, password: &str) -> u16 {
    let body = json!({"email": email, "password": password});
    let r = reqwest::Client::new().post(format!("{base}/api/v1/auth/login")).json(&body).send().await;
    r.expect("login").status().as_u16()
}

async fn classes_have_separate_budgets(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, limits("3/60s", "2/60s", "20/60s")).await else { return };
    let ada = app.signup("ada@example.com").await;
    for left in [2, 1, 0] {
        let r = app.get("/api/v1/me", &ada.token).await.expect(200);
        assert_eq!(header(&r, "ratelimit-policy"), "\"read\";q=3;w=60");
        assert!(header(&r, "ratelimit").starts_with(&format!("\"read\";r={left};t=")), "{:?}", r.headers);
    }
    assert_limited(&app.get("/api/v1/me", &ada.token).await, "read");
    // Writes have their own budget.
    let contact = json!({"first_name": "Grace", "last_name": "Hopper"});
    let w = app.post("/api/v1/contacts", &ada.token, contact.clone()).await.expect(201);
    assert_eq!(header(&w, "ratelimit-policy"), "\"write\";q=2;w=60");
    app.post("/api/v1/contacts", &ada.token, contact.clone()).await.expect(201);
    assert_limited(&app.post("/api/v1/contacts", &ada.token, contact).await, "write");
    // And sign-in its own.
    assert_eq!(login(&app.base, "ada@example.com", "correct horse battery").await, 200);
}

#[tokio::test]
async fn classes_have_separate_budgets_sqlite() {
    classes_have_separate_budgets(Backend::Sqlite).await;
}

#[tokio::test]
async fn classes_have_separate_budgets_postgres() {
    classes_have_separate_budgets(Backend::Postgres).await;
}

#[tokio::test]
async fn principals_behind_one_ip_have_their_own_budget_and_the_ip_limits_the_anonymous() {
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, limits("2/60s", "off", "20/60s")).await else { return };
    let ada = app.signup("ada@example.com").await;
    let grace = app.signup("grace@example.com").await;
    for s in [&ada, &grace] {
        app.get("/api/v1/me", &s.token).await.expect(200);
        app.get("/api/v1/me", &s.token).await.expect(200);
        assert_limited(&app.get("/api/v1/me", &s.token).await, "read");
    }
    // Unauthenticated: the IP's budget, untouched by the users' reads.
    get(&app.base, "/health/live", None).await.expect(200);
    get(&app.base, "/health/live", None).await.expect(200);
    assert_limited(&get(&app.base, "/health/live", None).await, "read");
    // `off` disables a class: no policy header, no limit.
    let contact = json!({"first_name": "Grace", "last_name": "Hopper"});
    for _ in 0..5 {
        let r = app.post("/api/v1/contacts", &ada.token, contact.clone()).await.expect(201);
        assert!(r.headers.get("ratelimit-policy").is_none());
    }
}

#[tokio::test]
async fn two_servers_on_one_redis_share_the_budget() {
    let Some(redis) = atrium_testkit::redis::shared().await else { return };
    let tweak = |c: &mut Config| {
        c.redis_url = Some(redis.url.clone());
        c.redis_key_prefix = redis.prefix.clone();
        c.rate_limit_read = "4/60s".into();
    };
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, tweak).await else { return };
    let b = replica(&app, tweak).await;
    let ada = app.signup("ada@example.com").await;
    get(&app.base, "/api/v1/me", Some(&ada.token)).await.expect(200);
    get(&b, "/api/v1/me", Some(&ada.token)).await.expect(200);
    get(&app.base, "/api/v1/me", Some(&ada.token)).await.expect(200);
    let last = get(&b, "/api/v1/me", Some(&ada.token)).await.expect(200);
    assert!(header(&last, "ratelimit").starts_with("\"read\";r=0;"), "{:?}", last.headers);
    assert_limited(&get(&app.base, "/api/v1/me", Some(&ada.token)).await, "read");
    assert_limited(&get(&b, "/api/v1/me", Some(&ada.token)).await, "read");
}

async fn login_failures_on_one_replica_count_on_the_other(backend: Backend) {
    let Some(redis) = atrium_testkit::redis::shared().await else { return };
    let tweak = |c: &mut Config| {
        c.redis_url = Some(redis.url.clone());
        c.redis_key_prefix = redis.prefix.clone();
    };
    let Some(app) = TestApp::spawn_with(backend, tweak).await else { return };
    let b = replica(&app, tweak).await;
    app.signup("ada@example.com").await;
    // The default LOGIN_FAILURES_PER_EMAIL is 5: three on A, two on B.
    for base in [&app.base, &app.base, &app.base, &b, &b] {
        assert_eq!(login(base, "ada@example.com", "wrong guess").await, 401);
    }
    assert_eq!(login(&app.base, "ada@example.com", "correct horse battery").await, 429);
    assert_eq!(login(&b, "ada@example.com", "correct horse battery").await, 429);
}

#[tokio::test]
async fn login_failures_on_one_replica_count_on_the_other_sqlite() {
    login_failures_on_one_replica_count_on_the_other(Backend::Sqlite).await;
}

#[tokio::test]
async fn login_failures_on_one_replica_count_on_the_other_postgres() {
    login_failures_on_one_replica_count_on_the_other(Backend::Postgres).await;
}

#[tokio::test]
async fn redis_down_fails_open_except_a_fail_closed_auth_class() {
    let Some(mut redis) = atrium_testkit::redis::PrivateRedis::start().await else { return };
    let url = redis.url();
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.redis_url = Some(url);
        c.rate_limit_read = "100/60s".into();
        c.rate_limit_auth_fail_closed = true;
    })
    .await
    else {
        return;
    };
    let ada = app.signup("ada@example.com").await;
    let r = app.get("/api/v1/me", &ada.token).await.expect(200);
    assert!(header(&r, "ratelimit").starts_with("\"read\";r=99;"), "{:?}", r.headers);

    redis.stop();
    let started = std::time::Instant::now();
    let r = app.get("/api/v1/me", &ada.token).await.expect(200);
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "no hang: {:?}", started.elapsed());
    assert!(r.headers.get("ratelimit-policy").is_some() && r.headers.get("ratelimit").is_none());
    let refused = app
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": ada.email, "password": "correct horse battery"})),
        )
        .await;
    let refused = refused.expect_problem(503);
    assert!(refused.headers.get("retry-after").is_some());
    let metrics = reqwest::get(format!("{}/metrics", app.base)).await.expect("metrics").text().await.expect("text");
    assert!(
        metrics.lines().any(|l| l.contains("redis_failures_total") && l.contains("rate_limit")),
        "the failure is counted: {metrics}"
    );

    redis.restart().await;
    atrium_tests::eventually("sign-in works again", || async {
        (login(&app.base, &ada.email, "correct horse battery").await == 200).then_some(())
    })
    .await;
}
