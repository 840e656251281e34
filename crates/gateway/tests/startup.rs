//! Start-up on a database that was never migrated: the embedded default migrates
//! itself; PostgreSQL refuses to serve (naming `atrium migrate up`) and reports not
//! ready, instead of answering every request with a 500 about a missing table.

use std::sync::Arc;

use atrium_gateway::{AppState, Config};
use atrium_kernel::SystemClock;
use atrium_testkit::{Backend, TestDb};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

fn config(db: &TestDb) -> Config {
    Config { database_url: db.url.clone(), secret: Some("test-secret".into()), ..Config::default() }
}

async fn readiness(db: &TestDb) -> (StatusCode, serde_json::Value) {
    let config = config(db);
    let state = AppState::with_db(&config, db.conn.clone(), Arc::new(SystemClock)).expect("state");
    let app = atrium_gateway::router(state, &config);
    let res = app.oneshot(Request::get("/health/ready").body(Body::empty()).expect("request")).await.expect("answer");
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.expect("body");
    (status, serde_json::from_slice(&bytes).expect("json body"))
}

#[tokio::test]
async fn postgres_refuses_to_serve_while_migrations_are_pending() {
    let Some(db) = TestDb::unmigrated(Backend::Postgres).await else { return };
    let (status, body) = readiness(&db).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body["detail"].as_str().is_some_and(|d| d.contains("pending")), "{body}");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let refused = atrium_gateway::run(config(&db), listener, false).await;
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("atrium migrate up"), "serve must refuse and say how to migrate: {message:?}");

    atrium_gateway::schema::prepare(&db.conn, true).await.expect("--migrate applies them");
    assert!(atrium_gateway::schema::pending(&db.conn).await.expect("state").is_empty());
    let (status, body) = readiness(&db).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn the_embedded_default_migrates_itself_on_serve() {
    let db = TestDb::unmigrated(Backend::Sqlite).await.expect("sqlite");
    assert!(!atrium_gateway::schema::pending(&db.conn).await.expect("state").is_empty());
    assert_eq!(readiness(&db).await.0, StatusCode::SERVICE_UNAVAILABLE);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let server = tokio::spawn(atrium_gateway::run(config(&db), listener, false));
    let http = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..100 {
        if let Ok(res) = http.get(format!("{base}/health/ready")).send().await
            && res.status() == 200
        {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(ready, "the server did not become ready");
    let signup = http
        .post(format!("{base}/api/v1/auth/signup"))
        .json(&serde_json::json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"}))
        .send()
        .await
        .expect("signup");
    assert_eq!(signup.status(), 201);
    server.abort();
}

/// A malformed `ATRIUM_VAULT_KEYS` stops start-up with a message naming the
/// variable and the key id, never the key material.
#[tokio::test]
async fn a_malformed_vault_key_ring_refuses_to_start_without_echoing_keys() {
    let db = TestDb::of(Backend::Sqlite).await.expect("sqlite");
    let short = "c2hvcnQta2V5"; // base64 of 9 bytes, not 32
    let config = Config { vault_keys: Some(format!("k1:{short}")), ..config(&db) };
    let refused = AppState::with_db(&config, db.conn.clone(), Arc::new(SystemClock));
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("ATRIUM_VAULT_KEYS") && message.contains("`k1`"), "{message:?}");
    assert!(!message.contains(short), "{message:?}");
    let good = format!("k2:{},k1:{}", atrium_kernel::vault::generate_key(), atrium_kernel::vault::generate_key());
    let state = AppState::with_db(&Config { vault_keys: Some(good), ..config }, db.conn.clone(), Arc::new(SystemClock))
        .expect("a well-formed ring");
    assert_eq!(state.platform.keys().current_key(), "k2");
    let columns: Vec<String> = state.platform.protected_columns().iter().map(|c| c.name()).collect();
    for column in ["webhook_endpoints.secret", "contracts.signature_ciphertext", "idempotency_keys.body"] {
        assert!(columns.iter().any(|c| c == column), "{column} is registered for rotation: {columns:?}");
    }
}
