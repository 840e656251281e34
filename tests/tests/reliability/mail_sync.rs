//! `kill -9` of the worker in the middle of a mailbox's first sync, on the real
//! binary, PostgreSQL and a real Dovecot: the restarted worker's next scheduled
//! run finishes the import once the dead worker's leases (the scheduled job's
//! and the connection's) run out — every message once, every thread once, one
//! `comms.message.received` per message, the health's totals right, no lease left.

use std::time::{Duration, Instant};

use atrium_testkit::dovecot::{Dovecot, PASSWORD, USER};
use atrium_testkit::{Backend, TestDb};
use atrium_tests::child::ChildServer;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

/// Messages in the mailbox, in threads of [`PER_THREAD`] (a first message and its replies).
const MESSAGES: usize = 2000;
const PER_THREAD: usize = 4;
/// Leases of the dead worker run out this fast here (ten minutes by default).
const LEASE_SECS: &str = "3";

async fn number(db: &TestDb, sql: &str) -> i64 {
    let row = db
        .conn
        .query_one_raw(Statement::from_string(DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_else(|| panic!("{sql}: no row"));
    row.try_get::<i64>("", "n").unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn mail(i: usize) -> Vec<u8> {
    let (thread, n) = (i / PER_THREAD, i % PER_THREAD);
    let (subject, refs) = if n == 0 {
        (format!("Batch {thread}"), String::new())
    } else {
        let parent = format!("<b{thread}-{}@globex.example>", n - 1);
        (format!("Re: Batch {thread}"), format!("In-Reply-To: {parent}\r\nReferences: {parent}\r\n"))
    };
    format!(
        "From: Hank <hank@globex.example>\r\nTo: Ada <ada@example.com>\r\nSubject: {subject}\r\nDate: {}\r\n\
Message-ID: <b{thread}-{n}@globex.example>\r\n{refs}Content-Type: text/plain; charset=utf-8\r\n\r\nPart {n} of batch {thread}.\r\n",
        chrono::Utc::now().to_rfc2822()
    )
    .into_bytes()
}

/// Makes the scheduled sync job due now (as the next minute would), once the worker registered it.
async fn job_due_now(db: &TestDb) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let done = db
            .conn
            .execute_raw(Statement::from_string(
                DbBackend::Postgres,
                "UPDATE scheduled_jobs SET next_run_at = now() - interval '1 second' WHERE name = 'comms.mailbox_sync'"
                    .to_owned(),
            ))
            .await
            .expect("job due");
        if done.rows_affected() == 1 {
            return;
        }
        assert!(Instant::now() < deadline, "the worker never registered the sync job");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_worker_killed_mid_sync_loses_and_doubles_nothing() {
    let Some(db) = TestDb::unmigrated(Backend::Postgres).await else { return };
    let Some(mailbox) = Dovecot::start() else { return };
    for i in 0..MESSAGES {
        mailbox.deliver(&mail(i));
    }
    let env = [
        ("EMBEDDED_WORKER", "false"),
        ("COMMS_ALLOW_PRIVATE_HOSTS", "true"),
        ("SCHEDULER_POLL_MS", "100"),
        ("JOB_LEASE_SECS", LEASE_SECS),
        ("COMMS_SYNC_LEASE_SECS", LEASE_SECS),
        ("DISPATCH_LEASE_SECS", LEASE_SECS),
        ("DISPATCH_POLL_MS", "50"),
    ];
    let server = ChildServer::start(&["serve", "--migrate"], &db.url, &env).await;
    let mut worker = ChildServer::start(&["worker"], &db.url, &env).await;
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
    let org = signup["organization"]["id"].as_str().expect("org").to_owned();
    let created: Value = http
        .post(format!("{}/api/v1/mailbox-connections", server.base))
        .bearer_auth(&token)
        .json(&json!({"provider": "imap", "email_address": "ada@example.com",
            "imap": {"host": "127.0.0.1", "port": mailbox.port, "tls": false, "username": USER, "password": PASSWORD}}))
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    let conn = created["id"].as_str().unwrap_or_else(|| panic!("connection: {created}")).to_owned();
    let imported = format!("SELECT count(*) AS n FROM messages WHERE organization_id = '{org}'");

    // The first sync runs; the worker dies once some, not all, are in.
    let started = Instant::now();
    job_due_now(&db).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    while number(&db, &imported).await < (MESSAGES / 5) as i64 {
        assert!(Instant::now() < deadline, "the first sync imported too little: {}", mailbox.log());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    worker.kill9().await;
    let killed_at = started.elapsed();
    let before = number(&db, &imported).await;
    assert!(before < MESSAGES as i64, "the sync finished before the kill ({before} imported)");
    // The dead worker's leases are left behind: the job's and the connection's.
    let job_leased =
        "SELECT count(*) AS n FROM scheduled_jobs WHERE name = 'comms.mailbox_sync' AND locked_until IS NOT NULL";
    assert_eq!(number(&db, job_leased).await, 1);
    let conn_leased =
        format!("SELECT count(*) AS n FROM mailbox_sync_states WHERE id = '{conn}' AND lease_token IS NOT NULL");
    assert_eq!(number(&db, &conn_leased).await, 1);

    // Restarted, its next scheduled run continues from the cursor, unprompted.
    let restarted = Instant::now();
    worker.restart().await;
    let health_url = format!("{}/api/v1/mailbox-connections/{conn}/health", server.base);
    let deadline = Instant::now() + Duration::from_secs(180);
    let health = loop {
        let h: Value =
            http.get(&health_url).bearer_auth(&token).send().await.expect("health").json().await.expect("json");
        if h["last_success_at"].is_string() && h["syncing"] == false {
            break h;
        }
        assert!(Instant::now() < deadline, "the sync never finished after the restart: {h}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let finished_in = restarted.elapsed();

    let n = MESSAGES as i64;
    assert_eq!(number(&db, &imported).await, n);
    let distinct =
        |col: &str| format!("SELECT count(DISTINCT {col}) AS n FROM messages WHERE organization_id = '{org}'");
    assert_eq!(number(&db, &distinct("message_id_header")).await, n, "each Message-ID once");
    assert_eq!(number(&db, &distinct("provider_message_id")).await, n, "each IMAP UID once");
    let threads = (MESSAGES / PER_THREAD) as i64;
    assert_eq!(
        number(&db, &format!("SELECT count(*) AS n FROM threads WHERE organization_id = '{org}'")).await,
        threads
    );
    let uneven = format!(
        "SELECT count(*) AS n FROM (SELECT thread_id FROM messages WHERE organization_id = '{org}' \
         GROUP BY thread_id HAVING count(*) <> {PER_THREAD}) t"
    );
    assert_eq!(number(&db, &uneven).await, 0, "every thread holds its {PER_THREAD} messages");
    let events = |t: &str, distinct: &str| {
        format!(
            "SELECT count({distinct}) AS n FROM outbox_events WHERE organization_id = '{org}' AND event_type = '{t}'"
        )
    };
    assert_eq!(number(&db, &events("comms.message.received", "*")).await, n);
    assert_eq!(number(&db, &events("comms.message.received", "DISTINCT aggregate_id")).await, n);
    assert_eq!(number(&db, &events("comms.message.received", "DISTINCT data->>'message_id'")).await, n);
    assert_eq!(number(&db, &events("comms.thread.created", "*")).await, threads);

    assert_eq!(health["state"], "active", "{health}");
    assert_eq!(health["imported_total"].as_i64(), Some(n), "{health}");
    assert_eq!(health["imported_last_run"].as_i64(), Some(n - before), "{health}");
    assert_eq!(health["consecutive_failures"], 0, "{health}");
    assert!(health["last_error"].is_null(), "{health}");
    // No lease left: the job and the connection are free, their next runs scheduled.
    let job_free = "SELECT count(*) AS n FROM scheduled_jobs WHERE name = 'comms.mailbox_sync' \
        AND locked_until IS NULL AND next_run_at > now()";
    assert_eq!(number(&db, job_free).await, 1);
    let conn_free = format!(
        "SELECT count(*) AS n FROM mailbox_sync_states WHERE id = '{conn}' AND lease_token IS NULL \
         AND locked_until IS NULL AND next_run_at > now()"
    );
    assert_eq!(number(&db, &conn_free).await, 1);

    // And the next scheduled run proceeds: a new message comes in with it.
    mailbox.deliver(&mail(MESSAGES));
    db.conn
        .execute_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("UPDATE mailbox_sync_states SET next_run_at = now() - interval '1 second' WHERE id = '{conn}'"),
        ))
        .await
        .expect("connection due");
    job_due_now(&db).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while number(&db, &imported).await < n + 1 {
        assert!(Instant::now() < deadline, "the next run imported nothing");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    eprintln!(
        "mail sync, kill -9 mid-sync (postgres): {MESSAGES} messages, {before} imported when killed at {:.1} s, \
         the rest in {:.1} s after the restart (leases of {LEASE_SECS} s)",
        killed_at.as_secs_f64(),
        finished_in.as_secs_f64()
    );
}
