//! `Idempotency-Key`: replay, mismatch, release of a key whose request failed, and
//! the answer from the commit mark when the stored response was lost (the crash
//! windows themselves, with kill -9, are in the reliability suite).

use atrium_tests::{Reply, TestApp, app_tests, read};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

app_tests!(
    same_key_replays_and_different_request_is_rejected,
    a_request_that_fails_before_committing_releases_its_key,
    a_committed_key_whose_response_was_lost_is_answered_from_its_mark,
);

async fn post_with_key(app: &TestApp, token: &str, key: &str, body: Value) -> Reply {
    post_to(app, "/api/v1/api-keys", token, key, body).await
}

async fn post_to(app: &TestApp, path: &str, token: &str, key: &str, body: Value) -> Reply {
    let res = app
        .http
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .expect("request");
    read(res).await
}

async fn same_key_replays_and_different_request_is_rejected(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let body = json!({"name": "ledger", "role": "member"});
    let first = post_with_key(app, &ada.token, "k-1", body.clone()).await.expect(201);
    let again = post_with_key(app, &ada.token, "k-1", body.clone()).await.expect(201);
    assert_eq!(again.body, first.body, "the first response is replayed, secret included");
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.headers["location"], first.headers["location"]);
    let keys = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
    assert_eq!(keys.body["items"].as_array().map(Vec::len), Some(1), "the write happened once");

    let other = post_with_key(app, &ada.token, "k-1", json!({"name": "other", "role": "member"})).await;
    assert_eq!(other.expect_problem(422).field_errors(), ["Idempotency-Key"]);

    let bob = app.signup("bob@example.com").await;
    let theirs = post_with_key(app, &bob.token, "k-1", body).await.expect(201);
    assert_ne!(theirs.body["api_key"]["id"], first.body["api_key"]["id"], "keys are scoped to the caller");

    let fresh = post_with_key(app, &ada.token, "k-2", json!({"name": "second", "role": "viewer"})).await.expect(201);
    assert!(fresh.headers.get("idempotent-replayed").is_none());
}

async fn a_request_that_fails_before_committing_releases_its_key(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let bad = post_to(app, "/api/v1/client-companies", &ada.token, "k-fix", json!({"name": ""})).await;
    bad.expect_problem(422);
    let again = post_to(app, "/api/v1/client-companies", &ada.token, "k-fix", json!({"name": ""})).await;
    assert!(again.headers.get("idempotent-replayed").is_none(), "a failed request is not replayed: it runs again");
    let fixed = post_to(app, "/api/v1/client-companies", &ada.token, "k-fix", json!({"name": "Globex"})).await;
    let fixed = fixed.expect(201);
    let replay = post_to(app, "/api/v1/client-companies", &ada.token, "k-fix", json!({"name": "Globex"})).await;
    assert_eq!(replay.expect(201).body, fixed.body);
    let list = app.get("/api/v1/client-companies", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1));
}

/// The state a crash between the write's commit and storing its response leaves:
/// the commit mark, no response.
async fn lose_stored_responses(app: &TestApp) {
    let sql = "UPDATE idempotency_keys SET status = NULL, content_type = NULL, location = NULL, body = NULL";
    let backend = app.db.conn.get_database_backend();
    app.db.conn.execute_raw(Statement::from_string(backend, sql)).await.expect("forget responses");
}

async fn mark_of(app: &TestApp, key: &str) -> (bool, Option<String>) {
    let backend = app.db.conn.get_database_backend();
    let sql = format!(
        "SELECT committed_at IS NOT NULL AS committed, resource_type FROM idempotency_keys WHERE key = '{key}'"
    );
    let row = app.db.conn.query_one_raw(Statement::from_string(backend, sql)).await.expect("query").expect("row");
    (row.try_get::<bool>("", "committed").expect("committed"), row.try_get("", "resource_type").expect("type"))
}

async fn a_committed_key_whose_response_was_lost_is_answered_from_its_mark(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    // A create: answered 201 with Location and the resource as it is now.
    let body = json!({"name": "Initech"});
    let created = post_to(app, "/api/v1/client-companies", &ada.token, "k-create", body.clone()).await.expect(201);
    assert_eq!(mark_of(app, "k-create").await, (true, Some("client_company".to_owned())), "marked by the write");
    // An action on a resource: answered 200 with the resource.
    let keep = app.post("/api/v1/contacts", &ada.token, json!({"first_name": "Ada", "email": "a@x.example"})).await;
    let keep = keep.expect(201).body["id"].as_str().expect("id").to_owned();
    let dup = app.post("/api/v1/contacts", &ada.token, json!({"first_name": "Ada", "email": "a2@x.example"})).await;
    let dup = dup.expect(201).body["id"].as_str().expect("id").to_owned();
    let merge_path = format!("/api/v1/contacts/{keep}/merge");
    let merge = json!({"source_ids": [dup]});
    post_to(app, &merge_path, &ada.token, "k-merge", merge.clone()).await.expect(200);
    // A resource that cannot be read back (an API key): a 409 naming it, never its secret.
    let key_body = json!({"name": "ledger", "role": "member"});
    let api_key = post_with_key(app, &ada.token, "k-secret", key_body.clone()).await.expect(201);
    let secret = api_key.body["secret"].as_str().expect("secret").to_owned();

    lose_stored_responses(app).await;

    let again = post_to(app, "/api/v1/client-companies", &ada.token, "k-create", body).await.expect(201);
    assert_eq!(
        (&again.headers["idempotent-replayed"], &again.headers["idempotent-replay"]),
        (&"true".parse().expect("v"), &"reread".parse().expect("v"))
    );
    assert_eq!(again.headers["location"], created.headers["location"]);
    assert_eq!(again.body, created.body, "the resource, read back");
    let list = app.get("/api/v1/client-companies", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1), "written once");

    let merged = post_to(app, &merge_path, &ada.token, "k-merge", merge).await.expect(200);
    assert_eq!(merged.headers["idempotent-replay"], "reread");
    assert_eq!(merged.body["id"], keep.as_str(), "the survivor as it is now");
    assert!(merged.headers.get("location").is_none());

    let lost = post_with_key(app, &ada.token, "k-secret", key_body).await.expect_problem(409);
    assert_eq!(lost.body["existing_id"], api_key.body["api_key"]["id"], "{}", lost.body);
    assert!(!lost.body.to_string().contains(&secret));
    let keys = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
    assert_eq!(keys.body["items"].as_array().map(Vec::len), Some(1), "the key was not created twice");
}
