//! Every error class a client can cause, as problem+json, and nothing half-written.

use atrium_tests::{TestApp, app_tests, read};
use reqwest::Method;
use serde_json::json;

app_tests!(client_errors_are_problems_and_change_nothing, stale_if_match_conflicts);

async fn client_errors_are_problems_and_change_nothing(app: &TestApp) {
    // 400: malformed JSON, unparsable id.
    let res = app
        .http
        .post(format!("{}/api/v1/auth/signup", app.base))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .expect("request");
    read(res).await.expect_problem(400);
    let ada = app.signup("ada@example.com").await;
    app.get("/api/v1/members/not-a-uuid", &ada.token).await.expect_problem(400);

    // 401: no token, unknown token.
    app.call(Method::GET, "/api/v1/me", None, None).await.expect_problem(401);
    app.get("/api/v1/me", "atr_s_forged").await.expect_problem(401);

    // 404: unknown id, unknown route. 405: wrong method.
    app.get(&format!("/api/v1/members/{}", uuid::Uuid::now_v7()), &ada.token).await.expect_problem(404);
    app.get("/api/v1/nothing-here", &ada.token).await.expect_problem(404);
    app.call(Method::PUT, "/api/v1/me", Some(&ada.token), None).await.expect_problem(405);

    // 409: duplicate email, whatever its case.
    let dup = json!({"email": "ADA@Example.com", "password": "correct horse battery", "name": "Ada"});
    app.call(Method::POST, "/api/v1/auth/signup", None, Some(dup)).await.expect_problem(409);

    // 415: wrong media type.
    let res = app
        .http
        .post(format!("{}/api/v1/api-keys", app.base))
        .bearer_auth(&ada.token)
        .header("content-type", "text/plain")
        .body("name=x")
        .send()
        .await
        .expect("request");
    read(res).await.expect_problem(415);

    // 422: every bad field named; shape errors too.
    let bad = json!({"email": "not-an-email", "password": "short", "name": "Bob"});
    let r = app.call(Method::POST, "/api/v1/auth/signup", None, Some(bad)).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["email", "password"]);
    let r = app.post("/api/v1/api-keys", &ada.token, json!({"role": "member"})).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["body"], "missing field: {}", r.body);
    assert!(r.body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("name")));
    let r =
        app.post("/api/v1/api-keys", &ada.token, json!({"name": "k", "role": "superuser"})).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["role"]);
    let r = app.get("/api/v1/members?limit=0&cursor=forged", &ada.token).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["limit", "cursor"]);

    // The rejected signup created nothing: the address is still free.
    let later = json!({"email": "not-an-email@example.com", "password": "correct horse battery", "name": "Bob"});
    app.call(Method::POST, "/api/v1/auth/signup", None, Some(later)).await.expect(201);
    let keys = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
    assert_eq!(keys.body["items"].as_array().map(Vec::len), Some(0), "no rejected key was stored");

    // 413: body over the limit (a server with a small limit).
    let small = TestApp::spawn_with(app.db.backend, |c| c.body_limit_bytes = 1024).await.expect("app");
    let s = small.signup("ada@example.com").await;
    let big = json!({"name": "x".repeat(4096), "role": "member"});
    small.post("/api/v1/api-keys", &s.token, big).await.expect_problem(413);

    // 429: login throttle, with Retry-After.
    let strict = TestApp::spawn_with(app.db.backend, |c| c.login_failures_per_email = 2).await.expect("app");
    strict.signup("ada@example.com").await;
    let login = |pw: &str| json!({"email": "ada@example.com", "password": pw});
    for _ in 0..2 {
        strict.call(Method::POST, "/api/v1/auth/login", None, Some(login("wrong password!"))).await.expect_problem(401);
    }
    let r = strict.call(Method::POST, "/api/v1/auth/login", None, Some(login("correct horse battery"))).await;
    let r = r.expect_problem(429);
    let retry: u64 = r.headers["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=900).contains(&retry));
}

async fn stale_if_match_conflicts(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    app.add_member(&ada, "grace@example.com", "member").await;
    let members = app.get("/api/v1/members", &ada.token).await.expect(200);
    let id = members.body["items"][1]["id"].as_str().expect("id").to_owned();
    let got = app.get(&format!("/api/v1/members/{id}"), &ada.token).await.expect(200);
    let etag = got.headers["etag"].to_str().expect("etag").to_owned();
    assert_eq!(etag, "\"1\"");

    let patch = |role: &str, etag: &str| {
        app.http
            .patch(format!("{}/api/v1/members/{id}", app.base))
            .bearer_auth(&ada.token)
            .header("if-match", etag)
            .json(&json!({"role": role}))
            .send()
    };
    let first = read(patch("admin", &etag).await.expect("patch")).await.expect(200);
    assert_eq!(first.headers["etag"], "\"2\"");
    read(patch("viewer", &etag).await.expect("patch")).await.expect_problem(409);
    let now = app.get(&format!("/api/v1/members/{id}"), &ada.token).await.expect(200);
    assert_eq!(now.body["role"], "admin", "the stale write changed nothing");
    read(patch("viewer", "garbage").await.expect("patch")).await.expect_problem(400);
}
