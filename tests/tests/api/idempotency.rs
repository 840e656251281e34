use atrium_tests::{TestApp, app_tests, read};
use serde_json::{Value, json};

app_tests!(same_key_replays_and_different_request_is_rejected);

async fn post_with_key(app: &TestApp, token: &str, key: &str, body: Value) -> atrium_tests::Reply {
    let res = app
        .http
        .post(format!("{}/api/v1/api-keys", app.base))
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
