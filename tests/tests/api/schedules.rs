//! Invoice schedules over HTTP, through the real outbox: an engagement billed on
//! time and materials, a retainer and a milestone; approved time drafted once per
//! period by the runner, issued in EUR for a USD organization, paid in part and
//! credited, the time marked billed in projects, figures to the cent.

use atrium_tests::{Session, TestApp, app_tests, eventually};
use serde_json::{Value, json};

app_tests!(engagement_billed_by_schedules_from_time_to_credit_note, schedules_refuse_bad_terms_and_other_tenants,);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn eur(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "EUR"})
}

fn usd(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "USD"})
}

/// An engagement budgeted in EUR for Globex, a project under it: (engagement, project).
async fn engagement(app: &TestApp, s: &Session) -> (String, String) {
    let company = id(&app.post("/api/v1/client-companies", &s.token, json!({"name": "Globex"})).await.expect(201).body);
    let body = json!({"name": "Relaunch", "billing_model": "time_and_materials", "client_company_id": company,
                      "budget": eur(5_000_000)});
    let e = id(&app.post("/api/v1/engagements", &s.token, body).await.expect(201).body);
    let p = app.post("/api/v1/projects", &s.token, json!({"name": "Site", "engagement_id": e})).await.expect(201);
    (e, id(&p.body))
}

async fn approved(app: &TestApp, s: &Session, approver: &Session, project: &str, date: &str, minutes: i32) -> String {
    let body = json!({"project_id": project, "date": date, "minutes": minutes});
    let e = id(&app.post("/api/v1/time-entries", &s.token, body).await.expect(201).body);
    app.post(&format!("/api/v1/time-entries/{e}/submit"), &s.token, json!({})).await.expect(200);
    app.post(&format!("/api/v1/time-entries/{e}/approve"), &approver.token, json!({})).await.expect(200);
    e
}

fn items(v: &Value) -> Vec<Value> {
    v["items"].as_array().unwrap_or_else(|| panic!("no items in {v}")).clone()
}

async fn engagement_billed_by_schedules_from_time_to_credit_note(app: &TestApp) {
    // Today is the machine's date: the periods are placed in the two months before it.
    let today = chrono::Utc::now().date_naive();
    let this_month =
        chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), chrono::Datelike::month(&today), 1)
            .expect("first of the month");
    let m1 = this_month.checked_sub_months(chrono::Months::new(2)).expect("two months back");
    let m2 = this_month.checked_sub_months(chrono::Months::new(1)).expect("last month");
    let day = |m: chrono::NaiveDate, d: u64| (m + chrono::Days::new(d - 1)).to_string();

    let owner = app.signup("owner@example.com").await;
    let ada = app.add_member(&owner, "ada@example.com", "member").await;
    let billing = app.add_member(&owner, "billing@example.com", "billing").await;
    app.patch("/api/v1/billing-settings", &owner.token, json!({"base_currency": "USD", "payment_terms_days": 30}))
        .await
        .expect(200);
    let (engagement, project) = engagement(app, &owner).await;
    let card = json!({"member_id": ada.user_id, "effective_from": day(m1, 1),
                      "billing_rate": eur(15_000), "cost_rate": eur(6_000)});
    app.post("/api/v1/rate-cards", &billing.token, card).await.expect(201);

    // Time: 2 h in the first month, 1.5 h + 2.5 h in the second; a draft entry is not billed.
    let first = approved(app, &ada, &owner, &project, &day(m1, 15), 120).await;
    let second = [
        approved(app, &ada, &owner, &project, &day(m2, 3), 90).await,
        approved(app, &ada, &owner, &project, &day(m2, 20), 150).await,
    ];
    let body = json!({"project_id": project, "date": day(m2, 21), "minutes": 60});
    app.post("/api/v1/time-entries", &ada.token, body).await.expect(201);

    let tm = app
        .post(
            "/api/v1/invoice-schedules",
            &billing.token,
            json!({"engagement_id": engagement, "kind": "time_and_materials", "name": "Monthly time",
                   "period": "monthly", "starts_on": day(m1, 1)}),
        )
        .await
        .expect(201);
    assert_eq!((&tm.body["currency"], &tm.body["next_due_on"]), (&json!("EUR"), &json!(day(m2, 1))));
    let retainer = app
        .post(
            "/api/v1/invoice-schedules",
            &billing.token,
            json!({"engagement_id": engagement, "kind": "retainer", "name": "Advisory retainer",
                   "period": "monthly", "starts_on": day(m2, 1), "amount": eur(200_000)}),
        )
        .await
        .expect(201);
    app.post(&format!("/api/v1/invoice-schedules/{}/run", id(&tm.body)), &ada.token, json!({}))
        .await
        .expect_problem(403);

    // The runner drafts both past months of time, and last month's retainer; a rerun drafts nothing.
    let runs = app.post(&format!("/api/v1/invoice-schedules/{}/run", id(&tm.body)), &billing.token, json!({})).await;
    let runs = runs.expect(200).body;
    assert_eq!(runs.as_array().map(Vec::len), Some(2), "{runs}");
    let ret =
        app.post(&format!("/api/v1/invoice-schedules/{}/run", id(&retainer.body)), &billing.token, json!({})).await;
    assert_eq!(ret.expect(200).body[0]["outcome"], "invoiced");
    let again = app.post(&format!("/api/v1/invoice-schedules/{}/run", id(&tm.body)), &billing.token, json!({})).await;
    assert_eq!(again.expect(200).body, json!([]));
    let drafts = app.get(&format!("/api/v1/invoices?schedule_id={}", id(&tm.body)), &ada.token).await.expect(200);
    let drafts = items(&drafts.body);
    let totals: Vec<&Value> = drafts.iter().map(|d| &d["total"]).collect();
    assert_eq!(totals, [&eur(30_000), &eur(60_000)], "2 h and 4 h at €150.00");
    let november = runs[1]["invoice_id"].as_str().expect("second period drafted").to_owned();
    let billed = app.get(&format!("/api/v1/invoices/{november}/time-entries"), &ada.token).await.expect(200);
    let mut billed: Vec<String> =
        billed.body.as_array().expect("list").iter().map(|t| t["time_entry_id"].as_str().expect("id").into()).collect();
    billed.sort();
    let mut want = second.to_vec();
    want.sort();
    assert_eq!(billed, want);

    // Issued in EUR at the stored rate; projects marks the time billed through the outbox.
    let issue_date = day(this_month, 1);
    app.post("/api/v1/fx-rates", &billing.token, json!({"currency": "EUR", "rate_date": issue_date, "rate": "1.05"}))
        .await
        .expect(201);
    let issued = app
        .post(&format!("/api/v1/invoices/{november}/issue"), &billing.token, json!({"issue_date": issue_date}))
        .await
        .expect(200);
    assert_eq!((&issued.body["base_total"], &issued.body["schedule_id"]), (&usd(63_000), &tm.body["id"]));
    eventually("time marked billed by the issued invoice", || async {
        let e = app.get(&format!("/api/v1/time-entries/{}", second[0]), &owner.token).await.expect(200);
        (e.body["invoiced_by"] == json!(november)).then_some(())
    })
    .await;
    let first_entry = app.get(&format!("/api/v1/time-entries/{first}"), &owner.token).await.expect(200);
    assert_eq!(first_entry.body["invoiced_by"], Value::Null, "its invoice is still a draft");

    // Paid in part at another rate, then credited: the balance follows to the cent.
    let paid_on = day(this_month, 3);
    app.post("/api/v1/fx-rates", &billing.token, json!({"currency": "EUR", "rate_date": paid_on, "rate": "1.06"}))
        .await
        .expect(201);
    let payment = app
        .post(
            &format!("/api/v1/invoices/{november}/payments"),
            &billing.token,
            json!({"amount": eur(20_000), "received_on": paid_on, "method": "SEPA"}),
        )
        .await
        .expect(201);
    assert_eq!(payment.body["base_amount"], usd(21_200));
    app.post(
        &format!("/api/v1/invoices/{november}/credit-notes"),
        &billing.token,
        json!({"reason": "Goodwill", "lines": [{"description": "Goodwill", "quantity": 1, "unit_price": eur(10_000)}]}),
    )
    .await
    .expect(201);
    let after = app.get(&format!("/api/v1/invoices/{november}"), &ada.token).await.expect(200);
    assert_eq!(
        (&after.body["status"], &after.body["paid"], &after.body["credited"], &after.body["balance"]),
        (&json!("partially_paid"), &eur(20_000), &eur(10_000), &eur(30_000))
    );

    // The finance reports, in USD at the stored rates: 300.00 EUR open at 1.05; invoiced
    // 600.00 − 100.00 EUR net (525.00 USD) against 6 h of approved time at €60.00.
    let aging = app.get("/api/v1/reports/ar-aging", &ada.token).await.expect(200).body;
    assert_eq!(
        (&aging["base_currency"], &aging["totals"]["current"], &aging["totals"]["total"]),
        (&json!("USD"), &usd(31_500), &usd(31_500))
    );
    assert_eq!(aging["items"].as_array().map(Vec::len), Some(1), "{aging}");
    let path = format!("/api/v1/reports/engagement-profitability?engagement_id={engagement}&rate_date={issue_date}");
    let profit = app.get(&path, &billing.token).await.expect(200).body;
    let row = &profit["items"][0];
    assert_eq!(
        (&row["invoiced"], &row["cost"], &row["margin"], &row["approved_minutes"], &row["budget_in_base"]),
        (&usd(52_500), &usd(37_800), &usd(14_700), &json!(360), &usd(5_250_000)),
        "{profit}"
    );

    // A milestone schedule bills when the milestone is completed, through the outbox, once.
    let m = app.post("/api/v1/milestones", &owner.token, json!({"project_id": project, "name": "Launch"})).await;
    let milestone = id(&m.expect(201).body);
    let ms = app
        .post(
            "/api/v1/invoice-schedules",
            &billing.token,
            json!({"engagement_id": engagement, "kind": "milestone", "name": "Milestones",
                   "milestones": [{"milestone_id": milestone, "description": "Launch", "amount": eur(300_000)}]}),
        )
        .await
        .expect(201);
    app.patch(&format!("/api/v1/milestones/{milestone}"), &owner.token, json!({"status": "done"})).await.expect(200);
    let path = format!("/api/v1/invoices?schedule_id={}", id(&ms.body));
    eventually("the milestone's invoice drafted", || async {
        (items(&app.get(&path, &owner.token).await.expect(200).body).len() == 1).then_some(())
    })
    .await;
    let drafted = items(&app.get(&path, &owner.token).await.expect(200).body);
    assert_eq!(drafted[0]["total"], eur(300_000));

    // The engagement's timeline shows the schedules' work.
    eventually("schedule runs on the engagement's timeline", || async {
        let t = app.get(&format!("/api/v1/timeline?engagement_id={engagement}&limit=200"), &owner.token).await;
        let body = t.expect(200).body.to_string();
        (body.contains("revenue.invoice_schedule.ran") && body.contains("revenue.invoice.issued")).then_some(())
    })
    .await;
}

async fn schedules_refuse_bad_terms_and_other_tenants(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let viewer = app.add_member(&owner, "viewer@example.com", "viewer").await;
    let (engagement, _) = engagement(app, &owner).await;
    let bad = [
        (
            json!({"engagement_id": engagement, "kind": "retainer", "name": "R", "period": "monthly",
                "starts_on": "2026-01-01"}),
            "amount",
        ),
        (
            json!({"engagement_id": engagement, "kind": "fixed", "name": "F", "period": "monthly",
                "installments": [{"description": "All", "amount": eur(100), "due_on": "2026-01-01"}]}),
            "period",
        ),
        (
            json!({"engagement_id": engagement, "kind": "fixed", "name": "F",
                "installments": [{"description": "All", "amount": usd(100), "due_on": "2026-01-01"}]}),
            "installments[0].amount.currency",
        ),
        (json!({"engagement_id": engagement, "kind": "weekly", "name": "W"}), "kind"),
    ];
    for (body, field) in bad {
        let r = app.post("/api/v1/invoice-schedules", &owner.token, body).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field]);
    }
    assert!(items(&app.get("/api/v1/invoice-schedules", &owner.token).await.expect(200).body).is_empty());
    let ok = json!({"engagement_id": engagement, "kind": "fixed", "name": "Fixed fee",
                    "installments": [{"description": "All", "amount": eur(100_000), "due_on": "2030-01-01"}]});
    app.post("/api/v1/invoice-schedules", &viewer.token, ok.clone()).await.expect_problem(403);
    let s = app.post("/api/v1/invoice-schedules", &owner.token, ok.clone()).await.expect(201);
    let path = format!("/api/v1/invoice-schedules/{}", id(&s.body));
    assert_eq!(app.get(&path, &viewer.token).await.expect(200).body["next_due_on"], "2030-01-01");

    let other = app.signup("other@example.com").await;
    app.get(&path, &other.token).await.expect_problem(404);
    app.post(&format!("{path}/run"), &other.token, json!({})).await.expect_problem(404);
    app.get(&format!("{path}/runs"), &other.token).await.expect_problem(404);
    app.post("/api/v1/invoice-schedules", &other.token, ok).await.expect_problem(404);
    app.get(&format!("/api/v1/invoices?schedule_id={}", id(&s.body)), &other.token).await.expect_problem(404);
    app.delete(&path, &other.token).await.expect_problem(404);
    app.get(&path, &owner.token).await.expect(200);
}
