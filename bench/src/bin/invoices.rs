//! Invoices at scale (issue 14): 1,000,000 invoices of two lines among ten
//! organizations, 100,000 in one, seeded by SQL (`bench/invoices/seed.sql`,
//! generate_series) into a fresh PostgreSQL database; then, through the release
//! `atrium serve`, the list `GET /api/v1/invoices?status=issued&limit=50` under wrk
//! at `--conns` connections, with the query cache on (the shipped default) and off,
//! and the AR aging report, one request at a time (its latency) and under wrk.
//! Read rate limits are off: one principal sends every request, and its read
//! budget would answer most of them 429 (as bench-http does).
//!
//! ```sh
//! make bench-invoices
//! # or: cargo build --release --workspace --bin atrium --bin invoices-bench
//! #     $CARGO_TARGET_DIR/release/invoices-bench --duration 15 --conns 32
//! ```

use std::process::Command;
use std::time::{Duration, Instant};

use atrium_tests::child::ChildServer;
use clap::Parser;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

#[derive(Parser)]
struct Args {
    /// PostgreSQL server (the database is dropped and created on it).
    #[arg(long, env = "PG_URL", default_value = "postgres://postgres@127.0.0.1:5432")]
    pg_url: String,
    #[arg(long, default_value = "atrium_bench_invoices")]
    db: String,
    /// Invoices in all; a tenth go to the benchmark organization.
    #[arg(long, default_value_t = 1_000_000)]
    total: u64,
    /// Seconds per wrk run.
    #[arg(long, default_value_t = 15)]
    duration: u64,
    #[arg(long, default_value_t = 32)]
    conns: u32,
    /// Sequential AR aging requests timed one by one (after one warm-up).
    #[arg(long, default_value_t = 30)]
    aging_requests: usize,
    /// Keep the seeded database and skip seeding when it exists (iterating on the server only).
    #[arg(long)]
    reuse: bool,
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// p-th percentile (nearest rank) of sorted `v`.
fn pct(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

struct Wrk {
    rps: String,
    p50: String,
    p99: String,
    requests: String,
    non_2xx: String,
}

fn wrk(url: &str, token: &str, conns: u32, duration: u64) -> Wrk {
    let threads = conns.clamp(1, 2).to_string();
    let out = Command::new("wrk")
        .args(["-t", &threads, "-c", &conns.to_string(), "-d", &format!("{duration}s"), "--latency"])
        .args(["-H", &format!("Authorization: Bearer {token}"), url])
        .output()
        .expect("run wrk (apt-get install -y wrk)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let find = |f: &dyn Fn(&str) -> Option<String>| text.lines().find_map(f).unwrap_or_else(|| "-".into());
    let word = |line: &str, n: usize| line.split_whitespace().nth(n).map(str::to_owned);
    Wrk {
        rps: find(&|l| l.trim_start().starts_with("Requests/sec").then(|| word(l, 1)).flatten()),
        p50: find(&|l| (l.split_whitespace().next() == Some("50%")).then(|| word(l, 1)).flatten()),
        p99: find(&|l| (l.split_whitespace().next() == Some("99%")).then(|| word(l, 1)).flatten()),
        requests: find(&|l| l.contains("requests in").then(|| word(l, 0)).flatten()),
        non_2xx: find(&|l| l.contains("Non-2xx").then(|| l.split_whitespace().last().map(str::to_owned)).flatten())
            .replace('-', "0"),
    }
}

fn row(name: &str, conns: u32, w: &Wrk) {
    println!("| {name} | {conns} | {} | {} | {} | {} | {} |", w.requests, w.rps, w.p50, w.p99, w.non_2xx);
}

async fn start(db_url: &str, cache: bool) -> ChildServer {
    let env = [
        ("RATE_LIMIT_READ", "off"),
        ("RATE_LIMIT_WRITE", "off"),
        ("QUERY_CACHE", if cache { "true" } else { "false" }),
    ];
    ChildServer::start(&["serve"], db_url, &env).await
}

async fn login(http: &reqwest::Client, base: &str, signup: bool) -> (String, String) {
    let creds = json!({"email": "invoice-bench@example.com", "password": "correct horse battery", "name": "Bench"});
    let path = if signup { "signup" } else { "login" };
    let v: Value = http
        .post(format!("{base}/api/v1/auth/{path}"))
        .json(&creds)
        .send()
        .await
        .expect(path)
        .json()
        .await
        .expect("auth json");
    let token = v["token"].as_str().unwrap_or_else(|| panic!("no token: {v}")).to_owned();
    let me: Value =
        http.get(format!("{base}/api/v1/me")).bearer_auth(&token).send().await.expect("me").json().await.expect("me");
    let org = me["organization"]["id"].as_str().unwrap_or_else(|| panic!("no organization: {me}")).to_owned();
    (token, org)
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    println!(
        "== {} load {} ({} cores)",
        chrono::Utc::now().to_rfc3339(),
        loadavg(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let server_db = Database::connect(format!("{}/postgres", args.pg_url)).await.expect("connect to PostgreSQL");
    let exists = server_db
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT 1 AS one FROM pg_database WHERE datname = '{}'", args.db),
        ))
        .await
        .expect("pg_database")
        .is_some();
    let seed = !(args.reuse && exists);
    if seed {
        server_db
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", args.db))
            .await
            .expect("drop database");
        server_db.execute_unprepared(&format!("CREATE DATABASE {}", args.db)).await.expect("create database");
    }
    let db_url = format!("{}/{}", args.pg_url, args.db);
    let migrate = Command::new(atrium_tests::child::atrium_binary())
        .args(["migrate", "up"])
        .env("DATABASE_URL", &db_url)
        .env("ATRIUM_SECRET", atrium_tests::child::CHILD_SECRET)
        .output()
        .expect("atrium migrate up");
    assert!(migrate.status.success(), "migrate: {}", String::from_utf8_lossy(&migrate.stderr));

    let http = reqwest::Client::new();
    let mut server = start(&db_url, true).await;
    let (token, org) = login(&http, &server.base, seed).await;
    let db = Database::connect(&db_url).await.expect("connect to the bench database");
    if seed {
        let sql =
            include_str!("../../invoices/seed.sql").replace("{org}", &org).replace("{total}", &args.total.to_string());
        let t = Instant::now();
        db.execute_unprepared(&sql).await.expect("seed");
        for table in ["invoices", "invoice_lines", "engagements", "client_companies", "organizations"] {
            db.execute_unprepared(&format!("VACUUM ANALYZE {table}")).await.expect("vacuum");
        }
        println!("== seeded {} invoices in {:.1} s", args.total, t.elapsed().as_secs_f64());
    }
    let counts = db
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT count(*) AS all, count(*) FILTER (WHERE organization_id = '{org}') AS mine, \
                 count(*) FILTER (WHERE organization_id = '{org}' AND status IN ('issued', 'partially_paid')) AS open \
                 FROM invoices"
            ),
        ))
        .await
        .expect("count")
        .expect("a row");
    let (all, mine, open): (i64, i64, i64) = (
        counts.try_get("", "all").unwrap_or(0),
        counts.try_get("", "mine").unwrap_or(0),
        counts.try_get("", "open").unwrap_or(0),
    );
    println!("== invoices: {all} in all, {mine} in the benchmark organization {org} ({open} open)");

    let list_of = |base: &str| format!("{base}/api/v1/invoices?status=issued&limit=50");
    let aging_of = |base: &str| format!("{base}/api/v1/reports/ar-aging?as_of=2026-12-07");
    let list = list_of(&server.base);
    let first: Value = http.get(&list).bearer_auth(&token).send().await.expect("list").json().await.expect("list json");
    assert_eq!(first["items"].as_array().map(Vec::len), Some(50), "a full first page: {first}");
    println!();
    println!("| run | conns | requests | requests/s | p50 | p99 | non-2xx |");
    println!("|---|---|---|---|---|---|---|");
    row("list issued, query cache on", args.conns, &wrk(&list, &token, args.conns, args.duration));
    server.terminate(Duration::from_secs(10)).await;
    server = start(&db_url, false).await;
    let (list, aging) = (list_of(&server.base), aging_of(&server.base));
    row("list issued, query cache off", args.conns, &wrk(&list, &token, args.conns, args.duration));
    row("AR aging, query cache off", 1, &wrk(&aging, &token, 1, args.duration));

    // One request at a time: the report's own latency, client-side.
    let mut times = Vec::with_capacity(args.aging_requests);
    let mut report = Value::Null;
    for i in 0..=args.aging_requests {
        let t = Instant::now();
        let r = http.get(&aging).bearer_auth(&token).send().await.expect("aging");
        assert!(r.status().is_success(), "aging answered {}", r.status());
        report = r.json().await.expect("aging json");
        if i > 0 {
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    println!();
    println!(
        "AR aging, {} sequential requests: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {} clients on the first page, total {}",
        times.len(),
        pct(&times, 50.0),
        pct(&times, 99.0),
        times.last().copied().unwrap_or(f64::NAN),
        report["items"].as_array().map_or(0, Vec::len),
        report["totals"]["total"]
    );
    println!("== done {} load {}", chrono::Utc::now().to_rfc3339(), loadavg());
    server.terminate(Duration::from_secs(10)).await;
}
