//! Time tracking over HTTP: the approval lifecycle with ETags and the lock after
//! approval, members touching only their own time, viewers reading, validation
//! naming the field, filters (including "not yet invoiced") and another
//! organization's ids as 404 even in a filter, revenue's invoice events through the
//! real outbox and dispatcher, and rate card override precedence.

use atrium_events::EventPayload;
use atrium_events::agreements::EngagementId;
use atrium_events::projects::TimeEntryId;
use atrium_events::revenue::{InvoiceId, InvoiceIssued, InvoiceVoided};
use atrium_tests::{Reply, Session, TestApp, app_tests, eventually, read};
use reqwest::Method;
use serde_json::{Value, json};

app_tests!(
    time_entries_lifecycle_and_roles,
    time_filters_and_tenancy,
    invoices_mark_time_through_the_outbox,
    rate_cards_over_http
);

/// An engagement budgeted in EUR and a project under it: (engagement, project).
async fn project(app: &TestApp, s: &Session) -> (String, String) {
    let body = json!({"name": "Relaunch", "billing_model": "time_and_materials",
                      "budget": {"amount_minor": 1_000_000, "currency": "EUR"}});
    let e = app.post("/api/v1/engagements", &s.token, body).await.expect(201);
    let engagement = e.body["id"].as_str().expect("id").to_owned();
    let p = app.post("/api/v1/projects", &s.token, json!({"name": "Site", "engagement_id": engagement})).await;
    (engagement, p.expect(201).body["id"].as_str().expect("id").to_owned())
}

fn id(r: &Reply) -> String {
    r.body["id"].as_str().expect("id").to_owned()
}

async fn with_if_match(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    etag: &str,
    body: Option<Value>,
) -> Reply {
    let mut req = app.http.request(method, format!("{}{path}", app.base)).bearer_auth(token).header("if-match", etag);
    if let Some(b) = body {
        req = req.json(&b);
    }
    read(req.send().await.expect("request")).await
}

async fn log(app: &TestApp, s: &Session, project: &str, date: &str, minutes: i32) -> String {
    let body = json!({"project_id": project, "date": date, "minutes": minutes});
    id(&app.post("/api/v1/time-entries", &s.token, body).await.expect(201))
}

/// Logged by `s`, submitted and approved by `approver`.
async fn approved(app: &TestApp, s: &Session, approver: &Session, project: &str, date: &str, minutes: i32) -> String {
    let e = log(app, s, project, date, minutes).await;
    app.post(&format!("/api/v1/time-entries/{e}/submit"), &s.token, json!({})).await.expect(200);
    app.post(&format!("/api/v1/time-entries/{e}/approve"), &approver.token, json!({})).await.expect(200);
    e
}

async fn time_entries_lifecycle_and_roles(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let member = app.add_member(&owner, "member@example.com", "member").await;
    let billing = app.add_member(&owner, "billing@example.com", "billing").await;
    let viewer = app.add_member(&owner, "viewer@example.com", "viewer").await;
    let (engagement, project) = project(app, &owner).await;

    let body = json!({"project_id": project, "date": "2026-12-01", "minutes": 90, "note": "Workshop"});
    let created = app.post("/api/v1/time-entries", &member.token, body.clone()).await.expect(201);
    let e = id(&created);
    assert_eq!(created.headers["location"], format!("/api/v1/time-entries/{e}").as_str());
    assert_eq!(
        (created.body["member_id"].as_str(), created.body["approval_state"].as_str()),
        (Some(member.user_id.as_str()), Some("draft"))
    );
    assert_eq!(created.body["billable"], true);
    app.post("/api/v1/time-entries", &viewer.token, body.clone()).await.expect_problem(403);
    let for_owner = json!({"member_id": owner.user_id, "project_id": project, "date": "2026-12-01", "minutes": 30});
    app.post("/api/v1/time-entries", &member.token, for_owner.clone()).await.expect_problem(403);
    let owners = id(&app.post("/api/v1/time-entries", &billing.token, for_owner).await.expect(201));

    // Validation names the field.
    for (bad, field) in [
        (json!({"project_id": project, "date": "2026-12-01", "minutes": 0}), "minutes"),
        (json!({"project_id": project, "date": "2026-12-01", "minutes": 1441}), "minutes"),
        (json!({"project_id": project, "date": "1999-12-31", "minutes": 10}), "date"),
        (json!({"project_id": project, "date": "2026-13-01", "minutes": 10}), "date"),
        (json!({"project_id": uuid::Uuid::now_v7(), "date": "2026-12-01", "minutes": 10}), "project_id"),
        (
            json!({"project_id": project, "task_id": uuid::Uuid::now_v7(), "date": "2026-12-01", "minutes": 10}),
            "task_id",
        ),
    ] {
        let r = app.post("/api/v1/time-entries", &member.token, bad.clone()).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field], "{bad}");
    }

    // ETag and If-Match.
    let path = format!("/api/v1/time-entries/{e}");
    let got = app.get(&path, &viewer.token).await.expect(200);
    assert_eq!(got.headers["etag"], "\"1\"");
    with_if_match(app, Method::PATCH, &path, &member.token, "\"7\"", Some(json!({"minutes": 60})))
        .await
        .expect_problem(409);
    let edited = with_if_match(app, Method::PATCH, &path, &member.token, "\"1\"", Some(json!({"minutes": 60}))).await;
    assert_eq!((edited.status.as_u16(), edited.body["minutes"].as_i64()), (200, Some(60)));
    assert_eq!(edited.headers["etag"], "\"2\"");
    app.patch(&path, &viewer.token, json!({"minutes": 5})).await.expect_problem(403);

    // A member never touches another's entry.
    let theirs = format!("/api/v1/time-entries/{owners}");
    app.patch(&theirs, &member.token, json!({"minutes": 5})).await.expect_problem(403);
    app.post(&format!("{theirs}/submit"), &member.token, json!({})).await.expect_problem(403);
    app.delete(&theirs, &member.token).await.expect_problem(403);

    // Submit, decide, lock.
    app.post(&format!("{path}/submit"), &member.token, json!({})).await.expect(200);
    app.patch(&path, &member.token, json!({"minutes": 5})).await.expect_problem(409);
    app.post(&format!("{path}/approve"), &member.token, json!({})).await.expect_problem(403);
    let rejected = app.post(&format!("{path}/reject"), &billing.token, json!({"reason": "Split it"})).await.expect(200);
    assert_eq!(
        (rejected.body["approval_state"].as_str(), rejected.body["rejection_reason"].as_str()),
        (Some("rejected"), Some("Split it"))
    );
    app.patch(&path, &member.token, json!({"minutes": 45})).await.expect(200);
    app.post(&format!("{path}/submit"), &member.token, json!({})).await.expect(200);
    let ok = app.post(&format!("{path}/approve"), &billing.token, json!({})).await.expect(200);
    assert_eq!(
        (ok.body["approval_state"].as_str(), ok.body["decided_by"].as_str()),
        (Some("approved"), Some(billing.user_id.as_str()))
    );
    let locked = app.patch(&path, &owner.token, json!({"minutes": 5})).await.expect_problem(409);
    assert!(locked.body["detail"].as_str().unwrap_or_default().contains("locked"), "{}", locked.body);
    app.delete(&path, &owner.token).await.expect_problem(409);
    app.post(&format!("{path}/reject"), &owner.token, json!({})).await.expect_problem(409);
    assert_eq!(app.get(&path, &member.token).await.expect(200).body["minutes"], 45);

    // A draft goes; a project with time stays.
    app.delete(&theirs, &owner.token).await.expect(204);
    app.get(&theirs, &owner.token).await.expect_problem(404);
    app.delete(&format!("/api/v1/projects/{project}"), &owner.token).await.expect_problem(409);

    // The engagement's timeline tells of decisions on time, not of every entry logged
    // (in order per entry, so the approval arriving means its creation was seen).
    let timeline = format!("/api/v1/timeline?engagement_id={engagement}&limit=200");
    let types = eventually("the approval on the timeline", || async {
        let page = app.get(&timeline, &owner.token).await.expect(200);
        let types: Vec<String> = page.body["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|e| e["event_type"].as_str().map(str::to_owned))
            .collect();
        types.iter().any(|t| t == "projects.time_entry.approved").then_some(types)
    })
    .await;
    assert!(types.iter().any(|t| t == "projects.time_entry.rejected"), "{types:?}");
    assert!(
        !types.iter().any(|t| t == "projects.time_entry.created" || t == "projects.time_entry.updated"),
        "{types:?}"
    );
}

async fn time_filters_and_tenancy(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let member = app.add_member(&owner, "member@example.com", "member").await;
    let (engagement, p1) = project(app, &owner).await;
    let (_, p2) = project(app, &owner).await;
    let a = log(app, &member, &p1, "2026-12-01", 60).await;
    let b = approved(app, &member, &owner, &p1, "2026-12-05", 30).await;
    let body = json!({"project_id": p2, "date": "2026-12-10", "minutes": 45, "billable": false});
    let c = id(&app.post("/api/v1/time-entries", &owner.token, body).await.expect(201));

    let ids = |r: Reply| -> Vec<String> {
        r.body["items"].as_array().expect("items").iter().map(|e| e["id"].as_str().expect("id").to_owned()).collect()
    };
    let (a, b, c) = (a.as_str(), b.as_str(), c.as_str());
    let q = |query: String| {
        let token = owner.token.clone();
        async move { app.get(&format!("/api/v1/time-entries?{query}"), &token).await }
    };
    assert_eq!(ids(q(String::new()).await.expect(200)), [a, b, c]);
    assert_eq!(ids(q(format!("member_id={}", member.user_id)).await.expect(200)), [a, b]);
    assert_eq!(ids(app.get("/api/v1/time-entries?member_id=me", &member.token).await.expect(200)), [a, b]);
    assert_eq!(ids(q(format!("project_id={p2}")).await.expect(200)), [c]);
    assert_eq!(ids(q(format!("engagement_id={engagement}")).await.expect(200)), [a, b]);
    assert_eq!(ids(q("date_from=2026-12-02&date_to=2026-12-10".into()).await.expect(200)), [b, c]);
    assert_eq!(ids(q("billable=false".into()).await.expect(200)), [c]);
    assert_eq!(ids(q("approval_state=approved&invoiced=false".into()).await.expect(200)), [b]);
    assert!(ids(q("invoiced=true".into()).await.expect(200)).is_empty());
    let page = q("limit=2".into()).await.expect(200);
    let cursor = page.body["next_cursor"].as_str().expect("cursor").to_owned();
    assert_eq!(ids(q(format!("limit=2&cursor={cursor}")).await.expect(200)), [c]);

    for (query, field) in [
        ("approval_state=done", "approval_state"),
        ("billable=maybe", "billable"),
        ("date_from=2026-12-10&date_to=2026-12-01", "date_to"),
        ("project_id=nope", "project_id"),
    ] {
        assert_eq!(q(query.into()).await.expect_problem(422).field_errors(), [field], "{query}");
    }

    // Another organization: its ids are 404, in a path or a filter.
    let other = app.signup("other@example.com").await;
    let (their_engagement, their_project) = project(app, &other).await;
    for query in [
        format!("project_id={their_project}"),
        format!("engagement_id={their_engagement}"),
        format!("member_id={}", other.user_id),
    ] {
        q(query).await.expect_problem(404);
    }
    app.get(&format!("/api/v1/time-entries/{a}"), &other.token).await.expect_problem(404);
    app.patch(&format!("/api/v1/time-entries/{a}"), &other.token, json!({"minutes": 1})).await.expect_problem(404);
    app.post(&format!("/api/v1/time-entries/{b}/approve"), &other.token, json!({})).await.expect_problem(404);
    let theirs = json!({"project_id": p1, "date": "2026-12-01", "minutes": 10});
    let r = app.post("/api/v1/time-entries", &other.token, theirs).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["project_id"]);
    assert!(ids(app.get("/api/v1/time-entries", &other.token).await.expect(200)).is_empty());
}

/// Publishes revenue's event into the app's outbox, as the revenue domain will.
async fn publish<E: EventPayload>(app: &TestApp, org: &str, payload: &E) {
    let org: uuid::Uuid = org.parse().expect("org id");
    atrium_outbox::publish_as(&app.db.conn, org.into(), "user:billing", chrono::Utc::now(), payload)
        .await
        .expect("publish");
}

async fn invoiced_by(app: &TestApp, s: &Session, entry: &str) -> Value {
    app.get(&format!("/api/v1/time-entries/{entry}"), &s.token).await.expect(200).body["invoiced_by"].clone()
}

async fn invoices_mark_time_through_the_outbox(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let (engagement, project) = project(app, &owner).await;
    let a = approved(app, &owner, &owner, &project, "2026-12-01", 60).await;
    let b = approved(app, &owner, &owner, &project, "2026-12-02", 30).await;
    let draft = log(app, &owner, &project, "2026-12-03", 15).await;
    let entry = |s: &str| s.parse::<uuid::Uuid>().map(TimeEntryId).expect("entry id");
    let engagement_id = EngagementId(engagement.parse().expect("engagement id"));
    let invoice = InvoiceId::new();
    let issued = InvoiceIssued {
        invoice_id: invoice,
        engagement_id,
        number: "INV-1".into(),
        client_company_id: None,
        issue_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
        due_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 30).expect("date"),
        total: atrium_kernel::Money::new(9000, "EUR".parse().expect("EUR")),
        base_total: atrium_kernel::Money::new(9000, "EUR".parse().expect("EUR")),
        fx_rate: "1".into(),
        time_entry_ids: vec![entry(&a), entry(&b), entry(&draft)],
    };
    publish(app, &owner.org_id, &issued).await;
    eventually("entries billed", || async {
        (invoiced_by(app, &owner, &b).await == json!(invoice.to_string())).then_some(())
    })
    .await;
    assert_eq!(invoiced_by(app, &owner, &a).await, json!(invoice.to_string()));
    assert_eq!(invoiced_by(app, &owner, &draft).await, Value::Null, "a draft is not billable");
    let unbilled = app.get("/api/v1/time-entries?invoiced=false", &owner.token).await.expect(200);
    assert_eq!(unbilled.body["items"].as_array().map(Vec::len), Some(1));
    let marked = atrium_tests::feed_event(app, &owner.token, "projects.time_entry.invoiced").await;
    assert_eq!(marked["data"]["time_entry_ids"].as_array().map(Vec::len), Some(2));

    // The same invoice issued again (a redelivery, as another event) marks nothing new.
    publish(app, &owner.org_id, &issued).await;
    let voided = InvoiceVoided {
        invoice_id: invoice,
        engagement_id,
        number: "INV-1".into(),
        time_entry_ids: vec![entry(&a), entry(&b)],
    };
    publish(app, &owner.org_id, &voided).await;
    eventually("entries unbilled", || async {
        (invoiced_by(app, &owner, &a).await.is_null() && invoiced_by(app, &owner, &b).await.is_null()).then_some(())
    })
    .await;
    atrium_tests::feed_event(app, &owner.token, "projects.time_entry.uninvoiced").await;
    let feed = app.get("/api/v1/events?limit=500", &owner.token).await.expect(200);
    let count = |t: &str| feed.body["items"].as_array().expect("items").iter().filter(|e| e["type"] == t).count();
    assert_eq!((count("projects.time_entry.invoiced"), count("projects.time_entry.uninvoiced")), (1, 1));
}

async fn rate_cards_over_http(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let member = app.add_member(&owner, "member@example.com", "member").await;
    let billing = app.add_member(&owner, "billing@example.com", "billing").await;
    let (engagement, _) = project(app, &owner).await;
    let money = |minor: i64, cur: &str| json!({"amount_minor": minor, "currency": cur});
    let default = json!({"member_id": member.user_id, "effective_from": "2026-01-01",
                         "billing_rate": money(10_000, "EUR"), "cost_rate": money(4_000, "EUR")});
    let d = app.post("/api/v1/rate-cards", &billing.token, default.clone()).await.expect(201);
    app.post("/api/v1/rate-cards", &billing.token, default).await.expect_problem(409);
    app.get("/api/v1/rate-cards", &member.token).await.expect_problem(403);
    let over = |from: &str, cur: &str| {
        json!({"member_id": member.user_id, "engagement_id": engagement,
        "effective_from": from, "billing_rate": money(15_000, cur), "cost_rate": money(4_000, cur)})
    };
    let r = app.post("/api/v1/rate-cards", &billing.token, over("2026-07-01", "USD")).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["billing_rate"], "not the engagement's currency");
    let o = app.post("/api/v1/rate-cards", &owner.token, over("2026-07-01", "EUR")).await.expect(201);

    let effective = |date: &str| {
        format!("/api/v1/rate-cards/effective?member_id={}&engagement_id={engagement}&date={date}", member.user_id)
    };
    let before = app.get(&effective("2026-06-30"), &billing.token).await.expect(200);
    assert_eq!((before.body["source"].as_str(), &before.body["rate_card_id"]), (Some("default"), &d.body["id"]));
    let after = app.get(&effective("2026-07-01"), &billing.token).await.expect(200);
    assert_eq!(
        (after.body["source"].as_str(), &after.body["billing_rate"]),
        (Some("engagement"), &money(15_000, "EUR"))
    );
    app.get(&effective("2025-12-31"), &billing.token).await.expect_problem(404);
    let other = app.signup("other@example.com").await;
    app.get(&format!("/api/v1/rate-cards/{}", id(&o)), &other.token).await.expect_problem(404);
    let (theirs, _) = project(app, &other).await;
    let foreign =
        format!("/api/v1/rate-cards/effective?member_id={}&engagement_id={theirs}&date=2026-07-01", member.user_id);
    app.get(&foreign, &billing.token).await.expect_problem(404);
    app.delete(&format!("/api/v1/rate-cards/{}", id(&o)), &billing.token).await.expect(204);
    let back = app.get(&effective("2026-07-01"), &billing.token).await.expect(200);
    assert_eq!(back.body["source"], "default");
}
