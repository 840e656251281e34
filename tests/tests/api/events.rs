//! Events over HTTP: the timeline shows writes, the change feed lists them in
//! order, webhooks receive signed deliveries, failures are retried and dead-lettered.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atrium_tests::{Backend, Session, TestApp, eventually};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

async fn app(backend: Backend) -> Option<TestApp> {
    TestApp::spawn_with(backend, |c| {
        c.dispatch_poll_ms = 20;
        c.dispatch_backoff_ms = 30;
        c.dispatch_max_attempts = 3;
        c.webhook_allow_private = true;
    })
    .await
}

async fn timeline_types(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let r = app.get(&format!("/api/v1/timeline{query}"), &s.token).await.expect(200);
    r.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["event_type"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A local HTTP receiver that records deliveries and answers with `statuses` in turn (then 200).
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

async fn receiver(statuses: Vec<u16>) -> Receiver {
    let got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let script = Arc::new(Mutex::new(statuses.into_iter()));
    let (sink, script2) = (got.clone(), script.clone());
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let (sink, script) = (sink.clone(), script2.clone());
            async move {
                sink.lock().expect("lock").push((headers, body));
                let code = script.lock().expect("lock").next().unwrap_or(200);
                StatusCode::from_u16(code).unwrap_or(StatusCode::OK)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Receiver { url, got }
}

macro_rules! event_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = super::app(atrium_tests::Backend::Sqlite).await.expect("sqlite app");
                super::$name(&app).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(app) = super::app(atrium_tests::Backend::Postgres).await {
                    super::$name(&app).await;
                }
            }
        }
    )*};
}

event_tests!(
    timeline_shows_writes_newest_first,
    change_feed_lists_events_in_order_and_resumes,
    webhook_is_signed_and_filtered,
    failing_receiver_is_retried_then_dead_lettered_and_replayed,
    private_webhook_urls_are_refused_by_default,
    the_event_catalog_lists_every_type_that_is_sent,
);

/// `GET /api/v1/event-types` lists each type with a standalone JSON Schema, and
/// every event a journey produces is of a listed type and matches its schema's
/// required fields.
async fn the_event_catalog_lists_every_type_that_is_sent(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let catalog = app.get("/api/v1/event-types", &ada.token).await.expect(200);
    let items = catalog.body["items"].as_array().expect("items").clone();
    assert!(items.len() > 40, "the catalog lists the event types: {}", items.len());
    let schema_of = |name: &str| items.iter().find(|t| t["name"] == name).map(|t| t["schema"].clone());
    let created = schema_of("crm.contact.created").expect("crm.contact.created is listed");
    assert!(created["properties"]["first_name"].is_object(), "payload schema: {created}");
    assert!(!created.to_string().contains("$ref"), "schemas stand alone: {created}");

    let company = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let id = company.body["id"].as_str().expect("id").to_owned();
    let contact = json!({"first_name": "Hank", "last_name": "Scorpio", "client_company_id": id});
    let c = app.post("/api/v1/contacts", &ada.token, contact).await.expect(201);
    let path = format!("/api/v1/contacts/{}", c.body["id"].as_str().expect("id"));
    app.patch(&path, &ada.token, json!({"title": "CEO"})).await.expect(200);
    let feed = eventually("the journey's events in the feed", || async {
        let r = app.get("/api/v1/events?limit=200", &ada.token).await.expect(200);
        let items = r.body["items"].as_array().cloned().unwrap_or_default();
        (items.iter().any(|e| e["type"] == "crm.contact.updated")).then_some(items)
    })
    .await;
    for event in &feed {
        let name = event["type"].as_str().expect("type");
        let schema = schema_of(name).unwrap_or_else(|| panic!("{name} was sent but is not in the catalog"));
        for field in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(event["data"].get(field).is_some(), "{name} lacks required `{field}`: {}", event["data"]);
        }
    }
    let updated = feed.iter().find(|e| e["type"] == "crm.contact.updated").expect("update event");
    assert_eq!(updated["data"]["title"], "CEO", "an update carries the new state");
    assert_eq!(updated["data"]["changed"], json!(["title"]), "and what changed");
}

async fn timeline_shows_writes_newest_first(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let key = app.post("/api/v1/api-keys", &ada.token, json!({"name": "sync", "role": "member"})).await.expect(201);
    let key_id = key.body["api_key"]["id"].as_str().expect("id").to_owned();
    app.delete(&format!("/api/v1/api-keys/{key_id}"), &ada.token).await.expect(204);
    let types = eventually("timeline entries", || async {
        let t = timeline_types(app, &ada, "").await;
        (t.len() >= 4).then_some(t)
    })
    .await;
    assert_eq!(
        types,
        [
            "identity.api_key.revoked",
            "identity.api_key.created",
            "identity.member.added",
            "identity.organization.created"
        ]
    );
    let by_entity = timeline_types(app, &ada, &format!("?entity_id={key_id}")).await;
    assert_eq!(by_entity, ["identity.api_key.revoked", "identity.api_key.created"]);
    let page = app.get("/api/v1/timeline?limit=3", &ada.token).await.expect(200);
    let cursor = page.body["next_cursor"].as_str().expect("more pages").to_owned();
    let rest = app.get(&format!("/api/v1/timeline?limit=3&cursor={cursor}"), &ada.token).await.expect(200);
    assert_eq!(rest.body["items"][0]["event_type"], "identity.organization.created");

    let bob = app.signup("bob@example.com").await;
    let theirs = timeline_types(app, &bob, &format!("?entity_id={key_id}")).await;
    assert!(theirs.is_empty(), "another organization sees none of it");
}

async fn change_feed_lists_events_in_order_and_resumes(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let first = eventually("feed", || async {
        let r = app.get("/api/v1/events", &ada.token).await.expect(200);
        (r.body["items"].as_array().map_or(0, Vec::len) >= 2).then_some(r)
    })
    .await;
    let types: Vec<&str> =
        first.body["items"].as_array().expect("items").iter().filter_map(|e| e["type"].as_str()).collect();
    assert_eq!(types, ["identity.organization.created", "identity.member.added"]);
    let cursor = first.body["next_cursor"].as_str().expect("cursor").to_owned();

    app.post("/api/v1/api-keys", &ada.token, json!({"name": "sync", "role": "viewer"})).await.expect(201);
    let next = eventually("next event", || async {
        let r = app.get(&format!("/api/v1/events?after={cursor}"), &ada.token).await.expect(200);
        (!r.body["items"].as_array().is_none_or(Vec::is_empty)).then_some(r)
    })
    .await;
    assert_eq!(next.body["items"][0]["type"], "identity.api_key.created");
    assert_eq!(next.body["items"].as_array().map(Vec::len), Some(1), "nothing already seen is repeated");

    let bad = app.get("/api/v1/events?after=forged&limit=0", &ada.token).await.expect_problem(422);
    assert_eq!(bad.field_errors(), ["after", "limit"]);
    let bob = app.signup("bob@example.com").await;
    let theirs = app.get(&format!("/api/v1/events?after={cursor}"), &bob.token).await.expect(200);
    assert!(theirs.body["items"].as_array().expect("items").iter().all(|e| e["org_id"] == bob.org_id.as_str()));
}

async fn webhook_is_signed_and_filtered(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let rx = receiver(vec![]).await;
    let created = app
        .post("/api/v1/webhooks", &ada.token, json!({"url": rx.url, "event_types": ["identity.api_key.*"]}))
        .await
        .expect(201);
    let secret = created.body["secret"].as_str().expect("secret").to_owned();
    let hook_id = created.body["webhook"]["id"].as_str().expect("id").to_owned();
    assert!(secret.starts_with("whsec_"));
    let listed = app.get("/api/v1/webhooks", &ada.token).await.expect(200);
    assert!(!listed.body.to_string().contains(&secret), "the secret is shown only once");

    app.post("/api/v1/api-keys", &ada.token, json!({"name": "sync", "role": "viewer"})).await.expect(201);
    app.post("/api/v1/invitations", &ada.token, json!({"email": "x@example.com", "role": "member"})).await.expect(201);
    let (headers, body) = eventually("a delivery", || async { rx.got.lock().expect("lock").first().cloned() }).await;
    let id = headers["webhook-id"].to_str().expect("id");
    let ts: i64 = headers["webhook-timestamp"].to_str().expect("ts").parse().expect("number");
    let sig = headers["webhook-signature"].to_str().expect("sig");
    assert!(atrium_webhooks::signature::verify(&secret, id, ts, &body, sig), "signature verifies");
    assert!(!atrium_webhooks::signature::verify(&secret, id, ts + 1, &body, sig), "and is bound to the timestamp");
    let event: Value = serde_json::from_slice(&body).expect("json body");
    assert_eq!(event["type"], "identity.api_key.created");
    assert_eq!(event["id"], id);

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(rx.got.lock().expect("lock").len(), 1, "the invitation event did not match the filter");
    let attempts = app.get(&format!("/api/v1/webhooks/{hook_id}/attempts"), &ada.token).await.expect(200);
    assert_eq!(attempts.body["items"][0]["status_code"], 200);
}

async fn failing_receiver_is_retried_then_dead_lettered_and_replayed(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    // Fails three times (= max attempts), then recovers.
    let rx = receiver(vec![500, 502, 503]).await;
    let filter = json!({"url": rx.url, "event_types": ["identity.api_key.created"]});
    let created = app.post("/api/v1/webhooks", &ada.token, filter).await.expect(201);
    let hook_id = created.body["webhook"]["id"].as_str().expect("id").to_owned();
    app.post("/api/v1/api-keys", &ada.token, json!({"name": "sync", "role": "viewer"})).await.expect(201);

    let dead = eventually("a dead letter", || async {
        let r = app.get("/api/v1/dead-letters", &ada.token).await.expect(200);
        r.body["items"].as_array().and_then(|a| a.first().cloned())
    })
    .await;
    assert_eq!(dead["subscriber"], format!("webhooks:{hook_id}"));
    assert_eq!(dead["attempts"], 3);
    assert!(dead["last_error"].as_str().is_some_and(|e| e.contains("503")), "{dead}");
    let attempts = app.get(&format!("/api/v1/webhooks/{hook_id}/attempts"), &ada.token).await.expect(200);
    let codes: Vec<i64> =
        attempts.body["items"].as_array().expect("items").iter().filter_map(|a| a["status_code"].as_i64()).collect();
    assert_eq!(codes, [503, 502, 500], "every attempt is recorded, newest first");

    let bob = app.signup("bob@example.com").await;
    let dead_id = dead["id"].as_str().expect("id");
    app.post(&format!("/api/v1/dead-letters/{dead_id}/replay"), &bob.token, json!({})).await.expect_problem(404);
    app.post(&format!("/api/v1/dead-letters/{dead_id}/replay"), &ada.token, json!({})).await.expect(202);
    eventually("the replayed delivery", || async { (rx.got.lock().expect("lock").len() == 4).then_some(()) }).await;
    eventually("an empty dead-letter list", || async {
        let r = app.get("/api/v1/dead-letters", &ada.token).await.expect(200);
        r.body["items"].as_array().is_some_and(Vec::is_empty).then_some(())
    })
    .await;
}

async fn private_webhook_urls_are_refused_by_default(app: &TestApp) {
    let strict = TestApp::spawn_with(app.db.backend, |c| c.webhook_allow_private = false).await.expect("app");
    let ada = strict.signup("ada@example.com").await;
    let public = strict
        .post("/api/v1/webhooks", &ada.token, json!({"url": "https://93.184.216.34/hook", "event_types": ["*"]}))
        .await
        .expect(201);
    let public_id = public.body["webhook"]["id"].as_str().expect("id").to_owned();
    for url in [
        "http://127.0.0.1:9/hook",
        "http://localhost/hook",
        "http://169.254.169.254/latest",
        "http://[::1]/x",
        // Each accepted by the guard before the special-purpose registries were applied:
        "http://[::127.0.0.1]/x",
        "http://[64:ff9b::a9fe:a9fe]/latest",
        "http://[2002:7f00:1::]/x",
        "http://[::ffff:0:7f00:1]/x",
        "http://198.18.0.1/x",
        "http://[2001:db8::1]/x",
        "http://[100::1]/x",
        "http://2130706433/x",
    ] {
        let r = strict.post("/api/v1/webhooks", &ada.token, json!({"url": url, "event_types": ["*"]})).await;
        let r = r.expect_problem(422);
        assert_eq!(r.field_errors(), ["url"], "{url}");
        let r = strict.patch(&format!("/api/v1/webhooks/{public_id}"), &ada.token, json!({"url": url})).await;
        assert_eq!(r.expect_problem(422).field_errors(), ["url"], "{url}");
    }
    let bad = strict
        .post("/api/v1/webhooks", &ada.token, json!({"url": "http://127.0.0.1:9/x", "event_types": ["Crm"]}))
        .await;
    assert_eq!(bad.expect_problem(422).field_errors(), ["event_types"]);
    let member = strict.add_member(&ada, "m@example.com", "member").await;
    strict.get("/api/v1/webhooks", &member.token).await.expect_problem(403);
}
