//! Revenue over HTTP: billing settings and rates, an EUR invoice for a USD
//! organization from draft to credit note with every figure to the cent, the
//! engagement's timeline, the role rules, and bad input refused with the field named.

use atrium_tests::{Session, TestApp, app_tests, eventually};
use serde_json::{Value, json};

app_tests!(
    eur_invoice_from_draft_to_credit_note_with_the_engagement_timeline,
    members_and_viewers_read_but_do_not_bill,
    bad_input_is_refused_naming_the_field_and_writes_nothing,
    parallel_issues_take_consecutive_numbers,
);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn eur(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "EUR"})
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

async fn eur_invoice_from_draft_to_credit_note_with_the_engagement_timeline(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let settings = app
        .patch(
            "/api/v1/billing-settings",
            &ada.token,
            json!({"base_currency": "USD", "invoice_number_format": "GLX-{YY}{MM}-{seq:3}", "payment_terms_days": 14}),
        )
        .await
        .expect(200);
    assert_eq!(settings.body["version"], 1);
    let engagement = engagement(app, &ada).await;
    let vat =
        app.post("/api/v1/tax-rates", &ada.token, json!({"name": "VAT 20%", "basis_points": 2000})).await.expect(201);
    let vat = id(&vat.body);
    let draft = app
        .post(
            "/api/v1/invoices",
            &ada.token,
            json!({"engagement_id": engagement, "currency": "EUR", "lines": [
                {"description": "Discovery", "quantity": "1.5", "unit_price": eur(120_000), "tax_rate_id": vat},
                {"description": "Design", "quantity": 4, "unit_price": eur(95_050), "tax_rate_id": vat},
                {"description": "Goodwill", "quantity": 1, "unit_price": eur(-10_000)}
            ]}),
        )
        .await
        .expect(201);
    let invoice = id(&draft.body);
    // 1,800.00 + 3,802.00 taxed at 20 % (1,120.40), less 100.00 untaxed.
    assert_eq!(
        (&draft.body["subtotal"], &draft.body["tax_total"], &draft.body["total"], &draft.body["status"]),
        (&eur(550_200), &eur(112_040), &eur(662_240), &json!("draft"))
    );
    assert_eq!(draft.body["lines"][0]["quantity"], "1.5");
    assert_eq!(
        draft.body["tax_totals"],
        json!([{"name": "VAT 20%", "basis_points": 2000, "inclusive": false,
        "taxable": eur(560_200), "tax": eur(112_040)}])
    );

    let issue = json!({"issue_date": "2027-01-29"});
    let no_rate = app.post(&format!("/api/v1/invoices/{invoice}/issue"), &ada.token, issue.clone()).await;
    let no_rate = no_rate.expect_problem(422);
    assert_eq!(no_rate.field_errors(), ["issue_date"]);
    app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-01-29", "rate": "1.0834"}))
        .await
        .expect(201);
    let issued = app.post(&format!("/api/v1/invoices/{invoice}/issue"), &ada.token, issue).await.expect(200);
    assert_eq!(
        (&issued.body["number"], &issued.body["due_date"], &issued.body["fx_rate"], &issued.body["base_total"]),
        (
            &json!("GLX-2701-001"),
            &json!("2027-02-12"),
            &json!("1.0834"),
            &json!({"amount_minor": 717_471, "currency": "USD"})
        )
    );
    let edit = app.patch(&format!("/api/v1/invoices/{invoice}"), &ada.token, json!({"notes": "late edit"})).await;
    edit.expect_problem(409);

    app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-02-03", "rate": "1.1"}))
        .await
        .expect(201);
    let payment = app
        .post(
            &format!("/api/v1/invoices/{invoice}/payments"),
            &ada.token,
            json!({"amount": eur(200_000), "received_on": "2027-02-03", "method": "SEPA"}),
        )
        .await
        .expect(201);
    // 2,000.00 EUR: 2,200.00 USD received, 2,166.80 USD at the invoice's rate.
    assert_eq!(
        (&payment.body["base_amount"], &payment.body["realized_fx_difference"]),
        (&json!({"amount_minor": 220_000, "currency": "USD"}), &json!({"amount_minor": 3_320, "currency": "USD"}))
    );
    let over = app
        .post(
            &format!("/api/v1/invoices/{invoice}/credit-notes"),
            &ada.token,
            json!({"lines": [{"description": "Too much", "quantity": 1, "unit_price": eur(462_241)}]}),
        )
        .await;
    assert_eq!(over.expect_problem(422).field_errors(), ["lines"]);
    let credit = app
        .post(
            &format!("/api/v1/invoices/{invoice}/credit-notes"),
            &ada.token,
            json!({"reason": "Design shortened", "issue_date": "2027-02-05", "lines": [
                {"description": "Design, half a day less", "quantity": "0.5", "unit_price": eur(95_050), "tax_rate_id": vat}
            ]}),
        )
        .await
        .expect(201);
    // 475.25 + 95.05 VAT
    assert_eq!((&credit.body["number"], &credit.body["total"]), (&json!("CN-2027-0001"), &eur(57_030)));
    let now = app.get(&format!("/api/v1/invoices/{invoice}"), &ada.token).await.expect(200);
    assert_eq!(
        (&now.body["status"], &now.body["paid"], &now.body["credited"], &now.body["balance"]),
        (&json!("partially_paid"), &eur(200_000), &eur(57_030), &eur(405_210))
    );
    assert_pdf_says(
        app,
        &ada,
        &invoice,
        &["GLX-2701-001", "Globex", "6622.40 EUR", "4052.10 EUR", "2027-02-12", "Design"],
    )
    .await;
    let listed = app.get("/api/v1/invoices?status=partially_paid", &ada.token).await.expect(200);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));

    let timeline = eventually("the revenue events on the engagement's timeline", || async {
        let page = app.get(&format!("/api/v1/timeline?engagement_id={engagement}&limit=200"), &ada.token).await;
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        let types: Vec<String> = items
            .iter()
            .filter_map(|e| e["event_type"].as_str().map(str::to_owned))
            .filter(|t| t.starts_with("revenue."))
            .collect();
        (types.len() == 4).then_some(types)
    })
    .await;
    assert_eq!(
        timeline,
        ["revenue.credit_note.issued", "revenue.payment.recorded", "revenue.invoice.issued", "revenue.invoice.created"]
    );
}

/// The invoice's PDF, as `pdftotext` (poppler) reads it, holds every `expected` text.
async fn assert_pdf_says(app: &TestApp, s: &Session, invoice: &str, expected: &[&str]) {
    let res = app
        .http
        .get(format!("{}/api/v1/invoices/{invoice}/pdf", app.base))
        .bearer_auth(&s.token)
        .send()
        .await
        .expect("pdf");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.expect("pdf body");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    if !atrium_tests::tool_available("pdftotext", "-v") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("invoice.pdf");
    std::fs::write(&path, &bytes).expect("write pdf");
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    for e in expected {
        assert!(text.contains(e), "the PDF does not say {e:?}:\n{text}");
    }
}

async fn members_and_viewers_read_but_do_not_bill(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let engagement = engagement(app, &ada).await;
    let invoice = app
        .post(
            "/api/v1/invoices",
            &ada.token,
            json!({"engagement_id": engagement, "lines": [{"description": "Work", "quantity": 1,
                "unit_price": {"amount_minor": 1000, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let invoice = id(&invoice.body);
    let billing = app.add_member(&ada, "bill@example.com", "billing").await;
    app.post(&format!("/api/v1/invoices/{invoice}/issue"), &billing.token, json!({})).await.expect(200);
    for role in ["member", "viewer"] {
        let s = app.add_member(&ada, &format!("{role}@example.com"), role).await;
        app.get(&format!("/api/v1/invoices/{invoice}"), &s.token).await.expect(200);
        let pay = json!({"amount": {"amount_minor": 1, "currency": "USD"}, "received_on": "2027-01-05"});
        app.post(&format!("/api/v1/invoices/{invoice}/payments"), &s.token, pay).await.expect_problem(403);
        app.post("/api/v1/tax-rates", &s.token, json!({"name": "VAT", "basis_points": 1})).await.expect_problem(403);
    }
    let payments = app.get(&format!("/api/v1/payments?invoice_id={invoice}"), &ada.token).await.expect(200);
    assert_eq!(payments.body["items"], json!([]));
}

async fn bad_input_is_refused_naming_the_field_and_writes_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let engagement = engagement(app, &ada).await;
    let usd = |minor: i64| json!({"amount_minor": minor, "currency": "USD"});
    let cases = [
        (
            json!({"engagement_id": engagement, "lines": [{"description": "x", "quantity": 1.5, "unit_price": usd(1)}]}),
            "lines[0].quantity",
        ),
        (
            json!({"engagement_id": engagement, "lines": [{"description": "x", "quantity": "0", "unit_price": usd(1)}]}),
            "lines[0].quantity",
        ),
        (
            json!({"engagement_id": engagement, "lines": [{"description": "x", "quantity": 1, "unit_price": eur(1)}]}),
            "lines[0].unit_price.currency",
        ),
        (
            json!({"engagement_id": engagement, "lines": [{"description": " ", "quantity": 1, "unit_price": usd(1)}]}),
            "lines[0].description",
        ),
        (json!({"engagement_id": engagement, "currency": "XYZ"}), "currency"),
        (json!({"engagement_id": engagement, "payment_terms_days": -1}), "payment_terms_days"),
    ];
    for (body, field) in cases {
        let r = app.post("/api/v1/invoices", &ada.token, body.clone()).await.expect_problem(422);
        assert!(r.field_errors().iter().any(|f| f.starts_with(field)), "{body}: {:?}", r.field_errors());
    }
    let bad_settings =
        app.patch("/api/v1/billing-settings", &ada.token, json!({"invoice_number_format": "INV-"})).await;
    assert_eq!(bad_settings.expect_problem(422).field_errors(), ["invoice_number_format"]);
    let bad_rate = app
        .post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-01-29", "rate": "-1"}))
        .await;
    assert_eq!(bad_rate.expect_problem(422).field_errors(), ["rate"]);
    let list = app.get("/api/v1/invoices", &ada.token).await.expect(200);
    assert_eq!(list.body["items"], json!([]), "nothing was written");
    app.get("/api/v1/invoices?status=overdue&limit=5", &ada.token).await.expect(200);
    app.get("/api/v1/invoices?status=late", &ada.token).await.expect_problem(422);
}

async fn parallel_issues_take_consecutive_numbers(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let engagement = engagement(app, &ada).await;
    let mut drafts = Vec::new();
    for n in 0..8 {
        let d = app
            .post(
                "/api/v1/invoices",
                &ada.token,
                json!({"engagement_id": engagement, "lines": [{"description": "Work", "quantity": 1,
                    "unit_price": {"amount_minor": 1000 + n, "currency": "USD"}}]}),
            )
            .await
            .expect(201);
        drafts.push(id(&d.body));
    }
    let paths: Vec<String> = drafts.iter().map(|d| format!("/api/v1/invoices/{d}/issue")).collect();
    let issues = paths.iter().map(|p| app.post(p, &ada.token, json!({})));
    let mut numbers: Vec<String> = futures::future::join_all(issues)
        .await
        .into_iter()
        .map(|r| r.expect(200).body["number"].as_str().expect("number").to_owned())
        .collect();
    numbers.sort();
    let year = chrono::Utc::now().format("%Y");
    let expected: Vec<String> = (1..=8).map(|n| format!("INV-{year}-{n:04}")).collect();
    assert_eq!(numbers, expected);
}
