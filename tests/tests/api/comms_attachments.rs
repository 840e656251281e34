//! Email attachments kept through the files domain, over HTTP: a real Dovecot
//! mailbox synced by the app's own scheduler, the gateway's files port
//! (`MailAttachments`) on the local store and on S3 (s3s-fs), and the files
//! routes to read them back. Attachments of an unfiled thread wait; filing it
//! stores them (one file each, attached to the message, under the engagement);
//! a reply in a filed thread stores its own at once; a part the files domain
//! refuses is recorded with why; a full resync adds no file.

use atrium_testkit::dovecot::{Dovecot, PASSWORD, USER};
use atrium_testkit::s3::S3Server;
use atrium_tests::{Backend, Session, TestApp, eventually};
use serde_json::{Value, json};

use crate::comms::sync_once;

/// Under the comms part limit, over the files limit of these apps.
const FILE_MAX: u64 = 16 * 1024;
const PART_MAX: u64 = 64 * 1024;

fn with_attachments(id: &str, subject: &str, extra: &str, parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    use base64::Engine;
    let mut raw = format!(
        "From: Hank <hank@globex.example>\r\nTo: ada@example.com\r\nSubject: {subject}\r\nDate: {}\r\n\
Message-ID: <{id}>\r\n{extra}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n\
--mix\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n",
        chrono::Utc::now().to_rfc2822()
    );
    for (name, media_type, bytes) in parts {
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        let lines: Vec<&str> =
            b64.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).expect("base64 is ascii")).collect();
        raw.push_str(&format!(
            "--mix\r\nContent-Type: {media_type}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            lines.join("\r\n")
        ));
    }
    raw.push_str("--mix--\r\n");
    raw.into_bytes()
}

async fn files(app: &TestApp, s: &Session) -> Vec<Value> {
    app.get("/api/v1/files?limit=200", &s.token).await.expect(200).body["items"].as_array().cloned().unwrap_or_default()
}

async fn messages(app: &TestApp, s: &Session, thread: &str) -> Vec<Value> {
    let page = app.get(&format!("/api/v1/threads/{thread}/messages?limit=50"), &s.token).await.expect(200);
    page.body["items"].as_array().cloned().unwrap_or_default()
}

async fn bytes_of(app: &TestApp, s: &Session, file: &str) -> Vec<u8> {
    let res = app
        .http
        .get(format!("{}/api/v1/files/{file}/download?stream=true", app.base))
        .bearer_auth(&s.token)
        .send()
        .await
        .expect("download");
    assert_eq!(res.status(), 200);
    res.bytes().await.expect("bytes").to_vec()
}

async fn attachments_are_kept_through_files(backend: Backend, s3: Option<S3Server>) {
    let Some(server) = Dovecot::start() else { return };
    let endpoint = s3.as_ref().map(|s| s.endpoint.clone());
    let Some(app) = TestApp::spawn_with(backend, |c| {
        c.scheduler_poll_ms = 50;
        c.file_max_bytes = FILE_MAX;
        c.comms_max_part_bytes = PART_MAX;
        if let Some(endpoint) = endpoint {
            c.s3_endpoint = Some(endpoint);
            c.s3_bucket = Some(atrium_testkit::s3::BUCKET.into());
            c.s3_access_key_id = atrium_testkit::s3::ACCESS_KEY.into();
            c.s3_secret_access_key = atrium_testkit::s3::SECRET_KEY.into();
        }
    })
    .await
    else {
        return;
    };
    let ada = app.signup("ada@example.com").await;
    let pdf: Vec<u8> = b"%PDF-1.4\n".iter().copied().chain((0..4000u32).map(|i| (i % 251) as u8)).collect();
    let notes = b"plain notes".to_vec();
    let big = vec![b'z'; 20 * 1024];
    // Over the comms part limit: never held at all.
    let huge = vec![b'h'; 70 * 1024];
    server.deliver(&with_attachments(
        "files1@globex.example",
        "Signed papers",
        "",
        &[
            ("contract.pdf", "application/pdf", &pdf),
            ("notes\t.txt", "text/plain", &notes),
            ("big.bin", "application/octet-stream", &big),
            ("huge.bin", "application/octet-stream", &huge),
        ],
    ));
    let conn = app
        .post(
            "/api/v1/mailbox-connections",
            &ada.token,
            json!({"provider": "imap", "email_address": "ada@example.com",
                "imap": {"host": "127.0.0.1", "port": server.port, "tls": false, "username": USER, "password": PASSWORD}}),
        )
        .await
        .expect(201);
    let conn = conn.body["id"].as_str().expect("id").to_owned();
    let health = sync_once(&app, &ada.token, &conn).await;
    assert_eq!((health["state"].as_str(), health["imported_last_run"].as_i64()), (Some("active"), Some(1)), "{health}");

    let threads = app.get("/api/v1/threads?unfiled=true", &ada.token).await.expect(200);
    let thread = threads.body["items"][0]["id"].as_str().expect("thread").to_owned();
    let m = messages(&app, &ada, &thread).await.remove(0);
    let names: Vec<&str> =
        m["attachments"].as_array().expect("attachments").iter().filter_map(|a| a["filename"].as_str()).collect();
    assert_eq!(names, vec!["contract.pdf", "notes\t.txt", "big.bin"]);
    assert!(
        m["attachments"]
            .as_array()
            .expect("attachments")
            .iter()
            .all(|a| a["status"] == "pending" && a["file_id"].is_null()),
        "{m}"
    );
    assert_eq!(m["skipped_parts"].as_array().map(Vec::len), Some(1), "{m}");
    assert!(m["skipped_parts"][0]["reason"].as_str().is_some_and(|r| r.contains("65536")), "{m}");
    // Unfiled: its received event (delivered by the app's dispatcher) stores nothing.
    atrium_tests::feed_event(&app, &ada.token, "comms.message.received").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(files(&app, &ada).await.is_empty());

    let engagement = app
        .post("/api/v1/engagements", &ada.token, json!({"name": "Relaunch", "billing_model": "fixed"}))
        .await
        .expect(201);
    let engagement = engagement.body["id"].as_str().expect("id").to_owned();
    app.post(&format!("/api/v1/threads/{thread}/file"), &ada.token, json!({"engagement_id": engagement}))
        .await
        .expect(200);
    let m = eventually("the attachments stored once the thread is filed", || async {
        let m = messages(&app, &ada, &thread).await.remove(0);
        m["attachments"].as_array().expect("attachments").iter().all(|a| a["status"] != "pending").then_some(m)
    })
    .await;
    let states: Vec<&str> =
        m["attachments"].as_array().expect("attachments").iter().filter_map(|a| a["status"].as_str()).collect();
    assert_eq!(states, vec!["stored", "stored", "skipped"]);
    // Read through the query cache: each settled attachment published its event.
    assert_eq!(settled_events(&app, &ada).await, 3);
    let reason = m["attachments"][2]["reason"].as_str().unwrap_or_default();
    assert!(reason.contains(&FILE_MAX.to_string()), "{reason}");
    assert!(m["attachments"][2]["file_id"].is_null());
    assert_eq!(files(&app, &ada).await.len(), 2);
    for (a, bytes, name) in [(&m["attachments"][0], &pdf, "contract.pdf"), (&m["attachments"][1], &notes, "notes.txt")]
    {
        let id = a["file_id"].as_str().expect("file id");
        let f = app.get(&format!("/api/v1/files/{id}"), &ada.token).await.expect(200).body;
        assert_eq!(f["name"], name);
        assert_eq!(f["engagement_id"], engagement.as_str());
        assert_eq!((f["attached_type"].as_str(), f["attached_id"].as_str()), (Some("message"), m["id"].as_str()));
        assert_eq!(f["current"]["size"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(&bytes_of(&app, &ada, id).await, bytes);
    }

    // A reply in the filed thread: stored when its event is delivered.
    server.deliver(&with_attachments(
        "files2@globex.example",
        "Re: Signed papers",
        "In-Reply-To: <files1@globex.example>\r\n",
        &[("countersigned.pdf", "application/pdf", &pdf[..2000])],
    ));
    let health = sync_once(&app, &ada.token, &conn).await;
    assert_eq!(health["imported_last_run"], 1, "{health}");
    let reply = eventually("the reply's attachment stored", || async {
        let all = messages(&app, &ada, &thread).await;
        (all.len() == 2 && all[1]["attachments"][0]["status"] == "stored").then(|| all[1].clone())
    })
    .await;
    let id = reply["attachments"][0]["file_id"].as_str().expect("file id");
    assert_eq!(bytes_of(&app, &ada, id).await, pdf[..2000].to_vec());
    assert_eq!(files(&app, &ada).await.len(), 3);

    // A full resync imports nothing again, so no attachment or file twice.
    app.post(&format!("/api/v1/mailbox-connections/{conn}/resync"), &ada.token, json!({})).await.expect(200);
    let health = sync_once(&app, &ada.token, &conn).await;
    assert_eq!(
        (health["imported_last_run"].as_i64(), health["imported_total"].as_i64()),
        (Some(0), Some(2)),
        "{health}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(files(&app, &ada).await.len(), 3);
    assert_eq!(settled_events(&app, &ada).await, 4);
}

async fn settled_events(app: &TestApp, s: &Session) -> u64 {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    atrium_outbox::entity::event::Entity::find()
        .filter(atrium_outbox::entity::event::Column::OrganizationId.eq(s.org_id.parse::<uuid::Uuid>().expect("org")))
        .filter(atrium_outbox::entity::event::Column::EventType.eq("comms.message.attachment_settled"))
        .count(&app.db.conn)
        .await
        .expect("count events")
}

#[tokio::test]
async fn comms_attachments_sqlite_local() {
    attachments_are_kept_through_files(Backend::Sqlite, None).await;
}

#[tokio::test]
async fn comms_attachments_postgres_local() {
    attachments_are_kept_through_files(Backend::Postgres, None).await;
}

#[tokio::test]
async fn comms_attachments_postgres_s3() {
    let Some(s3) = S3Server::start() else { return };
    attachments_are_kept_through_files(Backend::Postgres, Some(s3)).await;
}
