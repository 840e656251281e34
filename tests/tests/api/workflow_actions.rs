//! Workflow's cross-domain actions end to end on both backends: an email queued
//! by a rule is sent to a real SMTP server (aiosmtpd) and another left a draft; a
//! webhook call is signed like a delivery, retried with the run and deduplicable
//! by its id; a note lands on the triggering record's timeline; malformed actions
//! are 422s naming the field.

use std::sync::{Arc, Mutex};

use atrium_testkit::smtp::SmtpServer;
use atrium_tests::{Backend, Session, TestApp, eventually};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

macro_rules! action_tests {
    ($($name:ident),* $(,)?) => {$(
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
    )*};
}

action_tests!(
    an_email_action_sends_over_smtp_and_drafts_for_review,
    a_webhook_action_posts_a_signed_call_and_is_retried_with_its_run,
    a_note_action_shows_on_the_triggering_records_timeline,
    malformed_actions_are_422s_naming_the_field,
);

async fn app(backend: Backend, tweak: impl FnOnce(&mut atrium_gateway::Config)) -> Option<TestApp> {
    TestApp::spawn_with(backend, |c| {
        c.dispatch_poll_ms = 20;
        c.dispatch_backoff_ms = 30;
        c.dispatch_max_attempts = 5;
        tweak(c);
    })
    .await
}

async fn rule(app: &TestApp, s: &Session, body: Value) -> String {
    let r = app.post("/api/v1/workflow-rules", &s.token, body).await.expect(201);
    r.body["id"].as_str().expect("rule id").to_owned()
}

/// The rule's runs once there are `n`, none of them still running or failed.
async fn settled_runs(app: &TestApp, s: &Session, rule: &str, n: usize) -> Vec<Value> {
    eventually(&format!("{n} settled runs of rule {rule}"), || async {
        let page = app.get(&format!("/api/v1/workflow-rules/{rule}/runs"), &s.token).await.expect(200);
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        let settled = items.iter().all(|r| r["outcome"] != "running" && r["outcome"] != "failed");
        (items.len() >= n && settled).then_some(items)
    })
    .await
}

async fn contact(app: &TestApp, s: &Session, first: &str, email: &str) -> String {
    let c = app.post("/api/v1/contacts", &s.token, json!({"first_name": first, "email": email})).await.expect(201);
    c.body["id"].as_str().expect("contact id").to_owned()
}

async fn an_email_action_sends_over_smtp_and_drafts_for_review(backend: Backend) {
    let Some(smtp) = SmtpServer::start() else { return };
    let url = smtp.url();
    let Some(app) = app(backend, |c| c.comms_smtp_url = Some(url)).await else { return };
    let ada = app.signup("ada@example.com").await;
    let conn = json!({"provider": "imap", "email_address": "ada@example.com",
        "imap": {"host": "127.0.0.1", "port": 1, "tls": false, "username": "ada", "password": "s3cret-password"}});
    let conn = app.post("/api/v1/mailbox-connections", &ada.token, conn).await.expect(201);
    let conn_id = conn.body["id"].as_str().expect("id").to_owned();
    let rule_id = rule(
        &app,
        &ada,
        json!({
            "name": "Welcome new contacts",
            "trigger": "crm.contact.created",
            "conditions": {"field": "data.email", "op": "exists"},
            "actions": [
                {"kind": "send_email", "connection_id": conn_id, "to": "{{ data.email }}",
                 "subject": "Welcome, {{ data.first_name }}", "body": "Hello {{ data.first_name | upper }}."},
                {"kind": "send_email", "connection_id": conn_id, "to": "ada@example.com, {{ data.email }}",
                 "subject": "Follow up with {{ data.first_name }}", "body": "Review me first.", "draft": true}
            ]
        }),
    )
    .await;
    contact(&app, &ada, "Hank", "hank@globex.example").await;

    let runs = settled_runs(&app, &ada, &rule_id, 1).await;
    assert_eq!(runs[0]["outcome"], "succeeded", "{}", runs[0]);
    let (sent, draft) = (&runs[0]["actions"][0]["output"], &runs[0]["actions"][1]["output"]);
    assert_eq!((sent["status"].as_str(), draft["status"].as_str()), (Some("queued"), Some("draft")));
    let received = eventually("the welcome mail", || async {
        let got = smtp.received();
        (!got.is_empty()).then_some(got)
    })
    .await;
    assert_eq!(received[0].rcpt_tos, vec!["hank@globex.example"]);
    let raw = String::from_utf8_lossy(&received[0].raw).into_owned();
    assert!(raw.contains("Subject: Welcome, Hank"), "{raw}");
    assert!(raw.contains("Hello HANK."), "{raw}");

    // The sent one reads `sent` in its thread; the draft waits for review, unsent.
    let thread = sent["thread_id"].as_str().expect("thread");
    let id = sent["message_id"].as_str().expect("message");
    eventually("the message sent", || async {
        let page = app.get(&format!("/api/v1/threads/{thread}/messages"), &ada.token).await.expect(200);
        page.body["items"].as_array()?.iter().find(|m| m["id"] == id && m["status"] == "sent").cloned()
    })
    .await;
    let draft_thread = draft["thread_id"].as_str().expect("thread");
    let page = app.get(&format!("/api/v1/threads/{draft_thread}/messages"), &ada.token).await.expect(200);
    let message = &page.body["items"][0];
    assert_eq!((message["status"].as_str(), message["subject"].as_str()), (Some("draft"), Some("Follow up with Hank")));
    let to: Vec<&str> = message["to"].as_array().expect("to").iter().filter_map(|a| a["address"].as_str()).collect();
    assert_eq!(to, ["ada@example.com", "hank@globex.example"]);
    atrium_tests::feed_event(&app, &ada.token, "comms.message.drafted").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), 1, "the draft was not sent");

    // A contact without an email does not meet the condition: nothing is written.
    app.post("/api/v1/contacts", &ada.token, json!({"first_name": "Nobody"})).await.expect(201);
    let runs = settled_runs(&app, &ada, &rule_id, 2).await;
    assert_eq!(runs[0]["outcome"], "conditions_not_met");
}

/// A local HTTP receiver that records calls and answers with `statuses` in turn (then 200).
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

async fn receiver(statuses: Vec<u16>) -> Receiver {
    let got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let script = Arc::new(Mutex::new(statuses.into_iter()));
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let (sink, script) = (sink.clone(), script.clone());
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

async fn a_webhook_action_posts_a_signed_call_and_is_retried_with_its_run(backend: Backend) {
    let Some(app) = app(backend, |c| c.webhook_allow_private = true).await else { return };
    let ada = app.signup("ada@example.com").await;
    // The receiver fails the first call: the run fails, and its retry calls again.
    let rx = receiver(vec![503]).await;
    // The endpoint subscribes to something this test never does: only the rule calls it.
    let hook = json!({"url": rx.url, "event_types": ["identity.api_key.*"]});
    let hook = app.post("/api/v1/webhooks", &ada.token, hook).await.expect(201);
    let secret = hook.body["secret"].as_str().expect("secret").to_owned();
    let hook_id = hook.body["webhook"]["id"].as_str().expect("id").to_owned();
    let rule_id = rule(
        &app,
        &ada,
        json!({
            "name": "Tell the CRM bridge",
            "trigger": "crm.contact.created",
            "actions": [{"kind": "call_webhook", "endpoint_id": hook_id, "message": "New contact {{ data.email }}"}]
        }),
    )
    .await;
    let contact_id = contact(&app, &ada, "Hank", "hank@globex.example").await;

    let runs = settled_runs(&app, &ada, &rule_id, 1).await;
    assert_eq!(runs[0]["outcome"], "succeeded", "{}", runs[0]);
    assert_eq!(runs[0]["attempts"], 2, "retried once after the 503: {}", runs[0]);
    assert_eq!(runs[0]["actions"][0]["output"]["status"], 200);
    let calls = rx.got.lock().expect("lock").clone();
    assert_eq!(calls.len(), 2, "one failed call and its retry");
    let ids: Vec<&str> = calls.iter().map(|(h, _)| h["webhook-id"].to_str().expect("id")).collect();
    assert_eq!(ids[0], ids[1], "the retry has the same webhook-id, so a receiver can dedupe");
    for (headers, body) in &calls {
        let id = headers["webhook-id"].to_str().expect("id");
        let ts: i64 = headers["webhook-timestamp"].to_str().expect("ts").parse().expect("number");
        let sig = headers["webhook-signature"].to_str().expect("sig");
        assert!(atrium_webhooks::signature::verify(&secret, id, ts, body, sig), "signed with the endpoint's secret");
        assert!(!atrium_webhooks::signature::verify("whsec_AAAA", id, ts, body, sig), "and with nothing else");
    }
    let body: Value = serde_json::from_slice(&calls[1].1).expect("json body");
    assert_eq!(body["type"], "workflow.webhook");
    assert_eq!(body["rule_id"], rule_id.as_str());
    assert_eq!(body["run_id"], runs[0]["id"]);
    assert_eq!(body["message"], "New contact hank@globex.example");
    assert_eq!(
        (body["event"]["type"].as_str(), body["event"]["data"]["id"].as_str()),
        (Some("crm.contact.created"), Some(&*contact_id))
    );
    // The endpoint's attempt log shows both calls.
    let attempts = app.get(&format!("/api/v1/webhooks/{hook_id}/attempts"), &ada.token).await.expect(200);
    let codes: Vec<i64> =
        attempts.body["items"].as_array().expect("items").iter().filter_map(|a| a["status_code"].as_i64()).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes.contains(&503) && codes.contains(&200), "{codes:?}");

    // Another organization's endpoint is not the rule's to call: its run fails, the receiver hears nothing.
    let eve = app.signup("eve@evil.example").await;
    let eve_rule = rule(
        &app,
        &eve,
        json!({"name": "Borrow", "trigger": "crm.contact.created",
               "actions": [{"kind": "call_webhook", "endpoint_id": hook_id}]}),
    )
    .await;
    contact(&app, &eve, "Mallory", "mallory@evil.example").await;
    let failed = eventually("eve's run failed", || async {
        let page = app.get(&format!("/api/v1/workflow-rules/{eve_rule}/runs"), &eve.token).await.expect(200);
        page.body["items"].as_array()?.iter().find(|r| r["outcome"] == "failed").cloned()
    })
    .await;
    assert!(failed["error"].as_str().is_some_and(|e| e.contains("call_webhook")), "{failed}");
    assert_eq!(rx.got.lock().expect("lock").len(), 2);
}

async fn timeline(app: &TestApp, s: &Session, query: &str) -> Vec<Value> {
    let page = app.get(&format!("/api/v1/timeline{query}"), &s.token).await.expect(200);
    page.body["items"].as_array().cloned().unwrap_or_default()
}

async fn a_note_action_shows_on_the_triggering_records_timeline(backend: Backend) {
    let Some(app) = app(backend, |_| {}).await else { return };
    let ada = app.signup("ada@example.com").await;
    let on_deal = rule(
        &app,
        &ada,
        json!({
            "name": "Note won deals",
            "trigger": "crm.deal.stage_changed",
            "conditions": {"field": "data.to", "op": "eq", "value": "won"},
            "actions": [{"kind": "add_note", "text": "Won {{ data.name }}: book the kick-off"}]
        }),
    )
    .await;
    let company = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let company_id = company.body["id"].as_str().expect("id").to_owned();
    let on_contact = rule(
        &app,
        &ada,
        json!({
            "name": "Note new people on their company",
            "trigger": "crm.contact.created",
            "actions": [{"kind": "add_note", "text": "{{ data.first_name }} joined",
                         "subject_type": "client_company", "subject_id": "{{ data.client_company_id }}"}]
        }),
    )
    .await;
    let deal = json!({"name": "Relaunch", "client_company_id": company_id});
    let deal = app.post("/api/v1/deals", &ada.token, deal).await.expect(201);
    let deal_id = deal.body["id"].as_str().expect("id").to_owned();
    app.patch(&format!("/api/v1/deals/{deal_id}"), &ada.token, json!({"stage": "won"})).await.expect(200);
    let person = json!({"first_name": "Hank", "email": "hank@globex.example", "client_company_id": company_id});
    app.post("/api/v1/contacts", &ada.token, person).await.expect(201);
    let runs = settled_runs(&app, &ada, &on_deal, 1).await;
    assert_eq!(runs[0]["outcome"], "succeeded", "{}", runs[0]);
    let note_id = runs[0]["actions"][0]["output"]["note_id"].clone();
    assert!(note_id.is_string());
    settled_runs(&app, &ada, &on_contact, 1).await;

    let on_deal_timeline = eventually("the note on the deal's timeline", || async {
        let items = timeline(&app, &ada, &format!("?entity_type=deal&entity_id={deal_id}")).await;
        items.iter().any(|e| e["event_type"] == "workflow.note.added").then_some(items)
    })
    .await;
    let note = on_deal_timeline.iter().find(|e| e["event_type"] == "workflow.note.added").expect("note");
    assert_eq!(note["summary"], "Note: Won Relaunch: book the kick-off");
    assert_eq!(note["data"]["id"], note_id);
    assert_eq!(note["actor"], format!("system:workflow:{}", runs[0]["id"].as_str().expect("run id")));
    let on_company = eventually("the note on the company's timeline", || async {
        let items = timeline(&app, &ada, &format!("?entity_type=client_company&entity_id={company_id}")).await;
        items.into_iter().find(|e| e["event_type"] == "workflow.note.added")
    })
    .await;
    assert_eq!(on_company["summary"], "Note: Hank joined");
    let on_contacts = timeline(&app, &ada, "?entity_type=contact").await;
    assert!(on_contacts.iter().all(|e| e["event_type"] != "workflow.note.added"), "not on the contact's");
}

async fn malformed_actions_are_422s_naming_the_field(backend: Backend) {
    let Some(app) = app(backend, |_| {}).await else { return };
    let ada = app.signup("ada@example.com").await;
    let id = uuid::Uuid::now_v7().to_string();
    let cases = [
        (
            "crm.contact.created",
            json!({"kind": "send_email", "connection_id": id, "to": "{{ data.email }}", "body": "x"}),
            "actions[0].subject",
        ),
        (
            "crm.contact.created",
            json!({"kind": "send_email", "connection_id": id, "to": "{{ data.mail }}", "subject": "x", "body": "x"}),
            "actions[0].to",
        ),
        (
            "crm.contact.created",
            json!({"kind": "call_webhook", "endpoint_id": id, "message": "{{ data.nope }}"}),
            "actions[0].message",
        ),
        (
            "crm.contact.created",
            json!({"kind": "add_note", "text": "x", "subject_type": "invoice", "subject_id": id}),
            "actions[0].subject_type",
        ),
        (
            "crm.contact.created",
            json!({"kind": "add_note", "text": "x", "subject_type": "deal"}),
            "actions[0].subject_id",
        ),
        // An invoice takes no notes: the rule must name the record.
        ("revenue.invoice.*", json!({"kind": "add_note", "text": "x"}), "actions[0].subject_type"),
        ("crm.contact.created", json!({"kind": "add_note"}), "actions[0]"),
    ];
    for (trigger, action, field) in cases {
        let body = json!({"name": "Bad", "trigger": trigger, "actions": [action]});
        let got = app.post("/api/v1/workflow-rules", &ada.token, body).await.expect_problem(422).field_errors();
        assert!(got.iter().any(|f| f == field), "{action}: expected `{field}`, got {got:?}");
    }
    let rules = app.get("/api/v1/workflow-rules", &ada.token).await.expect(200);
    assert_eq!(rules.body["items"].as_array().map(Vec::len), Some(0), "nothing was written");
}
