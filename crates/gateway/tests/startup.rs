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
