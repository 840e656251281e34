//! Mail import throughput from a real Dovecot: a maildir seeded with
//! `--messages` RFC 5322 messages (threads of five, every tenth multipart with
//! an attachment), the real `atrium serve` as a child process syncing it over
//! IMAP (its scheduled job, once a minute), then `--incremental` new messages.
//! Reports messages/s of the first sync and of the incremental one — from the
//! connection's own health (`imported_last_run` over `last_success_at -
//! last_run_at`) — and the server's peak RSS during the first sync (VmRSS polled
//! every 50 ms on its own thread).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use atrium_testkit::dovecot::{Dovecot, PASSWORD, USER};
use atrium_tests::child::ChildServer;
use clap::Parser;
use serde_json::{Value, json};

#[derive(Parser)]
struct Args {
    /// Messages in the mailbox before the first sync.
    #[arg(long, default_value_t = 10_000)]
    messages: usize,
    /// Messages delivered before the incremental sync.
    #[arg(long, default_value_t = 100)]
    incremental: usize,
    /// The database (default: a SQLite file in a temp dir).
    #[arg(long)]
    database_url: Option<String>,
    /// Longest wait for one sync, seconds.
    #[arg(long, default_value_t = 1800)]
    timeout_secs: u64,
}

fn status_kib(pid: u32, field: &str) -> u64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix(field)?.trim_start_matches(':').split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn message(n: usize, date: &str) -> Vec<u8> {
    let thread = n / 5;
    let refs = if n.is_multiple_of(5) {
        String::new()
    } else {
        format!(
            "In-Reply-To: <bench-{}@globex.example>\r\nReferences: <bench-{}@globex.example>\r\n",
            n - 1,
            thread * 5
        )
    };
    let body = if n.is_multiple_of(10) {
        format!(
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b{n}\"\r\n\r\n--b{n}\r\n\
Content-Type: text/plain\r\n\r\nMessage {n} with the report attached.\r\n--b{n}\r\n\
Content-Type: application/pdf; name=\"r{n}.pdf\"\r\nContent-Disposition: attachment; filename=\"r{n}.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--b{n}--\r\n",
            "JVBERi0xLjQK".repeat(400)
        )
    } else {
        format!(
            "Content-Type: text/plain; charset=utf-8\r\n\r\nMessage {n} of thread {thread}.\r\n{}\r\n",
            "Lorem ipsum dolor sit amet. ".repeat(20)
        )
    };
    format!(
        "From: Client {c} <client{c}@globex.example>\r\nTo: Ada <ada@example.com>\r\nSubject: Re: Topic {thread}\r\n\
Date: {date}\r\nMessage-ID: <bench-{n}@globex.example>\r\n{refs}{body}",
        c = thread % 50
    )
    .into_bytes()
}

async fn health(http: &reqwest::Client, base: &str, token: &str, id: &str) -> Value {
    http.get(format!("{base}/api/v1/mailbox-connections/{id}/health"))
        .bearer_auth(token)
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("health json")
}

/// Waits until `imported_total` reaches `total`; answers (messages/s of the run, the health).
async fn until_imported(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    id: &str,
    total: i64,
    limit: Duration,
) -> (f64, Value) {
    let started = Instant::now();
    loop {
        let h = health(http, base, token, id).await;
        if h["imported_total"].as_i64() == Some(total) && h["syncing"] == json!(false) {
            let at = |k: &str| chrono::DateTime::parse_from_rfc3339(h[k].as_str().expect(k)).expect(k);
            let secs = (at("last_success_at") - at("last_run_at")).num_milliseconds() as f64 / 1000.0;
            let n = h["imported_last_run"].as_f64().unwrap_or(0.0);
            return (n / secs.max(0.001), h);
        }
        assert!(h["last_error"].is_null(), "the sync failed: {h}");
        assert!(started.elapsed() < limit, "not imported within {limit:?}: {h}");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let imap = Dovecot::start().expect("Dovecot (apt-get install dovecot-imapd)");
    let date = chrono::Utc::now().to_rfc2822();
    let seeded = Instant::now();
    for n in 0..args.messages {
        imap.deliver(&message(n, &date));
    }
    println!("seeded {} messages in {:.1} s", args.messages, seeded.elapsed().as_secs_f64());

    let tmp = tempfile::tempdir().expect("temp dir");
    let db = args
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", tmp.path().join("atrium.db").display()));
    let server = ChildServer::start(&["serve", "--migrate"], &db, &[("COMMS_ALLOW_PRIVATE_HOSTS", "true")]).await;
    let pid = server.pid().expect("atrium pid");
    let base = server.base.clone();
    let http = reqwest::Client::new();
    let signup = json!({"email": "comms-bench@example.com", "password": "correct horse battery", "name": "Bench"});
    let v: Value = http
        .post(format!("{base}/api/v1/auth/signup"))
        .json(&signup)
        .send()
        .await
        .expect("signup")
        .json()
        .await
        .expect("signup json");
    let token = v["token"].as_str().expect("token").to_owned();

    let peak = Arc::new(AtomicU64::new(status_kib(pid, "VmRSS")));
    let idle = peak.load(Ordering::Relaxed);
    let stop = Arc::new(AtomicBool::new(false));
    let probe = {
        let (peak, stop) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(status_kib(pid, "VmRSS"), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let conn = json!({"provider": "imap", "email_address": "ada@example.com", "sync_window_days": 30,
        "imap": {"host": "127.0.0.1", "port": imap.port, "tls": false, "username": USER, "password": PASSWORD}});
    let c: Value = http
        .post(format!("{base}/api/v1/mailbox-connections"))
        .bearer_auth(&token)
        .json(&conn)
        .send()
        .await
        .expect("connect")
        .json()
        .await
        .expect("connection json");
    let id = c["id"].as_str().unwrap_or_else(|| panic!("connection: {c}")).to_owned();
    let limit = Duration::from_secs(args.timeout_secs);
    let total = i64::try_from(args.messages).expect("count");
    let (first, _) = until_imported(&http, &base, &token, &id, total, limit).await;
    stop.store(true, Ordering::Relaxed);
    let _ = probe.join();
    println!(
        "first sync: {} messages at {first:.0} messages/s; server RSS idle {} MiB, peak {} MiB",
        args.messages,
        idle / 1024,
        peak.load(Ordering::Relaxed) / 1024
    );

    for n in args.messages..args.messages + args.incremental {
        imap.deliver(&message(n, &date));
    }
    // Due now rather than at the next five-minute mark.
    http.post(format!("{base}/api/v1/mailbox-connections/{id}/resume"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("resume");
    let total = total + i64::try_from(args.incremental).expect("count");
    let (incremental, _) = until_imported(&http, &base, &token, &id, total, limit).await;
    println!("incremental sync: {} messages at {incremental:.0} messages/s", args.incremental);
}
