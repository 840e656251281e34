//! CRM over HTTP, continued: CSV import and export, company merge, and contacts
//! created from `appointment.booked` by the default workflow rule through the real dispatcher.

use atrium_tests::{Reply, Session, TestApp, app_tests, eventually, read};
use serde_json::json;

app_tests!(
    csv_import_reports_each_row_and_changes_nothing_when_malformed,
    csv_export_streams_the_filtered_list,
    company_merge_moves_contacts_and_resolves_the_tombstone,
    appointment_booked_event_creates_the_contact,
);

async fn import(app: &TestApp, s: &Session, query: &str, content_type: &str, csv: &str) -> Reply {
    let res = app
        .http
        .post(format!("{}/api/v1/contacts/import{query}", app.base))
        .bearer_auth(&s.token)
        .header("content-type", content_type)
        .body(csv.to_owned())
        .send()
        .await
        .expect("import");
    read(res).await
}

async fn contact_count(app: &TestApp, s: &Session) -> usize {
    let list = app.get("/api/v1/contacts?limit=200", &s.token).await.expect(200);
    list.body["items"].as_array().map_or(0, Vec::len)
}

async fn csv_import_reports_each_row_and_changes_nothing_when_malformed(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let existing = app
        .post("/api/v1/contacts", &ada.token, json!({"first_name": "Grace", "email": "grace@navy.example"}))
        .await
        .expect(201);
    let csv = "first_name,last_name,email,phone,company\n\
               Hank,Scorpio,hank@globex.example,+1 555 0100,Globex\n\
               ,Hopper,GRACE@navy.example,,US Navy\n\
               Hank,Again,Hank@Globex.example,,\n\
               Bad,Email,not-an-email,,\n\
               ,NoName,,,\n\
               \"Frank, Jr.\",Grimes,frank@globex.example,,globex\n";

    let dry = import(app, &ada, "?dry_run=true", "text/csv", csv).await.expect(200);
    assert_eq!((dry.body["created"].as_u64(), dry.body["updated"].as_u64()), (Some(2), Some(1)), "{}", dry.body);
    assert_eq!(contact_count(app, &ada).await, 1, "a dry run writes nothing");
    let companies = app.get("/api/v1/client-companies", &ada.token).await.expect(200);
    assert_eq!(companies.body["items"].as_array().map(Vec::len), Some(0), "not even companies");

    let report = import(app, &ada, "", "text/csv; charset=utf-8", csv).await.expect(200);
    let rows = report.body["rows"].as_array().expect("rows").clone();
    let outcome = |i: usize| (rows[i]["outcome"].as_str().unwrap_or(""), rows[i]["reason"].as_str().unwrap_or(""));
    assert_eq!(outcome(0), ("created", ""));
    assert_eq!(outcome(1), ("updated", ""));
    assert_eq!(rows[1]["contact_id"], existing.body["id"], "matched by normalized email");
    assert_eq!(outcome(2), ("skipped", "same email as row 1"));
    assert_eq!(outcome(3), ("skipped", "email is not a valid address"));
    assert_eq!(outcome(4), ("skipped", "first_name is required for a new contact"));
    assert_eq!(outcome(5), ("created", ""));
    assert_eq!(report.body["skipped"], 3);

    let grace = app.get(&format!("/api/v1/contacts/{}", existing.body["id"].as_str().expect("id")), &ada.token).await;
    assert_eq!(grace.body["first_name"], "Grace", "an empty cell never clears a field");
    assert_eq!(grace.body["last_name"], "Hopper");
    let companies = app.get("/api/v1/client-companies", &ada.token).await.expect(200);
    let names: Vec<&str> =
        companies.body["items"].as_array().expect("items").iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(names, ["Globex", "US Navy"], "`globex` found the company the file created");
    let frank = app.get("/api/v1/contacts?email=frank@globex.example", &ada.token).await.expect(200);
    assert_eq!(frank.body["items"][0]["first_name"], "Frank, Jr.");
    assert_eq!(frank.body["items"][0]["client_company_id"], app_company(&companies, "Globex"));

    // Importing the same file again changes nothing.
    let again = import(app, &ada, "", "text/csv", csv).await.expect(200);
    assert_eq!((again.body["created"].as_u64(), again.body["updated"].as_u64()), (Some(0), Some(0)), "{}", again.body);

    // Whole-file errors: nothing written, a clear problem.
    let before = contact_count(app, &ada).await;
    let broken = "first_name,email\nZed,zed@example.com\nYan,yan@example.com,extra\n";
    let r = import(app, &ada, "", "text/csv", broken).await.expect_problem(400);
    assert!(r.body["detail"].as_str().unwrap_or("").contains("row 2"), "{}", r.body);
    let typo = import(app, &ada, "", "text/csv", "frist_name,email\nZed,zed@example.com\n").await.expect_problem(422);
    assert_eq!(typo.field_errors(), ["header"]);
    import(app, &ada, "", "application/json", "{}").await.expect_problem(415);
    assert_eq!(contact_count(app, &ada).await, before, "nothing half-written");

    let viewer = app.add_member(&ada, "vic@example.com", "viewer").await;
    import(app, &viewer, "", "text/csv", "first_name\nVic\n").await.expect_problem(403);
}

fn app_company(companies: &Reply, name: &str) -> serde_json::Value {
    companies.body["items"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["name"] == name))
        .map(|c| c["id"].clone())
        .unwrap_or_default()
}

async fn csv_export_streams_the_filtered_list(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let globex = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let globex_id = globex.body["id"].as_str().expect("id").to_owned();
    for i in 0..620 {
        let company = if i % 2 == 0 { json!(globex_id) } else { json!(null) };
        let body =
            json!({"first_name": format!("P{i}"), "email": format!("p{i}@x.example"), "client_company_id": company});
        app.post("/api/v1/contacts", &ada.token, body).await.expect(201);
    }
    app.post("/api/v1/contacts", &ada.token, json!({"first_name": "=HYPERLINK(\"http://evil\")"})).await.expect(201);
    let bob = app.signup("bob@example.com").await;
    app.post("/api/v1/contacts", &bob.token, json!({"first_name": "Bobs", "email": "secret@bob.example"}))
        .await
        .expect(201);

    let res = app
        .http
        .get(format!("{}/api/v1/contacts/export?client_company_id={globex_id}", app.base))
        .bearer_auth(&ada.token)
        .send()
        .await
        .expect("export");
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap_or("").starts_with("text/csv"));
    assert!(res.headers()["content-disposition"].to_str().unwrap_or("").contains("contacts.csv"));
    let text = res.text().await.expect("body");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,first_name,last_name,email,phone,title,client_company_id,created_at,updated_at");
    assert_eq!(lines.len(), 1 + 310, "every matching row across export batches, once");
    assert!(lines[1..].iter().all(|l| l.contains(&globex_id)), "only the filtered company");

    let all = app.get("/api/v1/contacts/export", &ada.token).await.expect(200);
    let text = all.body.as_str().expect("csv text");
    assert!(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula defused: {}", &text[text.len() - 300..]);
    assert!(!text.contains("secret@bob.example"), "another organization's rows never appear");
    assert_eq!(text.lines().count(), 1 + 621);

    // Compressed, and with nothing to list: the stream ends cleanly either way.
    for query in ["", "?stage=won"] {
        let res = app
            .http
            .get(format!("{}/api/v1/deals/export{query}", app.base))
            .bearer_auth(&ada.token)
            .header("accept-encoding", "gzip")
            .send()
            .await
            .expect("export");
        assert_eq!(res.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
        assert!(!res.bytes().await.expect("a complete body").is_empty());
    }
    let deals = app.get("/api/v1/deals/export?stage=won", &ada.token).await.expect(200);
    assert_eq!(deals.body.as_str().map(|t| t.lines().count()), Some(1), "header only");
    app.get("/api/v1/deals/export?stage=nope", &ada.token).await.expect_problem(422);
    let companies = app.get("/api/v1/client-companies/export", &ada.token).await.expect(200);
    assert!(companies.body.as_str().unwrap_or("").contains(",Globex,"), "{}", companies.body);
}

async fn company_merge_moves_contacts_and_resolves_the_tombstone(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let keep = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let dup = app
        .post("/api/v1/client-companies", &ada.token, json!({"name": "globex ", "domain": "globex.example"}))
        .await
        .expect(201);
    let (keep_id, dup_id) = (keep.body["id"].as_str().expect("id"), dup.body["id"].as_str().expect("id"));
    let hank = app
        .post("/api/v1/contacts", &ada.token, json!({"first_name": "Hank", "client_company_id": dup_id}))
        .await
        .expect(201);
    let groups = app.get("/api/v1/client-companies/duplicates", &ada.token).await.expect(200);
    assert_eq!(groups.body[0]["reason"], "same_name");
    assert_eq!(groups.body[0]["company_ids"], json!([keep_id, dup_id]));

    let path = format!("/api/v1/client-companies/{keep_id}/merge");
    let dry = app.post(&path, &ada.token, json!({"source_ids": [dup_id], "dry_run": true})).await.expect(200);
    assert_eq!(dry.body["survivor"]["domain"], "globex.example");
    let still = app.get(&format!("/api/v1/client-companies/{dup_id}"), &ada.token).await.expect(200);
    assert!(still.body["merged_into_id"].is_null(), "dry run wrote nothing");

    let merged = app.post(&path, &ada.token, json!({"source_ids": [dup_id]})).await.expect(200);
    assert_eq!(merged.body["repointed_contacts"], 1);
    let tomb = app.get(&format!("/api/v1/client-companies/{dup_id}"), &ada.token).await.expect(200);
    assert_eq!((tomb.body["status"].as_str(), tomb.body["merged_into_id"].as_str()), (Some("merged"), Some(keep_id)));
    let h = app.get(&format!("/api/v1/contacts/{}", hank.body["id"].as_str().expect("id")), &ada.token).await;
    assert_eq!(h.body["client_company_id"], keep_id);
    let list = app.get("/api/v1/client-companies", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1), "tombstones leave lists");
    app.post(&path, &ada.token, json!({"source_ids": [dup_id]})).await.expect_problem(409);
    let event = atrium_tests::feed_event(app, &ada.token, "crm.company.merged").await;
    assert_eq!(event["data"]["survivor_id"], keep_id);
}

async fn appointment_booked_event_creates_the_contact(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let org = ada.org_id.parse::<uuid::Uuid>().expect("org id");
    let data = json!({"email": "Lin@Clinic.example", "name": "Lin Wu", "company": "Clinic"});
    atrium_tests::append_event(app, org, "appointment.booked", data).await;
    let found = eventually("the booked contact", || async {
        let r = app.get("/api/v1/contacts?email=lin@clinic.example", &ada.token).await.expect(200);
        r.body["items"].as_array().filter(|a| !a.is_empty()).map(|a| a[0].clone())
    })
    .await;
    assert_eq!((found["first_name"].as_str(), found["last_name"].as_str()), (Some("Lin"), Some("Wu")));
    assert!(found["client_company_id"].is_string(), "the named company was created: {found}");
    let created = atrium_tests::feed_event(app, &ada.token, "crm.contact.created").await;
    // The organization's default workflow rule made the contact; its event names the run.
    assert!(created["actor"].as_str().is_some_and(|a| a.starts_with("system:workflow:")), "{created}");
}
