//! Workflow rules over HTTP on both backends: a won deal becomes an engagement
//! with a kick-off task through the real dispatcher; disabling a rule stops it
//! for the next event; editing leaves earlier runs on their version; malformed
//! rules are 422s naming the field; dry runs report and write nothing.

use atrium_tests::{Session, TestApp, app_tests, eventually};
use serde_json::{Value, json};

app_tests!(
    a_won_deal_creates_the_engagement_and_a_kickoff_task,
    disabling_a_rule_takes_effect_for_the_next_event,
    editing_a_rule_leaves_earlier_runs_on_their_version,
    malformed_rules_are_422s_naming_the_field,
    a_dry_run_reports_and_writes_nothing,
    members_read_rules_and_only_admins_write_them,
    a_rule_causing_its_own_trigger_stops_at_the_depth_limit,
    a_booking_delivered_twice_creates_the_contact_once_through_the_default_rule,
);

fn kickoff_rule() -> Value {
    json!({
        "name": "Kick off won deals",
        "trigger": "crm.deal.stage_changed",
        "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"}]},
        "actions": [
            {"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}",
             "project_name": "{{ data.name }} delivery"},
            {"kind": "create_task", "project_id": "{{ actions.0.project_id }}", "title": "Kick-off: {{ data.name }}",
             "due_date": "{{ occurred_at | date_add_days: 3 }}"}
        ]
    })
}

async fn deal(app: &TestApp, s: &Session, name: &str) -> String {
    let company = app.post("/api/v1/client-companies", &s.token, json!({"name": "Globex"})).await.expect(201);
    let body = json!({"name": name, "client_company_id": company.body["id"]});
    let deal = app.post("/api/v1/deals", &s.token, body).await.expect(201);
    deal.body["id"].as_str().expect("deal id").to_owned()
}

async fn move_deal(app: &TestApp, s: &Session, id: &str, stage: &str) {
    app.patch(&format!("/api/v1/deals/{id}"), &s.token, json!({"stage": stage})).await.expect(200);
}

/// The rule's runs once there are `n`.
async fn runs(app: &TestApp, s: &Session, rule: &str, n: usize) -> Vec<Value> {
    eventually(&format!("{n} runs of rule {rule}"), || async {
        let page = app.get(&format!("/api/v1/workflow-rules/{rule}/runs"), &s.token).await.expect(200);
        let items = page.body["items"].as_array().cloned().unwrap_or_default();
        let settled = items.iter().all(|r| r["outcome"] != "running");
        (items.len() >= n && settled).then_some(items)
    })
    .await
}

async fn list(app: &TestApp, s: &Session, path: &str) -> Vec<Value> {
    app.get(path, &s.token).await.expect(200).body["items"].as_array().cloned().unwrap_or_default()
}

async fn a_won_deal_creates_the_engagement_and_a_kickoff_task(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let rule = app.post("/api/v1/workflow-rules", &ada.token, kickoff_rule()).await.expect(201);
    let rule_id = rule.body["id"].as_str().expect("rule id").to_owned();
    assert_eq!(rule.body["rule_version"], 1);
    let deal_id = deal(app, &ada, "Relaunch").await;
    move_deal(app, &ada, &deal_id, "qualified").await;
    move_deal(app, &ada, &deal_id, "won").await;

    let runs = runs(app, &ada, &rule_id, 2).await;
    let won = runs.iter().find(|r| r["conditions_result"] == true).expect("the run on `won`");
    assert_eq!(won["outcome"], "succeeded", "{won}");
    assert_eq!((won["rule_version"].as_i64(), won["event_type"].as_str()), (Some(1), Some("crm.deal.stage_changed")));
    let other = runs.iter().find(|r| r["conditions_result"] == false).expect("the run on `qualified`");
    assert_eq!(other["outcome"], "conditions_not_met");
    assert_eq!(other["actions"], json!([]));

    let engagements = list(app, &ada, "/api/v1/engagements").await;
    assert_eq!(engagements.len(), 1, "{engagements:?}");
    assert_eq!(
        (engagements[0]["name"].as_str(), engagements[0]["deal_id"].as_str()),
        (Some("Relaunch"), Some(&*deal_id))
    );
    let engagement_id = engagements[0]["id"].as_str().expect("id");
    assert_eq!(won["actions"][0]["output"]["engagement_id"], engagement_id);
    let tasks = list(app, &ada, "/api/v1/tasks").await;
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["title"], "Kick-off: Relaunch");
    assert_eq!(tasks[0]["project_id"], won["actions"][0]["output"]["project_id"]);
    let due = chrono::Utc::now().date_naive() + chrono::Duration::days(3);
    assert_eq!(tasks[0]["due_date"], due.to_string());

    // The engagement's event names the rule's author as its actor; runs are found by event too.
    let event_id = won["event_id"].as_str().expect("event id");
    let by_event = list(app, &ada, &format!("/api/v1/workflow-runs?event_id={event_id}")).await;
    assert_eq!(by_event.len(), 1);
    assert_eq!(by_event[0]["id"], won["id"]);
}

async fn disabling_a_rule_takes_effect_for_the_next_event(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let rule = app.post("/api/v1/workflow-rules", &ada.token, kickoff_rule()).await.expect(201);
    let rule_id = rule.body["id"].as_str().expect("rule id").to_owned();
    let first = deal(app, &ada, "First").await;
    move_deal(app, &ada, &first, "won").await;
    runs(app, &ada, &rule_id, 1).await;

    let off = app.patch(&format!("/api/v1/workflow-rules/{rule_id}"), &ada.token, json!({"enabled": false})).await;
    let off = off.expect(200);
    assert_eq!((off.body["enabled"].as_bool(), off.body["rule_version"].as_i64()), (Some(false), Some(1)));
    let second = deal(app, &ada, "Second").await;
    move_deal(app, &ada, &second, "won").await;
    // The timeline sees the second deal's move once the dispatcher has passed it.
    eventually("the second move delivered", || async {
        let timeline = list(app, &ada, "/api/v1/timeline?limit=200").await;
        timeline
            .iter()
            .any(|e| e["event_type"] == "crm.deal.stage_changed" && e["entity_id"] == second.as_str())
            .then_some(())
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let page = app.get(&format!("/api/v1/workflow-rules/{rule_id}/runs"), &ada.token).await.expect(200);
    assert_eq!(page.body["items"].as_array().map(Vec::len), Some(1), "no run for the second deal");
    let engagements = list(app, &ada, "/api/v1/engagements").await;
    assert_eq!(engagements.iter().map(|e| e["name"].as_str()).collect::<Vec<_>>(), [Some("First")]);
}

async fn editing_a_rule_leaves_earlier_runs_on_their_version(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let rule = app.post("/api/v1/workflow-rules", &ada.token, kickoff_rule()).await.expect(201);
    let rule_id = rule.body["id"].as_str().expect("rule id").to_owned();
    let v1 = rule.body["rule_version_id"].clone();
    let first = deal(app, &ada, "First").await;
    move_deal(app, &ada, &first, "won").await;
    runs(app, &ada, &rule_id, 1).await;

    let etag = rule.headers.get("etag").and_then(|v| v.to_str().ok()).expect("etag").to_owned();
    let mut actions = kickoff_rule()["actions"].clone();
    actions[1]["title"] = json!("Welcome call: {{ data.name | upper }}");
    let edited = app
        .http
        .patch(format!("{}/api/v1/workflow-rules/{rule_id}", app.base))
        .bearer_auth(&ada.token)
        .header("If-Match", &etag)
        .json(&json!({"actions": actions}))
        .send()
        .await
        .expect("patch");
    let edited = atrium_tests::read(edited).await.expect(200);
    assert_eq!(edited.body["rule_version"], 2);
    assert_ne!(edited.body["rule_version_id"], v1);
    // The old ETag is stale now.
    let stale = app
        .http
        .patch(format!("{}/api/v1/workflow-rules/{rule_id}", app.base))
        .bearer_auth(&ada.token)
        .header("If-Match", &etag)
        .json(&json!({"name": "x"}))
        .send()
        .await
        .expect("patch");
    atrium_tests::read(stale).await.expect_problem(409);

    let second = deal(app, &ada, "Second").await;
    move_deal(app, &ada, &second, "won").await;
    let runs = runs(app, &ada, &rule_id, 2).await;
    let versions: Vec<(i64, &Value)> =
        runs.iter().map(|r| (r["rule_version"].as_i64().unwrap_or(0), &r["rule_version_id"])).collect();
    assert_eq!(versions[0], (2, &edited.body["rule_version_id"]), "newest first");
    assert_eq!(versions[1], (1, &v1), "the first run still names version 1");
    let titles: Vec<String> =
        list(app, &ada, "/api/v1/tasks").await.iter().map(|t| t["title"].as_str().unwrap_or("").to_owned()).collect();
    assert!(
        titles.contains(&"Kick-off: First".to_owned()) && titles.contains(&"Welcome call: SECOND".to_owned()),
        "{titles:?}"
    );
    let history = list(app, &ada, &format!("/api/v1/workflow-rules/{rule_id}/versions")).await;
    assert_eq!(history.iter().map(|v| v["number"].as_i64()).collect::<Vec<_>>(), [Some(2), Some(1)]);
}

async fn malformed_rules_are_422s_naming_the_field(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let fields = |r: atrium_tests::Reply| r.expect_problem(422).field_errors();
    let with = |patch: Value| {
        let mut rule = kickoff_rule();
        for (k, v) in patch.as_object().expect("object") {
            rule[k] = v.clone();
        }
        rule
    };
    let cases = [
        (json!({"trigger": "crm.nothing.*"}), "trigger"),
        (json!({"trigger": "crm.deal.*"}), "conditions.all[0].field"),
        (
            json!({"conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"},
            {"field": "data.amount", "op": "gt", "value": 1}]}}),
            "conditions.all[1].field",
        ),
        (json!({"conditions": {"field": "data.to", "op": "like", "value": "w"}}), "conditions.op"),
        (
            json!({"actions": [{"kind": "create_task", "project_id": "{{ data.id }}", "title": "{{ data.title }}"}]}),
            "actions[0].title",
        ),
        (
            json!({"actions": [{"kind": "create_task", "project_id": "{{ data.id }}", "title": "{{ data.name | shout }}"}]}),
            "actions[0].title",
        ),
        (json!({"actions": [{"kind": "send_fax", "to": "x"}]}), "actions[0]"),
        (json!({"actions": []}), "actions"),
    ];
    for (patch, field) in cases {
        let got = fields(app.post("/api/v1/workflow-rules", &ada.token, with(patch.clone())).await);
        assert!(got.iter().any(|f| f.starts_with(field)), "{patch}: expected `{field}`, got {got:?}");
    }
    assert_eq!(list(app, &ada, "/api/v1/workflow-rules").await.len(), 0, "nothing was written");
    let rule = app.post("/api/v1/workflow-rules", &ada.token, kickoff_rule()).await.expect(201);
    let id = rule.body["id"].as_str().expect("id");
    let bad = json!({"conditions": {"not": {"field": "data.nope", "op": "exists"}}});
    let got = fields(app.patch(&format!("/api/v1/workflow-rules/{id}"), &ada.token, bad).await);
    assert_eq!(got, ["conditions.not.field"]);
    let same = app.get(&format!("/api/v1/workflow-rules/{id}"), &ada.token).await.expect(200);
    assert_eq!((same.body["rule_version"].as_i64(), same.body["version"].as_i64()), (Some(1), Some(1)));
}

async fn a_dry_run_reports_and_writes_nothing(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let mut rule = kickoff_rule();
    rule["enabled"] = json!(false);
    let rule = app.post("/api/v1/workflow-rules", &ada.token, rule).await.expect(201);
    let id = rule.body["id"].as_str().expect("id").to_owned();
    let none = app.post(&format!("/api/v1/workflow-rules/{id}/test"), &ada.token, json!({})).await;
    none.expect_problem(404);
    let deal_id = deal(app, &ada, "Relaunch").await;
    move_deal(app, &ada, &deal_id, "won").await;
    let event = atrium_tests::feed_event(app, &ada.token, "crm.deal.stage_changed").await;
    let before =
        app.get("/api/v1/events?limit=500", &ada.token).await.expect(200).body["items"].as_array().map(Vec::len);

    let latest = app.post(&format!("/api/v1/workflow-rules/{id}/test"), &ada.token, json!({})).await.expect(200);
    assert_eq!(latest.body["event_id"], event["id"]);
    assert_eq!(latest.body["conditions_result"], true);
    let would = &latest.body["actions"];
    assert_eq!(would[0]["would"]["kind"], "create_engagement");
    assert_eq!(would[0]["would"]["deal_id"], deal_id.as_str());
    assert_eq!(would[1]["would"]["project_id"], "<actions.0.project_id>");
    assert_eq!(would[1]["would"]["title"], "Kick-off: Relaunch");

    let created = feed_event_of(app, &ada, "crm.deal.created").await;
    let wrong = app.post(&format!("/api/v1/workflow-rules/{id}/test"), &ada.token, json!({"event_id": created})).await;
    assert_eq!(wrong.expect_problem(422).field_errors(), ["event_id"]);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let after =
        app.get("/api/v1/events?limit=500", &ada.token).await.expect(200).body["items"].as_array().map(Vec::len);
    assert_eq!(before, after, "a dry run publishes nothing");
    assert_eq!(list(app, &ada, "/api/v1/engagements").await.len(), 0);
    assert_eq!(list(app, &ada, &format!("/api/v1/workflow-rules/{id}/runs")).await.len(), 0);
}

async fn feed_event_of(app: &TestApp, s: &Session, event_type: &str) -> Value {
    atrium_tests::feed_event(app, &s.token, event_type).await["id"].clone()
}

async fn members_read_rules_and_only_admins_write_them(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let grace = app.add_member(&ada, "grace@example.com", "member").await;
    let rule = app.post("/api/v1/workflow-rules", &ada.token, kickoff_rule()).await.expect(201);
    let id = rule.body["id"].as_str().expect("id");
    app.get(&format!("/api/v1/workflow-rules/{id}"), &grace.token).await.expect(200);
    assert_eq!(list(app, &grace, "/api/v1/workflow-rules").await.len(), 1);
    app.post("/api/v1/workflow-rules", &grace.token, kickoff_rule()).await.expect_problem(403);
    app.patch(&format!("/api/v1/workflow-rules/{id}"), &grace.token, json!({"enabled": false}))
        .await
        .expect_problem(403);
    app.post(&format!("/api/v1/workflow-rules/{id}/test"), &grace.token, json!({})).await.expect_problem(403);
    app.delete(&format!("/api/v1/workflow-rules/{id}"), &grace.token).await.expect_problem(403);
    app.delete(&format!("/api/v1/workflow-rules/{id}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/workflow-rules/{id}"), &ada.token).await.expect_problem(404);
}

async fn a_rule_causing_its_own_trigger_stops_at_the_depth_limit(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let rule = json!({
        "name": "Follow-up forever",
        "trigger": "projects.task.created",
        "actions": [{"kind": "create_task", "project_id": "{{ data.project_id }}", "title": "Follow up: {{ data.title }}"}]
    });
    let rule = app.post("/api/v1/workflow-rules", &ada.token, rule).await.expect(201);
    let rule_id = rule.body["id"].as_str().expect("id").to_owned();
    let engagement = json!({"name": "Ops", "billing_model": "fixed"});
    let engagement = app.post("/api/v1/engagements", &ada.token, engagement).await.expect(201);
    let project = json!({"name": "Ops", "engagement_id": engagement.body["id"]});
    let project = app.post("/api/v1/projects", &ada.token, project).await.expect(201);
    app.post("/api/v1/tasks", &ada.token, json!({"project_id": project.body["id"], "title": "Start"}))
        .await
        .expect(201);

    // The user's task (depth 0) and the rule's first two follow-ups (depths 1, 2) fire;
    // the third follow-up (depth 3) does not, and its run says why.
    let runs = runs(app, &ada, &rule_id, 4).await;
    let mut by_depth: Vec<(i64, String)> = runs
        .iter()
        .map(|r| (r["depth"].as_i64().unwrap_or(-1), r["outcome"].as_str().unwrap_or("").to_owned()))
        .collect();
    by_depth.sort();
    let expected = [(0, "succeeded"), (1, "succeeded"), (2, "succeeded"), (3, "depth_limited")];
    assert_eq!(by_depth, expected.map(|(d, o)| (d, o.to_owned())), "{runs:?}");
    let limited = runs.iter().find(|r| r["outcome"] == "depth_limited").expect("limited run");
    assert!(limited["error"].as_str().is_some_and(|e| e.contains("limit is 3")), "{limited}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let tasks = list(app, &ada, "/api/v1/tasks").await;
    assert_eq!(tasks.len(), 4, "the user's task and three follow-ups");
    let titles: Vec<&str> = tasks.iter().filter_map(|t| t["title"].as_str()).collect();
    assert!(titles.contains(&"Follow up: Follow up: Follow up: Start"), "{titles:?}");
    assert_eq!(list(app, &ada, &format!("/api/v1/workflow-rules/{rule_id}/runs")).await.len(), 4);
}

async fn timeline_count(app: &TestApp, s: &Session, event_type: &str) -> usize {
    list(app, s, "/api/v1/timeline?limit=200").await.iter().filter(|e| e["event_type"] == event_type).count()
}

async fn a_booking_delivered_twice_creates_the_contact_once_through_the_default_rule(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let org: uuid::Uuid = ada.org_id.parse().expect("org id");
    assert_eq!(list(app, &ada, "/api/v1/workflow-rules").await.len(), 0, "defaults come with the first booking");
    let booking = json!({"email": "Lin@Clinic.example", "name": "Lin Wu", "company": "Clinic"});
    // The booking system delivers the same booking twice.
    atrium_tests::append_event(app, org, "appointment.booked", booking.clone()).await;
    atrium_tests::append_event(app, org, "appointment.booked", booking).await;
    let rule =
        eventually("the default rule", || async { list(app, &ada, "/api/v1/workflow-rules").await.into_iter().next() })
            .await;
    assert_eq!((rule["trigger"].as_str(), rule["enabled"].as_bool()), (Some("appointment.booked"), Some(true)));
    assert_eq!(rule["actions"][0]["kind"], "create_contact");
    let rule_id = rule["id"].as_str().expect("id").to_owned();
    let runs = runs(app, &ada, &rule_id, 2).await;
    assert!(runs.iter().all(|r| r["outcome"] == "succeeded"), "{runs:?}");
    let mut created: Vec<bool> = runs.iter().filter_map(|r| r["actions"][0]["output"]["created"].as_bool()).collect();
    created.sort();
    assert_eq!(created, [false, true], "the second delivery found the contact");
    let contacts = list(app, &ada, "/api/v1/contacts?email=lin@clinic.example").await;
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    assert_eq!((contacts[0]["first_name"].as_str(), contacts[0]["last_name"].as_str()), (Some("Lin"), Some("Wu")));
    let versions = list(app, &ada, &format!("/api/v1/workflow-rules/{rule_id}/versions")).await;
    assert_eq!(versions[0]["created_by"], "system:workflow:defaults");

    // The organization can turn it off: the next booking makes no contact.
    app.patch(&format!("/api/v1/workflow-rules/{rule_id}"), &ada.token, json!({"enabled": false})).await.expect(200);
    atrium_tests::append_event(app, org, "appointment.booked", json!({"email": "kim@clinic.example"})).await;
    eventually("the third booking delivered", || async {
        (timeline_count(app, &ada, "appointment.booked").await == 3).then_some(())
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(list(app, &ada, "/api/v1/contacts?email=kim@clinic.example").await.len(), 0);

    // A deleted default stays deleted.
    app.delete(&format!("/api/v1/workflow-rules/{rule_id}"), &ada.token).await.expect(204);
    atrium_tests::append_event(app, org, "appointment.booked", json!({"email": "max@clinic.example"})).await;
    eventually("the fourth booking delivered", || async {
        (timeline_count(app, &ada, "appointment.booked").await == 4).then_some(())
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(list(app, &ada, "/api/v1/workflow-rules").await.len(), 0);
    assert_eq!(list(app, &ada, "/api/v1/contacts?email=max@clinic.example").await.len(), 0);
}
