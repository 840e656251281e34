//! The client's view of the work, over HTTP: staff mark projects, milestones and
//! tasks `client_visible` (default off; create and PATCH take it, lists filter on
//! it, its events carry it); the portal lists the engagement's visible projects
//! and, in each, the visible milestones and tasks — title, status, due date and
//! completion, nothing internal. Portal lists go page by page like the staff
//! API's, and a grant's `last_used_at` follows its link and its sessions.

use atrium_tests::{Reply, TestApp, app_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::portal::{Client, client, exchange, grant, link, portal_call, portal_cookie};

app_tests!(
    staff_mark_work_client_visible,
    the_client_sees_visible_work_only_and_nothing_internal,
    portal_lists_go_page_by_page,
    last_used_at_follows_links_and_sessions,
);

fn id(r: &Reply) -> String {
    r.body["id"].as_str().expect("id").to_owned()
}

fn ids(r: &Reply) -> Vec<String> {
    r.body["items"].as_array().expect("items").iter().map(|i| i["id"].as_str().expect("id").to_owned()).collect()
}

pub async fn project(app: &TestApp, token: &str, engagement: &str, name: &str, visible: bool) -> String {
    let body = json!({"name": name, "engagement_id": engagement, "status": "active", "due_date": "2027-03-31",
        "client_visible": visible});
    id(&app.post("/api/v1/projects", token, body).await.expect(201))
}

pub async fn milestone(app: &TestApp, token: &str, project: &str, name: &str, visible: bool) -> String {
    let body = json!({"project_id": project, "name": name, "due_date": "2027-01-15", "client_visible": visible});
    id(&app.post("/api/v1/milestones", token, body).await.expect(201))
}

pub async fn task(app: &TestApp, token: &str, project: &str, title: &str, visible: bool) -> String {
    let body = json!({"project_id": project, "title": title, "due_date": "2026-12-20", "estimate_minutes": 480,
        "client_visible": visible});
    id(&app.post("/api/v1/tasks", token, body).await.expect(201))
}

async fn staff_mark_work_client_visible(app: &TestApp) {
    let c = client(app, "ada@example.com", None).await;
    let t = &c.ada.token;
    // Default off.
    let p = app
        .post("/api/v1/projects", t, json!({"name": "Relaunch", "engagement_id": c.engagement_id}))
        .await
        .expect(201);
    assert_eq!(p.body["client_visible"], false);
    let pid = id(&p);
    let m = app.post("/api/v1/milestones", t, json!({"project_id": pid, "name": "Design"})).await.expect(201);
    assert_eq!(m.body["client_visible"], false);
    let k = app.post("/api/v1/tasks", t, json!({"project_id": pid, "title": "Wireframes"})).await.expect(201);
    assert_eq!(k.body["client_visible"], false);
    let shown = task(app, t, &pid, "Shown", true).await;

    // PATCH sets it; absent leaves it; a non-boolean is a 422 naming the field.
    for (path, rid) in [("projects", &pid), ("milestones", &id(&m)), ("tasks", &id(&k))] {
        let r = app.patch(&format!("/api/v1/{path}/{rid}"), t, json!({"client_visible": true})).await.expect(200);
        assert_eq!(r.body["client_visible"], true, "{path}");
        let r = app.patch(&format!("/api/v1/{path}/{rid}"), t, json!({})).await.expect(200);
        assert_eq!(r.body["client_visible"], true, "{path}: absent is unchanged");
        let bad = app.patch(&format!("/api/v1/{path}/{rid}"), t, json!({"client_visible": "yes"})).await;
        let bad = bad.expect_problem(422);
        assert!(bad.body.to_string().contains("client_visible"), "{path}: {}", bad.body);
    }
    let event = atrium_tests::feed_event(app, t, "projects.task.updated").await;
    assert_eq!(event["data"]["client_visible"], true, "{event}");
    assert!(event["data"]["changed"].as_array().expect("changed").contains(&json!("client_visible")), "{event}");

    // Lists filter on it.
    app.patch(&format!("/api/v1/tasks/{}", id(&k)), t, json!({"client_visible": false})).await.expect(200);
    let hidden = app.get(&format!("/api/v1/tasks?project_id={pid}&client_visible=false"), t).await.expect(200);
    assert_eq!(ids(&hidden), vec![id(&k)]);
    let visible = app.get(&format!("/api/v1/tasks?project_id={pid}&client_visible=true"), t).await.expect(200);
    assert_eq!(ids(&visible), vec![shown]);
    let projects = app.get("/api/v1/projects?client_visible=true", t).await.expect(200);
    assert_eq!(ids(&projects), vec![pid.clone()]);
    let milestones = app.get(&format!("/api/v1/milestones?project_id={pid}&client_visible=false"), t).await;
    assert!(ids(&milestones.expect(200)).is_empty());
}

async fn sign_in(app: &TestApp, c: &Client, permissions: Value) -> String {
    let g = grant(app, c, permissions).await;
    let token = link(app, &c.ada.token, &g).await;
    portal_cookie(&exchange(app, &token).await.expect(201))
}

async fn the_client_sees_visible_work_only_and_nothing_internal(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let t = &c.ada.token;
    let shown = project(app, t, &c.engagement_id, "Relaunch", true).await;
    let internal = project(app, t, &c.engagement_id, "Margins review", false).await;
    let m = milestone(app, t, &shown, "Design signed off", true).await;
    milestone(app, t, &shown, "Internal QA", false).await;
    let done = task(app, t, &shown, "Wireframes", true).await;
    let hidden_task = task(app, t, &shown, "Price the extras", false).await;
    let in_internal = task(app, t, &internal, "Visible in a hidden project", true).await;
    let patch = json!({"status": "done", "assignee_id": c.ada.user_id});
    app.patch(&format!("/api/v1/tasks/{done}"), t, patch).await.expect(200);

    let ann = sign_in(app, &c, json!(["view"])).await;
    let list = portal_call(app, Method::GET, "/portal/api/v1/projects", &ann, None).await.expect(200);
    assert_eq!(ids(&list), vec![shown.clone()], "{}", list.body);
    assert_eq!(list.body["next_cursor"], Value::Null);
    let p = &list.body["items"][0];
    assert_eq!(
        (p["name"].as_str(), p["status"].as_str(), p["due_date"].as_str()),
        (Some("Relaunch"), Some("active"), Some("2027-03-31"))
    );

    let ms = portal_call(app, Method::GET, &format!("/portal/api/v1/projects/{shown}/milestones"), &ann, None).await;
    let ms = ms.expect(200);
    assert_eq!(ids(&ms), vec![m.clone()]);
    assert_eq!(ms.body["items"][0]["status"], "open");
    let tasks = portal_call(app, Method::GET, &format!("/portal/api/v1/projects/{shown}/tasks"), &ann, None).await;
    let tasks = tasks.expect(200);
    assert_eq!(ids(&tasks), vec![done.clone()]);
    let task_out = &tasks.body["items"][0];
    assert_eq!(task_out["status"], "done");
    assert!(task_out["completed_at"].is_string(), "{task_out}");
    assert_eq!(task_out["due_date"], "2026-12-20");
    // Nothing internal on the wire.
    let fields: Vec<&str> = task_out.as_object().expect("task").keys().map(String::as_str).collect();
    for internal_field in ["assignee_id", "estimate_minutes", "description", "position", "version"] {
        assert!(!fields.contains(&internal_field), "a portal task shows {internal_field}: {task_out}");
    }
    let got = portal_call(app, Method::GET, &format!("/portal/api/v1/tasks/{done}"), &ann, None).await.expect(200);
    assert_eq!(got.body["title"], "Wireframes");
    portal_call(app, Method::GET, &format!("/portal/api/v1/milestones/{m}"), &ann, None).await.expect(200);
    portal_call(app, Method::GET, &format!("/portal/api/v1/projects/{shown}"), &ann, None).await.expect(200);

    // Hidden ones: 404 by id.
    for path in [
        format!("/portal/api/v1/projects/{internal}"),
        format!("/portal/api/v1/projects/{internal}/tasks"),
        format!("/portal/api/v1/projects/{internal}/milestones"),
        format!("/portal/api/v1/tasks/{hidden_task}"),
        format!("/portal/api/v1/tasks/{in_internal}"),
    ] {
        let r = portal_call(app, Method::GET, &path, &ann, None).await;
        assert_eq!(r.status.as_u16(), 404, "{path}: {}", r.body);
    }

    // The pages: the projects page and the project's page, without the hidden work.
    let (status, html) = page(app, "/portal/projects", &ann).await;
    assert_eq!(status, 200);
    assert!(html.contains("Relaunch") && !html.contains("Margins review"), "{html}");
    let (status, html) = page(app, &format!("/portal/projects/{shown}"), &ann).await;
    assert_eq!(status, 200);
    assert!(html.contains("Wireframes") && html.contains("Design signed off"), "{html}");
    assert!(!html.contains("Price the extras") && !html.contains("Internal QA"), "{html}");
    let (status, _) = page(app, &format!("/portal/projects/{internal}"), &ann).await;
    assert_eq!(status, 404);
}

/// A portal page as the session's browser gets it: status and HTML.
async fn page(app: &TestApp, path: &str, session: &str) -> (u16, String) {
    let res = app
        .http
        .get(format!("{}{path}", app.base))
        .header("cookie", format!("atrium_portal={session}"))
        .send()
        .await
        .expect("page");
    (res.status().as_u16(), res.text().await.expect("html"))
}

async fn portal_lists_go_page_by_page(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let t = &c.ada.token;
    let mut made = Vec::new();
    for n in 0..5 {
        made.push(project(app, t, &c.engagement_id, &format!("P{n}"), true).await);
    }
    let shown = made[0].clone();
    let mut tasks = Vec::new();
    for n in 0..5 {
        tasks.push(task(app, t, &shown, &format!("T{n}"), n != 2).await);
    }
    let ann = sign_in(app, &c, json!(["view"])).await;

    let walk = |path: String| {
        let ann = ann.clone();
        async move {
            let mut seen = Vec::new();
            let mut cursor: Option<String> = None;
            let mut pages = 0;
            loop {
                let sep = if path.contains('?') { '&' } else { '?' };
                let url = match &cursor {
                    Some(c) => format!("{path}{sep}limit=2&cursor={c}"),
                    None => format!("{path}{sep}limit=2"),
                };
                let r = portal_call(app, Method::GET, &url, &ann, None).await.expect(200);
                assert!(r.body["items"].as_array().expect("items").len() <= 2);
                seen.extend(ids(&r));
                pages += 1;
                match r.body["next_cursor"].as_str() {
                    Some(c) => cursor = Some(c.to_owned()),
                    None => break,
                }
                assert!(pages < 10, "{path} does not end");
            }
            (seen, pages)
        }
    };
    let (seen, pages) = walk("/portal/api/v1/projects".to_owned()).await;
    assert_eq!(seen, made, "projects oldest first, each once");
    assert_eq!(pages, 3);
    let (seen, _) = walk(format!("/portal/api/v1/projects/{shown}/tasks")).await;
    let visible: Vec<String> = tasks.iter().enumerate().filter(|(n, _)| *n != 2).map(|(_, t)| t.clone()).collect();
    assert_eq!(seen, visible, "tasks in order, the hidden one left out");

    // The pages go page by page too, with a "More" link carrying the cursor.
    let page = |path: String| {
        let ann = ann.clone();
        async move {
            let res = app
                .http
                .get(format!("{}{path}", app.base))
                .header("cookie", format!("atrium_portal={ann}"))
                .send()
                .await
                .expect("page");
            assert_eq!(res.status(), 200, "{path}");
            res.text().await.expect("html")
        }
    };
    let first = page("/portal/projects?limit=2".to_owned()).await;
    assert!(first.contains(">P0<") && first.contains(">P1<") && !first.contains(">P2<"), "{first}");
    let next = first.split("href=\"/portal/projects?cursor=").nth(1).and_then(|r| r.split('"').next());
    let next = next.expect("a More projects link");
    assert!(first.contains("More projects"), "{first}");
    let second = page(format!("/portal/projects?limit=2&cursor={next}")).await;
    assert!(second.contains(">P2<") && second.contains(">P3<") && !second.contains(">P0<"), "{second}");

    // Every portal list takes limit and cursor and answers {items, next_cursor}.
    let all =
        sign_in(app, &c, json!(["view", "approve_proposals", "sign_contracts", "invoices", "reply_threads"])).await;
    for list in [
        "/portal/api/v1/projects",
        "/portal/api/v1/proposals",
        "/portal/api/v1/contracts",
        "/portal/api/v1/files",
        "/portal/api/v1/threads",
        "/portal/api/v1/invoices",
    ] {
        let r = portal_call(app, Method::GET, &format!("{list}?limit=1"), &all, None).await.expect(200);
        assert!(r.body["items"].is_array() && r.body.get("next_cursor").is_some(), "{list}: {}", r.body);
        let bad = portal_call(app, Method::GET, &format!("{list}?limit=0"), &all, None).await.expect_problem(422);
        assert!(bad.body.to_string().contains("limit"), "{list}: {}", bad.body);
        let bad = portal_call(app, Method::GET, &format!("{list}?cursor=nope"), &all, None).await.expect_problem(422);
        assert!(bad.body.to_string().contains("cursor"), "{list}: {}", bad.body);
    }
}

async fn set_last_used(app: &TestApp, grant: &str, at: chrono::DateTime<chrono::Utc>) {
    use sea_orm::{ConnectionTrait, Statement, Value as DbValue};
    let backend = app.db.conn.get_database_backend();
    let grant = uuid::Uuid::parse_str(grant).expect("uuid");
    let sql = match backend {
        sea_orm::DatabaseBackend::Postgres => "UPDATE client_portal_access SET last_used_at = $1 WHERE id = $2",
        _ => "UPDATE client_portal_access SET last_used_at = ? WHERE id = ?",
    };
    let values = [DbValue::from(at), DbValue::from(grant)];
    app.db.conn.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.expect("set last_used_at");
}

fn last_used(r: &Reply) -> Option<chrono::DateTime<chrono::Utc>> {
    r.body["last_used_at"].as_str().map(|s| s.parse().expect("timestamp"))
}

async fn last_used_at_follows_links_and_sessions(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let g = grant(app, &c, json!(["view"])).await;
    let path = format!("/api/v1/portal-access/{g}");
    let fresh = app.get(&path, &c.ada.token).await.expect(200);
    assert_eq!(fresh.body["last_used_at"], Value::Null, "never used");
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let token = link(app, &c.ada.token, &g).await;
    let cookie = portal_cookie(&exchange(app, &token).await.expect(201));
    let exchanged = last_used(&app.get(&path, &c.ada.token).await.expect(200)).expect("set by the exchange");
    assert!(exchanged >= before, "{exchanged} >= {before}");
    let listed = app.get(&format!("/api/v1/portal-access?engagement_id={}", c.engagement_id), &c.ada.token).await;
    assert_eq!(
        listed.expect(200).body["items"][0]["last_used_at"].as_str().map(|s| s.parse().expect("ts")),
        Some(exchanged)
    );

    // Used again within the minute: not written again.
    portal_call(app, Method::GET, "/portal/api/v1/me", &cookie, None).await.expect(200);
    assert_eq!(last_used(&app.get(&path, &c.ada.token).await.expect(200)), Some(exchanged));

    // A minute later, the next portal request records it.
    let long_ago = chrono::Utc::now() - chrono::Duration::minutes(5);
    set_last_used(app, &g, long_ago).await;
    let used_at = chrono::Utc::now() - chrono::Duration::seconds(1);
    portal_call(app, Method::GET, "/portal/api/v1/projects", &cookie, None).await.expect(200);
    let touched = last_used(&app.get(&path, &c.ada.token).await.expect(200)).expect("touched");
    assert!(touched >= used_at, "{touched} >= {used_at}");
    // Not a change of the grant: no new version, no event.
    assert_eq!(fresh.body["version"], app.get(&path, &c.ada.token).await.expect(200).body["version"]);
}
