//! The client portal over HTTP: staff grant a contact access to an engagement and
//! issue a single-use sign-in link (mailed through comms, returned once on
//! request); the contact exchanges it for the portal's own session cookie, which
//! only `/portal` accepts (and `/portal` accepts nothing else). Used, expired and
//! revoked links are refused saying which; revoking a grant ends its sessions at
//! once; the exchange is rate limited as a sign-in.

use atrium_tests::{Reply, Session, TestApp, app_tests, eventually, read};
use reqwest::Method;
use serde_json::{Value, json};

app_tests!(
    a_link_opens_a_portal_session_once_in_its_own_realm,
    used_expired_revoked_and_unknown_links_say_which,
    revoking_a_grant_ends_its_sessions_at_once,
    grants_validate_their_input_and_need_a_writer,
    grants_are_listed_changed_and_filtered,
    link_exchanges_are_rate_limited_as_sign_ins,
    the_client_sees_only_its_engagements_issued_invoices,
);

/// Ada's organization with a client contact (Ann) and an engagement.
pub struct Client {
    pub ada: Session,
    pub contact_id: String,
    pub engagement_id: String,
}

pub async fn client(app: &TestApp, owner_email: &str, contact_email: Option<&str>) -> Client {
    let ada = app.signup(owner_email).await;
    let company = app.post("/api/v1/client-companies", &ada.token, json!({"name": "Globex"})).await.expect(201);
    let company_id = company.body["id"].as_str().expect("id").to_owned();
    let mut contact = json!({"first_name": "Ann", "last_name": "Lee", "client_company_id": company_id});
    if let Some(e) = contact_email {
        contact["email"] = json!(e);
    }
    let contact = app.post("/api/v1/contacts", &ada.token, contact).await.expect(201);
    let engagement = app
        .post(
            "/api/v1/engagements",
            &ada.token,
            json!({"name": "Website relaunch", "client_company_id": company_id, "billing_model": "fixed"}),
        )
        .await
        .expect(201);
    Client {
        ada,
        contact_id: contact.body["id"].as_str().expect("id").to_owned(),
        engagement_id: engagement.body["id"].as_str().expect("id").to_owned(),
    }
}

pub async fn grant(app: &TestApp, c: &Client, permissions: Value) -> String {
    let g = app
        .post(
            "/api/v1/portal-access",
            &c.ada.token,
            json!({"engagement_id": c.engagement_id, "contact_id": c.contact_id, "permissions": permissions}),
        )
        .await
        .expect(201);
    g.body["id"].as_str().expect("id").to_owned()
}

/// Issues a link and answers its token.
pub async fn link(app: &TestApp, token: &str, grant: &str) -> String {
    let l =
        app.post(&format!("/api/v1/portal-access/{grant}/links?return_link=true"), token, json!({})).await.expect(201);
    l.body["token"].as_str().expect("token").to_owned()
}

pub async fn exchange(app: &TestApp, token: &str) -> Reply {
    app.call(Method::POST, "/portal/api/v1/session", None, Some(json!({"token": token}))).await
}

/// The portal cookie's value from a sign-in answer.
pub fn portal_cookie(r: &Reply) -> String {
    let set = r.headers.get("set-cookie").and_then(|v| v.to_str().ok()).expect("set-cookie");
    let pair = set.split(';').next().expect("pair");
    pair.strip_prefix("atrium_portal=").expect("portal cookie").to_owned()
}

/// A request with the portal cookie (and optionally a bearer token).
pub async fn portal_call(app: &TestApp, method: Method, path: &str, cookie: &str, bearer: Option<&str>) -> Reply {
    let mut req =
        app.http.request(method, format!("{}{}", app.base, path)).header("cookie", format!("atrium_portal={cookie}"));
    if let Some(b) = bearer {
        req = req.bearer_auth(b);
    }
    read(req.send().await.expect("request")).await
}

async fn a_link_opens_a_portal_session_once_in_its_own_realm(app: &TestApp) {
    let app = TestApp::spawn_with(app.db.backend, |c| c.cookie_secure = true).await.expect("app");
    let c = client(&app, "ada@example.com", Some("ann@globex.example")).await;
    let id = grant(&app, &c, json!(["view", "invoices"])).await;

    // Without return_link the token is not in the answer; the mail carries it.
    let quiet = app.post(&format!("/api/v1/portal-access/{id}/links"), &c.ada.token, json!({})).await.expect(201);
    assert!(quiet.body.get("token").is_none() && quiet.body.get("url").is_none(), "{}", quiet.body);
    let issued = app
        .post(&format!("/api/v1/portal-access/{id}/links?return_link=true"), &c.ada.token, json!({}))
        .await
        .expect(201);
    let token = issued.body["token"].as_str().expect("token").to_owned();
    let url = issued.body["url"].as_str().expect("url");
    assert!(url.ends_with(&format!("/portal/sign-in?token={token}")), "{url}");
    // ≥ 128 bits: 32 random bytes in base64url after the prefix.
    assert!(token.starts_with("atr_pl_") && token.len() >= 7 + 43, "{token}");

    // The link went to the contact as a comms message (a draft: no mailbox is connected).
    let threads = app.get(&format!("/api/v1/threads?contact_id={}", c.contact_id), &c.ada.token).await.expect(200);
    let thread = threads.body["items"].as_array().expect("items").first().expect("the link's thread").clone();
    assert_eq!(thread["engagement_id"], c.engagement_id.as_str());
    assert_eq!(thread["shared_with_client"], false);
    let msgs = app.get(&format!("/api/v1/threads/{}/messages", thread["id"].as_str().expect("id")), &c.ada.token).await;
    let msg = msgs.expect(200).body["items"][0].clone();
    assert_eq!(msg["to"][0]["address"], "ann@globex.example");
    assert!(msg["body_text"].as_str().expect("body").contains(url));

    // Only the token's hash is stored.
    let stored = raw_link_hashes(&app).await;
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|h| h.len() == 64 && !h.contains(&token)), "{stored:?}");

    let signed_in = exchange(&app, &token).await.expect(201);
    let set = signed_in.headers.get("set-cookie").and_then(|v| v.to_str().ok()).expect("cookie").to_owned();
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/portal"] {
        assert!(set.contains(attr), "{attr} missing from {set}");
    }
    let max_age: i64 =
        set.split("; ").find_map(|a| a.strip_prefix("Max-Age=")).and_then(|v| v.parse().ok()).expect("Max-Age");
    assert!((28_790..=28_800).contains(&max_age), "PORTAL_SESSION_TTL_MINUTES (480) as Max-Age: {set}");
    assert_eq!(signed_in.body["engagement"]["name"], "Website relaunch");
    assert_eq!(signed_in.body["contact_name"], "Ann Lee");
    assert_eq!(signed_in.body["permissions"], json!(["view", "invoices"]));
    let cookie = portal_cookie(&signed_in);
    assert!(cookie.starts_with("atr_ps_"));

    let me = portal_call(&app, Method::GET, "/portal/api/v1/me", &cookie, None).await.expect(200);
    assert_eq!(me.body["contact_id"], c.contact_id.as_str());
    assert_eq!(me.body["engagement"]["id"], c.engagement_id.as_str());

    // The portal session never opens the staff API: not as a bearer, not as the staff cookie.
    app.get("/api/v1/me", &cookie).await.expect_problem(401);
    let as_staff_cookie = app
        .http
        .get(format!("{}/api/v1/contacts", app.base))
        .header("cookie", format!("atrium_session={cookie}; atrium_portal={cookie}"))
        .send()
        .await
        .expect("request");
    read(as_staff_cookie).await.expect_problem(401);
    // A staff token never opens the portal.
    app.get("/portal/api/v1/me", &c.ada.token).await.expect_problem(401);
    let staff_cookie = app
        .http
        .get(format!("{}/portal/api/v1/me", app.base))
        .header("cookie", format!("atrium_session={}", c.ada.token))
        .send()
        .await
        .expect("request");
    read(staff_cookie).await.expect_problem(401);

    // Single use.
    let again = exchange(&app, &token).await.expect_problem(401);
    assert!(again.body["detail"].as_str().expect("detail").contains("already used"), "{}", again.body);

    // The timeline names the client as the actor; staff see when the grant was last used.
    let started = atrium_tests::feed_event(&app, &c.ada.token, "portal.session.started").await;
    assert_eq!(started["actor"], format!("portal:contact:{}", c.contact_id));
    let g = app.get(&format!("/api/v1/portal-access/{id}"), &c.ada.token).await.expect(200);
    assert!(g.body["last_used_at"].is_string(), "{}", g.body);
    eventually("the sign-in on the engagement's timeline", || async {
        let tl = app.get(&format!("/api/v1/timeline?engagement_id={}", c.engagement_id), &c.ada.token).await;
        let items = tl.body["items"].as_array()?.clone();
        items.iter().any(|e| e["summary"] == "Ann Lee (client) signed in to the portal").then_some(())
    })
    .await;

    // Sign-out ends the session and clears the cookie.
    let out = portal_call(&app, Method::DELETE, "/portal/api/v1/session", &cookie, None).await.expect(204);
    let cleared = out.headers.get("set-cookie").and_then(|v| v.to_str().ok()).expect("cleared");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    portal_call(&app, Method::GET, "/portal/api/v1/me", &cookie, None).await.expect_problem(401);
}

async fn raw_link_hashes(app: &TestApp) -> Vec<String> {
    use sea_orm::{ConnectionTrait, Statement};
    let rows = app
        .db
        .conn
        .query_all_raw(Statement::from_string(
            app.db.conn.get_database_backend(),
            "SELECT token_hash FROM portal_links",
        ))
        .await
        .expect("links");
    rows.iter().map(|r| r.try_get::<String>("", "token_hash").expect("hash")).collect()
}

pub async fn expire_links(app: &TestApp) {
    use sea_orm::{ConnectionTrait, Statement, Value as DbValue};
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    let backend = app.db.conn.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Postgres => "UPDATE portal_links SET expires_at = $1",
        _ => "UPDATE portal_links SET expires_at = ?",
    };
    app.db.conn.execute_raw(Statement::from_sql_and_values(backend, sql, [DbValue::from(past)])).await.expect("expire");
}

async fn used_expired_revoked_and_unknown_links_say_which(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let id = grant(app, &c, json!(["view"])).await;

    let unknown = exchange(app, "atr_pl_not-a-real-token").await.expect_problem(401);
    assert_eq!(unknown.body["type"], "/problems/sign-in-refused");
    assert!(unknown.body["detail"].as_str().expect("detail").contains("not valid"), "{}", unknown.body);

    let expiring = link(app, &c.ada.token, &id).await;
    expire_links(app).await;
    let expired = exchange(app, &expiring).await.expect_problem(401);
    assert!(expired.body["detail"].as_str().expect("detail").contains("expired"), "{}", expired.body);

    let fresh = link(app, &c.ada.token, &id).await;
    exchange(app, &fresh).await.expect(201);
    let reused = exchange(app, &fresh).await.expect_problem(401);
    assert!(reused.body["detail"].as_str().expect("detail").contains("already used"), "{}", reused.body);

    let pending = link(app, &c.ada.token, &id).await;
    app.post(&format!("/api/v1/portal-access/{id}/revoke"), &c.ada.token, json!({})).await.expect(200);
    let revoked = exchange(app, &pending).await.expect_problem(401);
    assert!(revoked.body["detail"].as_str().expect("detail").contains("revoked"), "{}", revoked.body);
    // A revoked grant issues no more links.
    app.post(&format!("/api/v1/portal-access/{id}/links"), &c.ada.token, json!({})).await.expect_problem(409);
    // No refusal wrote a session: only the one good exchange did.
    let feed = app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200);
    let sessions =
        feed.body["items"].as_array().expect("items").iter().filter(|e| e["type"] == "portal.session.started");
    assert_eq!(sessions.count(), 1);
}

async fn revoking_a_grant_ends_its_sessions_at_once(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let id = grant(app, &c, json!(["view"])).await;
    let first = portal_cookie(&exchange(app, &link(app, &c.ada.token, &id).await).await.expect(201));
    let second = portal_cookie(&exchange(app, &link(app, &c.ada.token, &id).await).await.expect(201));
    for s in [&first, &second] {
        portal_call(app, Method::GET, "/portal/api/v1/me", s, None).await.expect(200);
    }
    let revoked = app.post(&format!("/api/v1/portal-access/{id}/revoke"), &c.ada.token, json!({})).await.expect(200);
    assert_eq!(revoked.body["status"], "revoked");
    for s in [&first, &second] {
        portal_call(app, Method::GET, "/portal/api/v1/me", s, None).await.expect_problem(401);
    }
    let event = atrium_tests::feed_event(app, &c.ada.token, "portal.access.revoked").await;
    assert_eq!(event["data"]["sessions_ended"], 2);
    // Revoking again changes nothing and publishes nothing.
    app.post(&format!("/api/v1/portal-access/{id}/revoke"), &c.ada.token, json!({})).await.expect(200);
    let feed = app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200);
    let n =
        feed.body["items"].as_array().expect("items").iter().filter(|e| e["type"] == "portal.access.revoked").count();
    assert_eq!(n, 1);
    // A revoked grant cannot be changed.
    app.patch(&format!("/api/v1/portal-access/{id}"), &c.ada.token, json!({"permissions": ["view", "invoices"]}))
        .await
        .expect_problem(409);
}

async fn grants_validate_their_input_and_need_a_writer(app: &TestApp) {
    let c = client(app, "ada@example.com", None).await;
    let other = client(app, "bob@example.com", Some("zed@initech.example")).await;
    let before =
        app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200).body["items"].as_array().map(Vec::len);
    let cases = [
        (json!({"engagement_id": other.engagement_id, "contact_id": c.contact_id}), "engagement_id"),
        (json!({"engagement_id": c.engagement_id, "contact_id": other.contact_id}), "contact_id"),
        (json!({"engagement_id": c.engagement_id, "contact_id": c.contact_id, "permissions": []}), "permissions"),
        (
            json!({"engagement_id": c.engagement_id, "contact_id": c.contact_id, "permissions": ["admin"]}),
            "permissions",
        ),
        (
            json!({"engagement_id": c.engagement_id, "contact_id": c.contact_id, "expires_at": "2001-01-01T00:00:00Z"}),
            "expires_at",
        ),
        (json!({"engagement_id": "nope", "contact_id": c.contact_id}), "engagement_id"),
    ];
    for (body, field) in cases {
        let r = app.post("/api/v1/portal-access", &c.ada.token, body.clone()).await.expect_problem(422);
        assert!(r.field_errors().iter().any(|f| f.starts_with(field)), "{body}: {}", r.body);
    }
    let after =
        app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200).body["items"].as_array().map(Vec::len);
    assert_eq!(before, after, "a refused grant wrote nothing");
    let list = app.get("/api/v1/portal-access", &c.ada.token).await.expect(200);
    assert_eq!(list.body["items"], json!([]));

    // Members grant; viewers and billing may not.
    let member = app.add_member(&c.ada, "grace@example.com", "member").await;
    let body = json!({"engagement_id": c.engagement_id, "contact_id": c.contact_id});
    let g = app.post("/api/v1/portal-access", &member.token, body.clone()).await.expect(201);
    assert_eq!(g.body["permissions"], json!(["view"]));
    assert_eq!(g.body["created_by"], format!("user:{}", member.user_id));
    let viewer = app.add_member(&c.ada, "vic@example.com", "viewer").await;
    app.post("/api/v1/portal-access", &viewer.token, body).await.expect_problem(403);
    app.get("/api/v1/portal-access", &viewer.token).await.expect_problem(403);
    // A contact without an email address cannot be sent a link.
    let id = g.body["id"].as_str().expect("id");
    let r = app.post(&format!("/api/v1/portal-access/{id}/links"), &member.token, json!({})).await.expect_problem(409);
    assert!(r.body["detail"].as_str().expect("detail").contains("no email"), "{}", r.body);
}

async fn grants_are_listed_changed_and_filtered(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let a = grant(app, &c, json!(["view"])).await;
    let other_engagement = app
        .post("/api/v1/engagements", &c.ada.token, json!({"name": "Support", "billing_model": "fixed"}))
        .await
        .expect(201);
    let e2 = other_engagement.body["id"].as_str().expect("id").to_owned();
    let b = app
        .post("/api/v1/portal-access", &c.ada.token, json!({"engagement_id": e2, "contact_id": c.contact_id}))
        .await
        .expect(201);
    let b = b.body["id"].as_str().expect("id").to_owned();
    let all = app.get("/api/v1/portal-access?limit=1", &c.ada.token).await.expect(200);
    assert_eq!(all.body["items"][0]["id"], b.as_str(), "newest first");
    let cursor = all.body["next_cursor"].as_str().expect("cursor");
    let next = app.get(&format!("/api/v1/portal-access?limit=1&cursor={cursor}"), &c.ada.token).await.expect(200);
    assert_eq!(next.body["items"][0]["id"], a.as_str());
    let of_e2 = app.get(&format!("/api/v1/portal-access?engagement_id={e2}"), &c.ada.token).await.expect(200);
    assert_eq!(of_e2.body["items"].as_array().map(Vec::len), Some(1));

    let got = app.get(&format!("/api/v1/portal-access/{a}"), &c.ada.token).await.expect(200);
    assert_eq!(got.headers["etag"], "\"1\"");
    let patched = app
        .call(
            Method::PATCH,
            &format!("/api/v1/portal-access/{a}"),
            Some(&c.ada.token),
            Some(json!({"permissions": ["invoices", "view", "view"], "expires_at": "2099-01-01T00:00:00Z"})),
        )
        .await
        .expect(200);
    assert_eq!(patched.body["permissions"], json!(["view", "invoices"]));
    assert_eq!(patched.body["version"], 2);
    let updated = atrium_tests::feed_event(app, &c.ada.token, "portal.access.updated").await;
    assert_eq!(updated["data"]["changed"], json!(["permissions", "expires_at"]));
    let cleared = app.patch(&format!("/api/v1/portal-access/{a}"), &c.ada.token, json!({"expires_at": null})).await;
    assert!(cleared.expect(200).body["expires_at"].is_null());
    let stale = app
        .http
        .patch(format!("{}/api/v1/portal-access/{a}", app.base))
        .bearer_auth(&c.ada.token)
        .header("if-match", "\"1\"")
        .json(&json!({"permissions": ["view"]}))
        .send()
        .await
        .expect("request");
    read(stale).await.expect_problem(409);
}

async fn link_exchanges_are_rate_limited_as_sign_ins(app: &TestApp) {
    // Sign-up spends one of the address's four sign-ins.
    let app = TestApp::spawn_with(app.db.backend, |c| c.rate_limit_auth = "4/60s".into()).await.expect("app");
    let c = client(&app, "ada@example.com", Some("ann@globex.example")).await;
    let id = grant(&app, &c, json!(["view"])).await;
    let good = link(&app, &c.ada.token, &id).await;
    // Guessing tokens spends the sign-in budget of the client's address...
    for _ in 0..2 {
        exchange(&app, "atr_pl_guess").await.expect_problem(401);
    }
    let third = exchange(&app, "atr_pl_guess").await.expect_problem(401);
    assert!(
        third.headers["ratelimit-policy"].to_str().is_ok_and(|p| p.starts_with("\"auth\";q=4")),
        "{:?}",
        third.headers
    );
    // ...until even a good link waits (and is not spent).
    let limited = exchange(&app, &good).await.expect_problem(429);
    assert!(limited.headers.contains_key("retry-after"));
    let page = app
        .http
        .post(format!("{}/portal/sign-in", app.base))
        .form(&[("token", good.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(page.status(), 429, "the sign-in page's form shares the budget");
    let feed = app.get("/api/v1/events?limit=500", &c.ada.token).await.expect(200);
    assert!(!feed.body.to_string().contains("portal.session.started"), "no session was opened");
}

/// An invoice of `engagement`, issued unless `draft`; answers its id.
pub async fn invoice(app: &TestApp, token: &str, engagement: &str, draft: bool) -> String {
    let inv = app
        .post(
            "/api/v1/invoices",
            token,
            json!({"engagement_id": engagement, "lines": [{"description": "Workshop", "quantity": 1,
                "unit_price": {"amount_minor": 10000, "currency": "USD"}}]}),
        )
        .await
        .expect(201);
    let id = inv.body["id"].as_str().expect("id").to_owned();
    if !draft {
        app.post(&format!("/api/v1/invoices/{id}/issue"), token, json!({})).await.expect(200);
    }
    id
}

async fn the_client_sees_only_its_engagements_issued_invoices(app: &TestApp) {
    let c = client(app, "ada@example.com", Some("ann@globex.example")).await;
    let issued = invoice(app, &c.ada.token, &c.engagement_id, false).await;
    let draft = invoice(app, &c.ada.token, &c.engagement_id, true).await;
    app.post(
        &format!("/api/v1/invoices/{issued}/payments"),
        &c.ada.token,
        json!({"amount": {"amount_minor": 1000, "currency": "USD"}, "received_on": "2027-01-05"}),
    )
    .await
    .expect(201);
    // Engagement B of the same organization, and another organization's engagement.
    let b = app.post("/api/v1/engagements", &c.ada.token, json!({"name": "Support", "billing_model": "fixed"})).await;
    let b = b.expect(201).body["id"].as_str().expect("id").to_owned();
    let of_b = invoice(app, &c.ada.token, &b, false).await;
    let other = client(app, "bob@example.com", Some("zed@initech.example")).await;
    let foreign = invoice(app, &other.ada.token, &other.engagement_id, false).await;

    let id = grant(app, &c, json!(["view", "invoices"])).await;
    let cookie = portal_cookie(&exchange(app, &link(app, &c.ada.token, &id).await).await.expect(201));
    let list = portal_call(app, Method::GET, "/portal/api/v1/invoices", &cookie, None).await.expect(200);
    let items = list.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "only the engagement's issued invoice: {}", list.body);
    assert_eq!(items[0]["id"], issued.as_str());
    assert_eq!(items[0]["status"], "partially_paid");
    assert_eq!(items[0]["balance"]["amount_minor"], 9000);
    let text = list.body.to_string();
    for hidden in [&draft, &of_b, &foreign] {
        assert!(!text.contains(hidden.as_str()), "{hidden} listed: {text}");
    }

    let pdf = app
        .http
        .get(format!("{}/portal/api/v1/invoices/{issued}/pdf", app.base))
        .header("cookie", format!("atrium_portal={cookie}"))
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"));
    // A draft, engagement B's, another organization's and an unknown id are all 404.
    for hidden in [&draft, &of_b, &foreign, &uuid::Uuid::now_v7().to_string()] {
        let r = portal_call(app, Method::GET, &format!("/portal/api/v1/invoices/{hidden}/pdf"), &cookie, None).await;
        r.expect_problem(404);
    }
    // A staff token opens no invoice in the portal, and the portal no invoice in the staff API.
    app.get(&format!("/portal/api/v1/invoices/{issued}/pdf"), &c.ada.token).await.expect_problem(401);
    app.get(&format!("/api/v1/invoices/{issued}/pdf"), &cookie).await.expect_problem(401);

    // A grant without `invoices` sees none.
    let view_only = grant(app, &c, json!(["view"])).await;
    let viewer = portal_cookie(&exchange(app, &link(app, &c.ada.token, &view_only).await).await.expect(201));
    portal_call(app, Method::GET, "/portal/api/v1/invoices", &viewer, None).await.expect_problem(403);
    portal_call(app, Method::GET, &format!("/portal/api/v1/invoices/{issued}/pdf"), &viewer, None)
        .await
        .expect_problem(403);
}
