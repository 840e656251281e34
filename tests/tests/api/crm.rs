//! CRM over HTTP: contract field names, references, merge, cascades, pagination.

use std::collections::HashSet;

use atrium_tests::{Session, TestApp, app_tests};
use serde_json::{Value, json};

app_tests!(
    contacts_paginate_exactly_once,
    references_must_belong_to_the_organization,
    email_is_unique_per_organization,
    merge_dry_run_writes_nothing_and_merge_repoints,
    deleting_a_company_cascades_as_the_fk_table_says,
    deal_stage_changes_are_events,
);

async fn company(app: &TestApp, s: &Session, name: &str) -> String {
    let r = app.post("/api/v1/client-companies", &s.token, json!({"name": name})).await.expect(201);
    r.body["id"].as_str().expect("id").to_owned()
}

async fn contact(app: &TestApp, s: &Session, body: Value) -> String {
    let r = app.post("/api/v1/contacts", &s.token, body).await.expect(201);
    r.body["id"].as_str().expect("id").to_owned()
}

async fn contacts_paginate_exactly_once(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    for i in 0..120 {
        contact(app, &ada, json!({"first_name": format!("C{i}"), "email": format!("c{i}@example.com")})).await;
    }
    let (mut seen, mut cursor, mut pages) = (Vec::new(), None::<String>, 0);
    loop {
        let q = cursor.as_ref().map_or(String::new(), |c| format!("&cursor={c}"));
        let page = app.get(&format!("/api/v1/contacts?limit=50{q}"), &ada.token).await.expect(200);
        pages += 1;
        seen.extend(
            page.body["items"].as_array().expect("items").iter().filter_map(|c| c["id"].as_str().map(str::to_owned)),
        );
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 120);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 120, "each contact exactly once");
    let found = app.get("/api/v1/contacts?q=c11", &ada.token).await.expect(200);
    let names: Vec<&str> =
        found.body["items"].as_array().expect("items").iter().filter_map(|c| c["first_name"].as_str()).collect();
    assert_eq!(names, ["C11", "C110", "C111", "C112", "C113", "C114", "C115", "C116", "C117", "C118", "C119"]);
    let by_email = app.get("/api/v1/contacts?email=C7@Example.com", &ada.token).await.expect(200);
    assert_eq!(by_email.body["items"][0]["first_name"], "C7");
}

async fn references_must_belong_to_the_organization(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let bob = app.signup("bob@example.com").await;
    let theirs = company(app, &bob, "Bob's client").await;
    let their_contact = contact(app, &bob, json!({"first_name": "Zed"})).await;
    let r = app.post("/api/v1/deals", &ada.token, json!({"name": "Steal", "client_company_id": theirs})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["client_company_id"]);
    let r = app.post("/api/v1/deals", &ada.token, json!({"name": "Steal", "contact_id": their_contact})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["contact_id"]);
    let r = app.post("/api/v1/contacts", &ada.token, json!({"first_name": "X", "client_company_id": theirs})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["client_company_id"]);
    let r = app.post("/api/v1/deals", &ada.token, json!({"name": "Owned", "owner_id": bob.user_id})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["owner_id"]);
    let ok = app.post("/api/v1/deals", &ada.token, json!({"name": "Mine", "owner_id": ada.user_id})).await.expect(201);
    assert_eq!(ok.body["owner_id"], ada.user_id.as_str());
    let deals = app.get("/api/v1/deals", &ada.token).await.expect(200);
    assert_eq!(deals.body["items"].as_array().map(Vec::len), Some(1), "rejected deals were not stored");
    let bad = app.post("/api/v1/deals", &ada.token, json!({"name": "x", "probability": 120})).await;
    assert_eq!(bad.expect_problem(422).field_errors(), ["probability"]);
    let bad = app
        .post("/api/v1/deals", &ada.token, json!({"name": "x", "value": {"amount_minor": 5, "currency": "EURO"}}))
        .await;
    assert_eq!(bad.expect_problem(422).field_errors(), ["value.currency"]);
    let deals = app.get("/api/v1/deals", &ada.token).await.expect(200);
    assert_eq!(deals.body["items"].as_array().map(Vec::len), Some(1), "invalid deals were not stored");
}

async fn email_is_unique_per_organization(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let first = contact(app, &ada, json!({"first_name": "Hank", "email": "Hank@Globex.example"})).await;
    let dup =
        app.post("/api/v1/contacts", &ada.token, json!({"first_name": "H", "email": "hank@globex.EXAMPLE"})).await;
    let dup = dup.expect_problem(409);
    assert_eq!(dup.body["existing_id"], first.as_str(), "the 409 names the existing contact");
    let bob = app.signup("bob@example.com").await;
    contact(app, &bob, json!({"first_name": "Hank", "email": "hank@globex.example"})).await;
}

async fn merge_dry_run_writes_nothing_and_merge_repoints(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let globex = company(app, &ada, "Globex").await;
    let keep =
        contact(app, &ada, json!({"first_name": "Hank", "last_name": "Scorpio", "email": "hank@globex.example"})).await;
    let dup = contact(
        app,
        &ada,
        json!({"first_name": "Hank", "last_name": "S", "email": "h.scorpio@globex.example", "phone": "+1 555 0100", "client_company_id": globex}),
    )
    .await;
    let deal = app.post("/api/v1/deals", &ada.token, json!({"name": "Dome", "contact_id": dup})).await.expect(201);
    let deal_id = deal.body["id"].as_str().expect("id").to_owned();

    let dry = app
        .post(&format!("/api/v1/contacts/{keep}/merge"), &ada.token, json!({"source_ids": [dup], "dry_run": true}))
        .await
        .expect(200);
    assert_eq!(dry.body["dry_run"], true);
    assert_eq!(dry.body["survivor"]["phone"], "+1 555 0100", "empty survivor fields are filled");
    assert_eq!(dry.body["survivor"]["email"], "hank@globex.example", "non-empty survivor fields win");
    assert_eq!(dry.body["repointed_deals"], 1);
    let fields: Vec<&str> =
        dry.body["conflicts"].as_array().expect("conflicts").iter().filter_map(|c| c["field"].as_str()).collect();
    assert_eq!(fields, ["email", "last_name"]);
    let untouched = app.get(&format!("/api/v1/contacts/{dup}"), &ada.token).await.expect(200);
    assert!(untouched.body["merged_into_id"].is_null(), "dry run wrote nothing");
    let deal_now = app.get(&format!("/api/v1/deals/{deal_id}"), &ada.token).await.expect(200);
    assert_eq!(deal_now.body["contact_id"], dup.as_str());

    let done =
        app.post(&format!("/api/v1/contacts/{keep}/merge"), &ada.token, json!({"source_ids": [dup]})).await.expect(200);
    assert_eq!(done.body["survivor"]["client_company_id"], globex.as_str());
    let tomb = app.get(&format!("/api/v1/contacts/{dup}"), &ada.token).await.expect(200);
    assert_eq!(tomb.body["merged_into_id"], keep.as_str(), "the tombstone resolves and names the survivor");
    let deal_now = app.get(&format!("/api/v1/deals/{deal_id}"), &ada.token).await.expect(200);
    assert_eq!(deal_now.body["contact_id"], keep.as_str(), "deals repointed in the same transaction");
    let list = app.get("/api/v1/contacts", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1), "tombstones are not listed");
    app.post(&format!("/api/v1/contacts/{keep}/merge"), &ada.token, json!({"source_ids": [dup]}))
        .await
        .expect_problem(409);
    // The freed email can be used again.
    contact(app, &ada, json!({"first_name": "New", "email": "h.scorpio@globex.example"})).await;
    let merged = atrium_tests::feed_event(app, &ada.token, "crm.contact.merged").await;
    assert_eq!(merged["data"]["survivor_id"], keep.as_str());
    assert_eq!(merged["data"]["merged_ids"][0], dup.as_str());
}

async fn deleting_a_company_cascades_as_the_fk_table_says(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let globex = company(app, &ada, "Globex").await;
    let hank = contact(app, &ada, json!({"first_name": "Hank", "client_company_id": globex})).await;
    let deal = app
        .post("/api/v1/deals", &ada.token, json!({"name": "Dome", "client_company_id": globex, "contact_id": hank}))
        .await
        .expect(201);
    let deal_id = deal.body["id"].as_str().expect("id").to_owned();
    app.delete(&format!("/api/v1/client-companies/{globex}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/contacts/{hank}"), &ada.token).await.expect_problem(404);
    let d = app.get(&format!("/api/v1/deals/{deal_id}"), &ada.token).await.expect(200);
    assert!(d.body["client_company_id"].is_null() && d.body["contact_id"].is_null(), "{}", d.body);
}

async fn deal_stage_changes_are_events(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let deal = app.post("/api/v1/deals", &ada.token, json!({"name": "Dome", "stage": "qualified"})).await.expect(201);
    let id = deal.body["id"].as_str().expect("id").to_owned();
    let etag = deal.headers["etag"].to_str().expect("etag").to_owned();
    let won = app
        .patch(&format!("/api/v1/deals/{id}"), &ada.token, json!({"stage": "won", "probability": null}))
        .await
        .expect(200);
    assert_eq!(won.body["stage"], "won");
    assert!(won.body["probability"].is_null());
    let stale = app
        .http
        .patch(format!("{}/api/v1/deals/{id}", app.base))
        .bearer_auth(&ada.token)
        .header("if-match", etag)
        .json(&json!({"stage": "lost"}))
        .send()
        .await
        .expect("patch");
    atrium_tests::read(stale).await.expect_problem(409);
    let change = atrium_tests::feed_event(app, &ada.token, "crm.deal.stage_changed").await;
    assert_eq!(change["data"]["from"], "qualified");
    assert_eq!(change["data"]["to"], "won");
}
