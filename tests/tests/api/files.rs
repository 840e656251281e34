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

/// Every regular file under `dir`, at any depth.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for entry in rd.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// Where the app stores blobs: its local directory, or s3s-fs's.
enum Blobs {
    Local,
    S3(S3Server),
}

/// An app whose requests may take 1 s in total and whose uploads may go 1 s
/// without progress.
async fn impatient(backend: Backend, blobs: &Blobs) -> Option<TestApp> {
    let s3 = match blobs {
        Blobs::Local => None,
        Blobs::S3(s) => Some(s.endpoint.clone()),
    };
    TestApp::spawn_with(backend, |c| {
        c.request_timeout_secs = 1;
        c.upload_idle_timeout_secs = 1;
        if let Some(endpoint) = s3 {
            c.s3_endpoint = Some(endpoint);
            c.s3_bucket = Some(atrium_testkit::s3::BUCKET.into());
            c.s3_access_key_id = atrium_testkit::s3::ACCESS_KEY.into();
            c.s3_secret_access_key = atrium_testkit::s3::SECRET_KEY.into();
        }
    })
    .await
}

/// Sends a raw-body upload of `length` declared bytes over a plain connection:
/// `chunks` with `gap` between them, then nothing more. Returns the status and
/// body of the answer, and the seconds it took.
async fn dribble(
    app: &TestApp,
    s: &Session,
    path: &str,
    length: usize,
    chunks: &[Vec<u8>],
    gap: std::time::Duration,
) -> (u16, String, f64) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base.trim_start_matches("http://");
    let mut conn = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n",
        s.token
    );
    let started = std::time::Instant::now();
    conn.write_all(head.as_bytes()).await.expect("head");
    for c in chunks {
        tokio::time::sleep(gap).await;
        conn.write_all(c).await.expect("chunk");
    }
    let mut answer = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(20), conn.read_to_end(&mut answer))
        .await
        .expect("an answer within 20 s")
        .expect("read");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body, started.elapsed().as_secs_f64())
}

/// 3 s of upload, a chunk every 250 ms, through an app whose requests may take
/// 1 s: the upload has no total limit, only an idle one, so it arrives whole.
async fn slow_but_steady_upload_arrives(backend: Backend, blobs: Blobs) {
    let Some(app) = impatient(backend, &blobs).await else { return };
    let ada = app.signup("ada@example.com").await;
    let e = engagement(&app, &ada).await;
    let chunks: Vec<Vec<u8>> = (0..12u8).map(|i| vec![i; 4096]).collect();
    let path = format!("/api/v1/files?engagement_id={e}&name=slow.bin");
    let gap = std::time::Duration::from_millis(250);
    let (status, body, secs) = dribble(&app, &ada, &path, 12 * 4096, &chunks, gap).await;
    assert_eq!(status, 201, "{body}");
    assert!(secs > 2.5, "the upload took {secs:.1} s, longer than the 1 s request timeout");
    let file: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(file["current"]["size"], 12 * 4096);
    // A plain request on the same app is still bounded by its total timeout
    // (the upload's idle limit did not leak to other routes).
    app.get("/api/v1/files", &ada.token).await.expect(200);
}

/// Sends 3 of a declared 1 MiB, then stalls: cut off after the 1 s idle limit
/// with a 408, and neither a row nor a blob (nor a partial one) is left.
async fn stalled_upload_is_cut_off(backend: Backend, blobs: Blobs) {
    let Some(app) = impatient(backend, &blobs).await else { return };
    let ada = app.signup("ada@example.com").await;
    let e = engagement(&app, &ada).await;
    let chunks: Vec<Vec<u8>> = (0..3u8).map(|i| vec![i; 4096]).collect();
    let path = format!("/api/v1/files?engagement_id={e}&name=stalled.bin");
    let gap = std::time::Duration::from_millis(100);
    let (status, body, secs) = dribble(&app, &ada, &path, 1024 * 1024, &chunks, gap).await;
    assert_eq!(status, 408, "{body}");
    let problem: Value = serde_json::from_str(&body).expect("problem json");
    assert_eq!(problem["type"], "/problems/request-timeout", "{problem}");
    assert!(secs < 10.0, "cut off after {secs:.1} s");
    let list = app.get("/api/v1/files", &ada.token).await.expect(200);
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(0), "no row");
    let dir = match &blobs {
        Blobs::Local => app.config().blob_dir.clone(),
        // s3s-fs keeps objects under <dir>/<bucket> and partial ones as `.tmp.*` in <dir>.
        Blobs::S3(s3) => s3.dir().to_path_buf(),
    };
    // s3s-fs removes its partial file when it notices the dropped connection,
    // which may be a moment after Atrium answered.
    let mut left = files_under(&dir);
    for _ in 0..30 {
        if left.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        left = files_under(&dir);
    }
    assert!(left.is_empty(), "left behind: {left:?}");
}

fn s3() -> Option<Blobs> {
    S3Server::start().map(Blobs::S3)
}

#[tokio::test]
async fn files_slow_upload_sqlite_local() {
    slow_but_steady_upload_arrives(Backend::Sqlite, Blobs::Local).await;
}

#[tokio::test]
async fn files_slow_upload_postgres_s3() {
    let Some(s3) = s3() else { return };
    slow_but_steady_upload_arrives(Backend::Postgres, s3).await;
}

#[tokio::test]
async fn files_stalled_upload_sqlite_local() {
    stalled_upload_is_cut_off(Backend::Sqlite, Blobs::Local).await;
}

#[tokio::test]
async fn files_stalled_upload_sqlite_s3() {
    let Some(s3) = s3() else { return };
    stalled_upload_is_cut_off(Backend::Sqlite, s3).await;
}

#[tokio::test]
async fn files_stalled_upload_postgres_local() {
    stalled_upload_is_cut_off(Backend::Postgres, Blobs::Local).await;
}

#[tokio::test]
async fn files_stalled_upload_postgres_s3() {
    let Some(s3) = s3() else { return };
    stalled_upload_is_cut_off(Backend::Postgres, s3).await;
}
