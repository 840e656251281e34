//! Overdue-invoice reminders become draft messages: `revenue.reminder.drafted`
//! (published as revenue publishes it) reaches comms through the app's dispatcher,
//! which drafts a message to the client company's contacts in the engagement's
//! thread; a redelivery drafts nothing more; the draft is sent after review over
//! a real SMTP server (aiosmtpd), or at once with `COMMS_AUTO_SEND_REMINDERS`.

use atrium_events::revenue::ReminderDrafted;
use atrium_testkit::smtp::SmtpServer;
use atrium_tests::{Session, TestApp, app_tests, eventually};
use serde_json::{Value, json};

app_tests!(reminders_become_drafts_sent_after_review);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

/// A client company with one contact, an engagement for it, a mailbox.
async fn client(app: &TestApp, s: &Session) -> (String, String) {
    let company = id(&app.post("/api/v1/client-companies", &s.token, json!({"name": "Globex"})).await.expect(201).body);
    app.post(
        "/api/v1/contacts",
        &s.token,
        json!({"first_name": "Hank", "last_name": "Scorpio", "email": "Hank@Globex.example", "client_company_id": company}),
    )
    .await
    .expect(201);
    app.post(
        "/api/v1/contacts",
        &s.token,
        json!({"first_name": "No", "last_name": "Email", "client_company_id": company}),
    )
    .await
    .expect(201);
    let engagement = app
        .post(
            "/api/v1/engagements",
            &s.token,
            json!({"name": "Relaunch", "billing_model": "fixed", "client_company_id": company}),
        )
        .await
        .expect(201);
    let mailbox = json!({"provider": "imap", "email_address": "billing@example.com",
        "imap": {"host": "127.0.0.1", "port": 1, "tls": false, "username": "ada", "password": "s3cret-password"}});
    app.post("/api/v1/mailbox-connections", &s.token, mailbox).await.expect(201);
    (company, id(&engagement.body))
}

async fn publish_reminder(app: &TestApp, s: &Session, company: &str, engagement: &str, reminder: uuid::Uuid) {
    let payload: ReminderDrafted = serde_json::from_value(json!({
        "id": reminder, "invoice_id": uuid::Uuid::now_v7(), "invoice_number": "INV-2026-0042",
        "engagement_id": engagement, "client_company_id": company, "step_days": 7, "days_overdue": 9,
        "due_date": "2026-11-28", "balance": {"amount_minor": 125_000, "currency": "USD"}}))
    .expect("reminder payload");
    let org: uuid::Uuid = s.org_id.parse().expect("org");
    atrium_outbox::publish_as(&app.db.conn, org.into(), "system:revenue-reminders", chrono::Utc::now(), &payload)
        .await
        .expect("publish");
}

async fn reminder_message(app: &TestApp, s: &Session, engagement: &str, status: &str) -> (String, Value) {
    eventually(&format!("a {status} reminder message"), || async {
        let threads = app.get(&format!("/api/v1/threads?engagement_id={engagement}"), &s.token).await.expect(200);
        let thread = threads.body["items"].as_array()?.first()?.clone();
        let t = id(&thread);
        let msgs = app.get(&format!("/api/v1/threads/{t}/messages"), &s.token).await.expect(200);
        let m = msgs.body["items"].as_array()?.iter().find(|m| m["status"] == status)?.clone();
        Some((t, m))
    })
    .await
}

async fn reminders_become_drafts_sent_after_review(app: &TestApp) {
    let Some(smtp) = SmtpServer::start() else { return };
    let url = smtp.url();
    let app = TestApp::spawn_with(app.db.backend, |c| c.comms_smtp_url = Some(url)).await.expect("app");
    let ada = app.signup("ada@example.com").await;
    let (company, engagement) = client(&app, &ada).await;
    let reminder = uuid::Uuid::now_v7();
    publish_reminder(&app, &ada, &company, &engagement, reminder).await;
    let (thread, draft) = reminder_message(&app, &ada, &engagement, "draft").await;
    assert_eq!(draft["subject"], "Payment reminder: invoice INV-2026-0042 is 9 days overdue");
    assert_eq!(draft["to"], json!([{"address": "hank@globex.example", "name": "Hank Scorpio"}]));
    assert_eq!(draft["from"]["address"], "billing@example.com");
    let body = draft["body_text"].as_str().expect("body");
    assert!(body.contains("INV-2026-0042") && body.contains("2026-11-28"), "{body}");
    let t = app.get(&format!("/api/v1/threads/{thread}"), &ada.token).await.expect(200);
    assert_eq!(t.body["engagement_id"], engagement.as_str());
    assert_eq!(t.body["contact_ids"].as_array().map(Vec::len), Some(1));
    atrium_tests::feed_event(&app, &ada.token, "comms.message.drafted").await;

    // The same reminder again (a redelivery): nothing more is drafted.
    publish_reminder(&app, &ada, &company, &engagement, reminder).await;
    let second = uuid::Uuid::now_v7();
    publish_reminder(&app, &ada, &company, &engagement, second).await;
    let msgs = eventually("the second reminder", || async {
        let msgs = app.get(&format!("/api/v1/threads/{thread}/messages"), &ada.token).await.expect(200);
        let items = msgs.body["items"].as_array()?.clone();
        (items.len() >= 2).then_some(items)
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let now = app.get(&format!("/api/v1/threads/{thread}/messages"), &ada.token).await.expect(200);
    assert_eq!(now.body["items"].as_array().map(Vec::len), Some(2), "one draft per reminder, same thread");
    assert!(msgs[1]["in_reply_to"].is_null(), "a draft is not replied to: {}", msgs[1]);
    assert!(smtp.received().is_empty(), "drafts wait for review");

    // Reviewed: edited first (If-Match guards against a concurrent edit).
    let draft_id = id(&draft);
    let patch = |etag: Option<&str>, body: Value| {
        let mut req = app.http.patch(format!("{}/api/v1/messages/{draft_id}", app.base)).bearer_auth(&ada.token);
        if let Some(etag) = etag {
            req = req.header("if-match", etag.to_owned());
        }
        req.json(&body).send()
    };
    let edited = atrium_tests::read(
        patch(
            Some(&format!("\"{}\"", draft["version"])),
            json!({"subject": "Invoice INV-2026-0042: friendly reminder", "body_text": "Dear Hank, a gentle nudge.",
                "cc": ["Accounts@Globex.example"]}),
        )
        .await
        .expect("patch"),
    )
    .await
    .expect(200);
    assert_eq!(edited.body["subject"], "Invoice INV-2026-0042: friendly reminder");
    assert_eq!(edited.body["cc"], json!([{"address": "accounts@globex.example", "name": null}]));
    assert_eq!(edited.body["to"], draft["to"], "absent fields stay");
    assert_eq!(edited.body["version"], draft["version"].as_i64().expect("version") + 1);
    let etag = edited.headers.get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    // The old version is stale; a bad address names its field; neither writes.
    let stale = format!("\"{}\"", draft["version"]);
    atrium_tests::read(patch(Some(&stale), json!({"subject": "Lost update"})).await.expect("patch"))
        .await
        .expect_problem(409);
    let bad = atrium_tests::read(patch(Some(&etag), json!({"to": ["not-an-address"]})).await.expect("patch"))
        .await
        .expect_problem(422);
    assert!(bad.field_errors().iter().any(|f| f.starts_with("to")), "{}", bad.body);
    atrium_tests::read(patch(Some(&etag), json!({"to": []})).await.expect("patch")).await.expect_problem(422);
    let eve = app.signup("eve@evil.example").await;
    let foreign = app.http.patch(format!("{}/api/v1/messages/{draft_id}", app.base)).bearer_auth(&eve.token);
    atrium_tests::read(foreign.json(&json!({"subject": "Hijacked"})).send().await.expect("patch"))
        .await
        .expect_problem(404);
    atrium_tests::feed_event(&app, &ada.token, "comms.message.edited").await;

    // Then sent; sending it again is a conflict.
    let queued = app.post(&format!("/api/v1/messages/{draft_id}/send"), &ada.token, json!({})).await.expect(202);
    assert_eq!(queued.body["status"], "queued");
    eventually("the reminder sent", || async {
        let msgs = app.get(&format!("/api/v1/threads/{thread}/messages"), &ada.token).await.expect(200);
        msgs.body["items"].as_array()?.iter().find(|m| m["id"] == draft_id.as_str() && m["status"] == "sent").cloned()
    })
    .await;
    app.post(&format!("/api/v1/messages/{draft_id}/send"), &ada.token, json!({})).await.expect_problem(409);
    // What was sent is immutable.
    let refused =
        atrium_tests::read(patch(None, json!({"subject": "Too late"})).await.expect("patch")).await.expect_problem(409);
    assert!(refused.body["detail"].as_str().unwrap_or_default().contains("only a draft"), "{}", refused.body);
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let mut rcpts = received[0].rcpt_tos.clone();
    rcpts.sort();
    assert_eq!(rcpts, vec!["accounts@globex.example", "hank@globex.example"]);
    let raw = String::from_utf8_lossy(&received[0].raw).into_owned();
    assert!(raw.contains("Subject: Invoice INV-2026-0042: friendly reminder"), "{raw}");
    assert!(raw.contains("a gentle nudge"), "{raw}");

    // Another organization cannot send it.
    let other = id(&msgs[1]);
    app.post(&format!("/api/v1/messages/{other}/send"), &eve.token, json!({})).await.expect_problem(404);

    // With COMMS_AUTO_SEND_REMINDERS the reminder is sent without review.
    let url = smtp.url();
    let auto = TestApp::spawn_with(app.db.backend, |c| {
        c.comms_smtp_url = Some(url);
        c.comms_auto_send_reminders = true;
    })
    .await
    .expect("app");
    let bob = auto.signup("bob@example.com").await;
    let (company, engagement) = client(&auto, &bob).await;
    publish_reminder(&auto, &bob, &company, &engagement, uuid::Uuid::now_v7()).await;
    reminder_message(&auto, &bob, &engagement, "sent").await;
    assert_eq!(smtp.received().len(), 2);
}
