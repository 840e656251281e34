//! Collecting over HTTP: overdue reminders listed, filtered and dismissed (and on
//! the engagement's timeline), exchange rates imported from CSV all or nothing,
//! and invoices following a CRM company merge.

use atrium_tests::{Session, TestApp, app_tests, eventually};
use reqwest::Method;
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Query};
use serde_json::{Value, json};

app_tests!(
    reminders_are_listed_filtered_and_dismissed_on_the_timeline,
    fx_rates_import_from_csv_all_or_nothing,
    invoices_follow_a_company_merge,
);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

/// A reminder row as the daily job drafts it (the job itself runs on its daily
/// schedule; its rules are tested against the service).
pub async fn seed_reminder(app: &TestApp, org_id: &str, invoice_id: &str, step: i32) -> String {
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let org: uuid::Uuid = org_id.parse().expect("org id");
    let invoice: uuid::Uuid = invoice_id.parse().expect("invoice id");
    let stmt = Query::insert()
        .into_table(Alias::new("invoice_reminders"))
        .columns(
            [
                "id",
                "organization_id",
                "invoice_id",
                "step_days",
                "days_overdue",
                "balance",
                "currency",
                "status",
                "version",
                "drafted_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            id.into(),
            org.into(),
            invoice.into(),
            step.into(),
            step.into(),
            10_000i64.into(),
            "USD".into(),
            "drafted".into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("seed reminder");
    id.to_string()
}

async fn engagement(app: &TestApp, s: &Session, company: &str) -> String {
    let e = app
        .post(
            "/api/v1/engagements",
            &s.token,
            json!({"name": "Relaunch", "billing_model": "fixed", "client_company_id": company}),
        )
        .await
        .expect(201);
    id(&e.body)
}

async fn issued_invoice(app: &TestApp, s: &Session, engagement: &str) -> String {
    let draft = app
        .post(
            "/api/v1/invoices",
            &s.token,
            json!({"engagement_id": engagement, "payment_terms_days": 0, "lines": [{"description": "Workshop",
                "quantity": 1, "unit_price": {"amount_minor": 10_000, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let invoice = id(&draft.body);
    app.post(&format!("/api/v1/invoices/{invoice}/issue"), &s.token, json!({"issue_date": "2026-10-01"}))
        .await
        .expect(200);
    invoice
}

async fn reminders_are_listed_filtered_and_dismissed_on_the_timeline(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let viewer = app.add_member(&ada, "vic@example.com", "viewer").await;
    let company =
        id(&app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201).body);
    let engagement = engagement(app, &ada, &company).await;
    let first = issued_invoice(app, &ada, &engagement).await;
    let second = issued_invoice(app, &ada, &engagement).await;
    let r1 = seed_reminder(app, &ada.org_id, &first, 1).await;
    let r7 = seed_reminder(app, &ada.org_id, &first, 7).await;
    seed_reminder(app, &ada.org_id, &second, 1).await;

    let page = app.get("/api/v1/invoice-reminders?limit=2", &viewer.token).await.expect(200);
    assert_eq!(page.body["items"].as_array().map(Vec::len), Some(2));
    let cursor = page.body["next_cursor"].as_str().expect("a next page").to_owned();
    let next = app.get(&format!("/api/v1/invoice-reminders?limit=2&cursor={cursor}"), &viewer.token).await.expect(200);
    assert_eq!((next.body["items"].as_array().map(Vec::len), &next.body["next_cursor"]), (Some(1), &Value::Null));
    let of_first = app.get(&format!("/api/v1/invoice-reminders?invoice_id={first}"), &ada.token).await.expect(200);
    let steps: Vec<_> =
        of_first.body["items"].as_array().expect("items").iter().map(|r| r["step_days"].clone()).collect();
    assert_eq!(steps, [json!(1), json!(7)]);
    assert_eq!(of_first.body["items"][0]["invoice_number"], "INV-2026-0001");
    assert_eq!(of_first.body["items"][0]["balance"], json!({"amount_minor": 10_000, "currency": "USD"}));

    // Viewers read; billing roles dismiss.
    app.post(&format!("/api/v1/invoice-reminders/{r7}/dismiss"), &viewer.token, json!({})).await.expect_problem(403);
    let stale =
        app.call(Method::POST, &format!("/api/v1/invoice-reminders/{r7}/dismiss"), Some(&ada.token), None).await;
    assert_eq!(stale.status, 200, "If-Match is optional: {}", stale.body);
    assert_eq!((&stale.body["status"], &stale.body["version"]), (&json!("dismissed"), &json!(2)));
    assert_eq!(stale.headers.get("etag").and_then(|v| v.to_str().ok()), Some("\"2\""));
    let dismissed = app.get("/api/v1/invoice-reminders?status=dismissed", &ada.token).await.expect(200);
    assert_eq!(
        dismissed.body["items"].as_array().map(|a| a.iter().map(id).collect::<Vec<_>>()),
        Some(vec![r7.clone()])
    );
    let drafted = app.get("/api/v1/invoice-reminders?status=drafted", &ada.token).await.expect(200);
    assert!(drafted.body["items"].as_array().expect("items").iter().any(|r| id(r) == r1));

    // Bad filters name the field; another organization's filter value is 404.
    let bad = app.get("/api/v1/invoice-reminders?status=lost", &ada.token).await.expect_problem(422);
    assert_eq!(bad.field_errors(), ["status"]);
    let bob = app.signup("bob@example.com").await;
    app.get(&format!("/api/v1/invoice-reminders?invoice_id={first}"), &bob.token).await.expect_problem(404);
    let theirs = app.get("/api/v1/invoice-reminders", &bob.token).await.expect(200);
    assert_eq!(theirs.body["items"], json!([]));

    let timeline = eventually("the dismissal on the engagement's timeline", || async {
        let page = app.get(&format!("/api/v1/timeline?engagement_id={engagement}&limit=200"), &ada.token).await;
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        items.into_iter().find(|e| e["event_type"] == "revenue.reminder.dismissed")
    })
    .await;
    assert_eq!(timeline["entity_id"], json!(r7), "{timeline}");
}

async fn import(app: &TestApp, token: &str, content_type: &str, body: impl Into<reqwest::Body>) -> atrium_tests::Reply {
    let res = app
        .http
        .post(format!("{}/api/v1/fx-rates/import", app.base))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("import");
    atrium_tests::read(res).await
}

async fn fx_rates_import_from_csv_all_or_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let member = app.add_member(&ada, "mo@example.com", "member").await;
    let csv = "date,from,to,rate\n2027-01-29,EUR,USD,1.0834\n2027-01-29,GBP,USD,1.2671\n";
    let r = import(app, &ada.token, "text/csv; charset=utf-8", csv).await.expect(200);
    assert_eq!(r.body, json!({"created": 2, "replaced": 0, "unchanged": 0}));
    let r = import(app, &ada.token, "text/csv", "date,from,to,rate\n2027-01-29,EUR,USD,1.09\n").await.expect(200);
    assert_eq!(r.body, json!({"created": 0, "replaced": 1, "unchanged": 0}));
    let rates = app.get("/api/v1/fx-rates?currency=EUR", &ada.token).await.expect(200);
    assert_eq!(rates.body["items"][0]["rate"], "1.09");

    let bad = "date,from,to,rate\n2027-01-30,EUR,USD,1.1\n2027-01-30,JPY,USD,abc\n2027-01-31,XXQ,USD,1\n";
    let r = import(app, &ada.token, "text/csv", bad).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["rows[2].rate", "rows[3].from"]);
    import(app, &ada.token, "application/json", "{}").await.expect_problem(415);
    let huge = format!("date,from,to,rate\n{}", "2027-01-30,EUR,USD,1.1\n".repeat(30_000));
    import(app, &ada.token, "text/csv", huge).await.expect_problem(413);
    import(app, &member.token, "text/csv", csv).await.expect_problem(403);
    let rates = app.get("/api/v1/fx-rates", &ada.token).await.expect(200);
    assert_eq!(rates.body["items"].as_array().map(Vec::len), Some(2), "refused imports wrote nothing");
}

async fn invoices_follow_a_company_merge(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let survivor =
        id(&app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201).body);
    let dup =
        id(&app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex Inc"})).await.expect(201).body);
    let engagement = engagement(app, &ada, &dup).await;
    let invoice = issued_invoice(app, &ada, &engagement).await;
    app.post(&format!("/api/v1/client-companies/{survivor}/merge"), &ada.token, json!({"source_ids": [dup]}))
        .await
        .expect(200);
    eventually("the invoice to name the survivor", || async {
        let inv = app.get(&format!("/api/v1/invoices/{invoice}"), &ada.token).await.expect(200);
        (inv.body["client_company_id"] == json!(survivor)).then_some(())
    })
    .await;
    let listed = app.get(&format!("/api/v1/invoices?client_company_id={survivor}"), &ada.token).await.expect(200);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));
}
