//! The finance reports over HTTP: an organization in USD bills a client in EUR and
//! USD, takes a partial payment and a credit note, logs approved time at a cost
//! rate; AR aging, revenue by client and profitability show it to the cent, a
//! viewer may read them, and bad input names the field.

use atrium_tests::{Session, TestApp, app_tests};
use serde_json::{Value, json};

app_tests!(reports_show_billing_and_time_to_the_cent, report_filters_are_checked);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn money(minor: i64, currency: &str) -> Value {
    json!({"amount_minor": minor, "currency": currency})
}

fn usd(minor: i64) -> Value {
    money(minor, "USD")
}

/// A client and its engagement with a budget of 10,000.00 EUR.
async fn engagement(app: &TestApp, s: &Session) -> (String, String) {
    let company = id(&app.post("/api/v1/client-companies", &s.token, json!({"name": "Globex"})).await.expect(201).body);
    let e = app
        .post(
            "/api/v1/engagements",
            &s.token,
            json!({"name": "Relaunch", "billing_model": "time_and_materials", "client_company_id": company,
                   "budget": money(1_000_000, "EUR")}),
        )
        .await
        .expect(201);
    (company, id(&e.body))
}

async fn issued(app: &TestApp, s: &Session, engagement: &str, price: Value, date: &str, terms: i32) -> String {
    let draft = app
        .post(
            "/api/v1/invoices",
            &s.token,
            json!({"engagement_id": engagement, "currency": price["currency"], "payment_terms_days": terms,
                   "lines": [{"description": "Work", "quantity": 1, "unit_price": price}]}),
        )
        .await
        .expect(201);
    let invoice = id(&draft.body);
    app.post(&format!("/api/v1/invoices/{invoice}/issue"), &s.token, json!({"issue_date": date})).await.expect(200);
    invoice
}

async fn reports_show_billing_and_time_to_the_cent(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let viewer = app.add_member(&ada, "vic@example.com", "viewer").await;
    app.patch("/api/v1/billing-settings", &ada.token, json!({"base_currency": "USD"})).await.expect(200);
    let (company, engagement) = engagement(app, &ada).await;
    for (date, rate) in [("2026-11-02", "1.0834"), ("2026-11-20", "1.2"), ("2026-11-30", "1.1")] {
        app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": date, "rate": rate}))
            .await
            .expect(201);
    }
    // 1,000.05 EUR issued Nov 2 at 1.0834 with 0 days' terms; 500.00 EUR paid Nov 20.
    let eur_invoice = issued(app, &ada, &engagement, money(100_005, "EUR"), "2026-11-02", 0).await;
    app.post(
        &format!("/api/v1/invoices/{eur_invoice}/payments"),
        &ada.token,
        json!({"amount": money(50_000, "EUR"), "received_on": "2026-11-20"}),
    )
    .await
    .expect(201);
    // 400.00 USD issued Nov 10, due Dec 10; 50.00 credited Nov 25.
    let usd_invoice = issued(app, &ada, &engagement, usd(40_000), "2026-11-10", 30).await;
    app.post(
        &format!("/api/v1/invoices/{usd_invoice}/credit-notes"),
        &ada.token,
        json!({"issue_date": "2026-11-25", "lines": [{"description": "Goodwill", "quantity": 1, "unit_price": usd(5_000)}]}),
    )
    .await
    .expect(201);

    // Ada costs 40.00 EUR an hour; 3h30 approved in November.
    let project = id(&app
        .post("/api/v1/projects", &ada.token, json!({"name": "P", "engagement_id": engagement}))
        .await
        .expect(201)
        .body);
    let card = json!({"member_id": ada.user_id, "effective_from": "2026-01-01",
                      "billing_rate": money(10_000, "EUR"), "cost_rate": money(4_000, "EUR")});
    app.post("/api/v1/rate-cards", &ada.token, card).await.expect(201);
    for (date, minutes) in [("2026-11-03", 120), ("2026-11-04", 90)] {
        let body = json!({"project_id": project, "date": date, "minutes": minutes});
        let e = id(&app.post("/api/v1/time-entries", &ada.token, body).await.expect(201).body);
        app.post(&format!("/api/v1/time-entries/{e}/submit"), &ada.token, json!({})).await.expect(200);
        app.post(&format!("/api/v1/time-entries/{e}/approve"), &ada.token, json!({})).await.expect(200);
    }

    // As of Nov 30: the EUR balance 500.05 is 28 days past due, at its issue rate
    // 541.754… → 541.75; the USD balance 350.00 is not yet due.
    let aging = app.get("/api/v1/reports/ar-aging?as_of=2026-11-30", &viewer.token).await.expect(200);
    let want = json!({"client_company_id": company, "open_invoices": 2,
        "current": usd(35_000), "days_1_30": usd(54_175), "days_31_60": usd(0), "days_61_90": usd(0),
        "days_over_90": usd(0), "total": usd(89_175)});
    assert_eq!(aging.body["items"], json!([want]));
    assert_eq!((&aging.body["totals"]["total"], &aging.body["next_cursor"]), (&usd(89_175), &Value::Null));
    // On Jan 31 both are past due: 90 and 52 days.
    let later = app.get("/api/v1/reports/ar-aging?as_of=2027-01-31", &ada.token).await.expect(200);
    assert_eq!(
        (&later.body["totals"]["days_31_60"], &later.body["totals"]["days_61_90"]),
        (&usd(35_000), &usd(54_175))
    );
    assert_eq!(later.body["totals"]["days_over_90"], usd(0));

    // November: 1,083.45 (1,000.05 EUR at 1.0834) + 400.00 invoiced, 50.00 credited.
    let revenue = app.get("/api/v1/reports/revenue-by-client?from=2026-11&to=2026-12", &viewer.token).await.expect(200);
    let nov = json!({"month": "2026-11", "invoiced": usd(148_345), "credited": usd(5_000), "revenue": usd(143_345)});
    assert_eq!(revenue.body["items"][0]["months"], json!([nov]));
    assert_eq!(revenue.body["totals"], json!([nov]));

    // Profitability at Nov 30 rates: cost 210 min × 40.00 EUR = 140.00 EUR → 154.00 USD.
    let path = format!("/api/v1/reports/engagement-profitability?engagement_id={engagement}&rate_date=2026-11-30");
    let p = app.get(&path, &viewer.token).await.expect(200);
    let row = &p.body["items"][0];
    assert_eq!(
        (&row["invoiced"], &row["cost"], &row["margin"], &row["margin_basis_points"]),
        (&usd(143_345), &usd(15_400), &usd(127_945), &json!(8_926))
    );
    assert_eq!(
        (&row["budget"], &row["budget_in_base"], &row["approved_minutes"], &row["unpriced_minutes"]),
        (&money(1_000_000, "EUR"), &usd(1_100_000), &json!(210), &json!(0))
    );
    let no_rate = app.get(&path.replace("2026-11-30", "2026-11-29"), &ada.token).await;
    assert_eq!(no_rate.expect_problem(422).field_errors(), ["rate_date"]);
}

async fn report_filters_are_checked(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let (company, engagement) = engagement(app, &ada).await;
    for bad in [
        ("/api/v1/reports/ar-aging?as_of=2027-02-30", "as_of"),
        ("/api/v1/reports/revenue-by-client?from=2027-13", "from"),
        ("/api/v1/reports/revenue-by-client?from=2027-02&to=2027-01", "from"),
        ("/api/v1/reports/engagement-profitability?from=2027-02-01&to=2027-01-01", "from"),
        ("/api/v1/reports/ar-aging?limit=0", "limit"),
    ] {
        let r = app.get(bad.0, &ada.token).await.expect_problem(422);
        assert_eq!(r.field_errors(), [bad.1], "{}", bad.0);
    }
    let bob = app.signup("bob@example.com").await;
    for path in [
        format!("/api/v1/reports/ar-aging?client_company_id={company}"),
        format!("/api/v1/reports/revenue-by-client?client_company_id={company}"),
        format!("/api/v1/reports/engagement-profitability?client_company_id={company}"),
        format!("/api/v1/reports/engagement-profitability?engagement_id={engagement}"),
    ] {
        app.get(&path, &bob.token).await.expect_problem(404);
    }
    let theirs = app.get("/api/v1/reports/engagement-profitability", &bob.token).await.expect(200);
    assert_eq!(theirs.body["items"], json!([]), "B sees none of A's engagements");
}
