//! The session cache over HTTP: every change to what a token means (logout, key
//! revocation, role change, member removal, organization switch) is seen on the
//! very next request, on any replica: two servers on one database and one Redis,
//! and a single server with the in-process cache. Then Redis going away mid-run:
//! requests keep succeeding from the database, the metrics say so, and the cache
//! serves again once Redis is back.

use std::time::{Duration, Instant};

use atrium_testkit::redis::{PrivateRedis, shared};
use atrium_tests::{Backend, TestApp};
use serde_json::json;

macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(atrium_tests::Backend::Sqlite).await;
                }

                #[tokio::test]
                async fn postgres() {
                    super::$name(atrium_tests::Backend::Postgres).await;
                }
            }
        )*
    };
}

both_backends!(
    invalidations_reach_the_other_replica_through_redis,
    invalidations_apply_at_once_in_process,
    redis_outage_falls_back_to_the_database
);

async fn member_id(app: &TestApp, token: &str, email: &str) -> String {
    let list = app.get("/api/v1/members?limit=200", token).await.expect(200);
    let found = list.body["items"].as_array().expect("items").iter().find(|m| m["email"] == email).cloned();
    found.and_then(|m| m["id"].as_str().map(str::to_owned)).expect("member")
}

async fn role_on(app: &TestApp, token: &str) -> (String, String) {
    let me = app.get("/api/v1/me", token).await.expect(200);
    (
        me.body["organization"]["id"].as_str().expect("org").to_owned(),
        me.body["role"].as_str().expect("role").to_owned(),
    )
}

/// Every invalidation, done on `a` and checked on `b` on the very next request.
/// `b` may be `a` itself (one server).
async fn check_invalidations(a: &TestApp, b: &TestApp) {
    let owner = a.signup("owner@example.com").await;
    let invite =
        a.post("/api/v1/invitations", &owner.token, json!({"email": "bob@example.com", "role": "member"})).await;
    let invitation = invite.expect(201).body["token"].as_str().expect("invitation token").to_owned();
    let bob = a.signup("bob@example.com").await;
    let bob_own = bob.org_id.clone();
    a.post("/api/v1/invitations/accept", &bob.token, json!({"token": invitation})).await.expect(200);
    a.post("/api/v1/me/active-organization", &bob.token, json!({"organization_id": owner.org_id})).await.expect(200);
    let bob_member = member_id(a, &owner.token, "bob@example.com").await;

    // Both replicas resolve (and cache) Bob's session.
    for app in [a, b] {
        assert_eq!(role_on(app, &bob.token).await, (owner.org_id.clone(), "member".into()));
    }
    // Role change.
    a.patch(&format!("/api/v1/members/{bob_member}"), &owner.token, json!({"role": "viewer"})).await.expect(200);
    assert_eq!(role_on(b, &bob.token).await.1, "viewer", "role change seen at once");
    b.post("/api/v1/contacts", &bob.token, json!({"first_name": "X"})).await.expect_problem(403);

    // Organization switch: back to Bob's own, then to the shared one.
    for app in [a, b] {
        role_on(app, &bob.token).await;
    }
    a.post("/api/v1/me/active-organization", &bob.token, json!({"organization_id": bob_own.clone()})).await.expect(200);
    assert_eq!(role_on(b, &bob.token).await, (bob_own.clone(), "owner".into()), "switch seen at once");
    a.post("/api/v1/me/active-organization", &bob.token, json!({"organization_id": owner.org_id})).await.expect(200);
    assert_eq!(role_on(b, &bob.token).await, (owner.org_id.clone(), "viewer".into()));

    // Member removal: Bob falls back to his own organization.
    a.delete(&format!("/api/v1/members/{bob_member}"), &owner.token).await.expect(204);
    assert_eq!(role_on(b, &bob.token).await, (bob_own, "owner".into()), "a removed member falls back to their own");
    b.get("/api/v1/members", &bob.token).await.expect(200);

    // API key revocation.
    let key = a.post("/api/v1/api-keys", &owner.token, json!({"name": "sync", "role": "viewer"})).await.expect(201);
    let secret = key.body["secret"].as_str().expect("secret").to_owned();
    let key_id = key.body["api_key"]["id"].as_str().expect("id").to_owned();
    for app in [a, b] {
        app.get("/api/v1/me", &secret).await.expect(200);
    }
    a.delete(&format!("/api/v1/api-keys/{key_id}"), &owner.token).await.expect(204);
    b.get("/api/v1/me", &secret).await.expect_problem(401);
    a.get("/api/v1/me", &secret).await.expect_problem(401);

    // Logout.
    for app in [a, b] {
        app.get("/api/v1/me", &owner.token).await.expect(200);
    }
    a.post("/api/v1/auth/logout", &owner.token, json!({})).await.expect(204);
    b.get("/api/v1/me", &owner.token).await.expect_problem(401);
    a.get("/api/v1/me", &owner.token).await.expect_problem(401);
}

async fn invalidations_reach_the_other_replica_through_redis(backend: Backend) {
    let Some(redis) = shared().await else { return };
    let Some(a) = TestApp::spawn_with(backend, |c| {
        c.redis_url = Some(redis.url.clone());
        c.redis_key_prefix = redis.prefix.clone();
    })
    .await
    else {
        return;
    };
    let b = a.replica(|_| {}).await;
    check_invalidations(&a, &b).await;
    let metrics = scrape(&b).await;
    assert!(metric(&metrics, "atrium_session_cache_total{result=\"hit\"}") > 0.0, "replica B served hits: {metrics}");
}

async fn invalidations_apply_at_once_in_process(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    check_invalidations(&app, &app).await;
}

async fn redis_outage_falls_back_to_the_database(backend: Backend) {
    let Some(mut redis) = PrivateRedis::start().await else { return };
    let Some(a) = TestApp::spawn_with(backend, |c| {
        c.redis_url = Some(redis.url());
        c.redis_timeout_ms = 200;
    })
    .await
    else {
        return;
    };
    let b = a.replica(|_| {}).await;
    let ada = a.signup("ada@example.com").await;
    let eve = a.signup("eve@example.com").await;
    for app in [&a, &b] {
        app.get("/api/v1/me", &ada.token).await.expect(200);
        app.get("/api/v1/me", &eve.token).await.expect(200);
    }
    let before = metric(&scrape(&b).await, "atrium_session_cache_total{result=\"hit\"}");
    assert!(before > 0.0, "hits while Redis is up");

    redis.stop();
    for app in [&a, &b] {
        let started = Instant::now();
        app.get("/api/v1/me", &ada.token).await.expect(200);
        app.get("/api/v1/contacts?limit=5", &ada.token).await.expect(200);
        assert!(started.elapsed() < Duration::from_secs(2), "no hang while Redis is down: {:?}", started.elapsed());
    }
    // Logout while Redis is down: no replica may accept the token afterwards.
    a.post("/api/v1/auth/logout", &eve.token, json!({})).await.expect(204);
    b.get("/api/v1/me", &eve.token).await.expect_problem(401);
    a.get("/api/v1/me", &eve.token).await.expect_problem(401);
    let down = scrape(&a).await;
    assert!(down.contains("atrium_redis_failures_total{"), "failures are counted: {down}");
    assert!(metric(&down, "atrium_session_cache_total{result=\"unavailable\"}") > 0.0, "{down}");

    redis.restart().await;
    b.get("/api/v1/me", &eve.token).await.expect_problem(401);
    for _ in 0..3 {
        b.get("/api/v1/me", &ada.token).await.expect(200);
    }
    let after = metric(&scrape(&b).await, "atrium_session_cache_total{result=\"hit\"}");
    assert!(after > before, "the cache serves again after Redis is back ({before} → {after})");
    b.get("/api/v1/me", &eve.token).await.expect_problem(401);
}

async fn scrape(app: &TestApp) -> String {
    app.http.get(format!("{}/metrics", app.base)).send().await.expect("metrics").text().await.expect("text")
}

fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(series))
        .filter_map(|l| l.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()))
        .sum()
}
