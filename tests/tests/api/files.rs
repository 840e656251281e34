//! Files over HTTP: streamed uploads (raw and multipart), the local store's signed
//! URLs (tampered → 403), streamed downloads with Range, roles, the size limit, and
//! S3 (s3s-fs) going away: 503 naming the storage, readiness reports it, the rest works.

use atrium_testkit::s3::S3Server;
use atrium_tests::Backend;
use atrium_tests::{Session, TestApp};
use reqwest::Method;
use serde_json::{Value, json};

async fn engagement(app: &TestApp, s: &Session) -> String {
    let e = app
        .post("/api/v1/engagements", &s.token, json!({"name": "Relaunch", "billing_model": "fixed"}))
        .await
        .expect(201);
    e.body["id"].as_str().expect("id").to_owned()
}

async fn raw_upload(app: &TestApp, s: &Session, query: &str, bytes: Vec<u8>) -> reqwest::Response {
    app.http
        .post(format!("{}/api/v1/files?{query}", app.base))
        .bearer_auth(&s.token)
        .header("content-type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .expect("upload")
}

fn multipart(engagement: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let b = "atrium-boundary-42";
    let mut body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"engagement_id\"\r\n\r\n{engagement}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\nclient\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

async fn files_over_http(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let ada = app.signup("ada@example.com").await;
    let e = engagement(&app, &ada).await;

    // Raw body, 2 MiB: past the global 1 MiB body limit.
    let data: Vec<u8> = (0..2 * 1024 * 1024u32).map(|i| (i % 253) as u8).collect();
    let res = raw_upload(&app, &ada, &format!("engagement_id={e}&name=big.bin"), data.clone()).await;
    assert_eq!(res.status(), 201);
    let file: Value = res.json().await.expect("json");
    let id = file["id"].as_str().expect("id").to_owned();
    assert_eq!(file["current"]["size"], data.len());

    // Download: a 302 to the local store's signed URL, which serves the bytes.
    let got = app
        .http
        .get(format!("{}/api/v1/files/{id}/download", app.base))
        .bearer_auth(&ada.token)
        .send()
        .await
        .expect("download");
    assert_eq!(got.status(), 200);
    assert!(got.url().path().starts_with("/blobs/"), "followed to {}", got.url());
    let signed = got.url().to_string();
    assert_eq!(got.bytes().await.expect("bytes").as_ref(), &data[..]);
    // Tampered: another expiry under the same signature.
    let tampered = signed.replacen("expires=", "expires=9", 1);
    assert_eq!(app.http.get(&tampered).send().await.expect("get").status(), 403);

    // Streamed through Atrium with a range.
    let part = app
        .http
        .get(format!("{}/api/v1/files/{id}/download?stream=true&inline=false", app.base))
        .bearer_auth(&ada.token)
        .header("range", "bytes=100-199")
        .send()
        .await
        .expect("range");
    assert_eq!(part.status(), 206);
    assert_eq!(part.headers()["content-range"], format!("bytes 100-199/{}", data.len()).as_str());
    assert!(part.headers().get("etag").is_some());
    assert_eq!(part.bytes().await.expect("bytes").as_ref(), &data[100..200]);
    let beyond = app
        .http
        .get(format!("{}/api/v1/files/{id}/download?stream=true", app.base))
        .bearer_auth(&ada.token)
        .header("range", "bytes=99999999-")
        .send()
        .await
        .expect("range");
    assert_eq!(beyond.status(), 416);

    // Multipart as a new version.
    let (ct, body) = multipart(&e, "v2.pdf", b"%PDF-1.7 second");
    let v2 = app
        .http
        .post(format!("{}/api/v1/files/{id}/versions", app.base))
        .bearer_auth(&ada.token)
        .header("content-type", ct)
        .body(body)
        .send()
        .await
        .expect("version");
    assert_eq!(v2.status(), 201);
    let v2: Value = v2.json().await.expect("json");
    assert_eq!(v2["current"]["version"], 2);
    assert_eq!(v2["current"]["media_type"], "application/pdf");
    let versions = app.get(&format!("/api/v1/files/{id}/versions"), &ada.token).await.expect(200);
    assert_eq!(versions.body.as_array().map(Vec::len), Some(2));

    // A viewer reads but does not upload; another organization does not see it.
    let vic = app.add_member(&ada, "vic@example.com", "viewer").await;
    app.get(&format!("/api/v1/files/{id}"), &vic.token).await.expect(200);
    let refused = raw_upload(&app, &vic, &format!("engagement_id={e}&name=x.txt"), b"x".to_vec()).await;
    assert_eq!(refused.status(), 403);
    let bob = app.signup("bob@example.com").await;
    app.get(&format!("/api/v1/files/{id}"), &bob.token).await.expect_problem(404);

    // Delete hides it; an admin restores it.
    app.delete(&format!("/api/v1/files/{id}"), &ada.token).await.expect(204);
    app.get(&format!("/api/v1/files/{id}"), &ada.token).await.expect_problem(404);
    app.call(Method::POST, &format!("/api/v1/files/{id}/restore"), Some(&ada.token), None).await.expect(200);
    app.get(&format!("/api/v1/files/{id}"), &ada.token).await.expect(200);
}

#[tokio::test]
async fn files_over_http_sqlite() {
    files_over_http(Backend::Sqlite).await;
}

#[tokio::test]
async fn files_over_http_postgres() {
    files_over_http(Backend::Postgres).await;
}

#[tokio::test]
async fn too_large_is_413() {
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |c| c.file_max_bytes = 100_000).await else { return };
    let ada = app.signup("ada@example.com").await;
    let e = engagement(&app, &ada).await;
    let res = raw_upload(&app, &ada, &format!("engagement_id={e}&name=big.bin"), vec![0u8; 200_000]).await;
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let list = app.get("/api/v1/files", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn s3_down_is_503_and_ready_reports_it() {
    let Some(mut s3) = S3Server::start() else { return };
    let endpoint = s3.endpoint.clone();
    let Some(app) = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.s3_endpoint = Some(endpoint);
        c.s3_bucket = Some(atrium_testkit::s3::BUCKET.into());
        c.s3_access_key_id = atrium_testkit::s3::ACCESS_KEY.into();
        c.s3_secret_access_key = atrium_testkit::s3::SECRET_KEY.into();
    })
    .await
    else {
        return;
    };
    let ada = app.signup("ada@example.com").await;
    let e = engagement(&app, &ada).await;
    let ok = raw_upload(&app, &ada, &format!("engagement_id={e}&name=a.txt"), b"hello s3".to_vec()).await;
    assert_eq!(ok.status(), 201);
    let ready = app.call(Method::GET, "/health/ready", None, None).await.expect(200);
    assert_eq!(ready.body["storage"], "s3");

    s3.stop();
    let down = raw_upload(&app, &ada, &format!("engagement_id={e}&name=b.txt"), b"x".to_vec()).await;
    assert_eq!(down.status(), 503);
    assert_eq!(down.headers()["content-type"], "application/problem+json");
    let problem: Value = down.json().await.expect("problem");
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("s3")), "{problem}");
    let ready = app.call(Method::GET, "/health/ready", None, None).await.expect_problem(503);
    assert!(ready.body["detail"].as_str().is_some_and(|d| d.contains("s3")), "{}", ready.body);
    // Everything else keeps working.
    app.get("/api/v1/engagements", &ada.token).await.expect(200);
}
