//! Member capacities and the utilization report over HTTP: owners and admins set
//! capacities and every role reads them; the report's figures for a week with a
//! capacity change, a member without capacity, the basis, `me`, pages by member,
//! 422s naming the field, and another organization's ids as 404.

use atrium_tests::{Reply, Session, TestApp, app_tests};
use serde_json::{Value, json};

app_tests!(member_capacities_over_http, utilization_report_over_http);

fn id(r: &Reply) -> String {
    r.body["id"].as_str().expect("id").to_owned()
}

async fn project(app: &TestApp, s: &Session) -> (String, String) {
    let body = json!({"name": "Relaunch", "billing_model": "time_and_materials"});
    let e = app.post("/api/v1/engagements", &s.token, body).await.expect(201);
    let engagement = id(&e);
    let p = app.post("/api/v1/projects", &s.token, json!({"name": "Site", "engagement_id": engagement})).await;
    (engagement, id(&p.expect(201)))
}

/// Logged by `s` (for `member`), submitted and approved by `s`.
async fn approved(app: &TestApp, s: &Session, member: &str, project: &str, date: &str, minutes: i32) {
    let body = json!({"member_id": member, "project_id": project, "date": date, "minutes": minutes});
    let e = id(&app.post("/api/v1/time-entries", &s.token, body).await.expect(201));
    app.post(&format!("/api/v1/time-entries/{e}/submit"), &s.token, json!({})).await.expect(200);
    app.post(&format!("/api/v1/time-entries/{e}/approve"), &s.token, json!({})).await.expect(200);
}

async fn member_capacities_over_http(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let admin = app.add_member(&owner, "admin@example.com", "admin").await;
    let member = app.add_member(&owner, "member@example.com", "member").await;
    let billing = app.add_member(&owner, "billing@example.com", "billing").await;
    let viewer = app.add_member(&owner, "viewer@example.com", "viewer").await;

    let body = json!({"member_id": member.user_id, "effective_from": "2026-12-01"});
    let c = app.post("/api/v1/member-capacities", &admin.token, body.clone()).await.expect(201);
    let path = format!("/api/v1/member-capacities/{}", id(&c));
    assert_eq!(c.headers["location"], path.as_str());
    assert_eq!(c.body["minutes_per_week"], 2400);
    assert_eq!(c.body["working_days"], json!(["mon", "tue", "wed", "thu", "fri"]));
    app.post("/api/v1/member-capacities", &owner.token, body.clone()).await.expect_problem(409);
    for s in [&member, &billing, &viewer] {
        app.post("/api/v1/member-capacities", &s.token, body.clone()).await.expect_problem(403);
        app.delete(&path, &s.token).await.expect_problem(403);
    }
    for s in [&member, &viewer] {
        assert_eq!(app.get(&path, &s.token).await.expect(200).body["id"], c.body["id"]);
    }

    let bad = [
        (
            "minutes_per_week",
            json!({"member_id": member.user_id, "effective_from": "2027-01-01", "minutes_per_week": 10_081}),
        ),
        ("working_days", json!({"member_id": member.user_id, "effective_from": "2027-01-01", "working_days": []})),
        (
            "working_days[0]",
            json!({"member_id": member.user_id, "effective_from": "2027-01-01", "working_days": ["someday"]}),
        ),
        ("member_id", json!({"member_id": uuid::Uuid::now_v7(), "effective_from": "2027-01-01"})),
        ("effective_from", json!({"member_id": member.user_id, "effective_from": "2027-02-30"})),
    ];
    for (field, b) in bad {
        let r = app.post("/api/v1/member-capacities", &owner.token, b).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field]);
    }
    let mine = app.get("/api/v1/member-capacities?member_id=me", &member.token).await.expect(200);
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(1));
    let none = app.get("/api/v1/member-capacities?member_id=me", &viewer.token).await.expect(200);
    assert_eq!(none.body["items"], json!([]));

    let other = app.signup("other@example.com").await;
    app.get(&path, &other.token).await.expect_problem(404);
    app.delete(&path, &other.token).await.expect_problem(404);
    let foreign = format!("/api/v1/member-capacities?member_id={}", member.user_id);
    app.get(&foreign, &other.token).await.expect_problem(404);
    app.delete(&path, &owner.token).await.expect(204);
    app.get(&path, &owner.token).await.expect_problem(404);
    let deleted = atrium_tests::feed_event(app, &owner.token, "projects.member_capacity.deleted").await;
    assert_eq!(deleted["data"]["member_id"], member.user_id.as_str());
}

async fn utilization_report_over_http(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let ada = app.add_member(&owner, "ada@example.com", "member").await;
    let bob = app.add_member(&owner, "bob@example.com", "member").await;
    let viewer = app.add_member(&owner, "viewer@example.com", "viewer").await;
    let (engagement, site) = project(app, &owner).await;
    let capacity = |member: &str, from: &str, body: Value| {
        let mut b = json!({"member_id": member, "effective_from": from});
        b.as_object_mut().expect("object").extend(body.as_object().expect("object").clone());
        b
    };
    app.post("/api/v1/member-capacities", &owner.token, capacity(&ada.user_id, "2026-11-01", json!({})))
        .await
        .expect(201);
    // From Thursday 10 December, ada works 30 hours over Monday–Wednesday.
    let part_time = json!({"minutes_per_week": 1800, "working_days": ["mon", "tue", "wed"]});
    app.post("/api/v1/member-capacities", &owner.token, capacity(&ada.user_id, "2026-12-10", part_time))
        .await
        .expect(201);
    approved(app, &owner, &ada.user_id, &site, "2026-12-07", 480).await;
    approved(app, &owner, &ada.user_id, &site, "2026-12-14", 300).await;
    approved(app, &owner, &bob.user_id, &site, "2026-12-08", 120).await;
    let nonbillable =
        json!({"member_id": ada.user_id, "project_id": site, "date": "2026-12-08", "minutes": 120, "billable": false});
    app.post("/api/v1/time-entries", &ada.token, nonbillable).await.expect(201);

    let path = "/api/v1/reports/utilization?from=2026-12-07&to=2026-12-16";
    let r = app.get(path, &viewer.token).await.expect(200);
    let items = r.body["items"].as_array().expect("items").clone();
    assert_eq!(items.len(), 2, "ada and bob: {}", r.body);
    let row = |who: &Session| items.iter().find(|i| i["member_id"] == who.user_id.as_str()).expect("row").clone();
    let a = row(&ada);
    // Mon 7–Wed 9 at 480, then Mon 14–Wed 16 at 600.
    assert_eq!(a["available_minutes"], 3 * 480 + 3 * 600);
    assert_eq!((&a["logged_minutes"], &a["billable_minutes"]), (&json!(900), &json!(780)));
    assert_eq!((&a["approved_minutes"], &a["approved_billable_minutes"]), (&json!(780), &json!(780)));
    // 780 / 3240 = 24.07 %; all approved time is billable.
    assert_eq!(
        (&a["basis"], &a["utilization_bp"], &a["billable_share_bp"]),
        (&json!("approved"), &json!(2407), &json!(10_000))
    );
    let b = row(&bob);
    assert_eq!(
        (&b["available_minutes"], &b["utilization_bp"], &b["billable_share_bp"]),
        (&json!(0), &Value::Null, &json!(10_000))
    );

    let logged = app.get(&format!("{path}&basis=logged&member_id=me"), &ada.token).await.expect(200);
    let mine = &logged.body["items"][0];
    assert_eq!((logged.body["items"].as_array().map(Vec::len), &mine["member_id"]), (Some(1), &json!(ada.user_id)));
    // 780 / 900 = 86.67 %.
    assert_eq!((&mine["utilization_bp"], &mine["billable_share_bp"]), (&json!(2407), &json!(8667)));

    let first = app.get(&format!("{path}&limit=1"), &owner.token).await.expect(200);
    let cursor = first.body["next_cursor"].as_str().expect("a second page").to_owned();
    let second = app.get(&format!("{path}&limit=1&cursor={cursor}"), &owner.token).await.expect(200);
    assert_eq!(second.body["next_cursor"], Value::Null);
    let mut paged = vec![first.body["items"][0]["member_id"].clone(), second.body["items"][0]["member_id"].clone()];
    let mut all: Vec<Value> = items.iter().map(|i| i["member_id"].clone()).collect();
    paged.sort_by_key(Value::to_string);
    all.sort_by_key(Value::to_string);
    assert_eq!(paged, all);
    let on_engagement = app.get(&format!("{path}&engagement_id={engagement}&project_id={site}"), &owner.token).await;
    assert_eq!(on_engagement.expect(200).body["items"].as_array().map(Vec::len), Some(2));

    for (query, field) in [
        ("to=2026-12-16", "from"),
        ("from=2026-12-07", "to"),
        ("from=2026-12-16&to=2026-12-07", "to"),
        ("from=2026-13-01&to=2026-12-07", "from"),
        ("from=2026-12-01&to=2026-12-07&basis=billed", "basis"),
    ] {
        let r = app.get(&format!("/api/v1/reports/utilization?{query}"), &owner.token).await.expect_problem(422);
        assert_eq!(r.field_errors(), [field], "{query}");
    }

    let other = app.signup("other@example.com").await;
    let theirs = app.get(path, &other.token).await.expect(200);
    assert_eq!(theirs.body["items"], json!([]));
    for filter in
        [format!("member_id={}", ada.user_id), format!("project_id={site}"), format!("engagement_id={engagement}")]
    {
        app.get(&format!("{path}&{filter}"), &other.token).await.expect_problem(404);
    }
}
