//! Black-box test support: start the real server on an ephemeral port over a fresh
//! database and talk to it over HTTP, as a client would.

pub mod child;
pub mod load;
pub mod oidc;

use std::sync::Arc;

use atrium_gateway::{AppState, Config};
use atrium_kernel::SystemClock;
pub use atrium_testkit::Backend;
use atrium_testkit::TestDb;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::net::TcpListener;

pub struct TestApp {
    pub base: String,
    pub http: reqwest::Client,
    /// Shared with the app's replicas ([`TestApp::replica`]).
    pub db: Arc<TestDb>,
    config: Config,
}

/// A signed-up user: its session token and ids.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub email: String,
    pub user_id: String,
    pub org_id: String,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    /// Asserts the status; prints the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body: {}", self.body);
        self
    }

    /// Asserts an RFC 9457 problem with this status.
    #[track_caller]
    pub fn expect_problem(self, status: u16) -> Self {
        let reply = self.expect(status);
        let ct = reply.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(ct.starts_with("application/problem+json"), "content-type {ct}; body {}", reply.body);
        assert_eq!(reply.body["status"], status, "problem body: {}", reply.body);
        assert!(reply.body["type"].is_string() && reply.body["title"].is_string(), "{}", reply.body);
        reply
    }

    pub fn field_errors(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }
}

impl TestApp {
    /// The configuration the app serves with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Starts the app; `None` when the backend is unavailable and not required.
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let db = TestDb::of(backend).await?;
        let mut config = Self::test_config(&db);
        tweak(&mut config);
        Some(Self::serve(Arc::new(db), config).await)
    }

    /// The configuration every test app starts from.
    pub fn test_config(db: &TestDb) -> Config {
        Config {
            database_url: db.url.clone(),
            secret: Some("test-secret".into()),
            cookie_secure: false,
            // Test receivers listen on loopback; no test may send to another address.
            webhook_allow_private: true,
            // Dovecot and the other mail servers of the tests listen on loopback too.
            comms_allow_private_hosts: true,
            dispatch_poll_ms: 20,
            // Each app its own blob directory, never the working directory's.
            blob_dir: std::env::temp_dir().join(format!("atrium-test-blobs-{}", uuid::Uuid::now_v7())),
            ..Config::default()
        }
    }

    /// A second server on the same database and configuration (so the same Redis
    /// and key prefix), as another replica behind a load balancer would be.
    pub async fn replica(&self, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = self.config.clone();
        tweak(&mut config);
        Self::serve(self.db.clone(), config).await
    }

    async fn serve(db: Arc<TestDb>, config: Config) -> TestApp {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        Self::serve_on(db, config, listener).await
    }

    /// Serves on a listener bound beforehand (when the configuration must name
    /// the app's own address, as an OIDC redirect base does).
    pub async fn serve_on(db: Arc<TestDb>, config: Config, listener: TcpListener) -> TestApp {
        let state = AppState::with_db(&config, db.conn.clone(), Arc::new(SystemClock)).expect("state");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let served = config.clone();
        tokio::spawn(async move {
            let _ = atrium_gateway::serve(state, &served, listener).await;
        });
        let http = reqwest::Client::builder().build().expect("client");
        TestApp { base, http, db, config }
    }

    pub async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Reply {
        let mut req = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        read(req.send().await.expect("request")).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(token), Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.call(Method::DELETE, path, Some(token), None).await
    }

    /// Signs up a new user (with a fresh organization).
    pub async fn signup(&self, email: &str) -> Session {
        let body = json!({"email": email, "password": "correct horse battery", "name": email.split('@').next()});
        let r = self.call(Method::POST, "/api/v1/auth/signup", None, Some(body)).await.expect(201);
        Session {
            token: r.body["token"].as_str().expect("token").to_owned(),
            email: email.to_owned(),
            user_id: r.body["user"]["id"].as_str().expect("user id").to_owned(),
            org_id: r.body["organization"]["id"].as_str().expect("org id").to_owned(),
        }
    }

    /// Invites `email` into `admin`'s organization with `role`, signs that user up
    /// and accepts; returns the new member's session switched to that organization.
    pub async fn add_member(&self, admin: &Session, email: &str, role: &str) -> Session {
        let invite =
            self.post("/api/v1/invitations", &admin.token, json!({"email": email, "role": role})).await.expect(201);
        let token = invite.body["token"].as_str().expect("invitation token").to_owned();
        let user = self.signup(email).await;
        self.post("/api/v1/invitations/accept", &user.token, json!({"token": token})).await.expect(200);
        self.post("/api/v1/me/active-organization", &user.token, json!({"organization_id": admin.org_id}))
            .await
            .expect(200);
        Session { org_id: admin.org_id.clone(), ..user }
    }
}

/// Polls `f` until it returns `Some`, for up to 10 s (events reach the timeline,
/// feed and webhooks asynchronously).
pub async fn eventually<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..200 {
        if let Some(v) = f().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Appends an event as an integration outside the API would (e.g. a booking
/// system's `appointment.booked`), so subscribers see it through the real dispatcher.
#[allow(clippy::disallowed_methods)] // an outside system writes raw events, typed or not
pub async fn append_event(app: &TestApp, org: uuid::Uuid, event_type: &str, data: Value) {
    let event = atrium_outbox::NewEvent::new(event_type, "appointment", uuid::Uuid::now_v7(), data);
    atrium_outbox::append(&app.db.conn, org.into(), "system:test", chrono::Utc::now(), event)
        .await
        .expect("append event");
}

/// The first event of `event_type` in the organization's change feed, once it is there.
pub async fn feed_event(app: &TestApp, token: &str, event_type: &str) -> Value {
    eventually(event_type, || async {
        let feed = app.get("/api/v1/events?limit=500", token).await.expect(200);
        feed.body["items"].as_array().and_then(|items| items.iter().find(|e| e["type"] == event_type).cloned())
    })
    .await
}

pub async fn read(res: reqwest::Response) -> Reply {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.expect("body");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Reply { status, headers, body }
}

/// Runs each black-box test on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! app_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    let app = $crate::TestApp::spawn($crate::Backend::Sqlite).await.expect("sqlite app");
                    super::$name(&app).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::TestApp::spawn($crate::Backend::Postgres).await {
                        super::$name(&app).await;
                    }
                }
            }
        )*
    };
}

/// Whether the command-line tool `name` runs (`probe` is an argument it answers,
/// such as `-v`); when it does not, prints a SKIP line, or panics in CI
/// (`ATRIUM_REQUIRE_SERVICES=1`) where `make test` installs it.
pub fn tool_available(name: &str, probe: &str) -> bool {
    let ran = std::process::Command::new(name)
        .arg(probe)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !ran {
        atrium_testkit::skip_or_fail(name, "PATH", "not installed");
    }
    ran
}
