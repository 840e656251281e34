//! Payables over HTTP, at their edges: files of the files domain attached to bills
//! (internal only, of the bill's engagement, another organization's file not
//! found, the events), and approval rule thresholds met exactly and missed by one
//! minor unit in the base currency, for a bill in another currency at its stored rate.

use atrium_outbox::entity::event;
use atrium_tests::{Session, TestApp, app_tests, feed_event};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

app_tests!(bills_carry_internal_files_of_their_engagement, rule_thresholds_route_at_their_edges_in_base_currency);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

fn usd(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "USD"})
}

fn eur(minor: i64) -> Value {
    json!({"amount_minor": minor, "currency": "EUR"})
}

async fn engagement(app: &TestApp, s: &Session, name: &str) -> String {
    let e = app.post("/api/v1/engagements", &s.token, json!({"name": name, "billing_model": "fixed"})).await;
    id(&e.expect(201).body)
}

/// A raw upload through the files API; answers the file's id.
async fn upload(app: &TestApp, s: &Session, query: &str, bytes: &[u8]) -> String {
    let res = app
        .http
        .post(format!("{}/api/v1/files?{query}", app.base))
        .bearer_auth(&s.token)
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.expect("json");
    id(&file)
}

async fn attachment_events(app: &TestApp, s: &Session) -> Vec<String> {
    let org: uuid::Uuid = s.org_id.parse().expect("org id");
    event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org))
        .filter(event::Column::EventType.contains("attachment"))
        .all(&app.db.conn)
        .await
        .expect("outbox")
        .into_iter()
        .map(|e| e.event_type)
        .collect()
}

async fn bills_carry_internal_files_of_their_engagement(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let bea = app.add_member(&ada, "bea@example.com", "billing").await;
    let vic = app.add_member(&ada, "vic@example.com", "viewer").await;
    let relaunch = engagement(app, &ada, "Relaunch").await;
    let other = engagement(app, &ada, "Audit").await;
    let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    let invoice_pdf = upload(app, &ada, &format!("engagement_id={relaunch}&name=NW-0113.pdf"), pdf).await;
    let client_file =
        upload(app, &ada, &format!("engagement_id={relaunch}&name=deck.pdf&visibility=client"), pdf).await;
    let elsewhere = upload(app, &ada, &format!("engagement_id={other}&name=receipt.pdf"), pdf).await;
    let bob = app.signup("bob@example.com").await;
    let bobs_engagement = engagement(app, &bob, "Theirs").await;
    let bobs_file = upload(app, &bob, &format!("engagement_id={bobs_engagement}&name=theirs.pdf"), pdf).await;

    let bill = app
        .post(
            "/api/v1/bills",
            &bea.token,
            json!({"engagement_id": relaunch, "bill_date": "2027-01-13", "lines": [
                {"description": "Printing", "quantity": 1, "unit_price": usd(12_000)}]}),
        )
        .await
        .expect(201);
    let b = id(&bill.body);
    let attachments = format!("/api/v1/bills/{b}/attachments");

    // Refused, naming the field, with nothing written: a client-visible file, a file
    // of another engagement, another organization's file (404 like a missing one),
    // and a viewer.
    let r = app.post(&attachments, &bea.token, json!({"file_id": client_file})).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["file_id"]);
    let r = app.post(&attachments, &bea.token, json!({"file_id": elsewhere})).await.expect_problem(422);
    assert_eq!(r.field_errors(), ["file_id"]);
    app.post(&attachments, &bea.token, json!({"file_id": bobs_file})).await.expect_problem(404);
    app.post(&attachments, &bea.token, json!({"file_id": uuid::Uuid::now_v7()})).await.expect_problem(404);
    let r = app.post(&attachments, &bea.token, json!({"file_id": "not-a-uuid"})).await;
    assert!(matches!(r.status.as_u16(), 400 | 422), "{}", r.status);
    app.post(&attachments, &vic.token, json!({"file_id": invoice_pdf})).await.expect_problem(403);
    assert_eq!(app.get(&attachments, &ada.token).await.expect(200).body["items"], json!([]));
    assert!(attachment_events(app, &ada).await.is_empty(), "refusals wrote nothing");

    // Attached: listed with the file as the files domain has it, once.
    let added = app.post(&attachments, &bea.token, json!({"file_id": invoice_pdf})).await.expect(201);
    assert_eq!(
        (&added.body["file_id"], &added.body["file"]["name"], &added.body["file"]["size"]),
        (&json!(invoice_pdf), &json!("NW-0113.pdf"), &json!(pdf.len()))
    );
    assert_eq!(added.body["file"]["download_url"], format!("/api/v1/files/{invoice_pdf}/download"));
    app.post(&attachments, &bea.token, json!({"file_id": invoice_pdf})).await.expect_problem(409);
    let listed = app.get(&attachments, &vic.token).await.expect(200);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(listed.body["items"][0]["file"]["media_type"], "application/pdf");
    let event = feed_event(app, &ada.token, "revenue.bill.attachment_added").await;
    assert_eq!(
        (&event["data"]["bill_id"], &event["data"]["file_id"], &event["data"]["engagement_id"]),
        (&json!(b), &json!(invoice_pdf), &json!(relaunch))
    );
    // Another organization sees neither the bill's attachments nor can it detach them.
    app.get(&attachments, &bob.token).await.expect_problem(404);
    app.delete(&format!("{attachments}/{invoice_pdf}"), &bob.token).await.expect_problem(404);

    // A bill on no engagement takes an internal file of any of the organization's engagements.
    let internal = app
        .post(
            "/api/v1/bills",
            &bea.token,
            json!({"bill_date": "2027-01-13", "lines": [{"description": "Rent", "quantity": 1, "unit_price": usd(90_000)}]}),
        )
        .await
        .expect(201);
    let internal_attachments = format!("/api/v1/bills/{}/attachments", id(&internal.body));
    app.post(&internal_attachments, &bea.token, json!({"file_id": elsewhere})).await.expect(201);

    // The file deleted in the files domain: the attachment stays, showing it is gone.
    app.delete(&format!("/api/v1/files/{elsewhere}"), &ada.token).await.expect(204);
    let gone = app.get(&internal_attachments, &ada.token).await.expect(200);
    assert_eq!((&gone.body["items"][0]["file_id"], &gone.body["items"][0]["file"]), (&json!(elsewhere), &Value::Null));

    // Detached: the file stays in the files domain.
    app.delete(&format!("{attachments}/not-a-file"), &bea.token).await.expect_problem(404);
    app.delete(&format!("{attachments}/{invoice_pdf}"), &vic.token).await.expect_problem(403);
    app.delete(&format!("{attachments}/{invoice_pdf}"), &bea.token).await.expect(204);
    app.delete(&format!("{attachments}/{invoice_pdf}"), &bea.token).await.expect_problem(404);
    assert_eq!(app.get(&attachments, &ada.token).await.expect(200).body["items"], json!([]));
    app.get(&format!("/api/v1/files/{invoice_pdf}"), &ada.token).await.expect(200);
    let removed = feed_event(app, &ada.token, "revenue.bill.attachment_removed").await;
    assert_eq!((&removed["data"]["file_id"], &removed["data"]["name"]), (&json!(invoice_pdf), &json!("NW-0113.pdf")));
    let mut events = attachment_events(app, &ada).await;
    events.sort();
    assert_eq!(
        events,
        ["revenue.bill.attachment_added", "revenue.bill.attachment_added", "revenue.bill.attachment_removed"]
    );

    // A void bill's attachments no longer change.
    app.post(&format!("/api/v1/bills/{b}/void"), &bea.token, json!({})).await.expect(200);
    app.post(&attachments, &bea.token, json!({"file_id": invoice_pdf})).await.expect_problem(409);
}

/// A USD organization; bills in EUR at the stored rate of 0.5 USD per EUR. One rule
/// takes bills of 1,000.00 USD or more (`≥`), another those under 1,000.00 (`<`):
/// EUR 2,000.00 is exactly 1,000.00 USD, EUR 1,999.98 is 999.99 USD.
async fn rule_thresholds_route_at_their_edges_in_base_currency(app: &TestApp) {
    let ada = app.signup("ada@example.com").await; // approves what is under the threshold
    let al = app.add_member(&ada, "al@example.com", "admin").await; // approves from the threshold up
    let bea = app.add_member(&ada, "bea@example.com", "billing").await; // enters and submits
    let at_least = json!({"name": "From 1,000", "priority": 2, "min_amount": usd(100_000),
        "steps": [{"mode": "any_of", "approvers": [{"member_id": al.user_id}]}]});
    let under = json!({"name": "Under 1,000", "priority": 1, "max_amount": usd(100_000),
        "steps": [{"mode": "any_of", "approvers": [{"member_id": ada.user_id}]}]});
    app.post("/api/v1/bill-approval-rules", &ada.token, at_least).await.expect(201);
    app.post("/api/v1/bill-approval-rules", &ada.token, under).await.expect(201);
    app.post("/api/v1/fx-rates", &ada.token, json!({"currency": "EUR", "rate_date": "2027-01-13", "rate": "0.5"}))
        .await
        .expect(201);

    let vendor = id(&app.post("/api/v1/vendors", &bea.token, json!({"name": "Studio Nord"})).await.expect(201).body);
    let submit = |amount: i64| {
        let (bea, vendor) = (&bea, &vendor);
        async move {
            let bill = app
                .post(
                    "/api/v1/bills",
                    &bea.token,
                    json!({"vendor_id": vendor, "bill_date": "2027-01-13", "currency": "EUR", "lines": [
                        {"description": "Studio hire", "quantity": 1, "unit_price": eur(amount)}]}),
                )
                .await
                .expect(201);
            app.post(&format!("/api/v1/bills/{}/submit", id(&bill.body)), &bea.token, json!({})).await.expect(200).body
        }
    };
    let at = submit(200_000).await;
    assert_eq!(
        (&at["status"], &at["fx_rate"], &at["base_total"], &at["approval"]["rule_name"]),
        (&json!("pending_approval"), &json!("0.5"), &usd(100_000), &json!("From 1,000"))
    );
    assert_eq!(at["approval"]["steps"][0]["approvers"][0]["approver_id"], al.user_id.as_str());
    let below = submit(199_998).await;
    assert_eq!(
        (&below["status"], &below["base_total"], &below["approval"]["rule_name"]),
        (&json!("pending_approval"), &usd(99_999), &json!("Under 1,000"))
    );
    assert_eq!(below["approval"]["steps"][0]["approvers"][0]["approver_id"], ada.user_id.as_str());

    // Each lands with its approver only.
    let awaiting = |s: &Session| {
        let token = s.token.clone();
        async move {
            let page = app.get("/api/v1/bills/awaiting-me", &token).await.expect(200);
            page.body["items"].as_array().expect("items").iter().map(id).collect::<Vec<_>>()
        }
    };
    assert_eq!(awaiting(&al).await, [id(&at)]);
    assert_eq!(awaiting(&ada).await, [id(&below)]);
}
