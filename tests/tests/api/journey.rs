//! The delivery spine end to end over HTTP: company → deal → proposal (sent,
//! accepted) → contract (signed) → engagement → project from a template → tasks
//! done, with the engagement's timeline telling the story in order; then the
//! cascades of SPEC §2 and the rules a client cannot bend.

use atrium_tests::{Session, TestApp, app_tests, eventually};
use serde_json::{Value, json};

app_tests!(
    company_to_done_tasks_with_the_engagement_timeline,
    cascades_follow_the_fk_table,
    transitions_totals_and_references_are_enforced,
);

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_owned()
}

async fn engagement_timeline(app: &TestApp, s: &Session, engagement: &str) -> Vec<String> {
    let page = app.get(&format!("/api/v1/timeline?engagement_id={engagement}&limit=200"), &s.token).await.expect(200);
    let mut types: Vec<String> = page.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["event_type"].as_str().map(str::to_owned))
        .collect();
    types.reverse(); // the timeline is newest first
    types
}

async fn company_to_done_tasks_with_the_engagement_timeline(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let globex =
        id(&app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201).body);
    let deal = app
        .post(
            "/api/v1/deals",
            &ada.token,
            json!({"name": "Relaunch", "client_company_id": globex, "stage": "qualified"}),
        )
        .await
        .expect(201);
    let deal = id(&deal.body);

    let proposal = app
        .post(
            "/api/v1/proposals",
            &ada.token,
            json!({
                "title": "Relaunch, phase 1", "client_company_id": globex, "deal_id": deal, "currency": "EUR",
                "line_items": [
                    {"description": "Discovery", "quantity": "1.5", "unit_price": {"amount_minor": 120000, "currency": "EUR"}},
                    {"description": "Design", "quantity": 4, "unit_price": {"amount_minor": 95050, "currency": "EUR"}}
                ],
                "total": {"amount_minor": 1, "currency": "EUR"}
            }),
        )
        .await
        .expect(201);
    assert_eq!(proposal.body["total"], json!({"amount_minor": 560200, "currency": "EUR"}), "computed by the server");
    assert_eq!(proposal.body["number"], 1);
    let proposal = id(&proposal.body);
    app.post(&format!("/api/v1/proposals/{proposal}/send"), &ada.token, json!({})).await.expect(200);
    app.post(&format!("/api/v1/proposals/{proposal}/accept"), &ada.token, json!({})).await.expect(200);

    let contract = app.post(&format!("/api/v1/proposals/{proposal}/contract"), &ada.token, json!({})).await.expect(201);
    assert_eq!(contract.body["total"]["amount_minor"], 560200);
    let contract = id(&contract.body);
    app.post(&format!("/api/v1/contracts/{contract}/send"), &ada.token, json!({})).await.expect(200);
    let signed = app
        .post(
            &format!("/api/v1/contracts/{contract}/sign"),
            &ada.token,
            json!({"signer_name": "Hank Scorpio", "signer_email": "hank@globex.example", "signature_data": "data:image/png;base64,c2ln"}),
        )
        .await
        .expect(200);
    assert_eq!(signed.body["status"], "signed");
    let listed = app.get("/api/v1/contracts", &ada.token).await.expect(200);
    assert!(!listed.body.to_string().contains("c2ln"), "signature data never in lists");

    let engagement = app
        .post(
            "/api/v1/engagements",
            &ada.token,
            json!({"name": "Globex relaunch", "contract_id": contract, "billing_model": "fixed",
                   "budget": {"amount_minor": 560200, "currency": "EUR"}}),
        )
        .await
        .expect(201);
    assert_eq!(engagement.body["client_company_id"], globex.as_str(), "taken from the contract");
    let engagement = id(&engagement.body);

    let template = app
        .post(
            "/api/v1/project-templates",
            &ada.token,
            json!({"name": "Relaunch playbook",
                   "milestones": [{"key": "design", "name": "Design signed off", "offset_days": 14}],
                   "tasks": [{"title": "Wireframes", "milestone_key": "design", "offset_days": 7},
                             {"title": "Kick-off", "offset_days": 0}]}),
        )
        .await
        .expect(201);
    let project = app
        .post(
            &format!("/api/v1/project-templates/{}/instantiate", id(&template.body)),
            &ada.token,
            json!({"engagement_id": engagement, "name": "Globex relaunch", "start_date": "2027-01-04"}),
        )
        .await
        .expect(201);
    assert_eq!(project.body["client_company_id"], globex.as_str(), "the engagement's client");
    let project = id(&project.body);
    let tasks = app.get(&format!("/api/v1/tasks?project_id={project}"), &ada.token).await.expect(200);
    let tasks = tasks.body["items"].as_array().expect("items").clone();
    assert_eq!(tasks.len(), 2);
    let wire = tasks.iter().find(|t| t["title"] == "Wireframes").expect("wireframes");
    assert_eq!(wire["due_date"], "2027-01-11", "start + offset");
    for t in &tasks {
        app.patch(&format!("/api/v1/tasks/{}", id(t)), &ada.token, json!({"status": "done"})).await.expect(200);
    }
    let done = app.get(&format!("/api/v1/tasks?project_id={project}&status=done"), &ada.token).await.expect(200);
    assert_eq!(done.body["items"].as_array().map(Vec::len), Some(2));

    // The engagement's timeline, oldest first: the proposal and contract that led
    // to it, the engagement, its project and the tasks. Events of different
    // aggregates are delivered concurrently, so wait for all of them.
    let order = [
        "agreements.proposal.created",
        "agreements.proposal.sent",
        "agreements.proposal.accepted",
        "agreements.contract.created",
        "agreements.contract.sent",
        "agreements.contract.signed",
        "agreements.engagement.created",
        "projects.project.instantiated",
        "projects.task.status_changed",
    ];
    let story = eventually("the engagement's whole story", || async {
        let t = engagement_timeline(app, &ada, &engagement).await;
        let complete = order.iter().all(|e| t.iter().any(|x| x == e))
            && t.iter().filter(|e| *e == "projects.task.status_changed").count() == 2;
        complete.then_some(t)
    })
    .await;
    let position =
        |event: &str| story.iter().position(|e| e == event).unwrap_or_else(|| panic!("{event} in {story:?}"));
    for pair in order.windows(2) {
        assert!(position(pair[0]) < position(pair[1]), "{} before {} in {story:?}", pair[0], pair[1]);
    }
    assert!(!story.iter().any(|e| e.starts_with("crm.")), "the deal's own history stays on the deal: {story:?}");
    let other = app.signup("bob@example.com").await;
    assert!(engagement_timeline(app, &other, &engagement).await.is_empty(), "another organization sees nothing");
}

async fn cascades_follow_the_fk_table(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let engagement = app
        .post("/api/v1/engagements", &ada.token, json!({"name": "Retainer", "billing_model": "retainer"}))
        .await
        .expect(201);
    let engagement = id(&engagement.body);
    let project = id(&app
        .post("/api/v1/projects", &ada.token, json!({"name": "Ops", "engagement_id": engagement}))
        .await
        .expect(201)
        .body);
    let milestone = id(&app
        .post("/api/v1/milestones", &ada.token, json!({"project_id": project, "name": "M1"}))
        .await
        .expect(201)
        .body);
    let task = id(&app
        .post("/api/v1/tasks", &ada.token, json!({"project_id": project, "title": "T1", "milestone_id": milestone}))
        .await
        .expect(201)
        .body);

    // Delete a milestone: its tasks keep going without one.
    app.delete(&format!("/api/v1/milestones/{milestone}"), &ada.token).await.expect(204);
    let t = app.get(&format!("/api/v1/tasks/{task}"), &ada.token).await.expect(200);
    assert!(t.body["milestone_id"].is_null(), "{}", t.body);

    // Delete the project: tasks and milestones go with it.
    let m2 = id(&app
        .post("/api/v1/milestones", &ada.token, json!({"project_id": project, "name": "M2"}))
        .await
        .expect(201)
        .body);
    app.delete(&format!("/api/v1/projects/{project}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/tasks/{task}"), &ada.token).await.expect_problem(404);
    app.get(&format!("/api/v1/milestones/{m2}"), &ada.token).await.expect_problem(404);

    // Delete the engagement: its projects and its timeline go with it; the
    // deletion itself stays on the organization's timeline.
    let p2 = id(&app
        .post("/api/v1/projects", &ada.token, json!({"name": "Ops 2", "engagement_id": engagement}))
        .await
        .expect(201)
        .body);
    eventually("the engagement's entries", || async {
        (!engagement_timeline(app, &ada, &engagement).await.is_empty()).then_some(())
    })
    .await;
    app.delete(&format!("/api/v1/engagements/{engagement}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/projects/{p2}"), &ada.token).await.expect_problem(404);
    let deleted = atrium_tests::feed_event(app, &ada.token, "agreements.engagement.deleted").await;
    let entry_id = deleted["id"].as_str().expect("event id").to_owned();
    eventually("the deletion on the org timeline", || async {
        let all = app.get("/api/v1/timeline?limit=200", &ada.token).await.expect(200);
        all.body["items"].as_array().and_then(|a| a.iter().find(|e| e["id"] == entry_id.as_str()).cloned())
    })
    .await;
    assert!(engagement_timeline(app, &ada, &engagement).await.is_empty(), "cascaded with the engagement");
}

async fn transitions_totals_and_references_are_enforced(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let bob = app.signup("bob@example.com").await;
    let mine = id(&app.post("/api/v1/client-companies", &ada.token, json!({"name": "Mine"})).await.expect(201).body);
    let theirs =
        id(&app.post("/api/v1/client-companies", &bob.token, json!({"name": "Theirs"})).await.expect(201).body);
    let line = json!([{"description": "Work", "quantity": 1, "unit_price": {"amount_minor": 1000, "currency": "EUR"}}]);

    let foreign = app
        .post(
            "/api/v1/proposals",
            &ada.token,
            json!({"title": "X", "client_company_id": theirs, "currency": "EUR", "line_items": line}),
        )
        .await
        .expect_problem(422);
    assert_eq!(foreign.field_errors(), ["client_company_id"]);
    let bad_currency = app
        .post(
            "/api/v1/proposals",
            &ada.token,
            json!({"title": "X", "client_company_id": mine, "currency": "USD", "line_items": line}),
        )
        .await
        .expect_problem(422);
    assert!(bad_currency.field_errors().iter().any(|f| f.starts_with("line_items[0]")), "{}", bad_currency.body);
    let listed = app.get("/api/v1/proposals", &ada.token).await.expect(200);
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(0), "nothing half-written");

    let p = app
        .post(
            "/api/v1/proposals",
            &ada.token,
            json!({"title": "X", "client_company_id": mine, "currency": "EUR", "line_items": line}),
        )
        .await
        .expect(201);
    let p = id(&p.body);
    let early = app.post(&format!("/api/v1/proposals/{p}/accept"), &ada.token, json!({})).await.expect_problem(409);
    assert!(early.body["detail"].as_str().unwrap_or("").contains("draft"), "names the current status: {}", early.body);
    app.post(&format!("/api/v1/proposals/{p}/contract"), &ada.token, json!({})).await.expect_problem(409);

    let their_engagement =
        app.post("/api/v1/engagements", &bob.token, json!({"name": "B", "billing_model": "fixed"})).await.expect(201);
    let r = app
        .post("/api/v1/projects", &ada.token, json!({"name": "Hijack", "engagement_id": id(&their_engagement.body)}))
        .await;
    assert!(matches!(r.status.as_u16(), 404 | 422), "foreign engagement refused: {} {}", r.status, r.body);
    let projects = app.get("/api/v1/projects", &ada.token).await.expect(200);
    assert_eq!(projects.body["items"].as_array().map(Vec::len), Some(0));
}
