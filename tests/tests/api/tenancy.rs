//! Every endpoint that takes an id, tried with another organization's ids: each
//! answers 404 and changes nothing. Driven by the OpenAPI document, so a new
//! endpoint with an `{id}` fails this test until its resource is listed here.

use std::collections::BTreeMap;

use atrium_tests::{Session, TestApp, app_tests};
use reqwest::Method;
use serde_json::{Value, json};

app_tests!(foreign_ids_are_not_found_everywhere, lists_never_show_another_organization);

/// Org A with one resource of each kind; returns A's session and the ids by path prefix.
async fn populate(app: &TestApp) -> (Session, BTreeMap<&'static str, String>) {
    let ada = app.signup("ada@example.com").await;
    let grace = app.add_member(&ada, "grace@example.com", "member").await;
    let members = app.get("/api/v1/members", &ada.token).await.expect(200);
    let member_id = members.body["items"][1]["id"].as_str().expect("member id").to_owned();
    let key = app.post("/api/v1/api-keys", &ada.token, json!({"name": "k", "role": "member"})).await.expect(201);
    let invite = app
        .post("/api/v1/invitations", &ada.token, json!({"email": "x@example.com", "role": "viewer"}))
        .await
        .expect(201);
    let hook = app
        .post("/api/v1/webhooks", &ada.token, json!({"url": "http://127.0.0.1:9/unreachable", "event_types": ["*"]}))
        .await
        .expect(201);
    let company = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let company_id = company.body["id"].as_str().expect("id").to_owned();
    let contact = app
        .post(
            "/api/v1/contacts",
            &ada.token,
            json!({"first_name": "Hank", "email": "hank@globex.example", "client_company_id": company_id}),
        )
        .await
        .expect(201);
    let deal = app
        .post("/api/v1/deals", &ada.token, json!({"name": "Relaunch", "client_company_id": company_id}))
        .await
        .expect(201);
    let line =
        json!({"description": "Workshop", "quantity": 1, "unit_price": {"amount_minor": 100000, "currency": "EUR"}});
    let proposal = app
        .post(
            "/api/v1/proposals",
            &ada.token,
            json!({"title": "Relaunch", "client_company_id": company_id, "currency": "EUR", "line_items": [line]}),
        )
        .await
        .expect(201);
    let contract = app
        .post(
            "/api/v1/contracts",
            &ada.token,
            json!({"title": "Relaunch", "client_company_id": company_id, "currency": "EUR"}),
        )
        .await
        .expect(201);
    let contract_id = contract.body["id"].as_str().expect("id").to_owned();
    let engagement = app
        .post(
            "/api/v1/engagements",
            &ada.token,
            json!({"name": "Relaunch delivery", "contract_id": contract_id, "billing_model": "fixed"}),
        )
        .await
        .expect(201);
    let engagement_id = engagement.body["id"].as_str().expect("id").to_owned();
    let project = app
        .post("/api/v1/projects", &ada.token, json!({"name": "Relaunch", "engagement_id": engagement_id}))
        .await
        .expect(201);
    let project_id = project.body["id"].as_str().expect("id").to_owned();
    let milestone = app
        .post("/api/v1/milestones", &ada.token, json!({"project_id": project_id, "name": "Design"}))
        .await
        .expect(201);
    let task = app
        .post("/api/v1/tasks", &ada.token, json!({"project_id": project_id, "title": "Wireframes"}))
        .await
        .expect(201);
    let template = app
        .post(
            "/api/v1/project-templates",
            &ada.token,
            json!({"name": "Playbook", "milestones": [{"key": "d", "name": "Design", "offset_days": 7}],
                "tasks": [{"title": "Wireframes", "milestone_key": "d", "offset_days": 3}]}),
        )
        .await
        .expect(201);
    let time = app
        .post(
            "/api/v1/time-entries",
            &ada.token,
            json!({"project_id": project_id, "date": "2026-12-01", "minutes": 60}),
        )
        .await
        .expect(201);
    let rates = json!({"member_id": grace.user_id, "effective_from": "2026-01-01",
        "billing_rate": {"amount_minor": 10000, "currency": "EUR"}, "cost_rate": {"amount_minor": 4000, "currency": "EUR"}});
    let rate_card = app.post("/api/v1/rate-cards", &ada.token, rates).await.expect(201);
    let capacity = json!({"member_id": grace.user_id, "effective_from": "2026-01-01"});
    let capacity = app.post("/api/v1/member-capacities", &ada.token, capacity).await.expect(201);
    let file = app
        .http
        .post(format!("{}/api/v1/files?engagement_id={engagement_id}&name=brief.txt", app.base))
        .bearer_auth(&ada.token)
        .body("the brief")
        .send()
        .await
        .expect("upload");
    assert_eq!(file.status(), 201);
    let file: Value = file.json().await.expect("file");
    let tax = app.post("/api/v1/tax-rates", &ada.token, json!({"name": "VAT", "basis_points": 2000})).await.expect(201);
    let invoice = app
        .post(
            "/api/v1/invoices",
            &ada.token,
            json!({"engagement_id": engagement_id,
                "lines": [{"description": "Workshop", "quantity": 1,
                    "unit_price": {"amount_minor": 10000, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let invoice_id = invoice.body["id"].as_str().expect("id").to_owned();
    app.post(&format!("/api/v1/invoices/{invoice_id}/issue"), &ada.token, json!({})).await.expect(200);
    let payment = app
        .post(
            &format!("/api/v1/invoices/{invoice_id}/payments"),
            &ada.token,
            json!({"amount": {"amount_minor": 1000, "currency": "USD"}, "received_on": "2027-01-05"}),
        )
        .await
        .expect(201);
    let credit = app
        .post(
            &format!("/api/v1/invoices/{invoice_id}/credit-notes"),
            &ada.token,
            json!({"lines": [{"description": "Discount", "quantity": 1,
                "unit_price": {"amount_minor": 500, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let schedule = app
        .post(
            "/api/v1/invoice-schedules",
            &ada.token,
            json!({"engagement_id": engagement_id, "kind": "time_and_materials", "name": "Monthly time",
                "period": "monthly", "starts_on": "2026-01-01"}),
        )
        .await
        .expect(201);
    let vendor = app.post("/api/v1/vendors", &ada.token, json!({"name": "Northwind"})).await.expect(201);
    let vendor_id = vendor.body["id"].as_str().expect("id").to_owned();
    let bill = app
        .post(
            "/api/v1/bills",
            &ada.token,
            json!({"vendor_id": vendor_id, "engagement_id": engagement_id, "bill_date": "2027-01-05",
                "lines": [{"description": "Printing", "quantity": 1,
                    "unit_price": {"amount_minor": 10000, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let bill_id = bill.body["id"].as_str().expect("id").to_owned();
    // No rule yet: approved at submission, so it can be paid.
    app.post(&format!("/api/v1/bills/{bill_id}/submit"), &ada.token, json!({})).await.expect(200);
    let bill_payment = app
        .post(
            &format!("/api/v1/bills/{bill_id}/payments"),
            &ada.token,
            json!({"amount": {"amount_minor": 1000, "currency": "USD"}, "paid_on": "2027-01-06"}),
        )
        .await
        .expect(201);
    let rule = app
        .post(
            "/api/v1/bill-approval-rules",
            &ada.token,
            json!({"name": "All bills", "priority": 1, "steps": [{"mode": "any_of", "approvers": [{"role": "owner"}]}]}),
        )
        .await
        .expect(201);
    let workflow_rule = json!({"name": "Kick off", "trigger": "crm.deal.stage_changed",
        "actions": [{"kind": "create_engagement", "name": "{{ data.name }}"}]});
    let workflow_rule = app.post("/api/v1/workflow-rules", &ada.token, workflow_rule).await.expect(201);
    let booking = json!({"name": "Intro calls", "provider": "cal_com"});
    let booking = app.post("/api/v1/booking-endpoints", &ada.token, booking).await.expect(201);
    let mut ids = BTreeMap::new();
    ids.insert("/api/v1/workflow-rules/", workflow_rule.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/booking-endpoints/", booking.body["endpoint"]["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/vendors/", vendor_id);
    ids.insert("/api/v1/bills/", bill_id);
    ids.insert("/api/v1/bill-payments/", bill_payment.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/bill-approval-rules/", rule.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/invoice-schedules/", schedule.body["id"].as_str().expect("id").to_owned());
    let reminder = crate::collections::seed_reminder(app, &ada.org_id, &invoice_id, 1).await;
    ids.insert("/api/v1/invoice-reminders/", reminder);
    ids.insert("/api/v1/files/", file["id"].as_str().expect("id").to_owned());
    let mailbox = json!({"provider": "imap", "email_address": "ada@example.com",
        "imap": {"host": "127.0.0.1", "port": 9, "tls": false, "username": "ada", "password": "pw"}});
    let mailbox = app.post("/api/v1/mailbox-connections", &ada.token, mailbox).await.expect(201);
    let mailbox_id = mailbox.body["id"].as_str().expect("id").to_owned();
    // Paused, so the embedded scheduler leaves it alone (and B's resume must not work).
    app.post(&format!("/api/v1/mailbox-connections/{mailbox_id}/pause"), &ada.token, json!({})).await.expect(200);
    ids.insert("/api/v1/mailbox-connections/", mailbox_id.clone());
    ids.insert("/api/v1/threads/", crate::comms::seed_thread(app, &ada.org_id, "Kick-off").await);
    let composed =
        json!({"connection_id": mailbox_id, "to": ["hank@globex.example"], "subject": "Hi", "body_text": "Hello"});
    let composed = app.post("/api/v1/threads", &ada.token, composed).await.expect(202);
    ids.insert("/api/v1/messages/", composed.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/invoices/", invoice_id);
    ids.insert("/api/v1/payments/", payment.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/credit-notes/", credit.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/tax-rates/", tax.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/client-companies/", company_id);
    ids.insert("/api/v1/contacts/", contact.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/deals/", deal.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/proposals/", proposal.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/contracts/", contract_id);
    let portal = json!({"engagement_id": engagement_id, "contact_id": ids["/api/v1/contacts/"]});
    let portal = app.post("/api/v1/portal-access", &ada.token, portal).await.expect(201);
    ids.insert("/api/v1/portal-access/", portal.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/engagements/", engagement_id);
    ids.insert("/api/v1/projects/", project_id);
    ids.insert("/api/v1/milestones/", milestone.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/tasks/", task.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/project-templates/", template.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/members/", member_id);
    ids.insert("/api/v1/time-entries/", time.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/rate-cards/", rate_card.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/member-capacities/", capacity.body["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/api-keys/", key.body["api_key"]["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/invitations/", invite.body["invitation"]["id"].as_str().expect("id").to_owned());
    ids.insert("/api/v1/webhooks/", hook.body["webhook"]["id"].as_str().expect("id").to_owned());
    // Dead letters exist only after failures; any id of A's must be 404 for B, and
    // a random one stands in for "exists elsewhere".
    ids.insert("/api/v1/dead-letters/", uuid::Uuid::now_v7().to_string());
    // A ledger sync run exists only once a ledger is connected (OAuth against a
    // provider): one of A's is written directly.
    ids.insert("/api/v1/ledger/sync-runs/", seed_ledger_run(app, &ada.org_id).await);
    // Likewise a link of a record to the ledger (here one in conflict, so it could be resolved).
    ids.insert("/api/v1/ledger/links/", seed_ledger_link(app, &ada.org_id).await);
    (ada, ids)
}

async fn seed_ledger_link(app: &TestApp, org_id: &str) -> String {
    use sea_orm::ConnectionTrait;
    use sea_orm::sea_query::{Alias, Query};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let org: uuid::Uuid = org_id.parse().expect("org id");
    let columns = ["id", "organization_id", "local_type", "local_id", "remote_id", "remote_version", "content_hash"]
        .into_iter()
        .chain(["request_id", "conflict", "last_error", "created_at", "updated_at"]);
    let stmt = Query::insert()
        .into_table(Alias::new("ledger_links"))
        .columns(columns.map(Alias::new))
        .values_panic([
            id.into(),
            org.into(),
            "vendor".into(),
            uuid::Uuid::now_v7().into(),
            "58".into(),
            "2".into(),
            "0f".into(),
            uuid::Uuid::now_v7().to_string().into(),
            true.into(),
            "changed on both sides".into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("seed ledger link");
    id.to_string()
}

async fn seed_ledger_run(app: &TestApp, org_id: &str) -> String {
    use sea_orm::ConnectionTrait;
    use sea_orm::sea_query::{Alias, Query};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let org: uuid::Uuid = org_id.parse().expect("org id");
    let columns = ["id", "organization_id", "provider", "trigger", "status", "pushed", "pulled", "skipped"]
        .into_iter()
        .chain(["conflicts", "errors", "started_by", "started_at", "finished_at"]);
    let stmt = Query::insert()
        .into_table(Alias::new("ledger_sync_runs"))
        .columns(columns.map(Alias::new))
        .values_panic([
            id.into(),
            org.into(),
            "quickbooks".into(),
            "manual".into(),
            "completed".into(),
            0i32.into(),
            0i32.into(),
            0i32.into(),
            0i32.into(),
            "[]".into(),
            "system:test".into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    app.db.conn.execute(&stmt).await.expect("seed ledger sync run");
    id.to_string()
}

fn body_for(path: &str, method: &Method) -> Option<Value> {
    match (method.as_str(), path) {
        ("PATCH", p) if p.starts_with("/api/v1/members/") => Some(json!({"role": "viewer"})),
        ("PATCH", p) if p.starts_with("/api/v1/webhooks/") => Some(json!({"enabled": false})),
        ("PATCH", p) if p.starts_with("/api/v1/client-companies/") => Some(json!({"name": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/contacts/") => Some(json!({"first_name": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/deals/") => Some(json!({"stage": "lost"})),
        ("POST", p) if p.ends_with("/merge") => Some(json!({"source_ids": [uuid::Uuid::now_v7()]})),
        ("PATCH", p) if p.starts_with("/api/v1/proposals/") || p.starts_with("/api/v1/contracts/") => {
            Some(json!({"title": "Hijacked"}))
        }
        ("PATCH", p) if p.starts_with("/api/v1/engagements/") => Some(json!({"name": "Hijacked"})),
        ("POST", p) if p.ends_with("/sign") => {
            Some(json!({"signer_name": "Mallory", "signer_email": "mallory@example.com", "signature_data": "forged"}))
        }
        ("PATCH", p) if p.starts_with("/api/v1/projects/") || p.starts_with("/api/v1/milestones/") => {
            Some(json!({"name": "Hijacked"}))
        }
        ("PATCH", p) if p.starts_with("/api/v1/tasks/") => Some(json!({"title": "Hijacked", "status": "done"})),
        ("PATCH", p) if p.starts_with("/api/v1/project-templates/") => Some(json!({"name": "Hijacked", "tasks": []})),
        ("PATCH", p) if p.starts_with("/api/v1/time-entries/") => Some(json!({"minutes": 1})),
        ("POST", p) if p.ends_with("/file") => Some(json!({"engagement_id": uuid::Uuid::now_v7()})),
        ("POST", p) if p.ends_with("/reply") => Some(json!({"body_text": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/messages/") => Some(json!({"subject": "Hijacked"})),
        ("POST", p) if p.ends_with("/reject") => Some(json!({"reason": "Hijacked"})),
        ("POST", p) if p.ends_with("/move") => Some(json!({"position": 0})),
        ("POST", p) if p.ends_with("/template") => Some(json!({"name": "Stolen"})),
        ("POST", p) if p.ends_with("/instantiate") => {
            Some(json!({"engagement_id": uuid::Uuid::now_v7(), "name": "Stolen", "start_date": "2027-01-04"}))
        }
        ("PATCH", p) if p.starts_with("/api/v1/invoices/") => Some(json!({"notes": "Hijacked"})),
        // A well-formed file id: the bill is looked up (and not found) before the file.
        ("POST", p) if p.starts_with("/api/v1/bills/") && p.ends_with("/attachments") => {
            Some(json!({"file_id": uuid::Uuid::now_v7()}))
        }
        ("POST", p) if p.starts_with("/api/v1/bills/") && p.ends_with("/payments") => {
            Some(json!({"amount": {"amount_minor": 1, "currency": "USD"}, "paid_on": "2027-01-06"}))
        }
        ("POST", p) if p.ends_with("/payments") => {
            Some(json!({"amount": {"amount_minor": 1, "currency": "USD"}, "received_on": "2027-01-05"}))
        }
        ("POST", p) if p.ends_with("/credit-notes") => Some(json!({"lines": [{"description": "Stolen", "quantity": 1,
                "unit_price": {"amount_minor": 1, "currency": "USD"}}]})),
        ("PATCH", p) if p.starts_with("/api/v1/mailbox-connections/") => Some(json!({"sync_window_days": 1})),
        ("PATCH", p) if p.starts_with("/api/v1/tax-rates/") => Some(json!({"name": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/invoice-schedules/") => Some(json!({"status": "ended"})),
        ("PATCH", p) if p.starts_with("/api/v1/vendors/") => Some(json!({"name": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/bills/") => Some(json!({"notes": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/bill-approval-rules/") => Some(json!({"name": "Hijacked"})),
        ("POST", p) if p.ends_with("/resolve") => Some(json!({"keep": "local"})),
        ("POST", p) if p.starts_with("/api/v1/bill-payments/") => Some(json!({"reason": "Hijacked"})),
        ("PATCH", p) if p.starts_with("/api/v1/workflow-rules/") => Some(json!({"name": "Hijacked", "enabled": false})),
        ("PATCH", p) if p.starts_with("/api/v1/booking-endpoints/") => {
            Some(json!({"name": "Hijacked", "enabled": false}))
        }
        ("POST", p) if p.ends_with("/rotate-secret") => Some(json!({"secret": "a-stolen-signing-secret-1234"})),
        ("PATCH", p) if p.starts_with("/api/v1/portal-access/") => Some(json!({"permissions": ["view", "invoices"]})),
        ("POST", _) => Some(json!({})),
        _ => None,
    }
}

async fn foreign_ids_are_not_found_everywhere(app: &TestApp) {
    let (ada, ids) = populate(app).await;
    let bob = app.signup("bob@example.com").await; // owner of org B: roles never get in the way
    let spec = app.call(Method::GET, "/openapi.json", None, None).await.expect(200);
    let mut tried = 0;
    for (template, item) in spec.body["paths"].as_object().expect("paths") {
        // The portal realm (`/portal/…`) takes no staff token at all; its own sweep is in portal.rs.
        if !template.contains("{id}") || template.starts_with("/portal/") {
            continue;
        }
        let (prefix, id) = ids
            .iter()
            .find(|(prefix, _)| template.starts_with(**prefix))
            .unwrap_or_else(|| panic!("no resource of org A for {template}: add one to populate()"));
        let _ = prefix;
        let path = template.replace("{id}", id);
        for method in item.as_object().expect("item").keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let r = app.call(method.clone(), &path, Some(&bob.token), body_for(template, &method)).await;
            assert_eq!(r.status.as_u16(), 404, "{method} {template} with org A's id answered {}: {}", r.status, r.body);
            tried += 1;
        }
    }
    assert!(tried >= 9, "only {tried} operations tried");

    // Report filters naming A's client or engagement are 404 for B, never an empty report.
    let (company, engagement) = (&ids["/api/v1/client-companies/"], &ids["/api/v1/engagements/"]);
    for path in [
        format!("/api/v1/reports/ar-aging?client_company_id={company}"),
        format!("/api/v1/reports/revenue-by-client?client_company_id={company}"),
        format!("/api/v1/reports/engagement-profitability?client_company_id={company}"),
        format!("/api/v1/reports/engagement-profitability?engagement_id={engagement}"),
    ] {
        let r = app.get(&path, &bob.token).await;
        assert_eq!(r.status.as_u16(), 404, "{path} with org A's id answered {}: {}", r.status, r.body);
    }

    // Nothing changed for A.
    let invoice = app.get(&format!("/api/v1/invoices/{}", ids["/api/v1/invoices/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&invoice.body["status"], &invoice.body["balance"]["amount_minor"], &invoice.body["notes"]),
        (&json!("partially_paid"), &json!(8500), &Value::Null),
        "B could not pay, credit, void or edit A's invoice"
    );
    let reminders = app.get("/api/v1/invoice-reminders", &ada.token).await.expect(200);
    assert_eq!(reminders.body["items"][0]["status"], "drafted", "B could not dismiss A's reminder");
    let payment = app.get(&format!("/api/v1/payments/{}", ids["/api/v1/payments/"]), &ada.token).await.expect(200);
    assert!(payment.body["reversed_at"].is_null(), "B could not reverse A's payment");
    let bill = app.get(&format!("/api/v1/bills/{}", ids["/api/v1/bills/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&bill.body["status"], &bill.body["paid"]["amount_minor"], &bill.body["notes"], &bill.body["version"]),
        (&json!("partially_paid"), &json!(1000), &Value::Null, &json!(3)),
        "B could not pay, void, edit or decide A's bill"
    );
    let vendor = app.get(&format!("/api/v1/vendors/{}", ids["/api/v1/vendors/"]), &ada.token).await.expect(200);
    assert_eq!((&vendor.body["name"], &vendor.body["version"]), (&json!("Northwind"), &json!(1)));
    let rule = app
        .get(&format!("/api/v1/bill-approval-rules/{}", ids["/api/v1/bill-approval-rules/"]), &ada.token)
        .await
        .expect(200);
    assert_eq!((&rule.body["name"], &rule.body["version"]), (&json!("All bills"), &json!(1)));
    let wf =
        app.get(&format!("/api/v1/workflow-rules/{}", ids["/api/v1/workflow-rules/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&wf.body["name"], &wf.body["enabled"], &wf.body["version"]),
        (&json!("Kick off"), &json!(true), &json!(1))
    );
    let booking =
        app.get(&format!("/api/v1/booking-endpoints/{}", ids["/api/v1/booking-endpoints/"]), &ada.token).await;
    let booking = booking.expect(200);
    assert_eq!(
        (&booking.body["name"], &booking.body["enabled"], &booking.body["version"]),
        (&json!("Intro calls"), &json!(true), &json!(1)),
        "B could not rename, disable or re-key A's booking endpoint"
    );
    let key_id = &ids["/api/v1/api-keys/"];
    let keys = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
    assert_eq!(keys.body["items"][0]["id"], key_id.as_str());
    assert!(keys.body["items"][0]["revoked_at"].is_null(), "B could not revoke A's key");
    let member = app.get(&format!("/api/v1/members/{}", ids["/api/v1/members/"]), &ada.token).await.expect(200);
    assert_eq!(member.body["role"], "member", "B could not change A's member");
    let hook = app.get(&format!("/api/v1/webhooks/{}", ids["/api/v1/webhooks/"]), &ada.token).await.expect(200);
    assert_eq!(hook.body["enabled"], true);
    let deal = app.get(&format!("/api/v1/deals/{}", ids["/api/v1/deals/"]), &ada.token).await.expect(200);
    assert_eq!(deal.body["stage"], "lead");
    let contact = app.get(&format!("/api/v1/contacts/{}", ids["/api/v1/contacts/"]), &ada.token).await.expect(200);
    assert_eq!(contact.body["first_name"], "Hank");
    let proposal = app.get(&format!("/api/v1/proposals/{}", ids["/api/v1/proposals/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&proposal.body["status"], &proposal.body["title"], &proposal.body["version"]),
        (&json!("draft"), &json!("Relaunch"), &json!(1))
    );
    let contract = app.get(&format!("/api/v1/contracts/{}", ids["/api/v1/contracts/"]), &ada.token).await.expect(200);
    assert_eq!((&contract.body["status"], &contract.body["signature"]), (&json!("draft"), &Value::Null));
    let engagement =
        app.get(&format!("/api/v1/engagements/{}", ids["/api/v1/engagements/"]), &ada.token).await.expect(200);
    assert_eq!(engagement.body["name"], "Relaunch delivery");
    let project = app.get(&format!("/api/v1/projects/{}", ids["/api/v1/projects/"]), &ada.token).await.expect(200);
    assert_eq!((&project.body["name"], &project.body["version"]), (&json!("Relaunch"), &json!(1)));
    let task = app.get(&format!("/api/v1/tasks/{}", ids["/api/v1/tasks/"]), &ada.token).await.expect(200);
    assert_eq!((&task.body["status"], &task.body["version"]), (&json!("todo"), &json!(1)));
    let milestone =
        app.get(&format!("/api/v1/milestones/{}", ids["/api/v1/milestones/"]), &ada.token).await.expect(200);
    assert_eq!(milestone.body["name"], "Design");
    let template = app
        .get(&format!("/api/v1/project-templates/{}", ids["/api/v1/project-templates/"]), &ada.token)
        .await
        .expect(200);
    assert_eq!(
        (&template.body["name"], &template.body["tasks"][0]["title"]),
        (&json!("Playbook"), &json!("Wireframes"))
    );
    let time = app.get(&format!("/api/v1/time-entries/{}", ids["/api/v1/time-entries/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&time.body["minutes"], &time.body["approval_state"], &time.body["version"]),
        (&json!(60), &json!("draft"), &json!(1))
    );
    app.get(&format!("/api/v1/rate-cards/{}", ids["/api/v1/rate-cards/"]), &ada.token).await.expect(200);
    app.get(&format!("/api/v1/member-capacities/{}", ids["/api/v1/member-capacities/"]), &ada.token).await.expect(200);
    let mailbox = app
        .get(&format!("/api/v1/mailbox-connections/{}", ids["/api/v1/mailbox-connections/"]), &ada.token)
        .await
        .expect(200);
    assert_eq!(
        (
            &mailbox.body["health"]["state"],
            &mailbox.body["sync_window_days"],
            &mailbox.body["health"]["resync_requested"]
        ),
        (&json!("paused"), &json!(90), &json!(false)),
        "B could not resume, change or resync A's mailbox"
    );
    let thread = app.get(&format!("/api/v1/threads/{}", ids["/api/v1/threads/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&thread.body["shared_with_client"], &thread.body["version"]),
        (&json!(false), &json!(1)),
        "B could not share or file A's thread"
    );
    let grant =
        app.get(&format!("/api/v1/portal-access/{}", ids["/api/v1/portal-access/"]), &ada.token).await.expect(200);
    assert_eq!(
        (&grant.body["status"], &grant.body["version"]),
        (&json!("active"), &json!(1)),
        "B could not revoke, change or use A's portal grant"
    );
    let from_template = app.get("/api/v1/projects", &ada.token).await.expect(200);
    assert_eq!(from_template.body["items"].as_array().map(Vec::len), Some(1), "B instantiated nothing into A");

    let link = app.get(&format!("/api/v1/ledger/links/{}", ids["/api/v1/ledger/links/"]), &ada.token).await.expect(200);
    assert_eq!(link.body["status"], "conflict", "B could not resolve A's ledger conflict");

    // Switching into A's organization is not possible either.
    app.post("/api/v1/me/active-organization", &bob.token, json!({"organization_id": ada.org_id}))
        .await
        .expect_problem(404);
}

async fn lists_never_show_another_organization(app: &TestApp) {
    let (ada, ids) = populate(app).await;
    let bob = app.signup("bob@example.com").await;
    for list in [
        "/api/v1/members",
        "/api/v1/api-keys",
        "/api/v1/invitations",
        "/api/v1/webhooks",
        "/api/v1/timeline",
        "/api/v1/client-companies",
        "/api/v1/contacts",
        "/api/v1/deals",
        "/api/v1/proposals",
        "/api/v1/contracts",
        "/api/v1/engagements",
        "/api/v1/projects",
        "/api/v1/milestones",
        "/api/v1/tasks",
        "/api/v1/project-templates",
        "/api/v1/time-entries",
        "/api/v1/rate-cards",
        "/api/v1/member-capacities",
        "/api/v1/reports/utilization?from=2026-01-01&to=2026-12-31",
        "/api/v1/events",
        "/api/v1/invoice-reminders",
        "/api/v1/vendors",
        "/api/v1/bills",
        "/api/v1/bills/awaiting-me",
        "/api/v1/bill-approval-rules",
        "/api/v1/ledger/links",
        "/api/v1/ledger/sync-runs",
        "/api/v1/reports/ar-aging",
        "/api/v1/reports/revenue-by-client",
        "/api/v1/reports/engagement-profitability",
        "/api/v1/threads",
        "/api/v1/mailbox-connections",
        "/api/v1/comms/unknown-senders",
        "/api/v1/portal-access",
        "/api/v1/booking-endpoints",
    ] {
        let theirs = app.get(list, &bob.token).await.expect(200);
        let text = theirs.body.to_string();
        for id in ids.values() {
            assert!(!text.contains(id.as_str()), "{list} of org B shows {id} of org A");
        }
        assert!(!text.contains("ada@example.com") && !text.contains("grace@example.com"), "{list}: {text}");
    }
    let orgs = app.get("/api/v1/organizations", &bob.token).await.expect(200);
    assert_eq!(orgs.body["items"].as_array().map(Vec::len), Some(1));
    assert_ne!(orgs.body["items"][0]["organization"]["id"], ada.org_id.as_str());
    // An API key of A sees A only.
    let key = app.post("/api/v1/api-keys", &ada.token, json!({"name": "r", "role": "viewer"})).await.expect(201);
    let secret = key.body["secret"].as_str().expect("secret").to_owned();
    let seen = app.get("/api/v1/members", &secret).await.expect(200);
    assert_eq!(seen.body["items"].as_array().map(Vec::len), Some(2), "A's two members");
    assert!(!seen.body.to_string().contains("bob@example.com"));
}
