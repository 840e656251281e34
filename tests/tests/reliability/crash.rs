//! `kill -9` of the server: every write it acknowledged is there after a restart.

use atrium_tests::child::ChildServer;
use serde_json::{Value, json};

#[tokio::test]
async fn acknowledged_writes_survive_kill_9_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("atrium.db").display());
    let mut server = ChildServer::start(&["serve"], &url, &[]).await;
    let http = reqwest::Client::new();
    let body = json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"});
    let signup: Value = http
        .post(format!("{}/api/v1/auth/signup", server.base))
        .json(&body)
        .send()
        .await
        .expect("signup")
        .json()
        .await
        .expect("json");
    let token = signup["token"].as_str().expect("token").to_owned();
    let mut acknowledged = Vec::new();
    for i in 0..20 {
        let r = http
            .post(format!("{}/api/v1/client-companies", server.base))
            .bearer_auth(&token)
            .json(&json!({"name": format!("Company {i}")}))
            .send()
            .await
            .expect("create");
        if r.status() == 201 {
            let v: Value = r.json().await.expect("json");
            acknowledged.push(v["id"].as_str().expect("id").to_owned());
        }
    }
    server.kill9().await;
    assert!(!server.is_running());
    let server = ChildServer::start(&["serve"], &url, &[]).await;
    let mut missing = Vec::new();
    for id in &acknowledged {
        let r = http
            .get(format!("{}/api/v1/client-companies/{id}", server.base))
            .bearer_auth(&token)
            .send()
            .await
            .expect("get");
        if r.status() != 200 {
            missing.push(id.clone());
        }
    }
    eprintln!("kill -9 (sqlite): {} acknowledged writes, {} missing after restart", acknowledged.len(), missing.len());
    assert_eq!(acknowledged.len(), 20);
    assert!(missing.is_empty(), "acknowledged writes lost: {missing:?}");
}
