//! Payables over HTTP: a vendor (deduplicated), an EUR bill with lines and tax for a
//! USD organization, routed by a rule over the threshold to two approvers in order,
//! self-approval refused, rejected back to draft with the reason, approved, paid in
//! part then in full, "awaiting me" at each step, the events, and the engagement's
//! profitability with the bill's cost to the cent; bad input refused naming the
//! field with nothing written.

use atrium_outbox::entity::event;
use atrium_tests::{Session, TestApp, app_tests, eventually, feed_event};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

app_tests!(
    vendor_to_paid_bill_through_a_two_step_route,
    bad_payables_input_is_refused_naming_the_field_and_writes_nothing,
);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn eur(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "EUR"})
}

fn usd(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "USD"})
}

async fn engagement(app: &TestApp, s: &Session) -> String {
    let company = id(&app.post("/api/v1/client-companies", &s.token, json!({"name": "Globex"})).await.expect(201).body);
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

async fn awaiting(app: &TestApp, s: &Session) -> Vec<String> {
    let page = app.get("/api/v1/bills/awaiting-me", &s.token).await.expect(200);
    page.body["items"].as_array().expect("items").iter().map(id).collect()
}

async fn vendor_to_paid_bill_through_a_two_step_route(app: &TestApp) {
    let ada = app.signup("ada@example.com").await; // owner: the second step
    let al = app.add_member(&ada, "al@example.com", "admin").await; // the first step
    let bea = app.add_member(&ada, "bea@example.com", "billing").await; // enters and submits
    let engagement = engagement(app, &ada).await;

    let vendor = app
        .post(
            "/api/v1/vendors",
            &bea.token,
            json!({"name": "Northwind Print Ltd", "email": "billing@northwind.example", "tax_id": "GB123456789",
                "default_currency": "EUR", "payment_terms_days": 30}),
        )
        .await
        .expect(201);
    assert_eq!(vendor.body["tax_id"], "GB123456789");
    let vendor = id(&vendor.body);
    let dup = app.post("/api/v1/vendors", &bea.token, json!({"name": "northwind print"})).await.expect_problem(409);
    assert_eq!(dup.body["existing_id"], vendor.as_str());
    let dup = app
        .post("/api/v1/vendors", &bea.token, json!({"name": "Other", "email": "BILLING@northwind.example"}))
        .await
        .expect_problem(409);
    assert_eq!(dup.body["existing_id"], vendor.as_str());

    // Bills of 1,000.00 USD or more: any admin, then Ada herself.
    let rule = json!({"name": "Large bills", "priority": 10, "min_amount": usd(100_000), "steps": [
        {"mode": "any_of", "approvers": [{"role": "admin"}]},
        {"mode": "all_of", "approvers": [{"member_id": ada.user_id}]}
    ]});
    app.post("/api/v1/bill-approval-rules", &bea.token, rule.clone()).await.expect_problem(403);
    let rule = app.post("/api/v1/bill-approval-rules", &ada.token, rule).await.expect(201);
    assert_eq!(rule.body["min_amount"], usd(100_000));

    let vat = app.post("/api/v1/tax-rates", &ada.token, json!({"name": "VAT 20%", "basis_points": 2000})).await;
    let vat = id(&vat.expect(201).body);
    let bill = app
        .post(
            "/api/v1/bills",
            &bea.token,
            json!({"vendor_id": vendor, "engagement_id": engagement, "vendor_reference": "NW-0113",
                "bill_date": "2027-01-13", "lines": [
                {"description": "Brochures", "account": "6100", "quantity": 2, "unit_price": eur(60_000), "tax_rate_id": vat},
                {"description": "Delivery", "quantity": 1, "unit_price": eur(4_550)}
            ]}),
        )
        .await
        .expect(201);
    let b = id(&bill.body);
    // The vendor's currency and terms; 1,200.00 + 240.00 VAT + 45.50 untaxed.
    assert_eq!(
        (&bill.body["currency"], &bill.body["due_date"], &bill.body["status"]),
        (&json!("EUR"), &json!("2027-02-12"), &json!("draft"))
    );
    assert_eq!(
        (&bill.body["subtotal"], &bill.body["tax_total"], &bill.body["total"]),
        (&eur(124_550), &eur(24_000), &eur(148_550))
    );

    let submit = format!("/api/v1/bills/{b}/submit");
    let no_rate = app.post(&submit, &bea.token, json!({})).await.expect_problem(422);
    assert_eq!(no_rate.field_errors(), ["bill_date"]);
    app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-01-13", "rate": "1.0834"}))
        .await
        .expect(201);
    let pending = app.post(&submit, &bea.token, json!({})).await.expect(200);
    // 1,485.50 EUR × 1.0834 = 1,609.39 USD: over the threshold.
    assert_eq!((&pending.body["status"], &pending.body["base_total"]), (&json!("pending_approval"), &usd(160_939)));
    let route = &pending.body["approval"];
    assert_eq!((&route["rule_name"], &route["current_step"]), (&json!("Large bills"), &json!(1)));
    assert_eq!(route["steps"][0]["approvers"][0]["approver_id"], al.user_id.as_str());
    assert_eq!(route["steps"][1]["approvers"][0]["approver_id"], ada.user_id.as_str());
    let requested = feed_event(app, &ada.token, "revenue.bill.approval_requested").await;
    assert_eq!((&requested["data"]["step"], &requested["data"]["approvers"]), (&json!(1), &json!([al.user_id])));

    let approve = format!("/api/v1/bills/{b}/approve");
    let own = app.post(&approve, &bea.token, json!({})).await.expect_problem(403);
    assert!(own.body["detail"].as_str().is_some_and(|d| d.contains("submitter")), "{}", own.body);
    app.post(&approve, &ada.token, json!({})).await.expect_problem(403); // step 2 is not open yet
    assert_eq!(awaiting(app, &al).await, std::slice::from_ref(&b));
    assert!(awaiting(app, &ada).await.is_empty());

    let rejected = app
        .post(&format!("/api/v1/bills/{b}/reject"), &al.token, json!({"reason": "Missing the PO number"}))
        .await
        .expect(200);
    assert_eq!(
        (&rejected.body["status"], &rejected.body["rejection"]["reason"]),
        (&json!("draft"), &json!("Missing the PO number"))
    );
    assert!(awaiting(app, &al).await.is_empty());
    let rejection = feed_event(app, &ada.token, "revenue.bill.rejected").await;
    assert_eq!(rejection["data"]["reason"], "Missing the PO number");
    app.patch(&format!("/api/v1/bills/{b}"), &bea.token, json!({"notes": "PO 4711"})).await.expect(200);
    let again = app.post(&submit, &bea.token, json!({})).await.expect(200);
    assert_eq!((&again.body["approval"]["round"], &again.body["rejection"]), (&json!(2), &Value::Null));

    let step1 = app.post(&approve, &al.token, json!({"comment": "PO checked"})).await.expect(200);
    assert_eq!(
        (&step1.body["status"], &step1.body["approval"]["current_step"]),
        (&json!("pending_approval"), &json!(2))
    );
    assert!(awaiting(app, &al).await.is_empty());
    assert_eq!(awaiting(app, &ada).await, std::slice::from_ref(&b));
    let approved = app.post(&approve, &ada.token, json!({})).await.expect(200);
    assert_eq!(approved.body["status"], "approved");
    assert!(awaiting(app, &ada).await.is_empty());
    let done = feed_event(app, &ada.token, "revenue.bill.approved").await;
    assert_eq!(done["data"]["approved_by"], json!([al.user_id, ada.user_id]));

    // Paid in two parts, each at its own day's rate.
    app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-02-10", "rate": "1.1"}))
        .await
        .expect(201);
    let pay = format!("/api/v1/bills/{b}/payments");
    let part = app
        .post(&pay, &bea.token, json!({"amount": eur(50_000), "paid_on": "2027-02-10", "method": "SEPA"}))
        .await
        .expect(201);
    assert_eq!(part.body["base_amount"], usd(55_000));
    let over = app.post(&pay, &bea.token, json!({"amount": eur(98_551), "paid_on": "2027-02-10"})).await;
    assert_eq!(over.expect_problem(422).field_errors(), ["amount"]);
    let now = app.get(&format!("/api/v1/bills/{b}"), &bea.token).await.expect(200);
    assert_eq!((&now.body["status"], &now.body["balance"]), (&json!("partially_paid"), &eur(98_550)));
    app.post(&pay, &bea.token, json!({"amount": eur(98_550), "paid_on": "2027-02-10"})).await.expect(201);
    let paid = app.get(&format!("/api/v1/bills/{b}"), &bea.token).await.expect(200);
    assert_eq!((&paid.body["status"], &paid.body["balance"]), (&json!("paid"), &eur(0)));
    let payments = app.get(&format!("/api/v1/bills/{b}/payments"), &bea.token).await.expect(200);
    assert_eq!(payments.body["items"].as_array().map(Vec::len), Some(2));

    // The engagement's cost: the bill's subtotal at its stored rate, 1,245.50 × 1.0834 = 1,349.37 USD.
    let report = app
        .get(&format!("/api/v1/reports/engagement-profitability?engagement_id={engagement}"), &ada.token)
        .await
        .expect(200);
    let row = &report.body["items"][0];
    assert_eq!((&row["bill_cost"], &row["cost"], &row["margin"]), (&usd(134_937), &usd(134_937), &usd(-134_937)));
    let listed = app.get(&format!("/api/v1/bills?engagement_id={engagement}&status=paid"), &ada.token).await;
    assert_eq!(listed.expect(200).body["items"][0]["id"], b.as_str());

    // The bill's life is on the engagement's timeline.
    let timeline = eventually("the bill's events on the engagement's timeline", || async {
        let page = app.get(&format!("/api/v1/timeline?engagement_id={engagement}&limit=200"), &ada.token).await;
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        let types: Vec<String> = items
            .iter()
            .filter_map(|e| e["event_type"].as_str().map(str::to_owned))
            .filter(|t| t.starts_with("revenue.bill"))
            .collect();
        (types.iter().filter(|t| *t == "revenue.bill_payment.recorded").count() == 2).then_some(types)
    })
    .await;
    for t in
        ["revenue.bill.created", "revenue.bill.approval_requested", "revenue.bill.rejected", "revenue.bill.approved"]
    {
        assert!(timeline.iter().any(|x| x == t), "{t} missing from {timeline:?}");
    }
}

async fn bad_payables_input_is_refused_naming_the_field_and_writes_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let vendor = id(&app.post("/api/v1/vendors", &ada.token, json!({"name": "Northwind"})).await.expect(201).body);
    let line = json!({"description": "Brochures", "quantity": 1, "unit_price": usd(1_000)});
    for (body, field) in [
        (
            json!({"vendor_id": vendor, "bill_date": "2027-01-13", "lines": [
            {"description": "x", "quantity": 1, "unit_price": eur(1)}]}),
            "lines[0].unit_price.currency",
        ),
        (json!({"vendor_id": vendor, "bill_date": "2027-02-30", "lines": [line]}), "bill_date"),
        (
            json!({"vendor_id": vendor, "bill_date": "2027-01-13", "due_date": "2027-01-12", "lines": [line]}),
            "due_date",
        ),
        (
            json!({"vendor_id": vendor, "bill_date": "2027-01-13", "lines": [
            {"description": "", "quantity": 1, "unit_price": usd(1)}]}),
            "lines[0].description",
        ),
    ] {
        let r = app.post("/api/v1/bills", &ada.token, body).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field]);
    }
    for (body, field) in [
        (json!({"name": "R", "priority": 1, "steps": []}), "steps"),
        (
            json!({"name": "R", "priority": 1, "min_amount": eur(1), "steps": [{"mode": "any_of", "approvers": [{"role": "admin"}]}]}),
            "min_amount.currency",
        ),
        (
            json!({"name": "R", "priority": 1, "steps": [{"mode": "any_of", "approvers": [{"role": "admin", "member_id": ada.user_id}]}]}),
            "steps[0].approvers[0]",
        ),
    ] {
        let r = app.post("/api/v1/bill-approval-rules", &ada.token, body).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field]);
    }
    let r = app.post("/api/v1/vendors", &ada.token, json!({"name": "X", "email": "not an email"})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["email"]);
    for list in ["/api/v1/bills", "/api/v1/bill-approval-rules"] {
        let items = app.get(list, &ada.token).await.expect(200);
        assert_eq!(items.body["items"], json!([]), "{list} wrote nothing");
    }
    let vendors = app.get("/api/v1/vendors", &ada.token).await.expect(200);
    assert_eq!(vendors.body["items"].as_array().map(Vec::len), Some(1));
    // Straight from the outbox: the change feed shows events only once the dispatcher sequenced them.
    let org: uuid::Uuid = ada.org_id.parse().expect("org id");
    let payables: Vec<String> = event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org))
        .all(&app.db.conn)
        .await
        .expect("outbox")
        .into_iter()
        .map(|e| e.event_type)
        .filter(|t| t.contains("bill") || t.contains("vendor"))
        .collect();
    assert_eq!(payables, ["revenue.vendor.created"], "only the vendor's creation");
}
