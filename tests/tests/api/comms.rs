//! Comms over HTTP: mailbox connections (create, read with health, pause,
//! resume, resync, delete), threads (lists by filter, file, share, messages),
//! unknown senders, and the 422s of bad input. The IMAP sync itself is tested
//! against a real Dovecot in the comms crate.

use atrium_outbox::entity::event;
use atrium_tests::{TestApp, app_tests};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

app_tests!(connections_over_http, threads_over_http, bad_input_is_422_and_writes_nothing);

fn imap(port: u16) -> Value {
    json!({"provider": "imap", "email_address": "Ada@Example.com",
        "imap": {"host": "127.0.0.1", "port": port, "tls": false, "username": "ada", "password": "s3cret-password"}})
}

/// A thread with one inbound message, as a sync would leave it.
pub async fn seed_thread(app: &TestApp, org_id: &str, subject: &str) -> String {
    let org: uuid::Uuid = org_id.parse().expect("org id");
    let (thread, message) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let now = chrono::Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("threads"))
        .columns(
            [
                "id",
                "organization_id",
                "subject",
                "subject_normalized",
                "participants",
                "participants_key",
                "provider_thread_ids",
                "shared_with_client",
                "message_count",
                "last_message_at",
                "version",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            thread.into(),
            org.into(),
            subject.into(),
            subject.to_lowercase().into(),
            json!(["hank@globex.example"]).into(),
            "hank@globex.example".into(),
            json!([]).into(),
            false.into(),
            1i32.into(),
            now.into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("seed thread");
    let stmt = Query::insert()
        .into_table(Alias::new("messages"))
        .columns(
            [
                "id",
                "organization_id",
                "thread_id",
                "message_id_header",
                "references",
                "direction",
                "from_address",
                "to_addresses",
                "cc_addresses",
                "bcc_addresses",
                "subject",
                "sent_at",
                "body_text",
                "attachments",
                "skipped_parts",
                "size_bytes",
                "created_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            message.into(),
            org.into(),
            thread.into(),
            format!("{message}@globex.example").into(),
            json!([]).into(),
            "inbound".into(),
            "hank@globex.example".into(),
            json!([{"address": "ada@example.com", "name": null}]).into(),
            json!([]).into(),
            json!([]).into(),
            subject.into(),
            now.into(),
            "Hello".into(),
            json!([]).into(),
            json!([]).into(),
            5i64.into(),
            now.into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("seed message");
    thread.to_string()
}

async fn connections_over_http(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let created = app.post("/api/v1/mailbox-connections", &ada.token, imap(1)).await.expect(201);
    let id = created.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/api/v1/mailbox-connections/{id}").as_str())
    );
    assert!(!created.body.to_string().contains("s3cret-password"), "the password is never returned");
    assert_eq!(created.body["email_address"], "ada@example.com");
    assert_eq!(created.body["imap"]["folder"], "INBOX");
    assert_eq!(created.body["health"]["state"], "active");
    assert!(created.body["health"]["last_success_at"].is_null());

    let list = app.get("/api/v1/mailbox-connections", &ada.token).await.expect(200);
    assert_eq!(list.body["items"][0]["id"], id.as_str());
    let health = app.get(&format!("/api/v1/mailbox-connections/{id}/health"), &ada.token).await.expect(200);
    assert_eq!(health.body["state"], "active");
    assert!(health.body["next_run_at"].is_string());

    let paused = app.post(&format!("/api/v1/mailbox-connections/{id}/pause"), &ada.token, json!({})).await.expect(200);
    assert_eq!(paused.body["health"]["state"], "paused");
    assert!(paused.body["health"]["next_run_at"].is_null());
    let resumed =
        app.post(&format!("/api/v1/mailbox-connections/{id}/resume"), &ada.token, json!({})).await.expect(200);
    assert_eq!(resumed.body["health"]["state"], "active");
    let resync = app.post(&format!("/api/v1/mailbox-connections/{id}/resync"), &ada.token, json!({})).await.expect(200);
    assert_eq!(resync.body["health"]["resync_requested"], true);

    // PATCH with If-Match: the current ETag passes, a stale one is 409, bad values 422.
    let got = app.get(&format!("/api/v1/mailbox-connections/{id}"), &ada.token).await.expect(200);
    let etag = got.headers.get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    let patch = |etag: &str, body: Value| {
        app.http
            .patch(format!("{}/api/v1/mailbox-connections/{id}", app.base))
            .bearer_auth(&ada.token)
            .header("if-match", etag.to_owned())
            .json(&body)
            .send()
    };
    let updated = atrium_tests::read(
        patch(&etag, json!({"sync_window_days": 30, "imap": {"password": "n3w-password"}})).await.expect("patch"),
    )
    .await
    .expect(200);
    let next = got.body["version"].as_i64().expect("version") + 1;
    assert_eq!((&updated.body["sync_window_days"], &updated.body["version"]), (&json!(30), &json!(next)));
    assert!(!updated.body.to_string().contains("n3w-password"));
    atrium_tests::read(patch(&etag, json!({"sync_window_days": 10})).await.expect("patch")).await.expect_problem(409);
    let fresh = updated.headers.get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    let refused =
        atrium_tests::read(patch(&fresh, json!({"imap": {"host": "imap.example.com"}})).await.expect("patch"))
            .await
            .expect_problem(422);
    assert_eq!(refused.field_errors(), vec!["imap.tls".to_owned()]);

    // A viewer reads but does not change.
    let viewer = app.add_member(&ada, "vic@example.com", "viewer").await;
    app.get(&format!("/api/v1/mailbox-connections/{id}"), &viewer.token).await.expect(200);
    app.post(&format!("/api/v1/mailbox-connections/{id}/pause"), &viewer.token, json!({})).await.expect_problem(403);

    for t in [
        "comms.connection.created",
        "comms.connection.paused",
        "comms.connection.resumed",
        "comms.connection.resync_requested",
        "comms.connection.updated",
    ] {
        let e = atrium_tests::feed_event(app, &ada.token, t).await;
        assert_eq!(e["aggregate_id"], id.as_str());
    }

    app.delete(&format!("/api/v1/mailbox-connections/{id}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/mailbox-connections/{id}"), &ada.token).await.expect_problem(404);
}

async fn threads_over_http(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let thread = seed_thread(app, &ada.org_id, "Kick-off").await;
    let company = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let contract = app
        .post(
            "/api/v1/contracts",
            &ada.token,
            json!({"title": "Relaunch", "client_company_id": company.body["id"], "currency": "EUR"}),
        )
        .await
        .expect(201);
    let engagement = app
        .post(
            "/api/v1/engagements",
            &ada.token,
            json!({"name": "Relaunch delivery", "contract_id": contract.body["id"], "billing_model": "fixed"}),
        )
        .await
        .expect(201);
    let engagement_id = engagement.body["id"].as_str().expect("id").to_owned();

    let unfiled = app.get("/api/v1/threads?unfiled=true", &ada.token).await.expect(200);
    assert_eq!(unfiled.body["items"][0]["id"], thread.as_str());
    let filed_list = app.get(&format!("/api/v1/threads?engagement_id={engagement_id}"), &ada.token).await.expect(200);
    assert_eq!(filed_list.body["items"], json!([]));

    let got = app.get(&format!("/api/v1/threads/{thread}"), &ada.token).await.expect(200);
    let etag = got.headers.get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    let filed = app
        .post(&format!("/api/v1/threads/{thread}/file"), &ada.token, json!({"engagement_id": engagement_id}))
        .await
        .expect(200);
    assert_eq!(filed.body["engagement_id"], engagement_id.as_str());
    assert_eq!(filed.body["version"], 2);
    // The old ETag is stale now.
    let stale = app
        .http
        .post(format!("{}/api/v1/threads/{thread}/share", app.base))
        .bearer_auth(&ada.token)
        .header("if-match", etag)
        .json(&json!({}))
        .send()
        .await
        .expect("share");
    atrium_tests::read(stale).await.expect_problem(409);
    let shared = app.post(&format!("/api/v1/threads/{thread}/share"), &ada.token, json!({})).await.expect(200);
    assert_eq!(shared.body["shared_with_client"], true);
    let unshared = app.post(&format!("/api/v1/threads/{thread}/unshare"), &ada.token, json!({})).await.expect(200);
    assert_eq!(unshared.body["shared_with_client"], false);

    let of_engagement =
        app.get(&format!("/api/v1/threads?engagement_id={engagement_id}"), &ada.token).await.expect(200);
    assert_eq!(of_engagement.body["items"][0]["id"], thread.as_str());
    assert_eq!(app.get("/api/v1/threads?unfiled=true", &ada.token).await.expect(200).body["items"], json!([]));
    let messages = app.get(&format!("/api/v1/threads/{thread}/messages"), &ada.token).await.expect(200);
    assert_eq!(messages.body["items"][0]["from"]["address"], "hank@globex.example");
    assert_eq!(messages.body["items"][0]["to"][0]["address"], "ada@example.com");
    app.get("/api/v1/comms/unknown-senders", &ada.token).await.expect(200);

    // Keyset pages of threads.
    for i in 0..3 {
        seed_thread(app, &ada.org_id, &format!("Thread {i}")).await;
    }
    let first = app.get("/api/v1/threads?limit=2", &ada.token).await.expect(200);
    assert_eq!(first.body["items"].as_array().map(Vec::len), Some(2));
    let cursor = first.body["next_cursor"].as_str().expect("cursor").to_owned();
    let second = app.get(&format!("/api/v1/threads?limit=2&cursor={cursor}"), &ada.token).await.expect(200);
    assert_eq!(second.body["items"].as_array().map(Vec::len), Some(2));
    assert!(second.body["next_cursor"].is_null());

    // The filing is published, naming the engagement.
    let filed_event = atrium_tests::feed_event(app, &ada.token, "comms.thread.filed").await;
    assert_eq!(filed_event["data"]["engagement_id"], engagement_id.as_str());
}

async fn bad_input_is_422_and_writes_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let mut gmail = imap(1);
    gmail["provider"] = json!("gmail");
    let mut no_imap = imap(1);
    no_imap.as_object_mut().expect("object").remove("imap");
    let mut remote_plain = imap(143);
    remote_plain["imap"]["host"] = json!("imap.example.com");
    let mut bad_email = imap(1);
    bad_email["email_address"] = json!("not an address");
    let mut bad_port = imap(1);
    bad_port["imap"]["port"] = json!(0);
    let mut bad_window = imap(1);
    bad_window["sync_window_days"] = json!(0);
    let mut empty_password = imap(1);
    empty_password["imap"]["password"] = json!("");
    for (body, field) in [
        (gmail, "provider"),
        (no_imap, "imap"),
        (remote_plain, "imap.tls"),
        (bad_email, "email_address"),
        (bad_port, "imap.port"),
        (bad_window, "sync_window_days"),
        (empty_password, "imap.password"),
    ] {
        let r = app.post("/api/v1/mailbox-connections", &ada.token, body).await.expect_problem(422);
        assert!(r.field_errors().iter().any(|f| f == field), "expected {field}: {}", r.body);
    }
    let list = app.get("/api/v1/mailbox-connections", &ada.token).await.expect(200);
    assert_eq!(list.body["items"], json!([]), "nothing written");
    let org: uuid::Uuid = ada.org_id.parse().expect("org");
    let written = event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org))
        .filter(event::Column::EventType.starts_with("comms."))
        .count(&app.db.conn)
        .await
        .expect("count");
    assert_eq!(written, 0, "no event either");

    let thread = seed_thread(app, &ada.org_id, "Kick-off").await;
    let r = app
        .post(&format!("/api/v1/threads/{thread}/file"), &ada.token, json!({"engagement_id": uuid::Uuid::now_v7()}))
        .await
        .expect_problem(422);
    assert_eq!(r.field_errors(), vec!["engagement_id".to_owned()]);
    // A missing field is named in the message (serde reports it on the body).
    let r = app.post(&format!("/api/v1/threads/{thread}/file"), &ada.token, json!({})).await.expect_problem(422);
    assert!(r.body["errors"].to_string().contains("engagement_id"), "{}", r.body);
    let got = app.get(&format!("/api/v1/threads/{thread}"), &ada.token).await.expect(200);
    assert!(got.body["engagement_id"].is_null() && got.body["version"] == 1);
    let r = app
        .get(&format!("/api/v1/threads?unfiled=true&engagement_id={}", uuid::Uuid::now_v7()), &ada.token)
        .await
        .expect_problem(422);
    assert!(!r.body["errors"].as_array().map(Vec::is_empty).unwrap_or(true), "{}", r.body);
}

/// The SSRF guard on IMAP hosts (the webhooks' rules), with the operator's flag
/// off: loopback, private and link-local hosts are refused naming `imap.host`,
/// and nothing is written. (No public address is tried: nothing here may reach one.)
async fn private_imap_hosts_are_refused(backend: atrium_tests::Backend) {
    let Some(app) = TestApp::spawn_with(backend, |c| c.comms_allow_private_hosts = false).await else { return };
    let ada = app.signup("ada@example.com").await;
    for host in ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "169.254.169.254", "[::1]"] {
        let mut body = imap(993);
        body["imap"]["host"] = json!(host);
        body["imap"]["tls"] = json!(true);
        let r = app.post("/api/v1/mailbox-connections", &ada.token, body).await.expect_problem(422);
        assert_eq!(r.field_errors(), vec!["imap.host".to_owned()], "{host}: {}", r.body);
        assert!(r.body.to_string().contains("COMMS_ALLOW_PRIVATE_HOSTS"), "{host}: {}", r.body);
    }
    let listed = app.get("/api/v1/mailbox-connections", &ada.token).await.expect(200);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn private_imap_hosts_are_refused_on_sqlite() {
    private_imap_hosts_are_refused(atrium_tests::Backend::Sqlite).await;
}

#[tokio::test]
async fn private_imap_hosts_are_refused_on_postgres() {
    private_imap_hosts_are_refused(atrium_tests::Backend::Postgres).await;
}

/// Lets the app's scheduler run the mailbox sync now (as the minute's run would)
/// and waits until that run of the connection is over; answers its health. The
/// app must look for due jobs often (`scheduler_poll_ms`).
pub async fn sync_once(app: &TestApp, token: &str, connection: &str) -> Value {
    use sea_orm::sea_query::{Expr, ExprTrait};
    let path = format!("/api/v1/mailbox-connections/{connection}/health");
    // A run of the job still finishing (the previous call's: it waits for the
    // connection, not for the job) would set the job's next run a minute ahead as
    // it ends, over the one made due below: wait for the job to be free first.
    let running = Query::select()
        .expr(Expr::col(Alias::new("locked_until")))
        .from(Alias::new("scheduled_jobs"))
        .and_where(Expr::col(Alias::new("name")).eq("comms.mailbox_sync"))
        .to_owned();
    atrium_tests::eventually("the mail sync job to be free", || async {
        let row = app.db.conn.query_one(&running).await.expect("the job's lease");
        let leased = row.and_then(|r| r.try_get_by_index::<Option<chrono::DateTime<chrono::Utc>>>(0).ok().flatten());
        leased.is_none_or(|until| until <= chrono::Utc::now()).then_some(())
    })
    .await;
    let before = app.get(&path, token).await.expect(200).body;
    let past = chrono::Utc::now() - chrono::Duration::seconds(1);
    let due = [
        Query::update()
            .table(Alias::new("scheduled_jobs"))
            .value(Alias::new("next_run_at"), past)
            .and_where(Expr::col(Alias::new("name")).eq("comms.mailbox_sync"))
            .to_owned(),
        Query::update()
            .table(Alias::new("mailbox_sync_states"))
            .value(Alias::new("next_run_at"), past)
            .and_where(Expr::col(Alias::new("id")).eq(connection.parse::<uuid::Uuid>().expect("connection id")))
            .to_owned(),
    ];
    for stmt in &due {
        app.db.conn.execute(stmt).await.expect("make the sync due");
    }
    atrium_tests::eventually("a sync run of the connection", || async {
        let h = app.get(&path, token).await.expect(200).body;
        let ran = h["last_run_at"] != before["last_run_at"];
        (ran && h["syncing"] == false).then_some(h)
    })
    .await
}
