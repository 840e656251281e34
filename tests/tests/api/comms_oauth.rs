//! Connecting Gmail and Microsoft 365 mailboxes over OAuth 2.0 (authorization
//! code with PKCE S256), over HTTP against the whole app and the local fake
//! providers of the testkit: the start route answers the provider's authorize
//! URL; the test plays the user's browser at the fake authorize endpoint and
//! follows its redirect to the callback; the fake token endpoint checks the
//! `code_verifier` against the challenge. Then the connection syncs through the
//! app's scheduler. And the failures: an unknown, expired, replayed or other
//! organization's `state`, a declined consent, a code the token endpoint refuses,
//! a revoked refresh token (`auth_failed`).

use std::sync::Arc;

use atrium_outbox::entity::event;
use atrium_testkit::gmail::FakeGmail;
use atrium_testkit::graph::FakeGraph;
use atrium_tests::{Backend, Reply, Session, TestApp};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::comms::sync_once;

const ADA: &str = "ada@example.com";
const CALLBACK: &str = "/api/v1/mailbox-connections/oauth/callback";

enum Fake {
    Gmail(FakeGmail),
    Graph(FakeGraph),
}

impl Fake {
    async fn start(gmail: bool) -> Fake {
        if gmail { Fake::Gmail(FakeGmail::start(ADA).await) } else { Fake::Graph(FakeGraph::start(ADA).await) }
    }

    /// The provider's name in the API.
    fn name(&self) -> &'static str {
        match self {
            Fake::Gmail(_) => "gmail",
            Fake::Graph(_) => "microsoft",
        }
    }

    fn client_id(&self) -> &'static str {
        match self {
            Fake::Gmail(_) => atrium_testkit::gmail::CLIENT_ID,
            Fake::Graph(_) => atrium_testkit::graph::CLIENT_ID,
        }
    }

    fn auth_url(&self) -> String {
        match self {
            Fake::Gmail(f) => f.auth_url(),
            Fake::Graph(f) => f.auth_url(),
        }
    }

    /// The scopes the authorization must ask for.
    fn scopes(&self) -> &'static [&'static str] {
        match self {
            Fake::Gmail(_) => {
                &["https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.send"]
            }
            Fake::Graph(_) => &["offline_access", "Mail.Read", "Mail.Send"],
        }
    }

    /// How the fake's access and refresh tokens begin (never to be seen in the database).
    fn token_prefixes(&self) -> [&'static str; 2] {
        match self {
            Fake::Gmail(_) => ["ya29.a0", "1//0g"],
            Fake::Graph(_) => ["eyJ0eXAiOiJKV1Qi.", "M.C5_BAY."],
        }
    }

    fn deliver(&self, subject: &str, id: &str) {
        let raw = format!(
            "From: Hank <hank@globex.example>\r\nTo: Ada <{ADA}>\r\nSubject: {subject}\r\nDate: {}\r\n\
Message-ID: <{id}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{subject}: body\r\n",
            chrono::Utc::now().to_rfc2822()
        );
        let age = chrono::Duration::hours(1);
        match self {
            Fake::Gmail(f) => {
                f.deliver(raw.as_bytes(), None, age);
            }
            Fake::Graph(f) => {
                f.deliver(raw.as_bytes(), None, age);
            }
        }
    }

    fn deny_next_authorization(&self) {
        match self {
            Fake::Gmail(f) => f.deny_next_authorization(),
            Fake::Graph(f) => f.deny_next_authorization(),
        }
    }

    fn expire_authorization_codes(&self) {
        match self {
            Fake::Gmail(f) => f.expire_authorization_codes(),
            Fake::Graph(f) => f.expire_authorization_codes(),
        }
    }

    fn revoke_refresh_tokens(&self) {
        match self {
            Fake::Gmail(f) => f.revoke_refresh_tokens(),
            Fake::Graph(f) => f.revoke_refresh_tokens(),
        }
    }

    fn exchanges(&self) -> u32 {
        match self {
            Fake::Gmail(f) => f.calls("exchange"),
            Fake::Graph(f) => f.calls("exchange"),
        }
    }
}

/// The app, configured with the fake as its provider and its own address as
/// the redirect base; its scheduler looks for due jobs every 50 ms.
async fn spawn(backend: Backend, fake: &Fake) -> Option<TestApp> {
    let db = atrium_testkit::TestDb::of(backend).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let mut config = TestApp::test_config(&db);
    config.scheduler_poll_ms = 50;
    config.comms_oauth_redirect_base = base;
    match fake {
        Fake::Gmail(f) => {
            config.comms_gmail_client_id = Some(atrium_testkit::gmail::CLIENT_ID.into());
            config.comms_gmail_client_secret = Some(atrium_testkit::gmail::CLIENT_SECRET.into());
            config.comms_gmail_auth_url = f.auth_url();
            config.comms_gmail_token_url = f.token_url();
            config.comms_gmail_api_url = f.base.clone();
        }
        Fake::Graph(f) => {
            config.comms_microsoft_client_id = Some(atrium_testkit::graph::CLIENT_ID.into());
            config.comms_microsoft_client_secret = Some(atrium_testkit::graph::CLIENT_SECRET.into());
            config.comms_microsoft_auth_url = f.auth_url();
            config.comms_microsoft_token_url = f.token_url();
            config.comms_microsoft_api_url = f.base.clone();
        }
    }
    Some(TestApp::serve_on(Arc::new(db), config, listener).await)
}

fn query(url: &url::Url, key: &str) -> Option<String> {
    url.query_pairs().find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

/// `POST …/oauth/start`, checked: the provider's authorize URL with this app's
/// client id and redirect URI, a PKCE S256 challenge, the state and the scopes.
async fn start(app: &TestApp, fake: &Fake, s: &Session) -> url::Url {
    let r = app
        .post(
            "/api/v1/mailbox-connections/oauth/start",
            &s.token,
            json!({"provider": fake.name(), "sync_window_days": 30}),
        )
        .await
        .expect(200);
    let url = url::Url::parse(r.body["authorization_url"].as_str().expect("authorization_url")).expect("url");
    let mut bare = url.clone();
    bare.set_query(None);
    assert_eq!(bare.as_str(), fake.auth_url());
    assert_eq!(query(&url, "response_type").as_deref(), Some("code"));
    assert_eq!(query(&url, "client_id").as_deref(), Some(fake.client_id()));
    assert_eq!(query(&url, "redirect_uri"), Some(format!("{}{CALLBACK}", app.base)));
    assert_eq!(query(&url, "code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(query(&url, "code_challenge").map(|c| c.len()), Some(43), "a SHA-256 in base64url");
    assert_eq!(query(&url, "state").as_deref(), r.body["state"].as_str());
    assert!(query(&url, "state").is_some_and(|s| s.len() >= 16), "an unguessable state");
    let scope = query(&url, "scope").unwrap_or_default();
    for wanted in fake.scopes() {
        assert!(scope.split(' ').any(|s| s == *wanted), "{wanted} in `{scope}`");
    }
    if let Fake::Gmail(_) = fake {
        assert_eq!(query(&url, "access_type").as_deref(), Some("offline"));
    }
    url
}

/// The user's browser at the provider: answers where it is sent back (the callback URL).
async fn consent(app: &TestApp, url: url::Url) -> url::Url {
    let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let res = browser.get(url).send().await.expect("authorize");
    assert_eq!(res.status(), 302, "{}", res.text().await.unwrap_or_default());
    let back = url::Url::parse(res.headers()["location"].to_str().expect("location")).expect("redirect");
    assert!(back.as_str().starts_with(&format!("{}{CALLBACK}?", app.base)), "{back}");
    back
}

/// The browser lands on the callback, signed in as `s`.
async fn callback(app: &TestApp, s: &Session, back: &url::Url) -> Reply {
    let path = format!("{}?{}", back.path(), back.query().unwrap_or_default());
    app.get(&path, &s.token).await
}

fn with_query(back: &url::Url, key: &str, value: &str) -> url::Url {
    let mut u = back.clone();
    let pairs: Vec<(String, String)> = back
        .query_pairs()
        .map(|(k, v)| (k.to_string(), if k == key { value.to_owned() } else { v.into_owned() }))
        .collect();
    u.query_pairs_mut().clear().extend_pairs(pairs);
    u
}

fn refused(r: Reply, field: &str) -> Reply {
    let r = r.expect_problem(422);
    assert_eq!(r.field_errors(), vec![field.to_owned()], "{}", r.body);
    r
}

async fn connections(app: &TestApp, s: &Session) -> Vec<Value> {
    app.get("/api/v1/mailbox-connections", &s.token).await.expect(200).body["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn events(app: &TestApp, s: &Session, t: &str) -> u64 {
    event::Entity::find()
        .filter(event::Column::OrganizationId.eq(s.org_id.parse::<uuid::Uuid>().expect("org")))
        .filter(event::Column::EventType.eq(t))
        .count(&app.db.conn)
        .await
        .expect("count events")
}

async fn oauth_connects_and_syncs(backend: Backend, gmail: bool) {
    let fake = Fake::start(gmail).await;
    let Some(app) = spawn(backend, &fake).await else { return };
    let ada = app.signup(ADA).await;
    for i in 0..3 {
        fake.deliver(&format!("Update {i}"), &format!("update-{i}@globex.example"));
    }

    let back = consent(&app, start(&app, &fake, &ada).await).await;
    assert!(query(&back, "code").is_some() && query(&back, "error").is_none(), "{back}");
    let created = callback(&app, &ada, &back).await.expect(201);
    let id = created.body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/api/v1/mailbox-connections/{id}").as_str())
    );
    assert_eq!(created.body["provider"], fake.name());
    assert_eq!(created.body["email_address"], ADA);
    assert_eq!(created.body["sync_window_days"], 30);
    assert_eq!(created.body["health"]["state"], "active");
    let answer = created.body.to_string();
    for prefix in fake.token_prefixes() {
        assert!(!answer.contains(prefix), "no token in the answer: {answer}");
    }
    assert_eq!(fake.exchanges(), 1);
    assert_eq!(events(&app, &ada, "comms.connection.created").await, 1);

    // The tokens are sealed by the vault, bound to the connection.
    let row = app
        .db
        .conn
        .query_one(
            &Query::select()
                .columns(["access_token_ciphertext", "refresh_token_ciphertext"].map(Alias::new))
                .from(Alias::new("mailbox_connections"))
                .and_where(sea_orm::sea_query::ExprTrait::eq(
                    Expr::col(Alias::new("id")),
                    id.parse::<uuid::Uuid>().expect("id"),
                ))
                .to_owned(),
        )
        .await
        .expect("read")
        .expect("row");
    for (column, prefix) in
        ["access_token_ciphertext", "refresh_token_ciphertext"].into_iter().zip(fake.token_prefixes())
    {
        let sealed: String = row.try_get("", column).expect(column);
        assert!(sealed.starts_with("v2:") && !sealed.contains(prefix), "{column}: {sealed}");
    }

    // The replay of the same redirect is refused; nothing more is created.
    refused(callback(&app, &ada, &back).await, "state");
    assert_eq!(connections(&app, &ada).await.len(), 1);
    assert_eq!(fake.exchanges(), 1, "a replayed state never reaches the token endpoint");

    // The app's scheduler syncs it with the provider's API.
    let health = sync_once(&app, &ada.token, &id).await;
    assert_eq!(health["state"], "active", "{health}");
    assert!(health["last_success_at"].is_string(), "{health}");
    assert_eq!(
        (health["imported_last_run"].as_i64(), health["imported_total"].as_i64()),
        (Some(3), Some(3)),
        "{health}"
    );
    let threads = app.get("/api/v1/threads?unfiled=true", &ada.token).await.expect(200);
    let mut subjects: Vec<&str> =
        threads.body["items"].as_array().expect("items").iter().filter_map(|t| t["subject"].as_str()).collect();
    subjects.sort_unstable();
    assert_eq!(subjects, vec!["Update 0", "Update 1", "Update 2"]);
    assert_eq!(events(&app, &ada, "comms.message.received").await, 3);

    // The user revokes access: the refresh answers `invalid_grant`, the
    // connection is `auth_failed` (and says so), and nothing is imported.
    fake.revoke_refresh_tokens();
    fake.deliver("After revoke", "after-revoke@globex.example");
    let health = sync_once(&app, &ada.token, &id).await;
    assert_eq!(health["state"], "auth_failed", "{health}");
    assert!(health["last_error"].as_str().is_some_and(|e| e.contains("invalid_grant")), "{health}");
    assert!(health["next_run_at"].is_null(), "{health}");
    assert_eq!(events(&app, &ada, "comms.connection.auth_failed").await, 1);
    assert_eq!(events(&app, &ada, "comms.message.received").await, 3);

    // Authorizing the same mailbox again renews its tokens (200): active, and it syncs.
    let back = consent(&app, start(&app, &fake, &ada).await).await;
    let renewed = callback(&app, &ada, &back).await.expect(200);
    assert_eq!(renewed.body["id"], id.as_str());
    assert_eq!(renewed.body["health"]["state"], "active");
    assert_eq!(connections(&app, &ada).await.len(), 1);
    let health = sync_once(&app, &ada.token, &id).await;
    assert_eq!((health["state"].as_str(), health["imported_total"].as_i64()), (Some("active"), Some(4)), "{health}");
}

async fn oauth_failures_create_nothing(backend: Backend, gmail: bool) {
    let fake = Fake::start(gmail).await;
    let Some(app) = spawn(backend, &fake).await else { return };
    let ada = app.signup(ADA).await;
    let bob = app.signup("bob@example.com").await;

    // An unknown state.
    let back = consent(&app, start(&app, &fake, &ada).await).await;
    refused(callback(&app, &ada, &with_query(&back, "state", "made-up-state-0123456789")).await, "state");
    // Another organization's member with Ada's redirect: refused, and Ada's state still works after.
    refused(callback(&app, &bob, &back).await, "state");
    assert!(connections(&app, &bob).await.is_empty());
    // No state at all: 422 naming it.
    let mut bare = back.clone();
    bare.set_query(Some(&format!("code={}", query(&back, "code").unwrap_or_default())));
    refused(callback(&app, &ada, &bare).await, "state");

    // An expired state (started more than ten minutes ago).
    let expire = Query::update()
        .table(Alias::new("mailbox_oauth_logins"))
        .value(Alias::new("expires_at"), chrono::Utc::now() - chrono::Duration::seconds(1))
        .and_where(sea_orm::sea_query::ExprTrait::eq(
            Expr::col(Alias::new("organization_id")),
            ada.org_id.parse::<uuid::Uuid>().expect("org"),
        ))
        .to_owned();
    app.db.conn.execute(&expire).await.expect("expire");
    refused(callback(&app, &ada, &back).await, "state");
    assert_eq!(fake.exchanges(), 0, "no refused state reached the token endpoint");

    // The user declines at the provider: the callback says so, nothing is connected.
    fake.deny_next_authorization();
    let back = consent(&app, start(&app, &fake, &ada).await).await;
    assert_eq!(query(&back, "error").as_deref(), Some("access_denied"));
    assert!(query(&back, "code").is_none());
    let r = refused(callback(&app, &ada, &back).await, "error");
    assert!(r.body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("access_denied")), "{}", r.body);
    assert_eq!(fake.exchanges(), 0);

    // The token endpoint refuses the code (`invalid_grant`): 422 naming it.
    let back = consent(&app, start(&app, &fake, &ada).await).await;
    fake.expire_authorization_codes();
    let r = refused(callback(&app, &ada, &back).await, "code");
    assert!(r.body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("invalid_grant")), "{}", r.body);
    assert_eq!(fake.exchanges(), 1);
    // A made-up code, too (and the state it came with is spent either way).
    let back = consent(&app, start(&app, &fake, &ada).await).await;
    refused(callback(&app, &ada, &with_query(&back, "code", "made-up-code")).await, "code");
    refused(callback(&app, &ada, &back).await, "state");

    // An API key cannot start one: a mailbox is authorized by a signed-in user.
    let key = app.post("/api/v1/api-keys", &ada.token, json!({"name": "ci", "role": "member"})).await.expect(201);
    let secret = key.body["secret"].as_str().expect("secret").to_owned();
    app.post("/api/v1/mailbox-connections/oauth/start", &secret, json!({"provider": fake.name()}))
        .await
        .expect_problem(403);

    // Nothing was created, nothing published.
    assert!(connections(&app, &ada).await.is_empty());
    assert_eq!(events(&app, &ada, "comms.connection.created").await, 0);
    let leftovers = app
        .db
        .conn
        .query_all(&Query::select().column(Alias::new("id")).from(Alias::new("mailbox_connections")).to_owned())
        .await
        .expect("read");
    assert!(leftovers.is_empty(), "no connection row in any organization");
}

macro_rules! oauth_tests {
    ($($name:ident: $f:ident($gmail:expr)),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$f(atrium_tests::Backend::Sqlite, $gmail).await;
                }

                #[tokio::test]
                async fn postgres() {
                    super::$f(atrium_tests::Backend::Postgres, $gmail).await;
                }
            }
        )*
    };
}

oauth_tests!(
    gmail_oauth_connects_and_syncs: oauth_connects_and_syncs(true),
    microsoft_oauth_connects_and_syncs: oauth_connects_and_syncs(false),
    gmail_oauth_failures_create_nothing: oauth_failures_create_nothing(true),
    microsoft_oauth_failures_create_nothing: oauth_failures_create_nothing(false),
);
