//! What a signed-in portal contact sees and does beyond invoices, over HTTP:
//! proposals sent to the client (accept/decline, the contact as the events' actor
//! and the timeline saying "Ann Lee (client) accepted …"), contracts (signed
//! through agreements' protected path with the client's address through
//! `TRUSTED_PROXIES`), `client` files (presigned downloads) and shared threads
//! (a reply becomes a queued comms message). Then the isolation sweep: every
//! `/portal` route, given the ids of another engagement of the same organization,
//! of another organization, an internal file or an unshared thread, answers 404
//! (or leaves them out of its lists); and without the portal cookie, 401. The
//! same holds for projects' work: an internal project, milestone or task, a
//! visible task in an internal project, and another engagement's visible work.

use atrium_tests::{Reply, TestApp, app_tests, eventually};
use reqwest::Method;
use serde_json::{Value, json};

use crate::portal::{Client, client, exchange, grant, link, portal_call, portal_cookie};

app_tests!(the_client_decides_signs_downloads_and_replies, every_portal_route_is_isolated);

pub const ALL: [&str; 5] = ["view", "approve_proposals", "sign_contracts", "invoices", "reply_threads"];

/// One engagement's documents: those the client sees and those it must not.
pub struct Docs {
    pub proposal: String,
    pub draft_proposal: String,
    pub contract: String,
    pub client_file: String,
    pub internal_file: String,
    pub shared_thread: String,
    pub unshared_thread: String,
}

fn id(r: &Reply) -> String {
    r.body["id"].as_str().expect("id").to_owned()
}

async fn company_of(app: &TestApp, c: &Client) -> String {
    let e = app.get(&format!("/api/v1/engagements/{}", c.engagement_id), &c.ada.token).await.expect(200);
    e.body["client_company_id"].as_str().expect("company").to_owned()
}

async fn upload(app: &TestApp, c: &Client, engagement: &str, name: &str, visibility: &str) -> String {
    let res = app
        .http
        .post(format!("{}/api/v1/files?engagement_id={engagement}&name={name}&visibility={visibility}", app.base))
        .bearer_auth(&c.ada.token)
        .body(format!("the {name}"))
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.expect("file");
    v["id"].as_str().expect("id").to_owned()
}

/// Sent and draft proposals, a sent contract, a client and an internal file, a
/// shared and an unshared thread — for `contact` under `engagement`.
pub async fn documents(app: &TestApp, c: &Client, engagement: &str, contact: &str, mailbox: &str) -> Docs {
    let company = company_of(app, c).await;
    let t = &c.ada.token;
    let proposal = |title: &str| {
        json!({"title": title, "client_company_id": company, "contact_id": contact, "currency": "EUR",
            "line_items": [{"description": "Design", "quantity": 1, "unit_price": {"amount_minor": 120000, "currency": "EUR"}}]})
    };
    let p = id(&app.post("/api/v1/proposals", t, proposal("Relaunch")).await.expect(201));
    app.post(&format!("/api/v1/proposals/{p}/send"), t, json!({})).await.expect(200);
    let draft = id(&app.post("/api/v1/proposals", t, proposal("Unsent idea")).await.expect(201));
    let contract = json!({"title": "Relaunch contract", "client_company_id": company, "contact_id": contact,
        "currency": "EUR", "terms": "Payment within 30 days."});
    let k = id(&app.post("/api/v1/contracts", t, contract).await.expect(201));
    app.post(&format!("/api/v1/contracts/{k}/send"), t, json!({})).await.expect(200);
    let client_file = upload(app, c, engagement, "brief.txt", "client").await;
    let internal_file = upload(app, c, engagement, "margins.txt", "internal").await;
    let mut threads = Vec::new();
    for subject in ["Kick-off", "Internal notes"] {
        let composed = app
            .post(
                "/api/v1/threads",
                t,
                json!({"connection_id": mailbox, "engagement_id": engagement, "to": ["ann@globex.example"],
                    "subject": subject, "body_text": format!("{subject}: hello")}),
            )
            .await
            .expect(202);
        threads.push(composed.body["thread_id"].as_str().expect("thread").to_owned());
    }
    app.post(&format!("/api/v1/threads/{}/share", threads[0]), t, json!({})).await.expect(200);
    Docs {
        proposal: p,
        draft_proposal: draft,
        contract: k,
        client_file,
        internal_file,
        shared_thread: threads[0].clone(),
        unshared_thread: threads[1].clone(),
    }
}

/// One engagement's work: what the client sees, and what it must not.
struct Work {
    project: String,
    milestone: String,
    task: String,
    internal_project: String,
    internal_milestone: String,
    internal_task: String,
    /// Marked visible, but in the internal project.
    task_in_internal: String,
    milestone_in_internal: String,
}

async fn work(app: &TestApp, token: &str, engagement: &str) -> Work {
    use crate::portal_projects::{milestone, project, task};
    let (p, hidden) = (
        project(app, token, engagement, "Relaunch", true).await,
        project(app, token, engagement, "Margins", false).await,
    );
    Work {
        milestone: milestone(app, token, &p, "Design", true).await,
        task: task(app, token, &p, "Wireframes", true).await,
        internal_milestone: milestone(app, token, &p, "Internal QA", false).await,
        internal_task: task(app, token, &p, "Price the extras", false).await,
        task_in_internal: task(app, token, &hidden, "Shown but hidden", true).await,
        milestone_in_internal: milestone(app, token, &hidden, "Shown but hidden", true).await,
        project: p,
        internal_project: hidden,
    }
}

/// Every portal route of the work that takes an id.
fn work_routes(project: &str, milestone: &str, task: &str) -> Vec<String> {
    vec![
        format!("/portal/api/v1/projects/{project}"),
        format!("/portal/api/v1/projects/{project}/milestones"),
        format!("/portal/api/v1/projects/{project}/tasks"),
        format!("/portal/api/v1/milestones/{milestone}"),
        format!("/portal/api/v1/tasks/{task}"),
    ]
}

pub async fn mailbox(app: &TestApp, token: &str) -> String {
    let imap = json!({"provider": "imap", "email_address": "ada@example.com",
        "imap": {"host": "127.0.0.1", "port": 1, "tls": false, "username": "ada", "password": "s3cret-password"}});
    id(&app.post("/api/v1/mailbox-connections", token, imap).await.expect(201))
}

async fn sign_in(app: &TestApp, c: &Client) -> String {
    let g = grant(app, c, json!(ALL)).await;
    let token = link(app, &c.ada.token, &g).await;
    portal_cookie(&exchange(app, &token).await.expect(201))
}

fn ids(r: &Reply) -> Vec<String> {
    r.body["items"].as_array().expect("items").iter().map(|i| i["id"].as_str().expect("id").to_owned()).collect()
}

async fn post_json(app: &TestApp, path: &str, cookie: &str, body: Value, forwarded: Option<&str>) -> Reply {
    let mut req =
        app.http.post(format!("{}{}", app.base, path)).header("cookie", format!("atrium_portal={cookie}")).json(&body);
    if let Some(f) = forwarded {
        req = req.header("x-forwarded-for", f);
    }
    atrium_tests::read(req.send().await.expect("request")).await
}

async fn the_client_decides_signs_downloads_and_replies(app: &TestApp) {
    let app = TestApp::spawn_with(app.db.backend, |c| c.trusted_proxies = vec!["127.0.0.1".into(), "::1".into()])
        .await
        .expect("app");
    let c = client(&app, "ada@example.com", Some("ann@globex.example")).await;
    let mb = mailbox(&app, &c.ada.token).await;
    let d = documents(&app, &c, &c.engagement_id.clone(), &c.contact_id.clone(), &mb).await;
    let cookie = sign_in(&app, &c).await;

    // Proposals: the sent one, never the draft.
    let list = portal_call(&app, Method::GET, "/portal/api/v1/proposals", &cookie, None).await.expect(200);
    assert_eq!(ids(&list), vec![d.proposal.clone()], "{}", list.body);
    let p = &list.body["items"][0];
    assert_eq!(p["status"], "sent");
    assert!(p["reference"].as_str().expect("ref").starts_with("P-"), "{p}");
    let reference = p["reference"].as_str().expect("ref").to_owned();
    let accepted =
        post_json(&app, &format!("/portal/api/v1/proposals/{}/accept", d.proposal), &cookie, json!({}), None)
            .await
            .expect(200);
    assert_eq!(accepted.body["status"], "accepted");
    let again = post_json(&app, &format!("/portal/api/v1/proposals/{}/decline", d.proposal), &cookie, json!({}), None)
        .await
        .expect_problem(409);
    assert!(again.body["detail"].as_str().expect("detail").contains("accepted"), "{}", again.body);
    let staff = app.get(&format!("/api/v1/proposals/{}", d.proposal), &c.ada.token).await.expect(200);
    assert_eq!(staff.body["status"], "accepted");
    let event = atrium_tests::feed_event(&app, &c.ada.token, "agreements.proposal.accepted").await;
    assert_eq!(event["actor"], format!("portal:contact:{}", c.contact_id));
    assert_eq!(event["data"]["client"]["name"], "Ann Lee");
    let summary = format!("Ann Lee (client) accepted proposal {reference} “Relaunch”");
    eventually("the client's acceptance on the timeline", || async {
        let tl = app.get(&format!("/api/v1/timeline?entity_id={}", d.proposal), &c.ada.token).await.expect(200);
        tl.body["items"].as_array()?.iter().find(|e| e["summary"] == summary.as_str()).cloned()
    })
    .await;

    // Contracts: signed through agreements' path, from the forwarded client address.
    let list = portal_call(&app, Method::GET, "/portal/api/v1/contracts", &cookie, None).await.expect(200);
    assert_eq!(ids(&list), vec![d.contract.clone()]);
    let bad = post_json(
        &app,
        &format!("/portal/api/v1/contracts/{}/sign", d.contract),
        &cookie,
        json!({"signer_name": "Ann Lee", "signer_email": "not-an-email", "signature_data": "Ann Lee"}),
        None,
    )
    .await
    .expect_problem(422);
    assert!(bad.body.to_string().contains("signer_email"), "{}", bad.body);
    let signed = post_json(
        &app,
        &format!("/portal/api/v1/contracts/{}/sign", d.contract),
        &cookie,
        json!({"signer_name": "Ann Lee", "signer_email": "ann@globex.example", "signature_data": "Ann Lee"}),
        Some("203.0.113.9"),
    )
    .await
    .expect(200);
    assert_eq!(signed.body["status"], "signed");
    assert_eq!(signed.body["signer_name"], "Ann Lee");
    let sig = app.get(&format!("/api/v1/contracts/{}/signature", d.contract), &c.ada.token).await.expect(200);
    assert_eq!(sig.body["signer_ip"], "203.0.113.9", "{}", sig.body);
    assert_eq!(sig.body["signature_data"], "Ann Lee");
    let event = atrium_tests::feed_event(&app, &c.ada.token, "agreements.contract.signed").await;
    assert_eq!(event["actor"], format!("portal:contact:{}", c.contact_id));

    // Files: the client one only, downloaded through a presigned URL.
    let list = portal_call(&app, Method::GET, "/portal/api/v1/files", &cookie, None).await.expect(200);
    assert_eq!(ids(&list), vec![d.client_file.clone()]);
    let no_follow = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let res = no_follow
        .get(format!("{}/portal/api/v1/files/{}/download", app.base, d.client_file))
        .header("cookie", format!("atrium_portal={cookie}"))
        .send()
        .await
        .expect("download");
    assert_eq!(res.status(), 302);
    let location = res.headers().get("location").and_then(|v| v.to_str().ok()).expect("location").to_owned();
    let location = if location.starts_with('/') { format!("{}{location}", app.base) } else { location };
    let bytes = reqwest::get(&location).await.expect("presigned").text().await.expect("body");
    assert_eq!(bytes, "the brief.txt");

    // Threads: the shared one, and a reply that comms queues under the contact's actor.
    let list = portal_call(&app, Method::GET, "/portal/api/v1/threads", &cookie, None).await.expect(200);
    assert_eq!(ids(&list), vec![d.shared_thread.clone()]);
    let path = format!("/portal/api/v1/threads/{}/messages", d.shared_thread);
    let msgs = portal_call(&app, Method::GET, &path, &cookie, None).await.expect(200);
    assert_eq!(msgs.body["items"][0]["body_text"], "Kick-off: hello");
    let path = format!("/portal/api/v1/threads/{}/replies", d.shared_thread);
    post_json(&app, &path, &cookie, json!({"body_text": "   "}), None).await.expect_problem(422);
    let reply = post_json(&app, &path, &cookie, json!({"body_text": "Monday works."}), None).await.expect(201);
    assert!(["queued", "retrying", "sent"].contains(&reply.body["status"].as_str().expect("status")), "{}", reply.body);
    let staff = app.get(&format!("/api/v1/threads/{}/messages", d.shared_thread), &c.ada.token).await.expect(200);
    let mine = staff.body["items"].as_array().expect("items").iter().find(|m| m["id"] == reply.body["id"]).cloned();
    let mine = mine.expect("the reply in the thread");
    assert_eq!(mine["to"][0]["address"], "ada@example.com");
    assert!(mine["body_text"].as_str().expect("body").contains("Ann Lee (client) wrote"), "{mine}");
    let actor = format!("portal:contact:{}", c.contact_id);
    eventually("the reply's comms.message.queued by the contact", || async {
        let feed = app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200);
        feed.body["items"]
            .as_array()?
            .iter()
            .find(|e| e["type"] == "comms.message.queued" && e["actor"] == actor.as_str())
            .cloned()
    })
    .await;

    // A grant without the acting permissions sees but cannot act (403).
    let viewer = grant(&app, &c, json!(["view"])).await;
    let t = link(&app, &c.ada.token, &viewer).await;
    let view_only = portal_cookie(&exchange(&app, &t).await.expect(201));
    let path = format!("/portal/api/v1/proposals/{}/accept", d.draft_proposal);
    post_json(&app, &path, &view_only, json!({}), None).await.expect_problem(403);
    portal_call(&app, Method::GET, "/portal/api/v1/proposals", &view_only, None).await.expect(200);
}

/// Every portal route that takes an id, with a JSON body for the writes.
fn routes(d: &Docs) -> Vec<(Method, String, Option<Value>)> {
    let sign = json!({"signer_name": "Eve", "signer_email": "eve@example.com", "signature_data": "Eve"});
    vec![
        (Method::POST, format!("/portal/api/v1/proposals/{}/accept", d.proposal), Some(json!({}))),
        (Method::POST, format!("/portal/api/v1/proposals/{}/decline", d.proposal), Some(json!({}))),
        (Method::POST, format!("/portal/api/v1/contracts/{}/sign", d.contract), Some(sign)),
        (Method::GET, format!("/portal/api/v1/files/{}/download", d.client_file), None),
        (Method::GET, format!("/portal/api/v1/threads/{}/messages", d.shared_thread), None),
        (Method::POST, format!("/portal/api/v1/threads/{}/replies", d.shared_thread), Some(json!({"body_text": "hi"}))),
        (Method::GET, format!("/portal/api/v1/invoices/{}/pdf", d.proposal), None),
    ]
}

const LISTS: [&str; 6] = [
    "/portal/api/v1/projects",
    "/portal/api/v1/proposals",
    "/portal/api/v1/contracts",
    "/portal/api/v1/files",
    "/portal/api/v1/threads",
    "/portal/api/v1/invoices",
];

async fn call(app: &TestApp, method: Method, path: &str, cookie: Option<&str>, body: Option<Value>) -> Reply {
    let mut req = app.http.request(method, format!("{}{}", app.base, path));
    if let Some(c) = cookie {
        req = req.header("cookie", format!("atrium_portal={c}"));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    atrium_tests::read(req.send().await.expect("request")).await
}

async fn every_portal_route_is_isolated(app: &TestApp) {
    // Organization 1: engagement A (Ann) and engagement B (Bob, another client).
    let a = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let mb = mailbox(app, &a.ada.token).await;
    let company_b = app.post("/api/v1/client-companies", &a.ada.token, json!({"name": "Initech"})).await.expect(201);
    let company_b = id(&company_b);
    let bob = json!({"first_name": "Bob", "last_name": "Ray", "email": "bob@initech.example", "client_company_id": company_b});
    let bob = id(&app.post("/api/v1/contacts", &a.ada.token, bob).await.expect(201));
    let eng_b = json!({"name": "Intranet", "client_company_id": company_b, "billing_model": "fixed"});
    let eng_b = id(&app.post("/api/v1/engagements", &a.ada.token, eng_b).await.expect(201));
    let b = Client { ada: a.ada.clone(), contact_id: bob.clone(), engagement_id: eng_b.clone() };
    let docs_a = documents(app, &a, &a.engagement_id.clone(), &a.contact_id.clone(), &mb).await;
    let docs_b = documents(app, &b, &eng_b, &bob, &mb).await;
    // Organization 2, with its own client and documents.
    let z = client(app, "zed@example.com", Some("ann@globex.example")).await;
    let mb_z = mailbox(app, &z.ada.token).await;
    let docs_z = documents(app, &z, &z.engagement_id.clone(), &z.contact_id.clone(), &mb_z).await;
    let work_a = work(app, &a.ada.token, &a.engagement_id).await;
    let work_b = work(app, &a.ada.token, &eng_b).await;
    let work_z = work(app, &z.ada.token, &z.engagement_id).await;

    let ann = sign_in(app, &a).await;
    // Every list shows only A's client-side documents.
    let seen = |r: &Reply| ids(r);
    for list in LISTS {
        let r = call(app, Method::GET, list, Some(&ann), None).await.expect(200);
        for foreign in [&docs_b, &docs_z] {
            for other in [&foreign.proposal, &foreign.contract, &foreign.client_file, &foreign.shared_thread] {
                assert!(!seen(&r).contains(other), "{list} shows another engagement's {other}");
            }
        }
        for hidden in [&docs_a.draft_proposal, &docs_a.internal_file, &docs_a.unshared_thread] {
            assert!(!seen(&r).contains(hidden), "{list} shows {hidden}");
        }
    }
    // The work: A's visible project, and in it only the visible milestone and task.
    let r = call(app, Method::GET, "/portal/api/v1/projects", Some(&ann), None).await.expect(200);
    assert_eq!(seen(&r), vec![work_a.project.clone()], "{}", r.body);
    let path = format!("/portal/api/v1/projects/{}/milestones", work_a.project);
    let r = call(app, Method::GET, &path, Some(&ann), None).await.expect(200);
    assert_eq!(seen(&r), vec![work_a.milestone.clone()], "{}", r.body);
    let path = format!("/portal/api/v1/projects/{}/tasks", work_a.project);
    let r = call(app, Method::GET, &path, Some(&ann), None).await.expect(200);
    assert_eq!(seen(&r), vec![work_a.task.clone()], "{}", r.body);
    for path in work_routes(&work_a.project, &work_a.milestone, &work_a.task) {
        call(app, Method::GET, &path, Some(&ann), None).await.expect(200);
        let r = call(app, Method::GET, &path, None, None).await;
        assert_eq!(r.status.as_u16(), 401, "{path} without the cookie");
    }
    let hidden = [
        work_routes(&work_a.internal_project, &work_a.internal_milestone, &work_a.internal_task),
        work_routes(&work_a.internal_project, &work_a.milestone_in_internal, &work_a.task_in_internal),
        work_routes(&work_b.project, &work_b.milestone, &work_b.task),
        work_routes(&work_z.project, &work_z.milestone, &work_z.task),
    ];
    for path in hidden.iter().flatten() {
        let r = call(app, Method::GET, path, Some(&ann), None).await;
        assert_eq!(r.status.as_u16(), 404, "{path}: {}", r.body);
    }
    let r = call(app, Method::GET, &format!("/portal/api/v1/projects?engagement_id={eng_b}"), Some(&ann), None).await;
    assert_eq!(seen(&r.expect(200)), vec![work_a.project.clone()], "a filter cannot widen the projects");

    // Filters and query strings cannot widen a list either.
    let r = call(app, Method::GET, &format!("/portal/api/v1/files?engagement_id={eng_b}"), Some(&ann), None).await;
    assert!(!ids(&r.expect(200)).contains(&docs_b.client_file));

    // By id: another engagement's, another organization's, internal, unshared — all 404, nothing changed.
    let internal = Docs {
        proposal: docs_a.draft_proposal.clone(),
        contract: docs_b.contract.clone(),
        client_file: docs_a.internal_file.clone(),
        shared_thread: docs_a.unshared_thread.clone(),
        draft_proposal: String::new(),
        internal_file: String::new(),
        unshared_thread: String::new(),
    };
    for docs in [&docs_b, &docs_z, &internal] {
        for (method, path, body) in routes(docs) {
            let r = call(app, method.clone(), &path, Some(&ann), body).await;
            assert_eq!(r.status.as_u16(), 404, "{method} {path}: {}", r.body);
        }
    }
    for docs in [&docs_b, &docs_z] {
        let token = if std::ptr::eq(docs, &docs_z) { &z.ada.token } else { &a.ada.token };
        let p = app.get(&format!("/api/v1/proposals/{}", docs.proposal), token).await.expect(200);
        assert_eq!(p.body["status"], "sent", "untouched");
        let k = app.get(&format!("/api/v1/contracts/{}", docs.contract), token).await.expect(200);
        assert_eq!(k.body["status"], "sent", "untouched");
    }

    // Without the portal cookie (or with a staff token only), every route is 401.
    for (method, path, body) in routes(&docs_a) {
        let r = call(app, method.clone(), &path, None, body).await;
        assert_eq!(r.status.as_u16(), 401, "{method} {path}");
    }
    for list in LISTS {
        let r = app.get(list, &a.ada.token).await;
        assert_eq!(r.status.as_u16(), 401, "{list} with a staff token");
    }
}
