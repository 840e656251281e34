//! A mixed load over HTTP: keep-alive clients sending authenticated reads and
//! writes across a few resources, counting every answer by status. The
//! reliability suite asserts on its counts; `bench`'s `http-bench` prints its rate.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::Mutex;

/// What the clients send.
#[derive(Debug, Clone)]
pub struct Mix {
    /// Concurrent clients, each with its own keep-alive connection.
    pub clients: usize,
    /// Requests in all, shared out among the clients.
    pub requests: usize,
    /// Per-request client timeout (a request that takes longer counts as an error).
    pub timeout: Duration,
}

/// One answer that was not a success.
#[derive(Debug, Clone)]
pub struct Failure {
    pub op: &'static str,
    /// HTTP status, or 0 when the request got no answer (connection error, timeout).
    pub status: u16,
    pub body: String,
}

/// Counts of a finished run.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub requests: usize,
    pub reads: usize,
    pub writes: usize,
    /// Answers by status (0: no answer).
    pub by_status: BTreeMap<u16, usize>,
    /// The first few failures, for the message of a failing assertion.
    pub failures: Vec<Failure>,
    pub failed: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl Report {
    pub fn throughput(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// One line with every figure, for `eprintln!` and the bench output.
    pub fn summary(&self) -> String {
        format!(
            "{} requests ({} reads, {} writes) in {:.2} s = {:.0} req/s; errors {}; by status {:?}; \
             latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            self.requests,
            self.reads,
            self.writes,
            self.elapsed.as_secs_f64(),
            self.throughput(),
            self.failed,
            self.by_status,
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            self.max.as_secs_f64() * 1e3,
        )
    }
}

/// Signs up `n` users (each with its own organization) on `base`; returns their tokens.
pub async fn signup_users(base: &str, n: usize) -> Vec<String> {
    let http = reqwest::Client::new();
    let mut tokens = Vec::new();
    for i in 0..n {
        let email = format!("load{i}-{}@example.com", uuid::Uuid::now_v7().simple());
        let body = json!({"email": email, "password": "correct horse battery", "name": format!("Load {i}")});
        let r = http.post(format!("{base}/api/v1/auth/signup")).json(&body).send().await.expect("signup");
        assert_eq!(r.status(), 201, "signup");
        let v: Value = r.json().await.expect("signup json");
        tokens.push(v["token"].as_str().expect("token").to_owned());
    }
    tokens
}

struct Shared {
    next: AtomicUsize,
    report: Mutex<(Report, Vec<Duration>)>,
}

/// Runs the mix against `base`; client `c` uses `tokens[c % tokens.len()]`.
///
/// Request `i` is, by `i % 10`: create a company (0, 5), create a contact (1),
/// rename a company (2), list companies (3), read a company (4, 6), list contacts (7),
/// `GET /me` (8), read the timeline (9) — four writes in ten.
pub async fn run(base: &str, tokens: &[String], mix: &Mix) -> Report {
    let shared = Arc::new(Shared { next: AtomicUsize::new(0), report: Mutex::new((Report::default(), Vec::new())) });
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..mix.clients {
        let (shared, base, token, mix) =
            (shared.clone(), base.to_owned(), tokens[c % tokens.len()].clone(), mix.clone());
        tasks.spawn(async move { client(c, &base, &token, &mix, &shared).await });
    }
    while let Some(r) = tasks.join_next().await {
        r.expect("load client panicked");
    }
    let elapsed = started.elapsed();
    let (mut report, mut latencies) = std::mem::take(&mut *shared.report.lock().await);
    latencies.sort();
    let at = |q: f64| latencies.get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)));
    report.elapsed = elapsed;
    report.p50 = at(0.50).copied().unwrap_or_default();
    report.p99 = at(0.99).copied().unwrap_or_default();
    report.max = latencies.last().copied().unwrap_or_default();
    report
}

async fn client(c: usize, base: &str, token: &str, mix: &Mix, shared: &Shared) {
    let http = reqwest::Client::builder().timeout(mix.timeout).pool_max_idle_per_host(1).build().expect("client");
    let mut companies: Vec<String> = Vec::new();
    loop {
        let i = shared.next.fetch_add(1, Ordering::Relaxed);
        if i >= mix.requests {
            return;
        }
        let pick = companies.get(i / 10 % companies.len().max(1)).cloned();
        let (op, write, req) = match (i % 10, pick) {
            (0 | 5, _) | (2 | 4 | 6, None) => (
                "create company",
                true,
                http.post(format!("{base}/api/v1/client-companies")).json(&json!({"name": format!("Co {c}-{i}")})),
            ),
            (1, _) => (
                "create contact",
                true,
                http.post(format!("{base}/api/v1/contacts"))
                    .json(&json!({"first_name": format!("P{i}"), "email": format!("p{c}-{i}@example.com")})),
            ),
            (2, Some(id)) => (
                "rename company",
                true,
                http.patch(format!("{base}/api/v1/client-companies/{id}"))
                    .json(&json!({"name": format!("Co {c}-{i} renamed")})),
            ),
            (3, _) => ("list companies", false, http.get(format!("{base}/api/v1/client-companies?limit=20"))),
            (4 | 6, Some(id)) => ("read company", false, http.get(format!("{base}/api/v1/client-companies/{id}"))),
            (7, _) => ("list contacts", false, http.get(format!("{base}/api/v1/contacts?limit=20"))),
            (8, _) => ("me", false, http.get(format!("{base}/api/v1/me"))),
            _ => ("timeline", false, http.get(format!("{base}/api/v1/timeline?limit=20"))),
        };
        let sent = Instant::now();
        let outcome = req.bearer_auth(token).send().await;
        let (status, body) = match outcome {
            Ok(r) => {
                let status = r.status().as_u16();
                let body = r.text().await.unwrap_or_default();
                (status, body)
            }
            Err(e) => (0, e.to_string()),
        };
        let took = sent.elapsed();
        if status == 201
            && op == "create company"
            && let Ok(v) = serde_json::from_str::<Value>(&body)
            && let Some(id) = v["id"].as_str()
        {
            companies.push(id.to_owned());
        }
        let mut guard = shared.report.lock().await;
        let (report, latencies) = &mut *guard;
        report.requests += 1;
        if write {
            report.writes += 1;
        } else {
            report.reads += 1;
        }
        *report.by_status.entry(status).or_default() += 1;
        latencies.push(took);
        if !(200..300).contains(&status) {
            report.failed += 1;
            if report.failures.len() < 10 {
                report.failures.push(Failure { op, status, body: body.chars().take(300).collect() });
            }
        }
    }
}
