//! Roles, API keys, invitations and member pagination over HTTP.

use std::collections::HashSet;

use atrium_tests::{TestApp, app_tests};
use reqwest::Method;
use serde_json::json;

app_tests!(roles_are_enforced, api_keys_work_until_revoked, invitation_flow, members_paginate_exactly_once);

async fn member_id(app: &TestApp, token: &str, email: &str) -> String {
    let list = app.get("/api/v1/members?limit=200", token).await.expect(200);
    let found = list.body["items"].as_array().expect("items").iter().find(|m| m["email"] == email).cloned();
    found.and_then(|m| m["id"].as_str().map(str::to_owned)).expect("member")
}

async fn roles_are_enforced(app: &TestApp) {
    let owner = app.signup("owner@example.com").await;
    let viewer = app.add_member(&owner, "viewer@example.com", "viewer").await;
    let member = app.add_member(&owner, "member@example.com", "member").await;
    let admin = app.add_member(&owner, "admin@example.com", "admin").await;
    let owner_member = member_id(app, &owner.token, "owner@example.com").await;
    let member_member = member_id(app, &owner.token, "member@example.com").await;

    // Viewer: reads, never writes.
    app.get("/api/v1/members", &viewer.token).await.expect(200);
    let r =
        app.post("/api/v1/webhooks", &viewer.token, json!({"url": "http://127.0.0.1:9/", "event_types": ["*"]})).await;
    r.expect_problem(403);
    app.patch(&format!("/api/v1/members/{member_member}"), &viewer.token, json!({"role": "admin"}))
        .await
        .expect_problem(403);
    // Member: no organization management.
    app.get("/api/v1/api-keys", &member.token).await.expect_problem(403);
    app.post("/api/v1/invitations", &member.token, json!({"email": "x@example.com", "role": "member"}))
        .await
        .expect_problem(403);
    // Admin manages, but cannot touch ownership.
    app.post("/api/v1/api-keys", &admin.token, json!({"name": "k", "role": "member"})).await.expect(201);
    app.patch(&format!("/api/v1/members/{member_member}"), &admin.token, json!({"role": "viewer"})).await.expect(200);
    app.patch(&format!("/api/v1/members/{owner_member}"), &admin.token, json!({"role": "member"}))
        .await
        .expect_problem(403);
    app.delete(&format!("/api/v1/members/{owner_member}"), &admin.token).await.expect_problem(403);
    app.patch(&format!("/api/v1/members/{member_member}"), &admin.token, json!({"role": "owner"}))
        .await
        .expect_problem(403);
    // The last owner stays.
    app.patch(&format!("/api/v1/members/{owner_member}"), &owner.token, json!({"role": "admin"}))
        .await
        .expect_problem(409);
    app.delete(&format!("/api/v1/members/{owner_member}"), &owner.token).await.expect_problem(409);
    // Hand over ownership, then step down.
    let admin_member = member_id(app, &owner.token, "admin@example.com").await;
    app.patch(&format!("/api/v1/members/{admin_member}"), &owner.token, json!({"role": "owner"})).await.expect(200);
    app.patch(&format!("/api/v1/members/{owner_member}"), &owner.token, json!({"role": "admin"})).await.expect(200);
    let me = app.get("/api/v1/me", &owner.token).await.expect(200);
    assert_eq!(me.body["role"], "admin", "the role change applies to the next request");
}

async fn api_keys_work_until_revoked(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let created = app.post("/api/v1/api-keys", &ada.token, json!({"name": "sync", "role": "viewer"})).await.expect(201);
    let secret = created.body["secret"].as_str().expect("secret").to_owned();
    let id = created.body["api_key"]["id"].as_str().expect("id").to_owned();
    assert!(secret.starts_with("atr_k_"));
    let list = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
    assert!(!list.body.to_string().contains(&secret), "the secret is never listed");
    assert!(secret.starts_with(list.body["items"][0]["prefix"].as_str().expect("prefix")));

    let me = app.get("/api/v1/me", &secret).await.expect(200);
    assert_eq!(me.body["principal"]["kind"], "api_key");
    assert!(me.body["user"].is_null());
    assert_eq!(me.body["organization"]["id"], ada.org_id.as_str());
    app.get("/api/v1/members", &secret).await.expect(200);
    app.post("/api/v1/invitations", &secret, json!({"email": "x@example.com", "role": "member"}))
        .await
        .expect_problem(403);
    app.post("/api/v1/organizations", &secret, json!({"name": "Side"})).await.expect_problem(403);

    // The last use is written off the request's path: shortly after, not before the answer.
    atrium_tests::eventually("last use is recorded", || async {
        let used = app.get("/api/v1/api-keys", &ada.token).await.expect(200);
        used.body["items"][0]["last_used_at"].is_string().then_some(())
    })
    .await;
    app.delete(&format!("/api/v1/api-keys/{id}"), &ada.token).await.expect(204);
    app.get("/api/v1/me", &secret).await.expect_problem(401);
    let r = app.post("/api/v1/api-keys", &ada.token, json!({"name": "root", "role": "owner"})).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["role"]);
}

async fn invitation_flow(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    let invite = app
        .post("/api/v1/invitations", &ada.token, json!({"email": "Grace@Example.com", "role": "billing"}))
        .await
        .expect(201);
    let token = invite.body["token"].as_str().expect("token").to_owned();
    assert_eq!(invite.body["invitation"]["status"], "pending");

    let mallory = app.signup("mallory@example.com").await;
    app.post("/api/v1/invitations/accept", &mallory.token, json!({"token": token})).await.expect_problem(403);
    let grace = app.signup("grace@example.com").await;
    let joined = app.post("/api/v1/invitations/accept", &grace.token, json!({"token": token})).await.expect(200);
    assert_eq!(joined.body["organization"]["id"], ada.org_id.as_str());
    assert_eq!(joined.body["role"], "billing");
    app.post("/api/v1/invitations/accept", &grace.token, json!({"token": token})).await.expect_problem(409);
    let orgs = app.get("/api/v1/organizations", &grace.token).await.expect(200);
    assert_eq!(orgs.body["items"].as_array().map(Vec::len), Some(2), "her own and Ada's");
    let members = app.get("/api/v1/members", &ada.token).await.expect(200);
    let roles: Vec<&str> =
        members.body["items"].as_array().expect("items").iter().filter_map(|m| m["role"].as_str()).collect();
    assert_eq!(roles, ["owner", "billing"]);

    let second = app
        .post("/api/v1/invitations", &ada.token, json!({"email": "x@example.com", "role": "member"}))
        .await
        .expect(201);
    let second_id = second.body["invitation"]["id"].as_str().expect("id").to_owned();
    let second_token = second.body["token"].as_str().expect("token").to_owned();
    app.delete(&format!("/api/v1/invitations/{second_id}"), &ada.token).await.expect(204);
    let x = app.signup("x@example.com").await;
    app.post("/api/v1/invitations/accept", &x.token, json!({"token": second_token})).await.expect_problem(404);

    // The session cookie authenticates too, and is HttpOnly + SameSite.
    let signup = app
        .call(
            Method::POST,
            "/api/v1/auth/signup",
            None,
            Some(json!({"email": "c@example.com", "password": "correct horse battery", "name": "C"})),
        )
        .await
        .expect(201);
    let cookie = signup.headers["set-cookie"].to_str().expect("cookie").to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let pair = cookie.split(';').next().expect("pair").to_owned();
    let res = app.http.get(format!("{}/api/v1/me", app.base)).header("cookie", pair).send().await.expect("me");
    assert_eq!(res.status(), 200);
}

async fn members_paginate_exactly_once(app: &TestApp) {
    let ada = app.signup("ada@example.com").await;
    for i in 0..6 {
        app.add_member(&ada, &format!("m{i}@example.com"), "member").await;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut inserted_midway = false;
    loop {
        let q = cursor.as_ref().map_or(String::new(), |c| format!("&cursor={c}"));
        let page = app.get(&format!("/api/v1/members?limit=2{q}"), &ada.token).await.expect(200);
        let items = page.body["items"].as_array().expect("items");
        assert!(items.len() <= 2);
        seen.extend(items.iter().filter_map(|m| m["email"].as_str().map(str::to_owned)));
        if !inserted_midway {
            // A member added while paging appears once, at the end.
            app.add_member(&ada, "late@example.com", "viewer").await;
            inserted_midway = true;
        }
        match page.body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert_eq!(unique.len(), 8, "no member twice: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("late@example.com"));
    let tampered = cursor_flip(&app.get("/api/v1/members?limit=1", &ada.token).await.body["next_cursor"]);
    let r = app.get(&format!("/api/v1/members?limit=1&cursor={tampered}"), &ada.token).await;
    assert_eq!(r.expect_problem(422).field_errors(), ["cursor"]);
}

fn cursor_flip(v: &serde_json::Value) -> String {
    let c = v.as_str().expect("cursor");
    let mut chars: Vec<char> = c.chars().collect();
    chars[3] = if chars[3] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}
