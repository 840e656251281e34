//! Sending over HTTP: compose and reply answer 202 with the queued message, the
//! app's own dispatcher sends it to a real SMTP server (aiosmtpd), and the message
//! reads `sent` in its thread. Bad input is a 422 naming the field, nothing written;
//! another organization's thread is 404.

use atrium_outbox::entity::event;
use atrium_testkit::smtp::SmtpServer;
use atrium_tests::{TestApp, app_tests, eventually};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::comms::seed_thread;

app_tests!(compose_and_reply_are_sent_over_smtp, bad_sends_are_422_and_write_nothing);

fn imap() -> Value {
    json!({"provider": "imap", "email_address": "ada@example.com",
        "imap": {"host": "127.0.0.1", "port": 1, "tls": false, "username": "ada", "password": "s3cret-password"}})
}

async fn message_status(app: &TestApp, token: &str, thread: &str, id: &str, want: &str) -> Value {
    eventually(&format!("message {id} {want}"), || async {
        let page = app.get(&format!("/api/v1/threads/{thread}/messages"), token).await.expect(200);
        page.body["items"].as_array()?.iter().find(|m| m["id"] == id && m["status"] == want).cloned()
    })
    .await
}

async fn compose_and_reply_are_sent_over_smtp(app: &TestApp) {
    let Some(smtp) = SmtpServer::start() else { return };
    let url = smtp.url();
    let app = TestApp::spawn_with(app.db.backend, |c| c.comms_smtp_url = Some(url)).await.expect("app");
    let ada = app.signup("ada@example.com").await;
    let conn = app.post("/api/v1/mailbox-connections", &ada.token, imap()).await.expect(201);
    let conn_id = conn.body["id"].as_str().expect("id").to_owned();

    let composed = app
        .post(
            "/api/v1/threads",
            &ada.token,
            json!({"connection_id": conn_id, "to": ["hank@globex.example"], "subject": "Proposal",
                "body_text": "The proposal is attached in spirit."}),
        )
        .await
        .expect(202);
    assert_eq!(composed.body["status"], "queued");
    let thread = composed.body["thread_id"].as_str().expect("thread").to_owned();
    let id = composed.body["id"].as_str().expect("id").to_owned();
    let sent = message_status(&app, &ada.token, &thread, &id, "sent").await;
    assert_eq!(sent["send_attempts"], 1);
    assert!(sent["status_reason"].is_null());

    // A reply in a synced thread (no connection recorded): the connection is named.
    let synced = seed_thread(&app, &ada.org_id, "Kick-off").await;
    let before = app.get(&format!("/api/v1/threads/{synced}/messages"), &ada.token).await.expect(200);
    let original = before.body["items"][0]["message_id"].as_str().expect("message id").to_owned();
    let reply = app
        .post(
            &format!("/api/v1/threads/{synced}/reply"),
            &ada.token,
            json!({"connection_id": conn_id, "body_text": "Monday works."}),
        )
        .await
        .expect(202);
    assert_eq!(reply.body["in_reply_to"], original.as_str());
    assert_eq!(reply.body["subject"], "Re: Kick-off");
    let reply_id = reply.body["id"].as_str().expect("id").to_owned();
    message_status(&app, &ada.token, &synced, &reply_id, "sent").await;

    let received = smtp.received();
    assert_eq!(received.len(), 2, "each sent once");
    let raw = String::from_utf8_lossy(&received[1].raw).into_owned();
    assert!(raw.contains(&format!("Message-ID: <{}>", reply.body["message_id"].as_str().expect("mid"))), "{raw}");
    assert!(raw.contains(&format!("In-Reply-To: <{original}>")), "{raw}");
    assert!(raw.contains("Subject: Re: Kick-off"), "{raw}");
    assert_eq!(received[1].rcpt_tos, vec!["hank@globex.example"]);
    let thread_now = app.get(&format!("/api/v1/threads/{synced}"), &ada.token).await.expect(200);
    assert_eq!(thread_now.body["message_count"], 2);
    atrium_tests::feed_event(&app, &ada.token, "comms.message.sent").await;

    // Another organization: the thread is 404, the connection is not theirs.
    let eve = app.signup("eve@evil.example").await;
    app.post(
        &format!("/api/v1/threads/{synced}/reply"),
        &eve.token,
        json!({"connection_id": conn_id, "body_text": "x"}),
    )
    .await
    .expect_problem(404);
    let r = app
        .post(
            "/api/v1/threads",
            &eve.token,
            json!({"connection_id": conn_id, "to": ["hank@globex.example"], "subject": "x", "body_text": "x"}),
        )
        .await
        .expect_problem(422);
    assert_eq!(r.field_errors(), vec!["connection_id".to_owned()]);
}

async fn bad_sends_are_422_and_write_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let conn = app.post("/api/v1/mailbox-connections", &ada.token, imap()).await.expect(201);
    let conn_id = conn.body["id"].as_str().expect("id").to_owned();
    let good = json!({"connection_id": conn_id, "to": ["hank@globex.example"], "subject": "Hi", "body_text": "Hello"});
    let mut no_to = good.clone();
    no_to["to"] = json!([]);
    let mut bad_to = good.clone();
    bad_to["to"] = json!(["not an address"]);
    let mut empty_subject = good.clone();
    empty_subject["subject"] = json!("");
    let mut unknown_connection = good.clone();
    unknown_connection["connection_id"] = json!(uuid::Uuid::now_v7());
    let mut unknown_engagement = good.clone();
    unknown_engagement["engagement_id"] = json!(uuid::Uuid::now_v7());
    for (body, field) in [
        (no_to, "to"),
        (bad_to, "to"),
        (empty_subject, "subject"),
        (unknown_connection, "connection_id"),
        (unknown_engagement, "engagement_id"),
    ] {
        let r = app.post("/api/v1/threads", &ada.token, body).await.expect_problem(422);
        assert!(r.field_errors().iter().any(|f| f.starts_with(field)), "expected {field}: {}", r.body);
    }
    let thread = seed_thread(app, &ada.org_id, "Kick-off").await;
    // The seeded thread has no connection: one must be named.
    let r = app
        .post(&format!("/api/v1/threads/{thread}/reply"), &ada.token, json!({"body_text": "x"}))
        .await
        .expect_problem(422);
    assert_eq!(r.field_errors(), vec!["connection_id".to_owned()]);
    let r = app
        .post(
            &format!("/api/v1/threads/{thread}/reply"),
            &ada.token,
            json!({"connection_id": conn_id, "body_text": ""}),
        )
        .await
        .expect_problem(422);
    assert_eq!(r.field_errors(), vec!["body_text".to_owned()]);

    let threads = app.get("/api/v1/threads", &ada.token).await.expect(200);
    assert_eq!(threads.body["items"].as_array().map(Vec::len), Some(1), "only the seeded thread");
    let org: uuid::Uuid = ada.org_id.parse().expect("org");
    let queued = event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org))
        .filter(event::Column::EventType.is_in(["comms.message.queued", "comms.thread.created"]))
        .count(&app.db.conn)
        .await
        .expect("count");
    assert_eq!(queued, 0, "no event either");
}
