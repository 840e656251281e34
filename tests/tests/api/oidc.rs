//! Sign-in through an OpenID provider, against a real one (`oidc-provider`): the
//! happy paths, and every refusal with its problem and no session issued.

use atrium_tests::oidc::{Account, OidcApp, PROVIDER, Tamper};
use atrium_tests::{Backend, Reply, feed_event};
use sea_orm::{ConnectionTrait, Statement};

/// Each test on SQLite and PostgreSQL, with a provider configured as `tamper`.
macro_rules! oidc_tests {
    ($($name:ident: $tamper:expr),* $(,)?) => {
        $(
            mod $name {
                use super::*;

                #[tokio::test]
                async fn sqlite() {
                    if let Some(o) = OidcApp::spawn(Backend::Sqlite, $tamper).await {
                        super::$name(&o).await;
                    }
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(o) = OidcApp::spawn(Backend::Postgres, $tamper).await {
                        super::$name(&o).await;
                    }
                }
            }
        )*
    };
}

oidc_tests!(
    a_new_user_is_onboarded: Tamper::None,
    an_existing_user_with_the_verified_email_signs_in_to_that_account: Tamper::None,
    an_unknown_provider_is_404: Tamper::None,
    an_unverified_email_is_refused: Tamper::None,
    a_token_signed_by_a_foreign_key_is_refused: Tamper::ForeignKey,
    a_token_for_another_audience_is_refused: Tamper::WrongAudience,
    an_expired_token_is_refused: Tamper::Expired,
    a_token_from_another_issuer_is_refused: Tamper::WrongIssuer,
    a_token_with_another_nonce_is_refused: Tamper::WrongNonce,
    a_replayed_state_is_refused: Tamper::None,
    two_callbacks_at_once_sign_in_once: Tamper::None,
    a_callback_in_another_browser_is_refused: Tamper::None,
    a_provider_error_and_bad_parameters_are_refused: Tamper::None,
    a_sign_in_left_too_long_is_refused: Tamper::None,
);

mod an_unreachable_provider_is_502 {
    use super::*;

    #[tokio::test]
    async fn sqlite() {
        super::an_unreachable_provider_is_502(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn postgres() {
        super::an_unreachable_provider_is_502(Backend::Postgres).await;
    }
}

/// A configured provider that does not answer: 502 naming it, nothing stored.
async fn an_unreachable_provider_is_502(backend: Backend) {
    let port = atrium_testkit::oidc::free_port().expect("a free port");
    let providers = serde_json::json!({"down": {"issuer": format!("http://127.0.0.1:{port}"), "client_id": "c",
        "client_secret": "s"}});
    let Some(app) = atrium_tests::TestApp::spawn_with(backend, |c| {
        c.oidc_providers = Some(providers.to_string());
        c.oidc_redirect_base = Some("http://127.0.0.1:9".into());
    })
    .await
    else {
        return;
    };
    let url = format!("{}/api/v1/auth/oidc/down/start", app.base);
    let reply = atrium_tests::read(app.http.get(url).send().await.expect("start")).await.expect_problem(502);
    assert_eq!(reply.body["type"], "/problems/upstream-unavailable");
    assert!(reply.body["detail"].as_str().is_some_and(|d| d.contains("`down`")), "{}", reply.body);
    app.get("/health/ready", "").await.expect(200);
}

async fn count(o: &OidcApp, table: &str) -> i64 {
    let backend = o.app.db.conn.get_database_backend();
    let stmt = Statement::from_string(backend, format!("SELECT COUNT(*) AS n FROM {table}"));
    let row = o.app.db.conn.query_one_raw(stmt).await.expect("query").expect("a row");
    row.try_get::<i64>("", "n").expect("count")
}

fn session_cookie(reply: &Reply) -> Option<String> {
    reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("atrium_session=") && !c.starts_with("atrium_session=;"))
        .map(str::to_owned)
}

/// A refused callback: 401 sign-in-refused naming `why`, and no session anywhere.
#[track_caller]
fn assert_refused(reply: Reply, why: &str) {
    assert!(session_cookie(&reply).is_none(), "a refused sign-in set a session cookie: {:?}", reply.headers);
    let reply = reply.expect_problem(401);
    assert_eq!(reply.body["type"], "/problems/sign-in-refused", "{}", reply.body);
    let detail = reply.body["detail"].as_str().unwrap_or_default();
    assert!(detail.contains(why), "detail {detail:?} does not say {why:?}");
    assert!(reply.body.get("token").is_none());
}

async fn a_new_user_is_onboarded(o: &OidcApp) {
    let grace = Account::verified("grace-sub-1", "Grace@Example.com", "Grace Hopper");
    let reply = o.sign_in(&grace).await.expect(200);
    let cookie = session_cookie(&reply).expect("the session cookie, as login sets it");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    // The body has login's shape.
    let token = reply.body["token"].as_str().expect("token").to_owned();
    assert!(token.starts_with("atr_s_"), "{token}");
    assert!(reply.body["expires_at"].is_string());
    assert_eq!(reply.body["user"]["email"], "grace@example.com");
    assert_eq!(reply.body["user"]["name"], "Grace Hopper");
    assert_eq!(reply.body["role"], "owner");
    assert_eq!(reply.body["organization"]["name"], "Grace Hopper's organization");

    let me = o.app.get("/api/v1/me", &token).await.expect(200);
    assert_eq!(me.body["user"]["id"], reply.body["user"]["id"]);
    assert_eq!(me.body["organization"]["id"], reply.body["organization"]["id"]);
    // Onboarding publishes what sign-up does, plus the linked identity.
    feed_event(&o.app, &token, "identity.organization.created").await;
    feed_event(&o.app, &token, "identity.member.added").await;
    let linked = feed_event(&o.app, &token, "identity.identity.linked").await;
    assert_eq!(linked["data"]["provider"], PROVIDER);
    assert_eq!(linked["data"]["email"], "grace@example.com");
    assert_eq!(linked["data"]["user_id"], reply.body["user"]["id"]);

    // Signing in again is the same user in the same organization, nothing new created.
    let again = o.sign_in(&grace).await.expect(200);
    assert_eq!(again.body["user"]["id"], reply.body["user"]["id"]);
    assert_eq!(again.body["organization"]["id"], reply.body["organization"]["id"]);
    assert_ne!(again.body["token"], reply.body["token"]);
    assert_eq!(count(o, "users").await, 1);
    assert_eq!(count(o, "organizations").await, 1);
    assert_eq!(count(o, "user_identities").await, 1);
    // The pending logins were used up; none is reusable.
    assert_eq!(count(o, "oidc_logins WHERE consumed_at IS NULL").await, 0);
    // No password was set: password login does not work for this account.
    let login = o
        .app
        .call(
            reqwest::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(serde_json::json!({"email": "grace@example.com", "password": "correct horse battery"})),
        )
        .await;
    login.expect_problem(401);
}

async fn an_existing_user_with_the_verified_email_signs_in_to_that_account(o: &OidcApp) {
    let ada = o.app.signup("ada@example.com").await;
    let reply = o.sign_in(&Account::verified("ada-at-idp", "ADA@example.com", "Ada L.")).await.expect(200);
    assert_eq!(reply.body["user"]["id"], ada.user_id.as_str());
    assert_eq!(reply.body["organization"]["id"], ada.org_id.as_str());
    assert_eq!(reply.body["user"]["name"], "ada", "the existing account is kept as it is");
    assert_eq!(count(o, "users").await, 1);
    assert_eq!(count(o, "organizations").await, 1);
    let linked = feed_event(&o.app, &ada.token, "identity.identity.linked").await;
    assert_eq!(linked["data"]["user_id"], ada.user_id.as_str());
    // The password still works too.
    o.app
        .call(
            reqwest::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(serde_json::json!({"email": "ada@example.com", "password": "correct horse battery"})),
        )
        .await
        .expect(200);
}

async fn an_unknown_provider_is_404(o: &OidcApp) {
    let start = o.browser.get(format!("{}/api/v1/auth/oidc/nope/start", o.app.base)).send().await.expect("start");
    let reply = atrium_tests::read(start).await.expect_problem(404);
    assert_eq!(reply.body["type"], "/problems/not-found");
    let cb = format!("{}/api/v1/auth/oidc/nope/callback?code=x&state=y", o.app.base);
    atrium_tests::read(o.browser.get(cb).send().await.expect("callback")).await.expect_problem(404);
    assert_eq!(count(o, "oidc_logins").await, 0);
}

async fn an_unverified_email_is_refused(o: &OidcApp) {
    let mut eve = Account::verified("eve-sub", "eve@example.com", "Eve");
    eve.email_verified = false;
    let reply = o.sign_in(&eve).await;
    assert_refused(reply, "verified email");
    assert_eq!(count(o, "users").await, 0);
    assert_eq!(count(o, "sessions").await, 0);
    assert_eq!(count(o, "user_identities").await, 0);
}

async fn a_token_signed_by_a_foreign_key_is_refused(o: &OidcApp) {
    let reply = o.sign_in(&Account::verified("mallory", "mallory@example.com", "Mallory")).await;
    assert_refused(reply, "signature");
    assert_eq!(count(o, "sessions").await, 0);
    assert_eq!(count(o, "users").await, 0);
}

async fn a_token_for_another_audience_is_refused(o: &OidcApp) {
    let reply = o.sign_in(&Account::verified("mallory", "mallory@example.com", "Mallory")).await;
    assert_refused(reply, "audience");
    assert_eq!(count(o, "sessions").await, 0);
}

async fn an_expired_token_is_refused(o: &OidcApp) {
    let reply = o.sign_in(&Account::verified("mallory", "mallory@example.com", "Mallory")).await;
    assert_refused(reply, "expired");
    assert_eq!(count(o, "sessions").await, 0);
}

async fn a_token_from_another_issuer_is_refused(o: &OidcApp) {
    let reply = o.sign_in(&Account::verified("mallory", "mallory@example.com", "Mallory")).await;
    assert_refused(reply, "issuer");
    assert_eq!(count(o, "sessions").await, 0);
}

async fn a_token_with_another_nonce_is_refused(o: &OidcApp) {
    let reply = o.sign_in(&Account::verified("mallory", "mallory@example.com", "Mallory")).await;
    assert_refused(reply, "nonce");
    assert_eq!(count(o, "sessions").await, 0);
}

async fn a_replayed_state_is_refused(o: &OidcApp) {
    let callback = o.authorize(&Account::verified("grace-sub", "grace@example.com", "Grace")).await;
    o.callback(&callback).await.expect(200);
    assert_eq!(count(o, "sessions").await, 1);
    // The same callback again (same state, and the browser still holds its cookie
    // as an attacker replaying it would): refused before the code is even tried.
    let again = o.browser.get(&callback).header("cookie", cookie_for(&callback)).send().await.expect("replay");
    assert_refused(atrium_tests::read(again).await, "already completed");
    assert_eq!(count(o, "sessions").await, 1);
}

async fn two_callbacks_at_once_sign_in_once(o: &OidcApp) {
    let callback = o.authorize(&Account::verified("grace-sub", "grace@example.com", "Grace")).await;
    let (a, b) = tokio::join!(o.callback(&callback), o.callback(&callback));
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 401], "exactly one of two racing callbacks signs in: {} / {}", a.body, b.body);
    let refused = if a.status == 401 { a } else { b };
    assert_refused(refused, "already completed");
    assert_eq!(count(o, "sessions").await, 1);
}

async fn a_sign_in_left_too_long_is_refused(o: &OidcApp) {
    let callback = o.authorize(&Account::verified("grace-sub", "grace@example.com", "Grace")).await;
    let backend = o.app.db.conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "UPDATE oidc_logins SET expires_at = $1",
        _ => "UPDATE oidc_logins SET expires_at = ?",
    };
    let past = chrono::Utc::now() - chrono::Duration::seconds(1);
    o.app.db.conn.execute_raw(Statement::from_sql_and_values(backend, sql, [past.into()])).await.expect("age it");
    assert_refused(o.callback(&callback).await, "unknown or has expired");
    assert_eq!(count(o, "sessions").await, 0);
}

/// A `Cookie` header holding the callback's own `state`, as the starting browser had it.
fn cookie_for(callback: &str) -> String {
    let state = url_param(callback, "state").expect("state in the callback");
    format!("atrium_oidc_state={state}")
}

fn url_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|kv| kv.strip_prefix(&format!("{name}=")).map(str::to_owned))
}

async fn a_callback_in_another_browser_is_refused(o: &OidcApp) {
    let callback = o.authorize(&Account::verified("grace-sub", "grace@example.com", "Grace")).await;
    // Login CSRF: the callback carried to someone else's browser.
    let other = atrium_tests::oidc::browser();
    let reply = atrium_tests::read(other.get(&callback).send().await.expect("callback")).await;
    assert_refused(reply, "not started in this browser");
    assert_eq!(count(o, "sessions").await, 0);
    // And the state is used up: the right browser cannot complete it afterwards either.
    assert_refused(o.callback(&callback).await, "already completed");
}

async fn a_provider_error_and_bad_parameters_are_refused(o: &OidcApp) {
    let started = o.start().await.expect(303);
    let location = started.headers.get("location").and_then(|v| v.to_str().ok()).expect("Location").to_owned();
    let state = url_param(&location, "state").expect("state sent to the provider");
    let policy = started.headers.get("ratelimit-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(policy.starts_with("\"auth\""), "sign-in is rate limited as auth: {policy:?}");
    for param in ["code_challenge", "nonce", "redirect_uri", "scope"] {
        assert!(url_param(&location, param).is_some(), "the authorization URL lacks {param}: {location}");
    }
    assert_eq!(url_param(&location, "code_challenge_method").as_deref(), Some("S256"));
    let base = format!("{}/api/v1/auth/oidc/{PROVIDER}/callback", o.app.base);

    let missing_state = o.callback(&format!("{base}?code=abc")).await.expect_problem(422);
    assert_eq!(missing_state.field_errors(), vec!["state"]);
    let missing_code = o.callback(&format!("{base}?state={state}")).await.expect_problem(422);
    assert_eq!(missing_code.field_errors(), vec!["code"]);
    assert_refused(o.callback(&format!("{base}?code=abc&state=never-issued")).await, "unknown or has expired");

    let denied = o.callback(&format!("{base}?error=access_denied&state={state}")).await;
    assert_refused(denied, "access_denied");
    assert_eq!(count(o, "sessions").await, 0);
}
