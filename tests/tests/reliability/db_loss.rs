//! Database loss under load: the test database's backends are terminated over and
//! over (`pg_terminate_backend`) while clients keep sending requests. Connection
//! errors must be answered 503 problem+json with `Retry-After` (never 500),
//! `/health/ready` must say so while it lasts, and service must come back quickly
//! once the killing stops.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use atrium_testkit::{DEFAULT_PG_URL, TestDb};
use atrium_tests::child::ChildServer;
use atrium_tests::load;
use sea_orm::{ConnectionTrait, Database};
use serde_json::json;
use tokio::sync::Mutex;

/// One answer: when (since the start), which operation, its status and whether a
/// 503 carried what a client needs to back off.
#[derive(Debug, Clone)]
struct Answer {
    at: Duration,
    #[allow(dead_code)] // shown in assertion messages
    op: &'static str,
    status: u16,
    retry_after: bool,
    problem: bool,
}

const HEALTHY: Duration = Duration::from_secs(1);
const OUTAGE: Duration = Duration::from_secs(4);
const AFTER: Duration = Duration::from_secs(3);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_database_connections_are_503_with_retry_after_and_readiness_notices() {
    let Some(db) = TestDb::postgres().await else { return };
    let name = db.url.rsplit('/').next().and_then(|s| s.split('?').next()).expect("database name").to_owned();
    let server = ChildServer::start(&["serve"], &db.url, &[("DATABASE_MAX_CONNECTIONS", "10")]).await;
    let tokens = load::signup_users(&server.base, 2).await;

    let answers = Arc::new(Mutex::new(Vec::<Answer>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..8 {
        let (base, token, answers, stop) =
            (server.base.clone(), tokens[c % tokens.len()].clone(), answers.clone(), stop.clone());
        tasks.spawn(async move {
            let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");
            let mut i = 0usize;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let (op, req) = match i % 4 {
                    0 => (
                        "create company",
                        http.post(format!("{base}/api/v1/client-companies"))
                            .json(&json!({"name": format!("Co {c}-{i}")})),
                    ),
                    1 => ("list companies", http.get(format!("{base}/api/v1/client-companies?limit=10"))),
                    2 => ("me", http.get(format!("{base}/api/v1/me"))),
                    _ => ("list contacts", http.get(format!("{base}/api/v1/contacts?limit=10"))),
                };
                let answer = match req.bearer_auth(&token).send().await {
                    Ok(r) => Answer {
                        at: started.elapsed(),
                        op,
                        status: r.status().as_u16(),
                        retry_after: r.headers().contains_key("retry-after"),
                        problem: r
                            .headers()
                            .get("content-type")
                            .and_then(|v| v.to_str().ok())
                            .is_some_and(|v| v.starts_with("application/problem+json")),
                    },
                    Err(_) => Answer { at: started.elapsed(), op, status: 0, retry_after: false, problem: false },
                };
                answers.lock().await.push(answer);
            }
        });
    }
    // Readiness, sampled every 50 ms.
    let readiness = Arc::new(Mutex::new(Vec::<(Duration, u16)>::new()));
    {
        let (base, readiness, stop) = (server.base.clone(), readiness.clone(), stop.clone());
        tasks.spawn(async move {
            let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("client");
            while !stop.load(Ordering::Relaxed) {
                let status = match http.get(format!("{base}/health/ready")).send().await {
                    Ok(r) => r.status().as_u16(),
                    Err(_) => 0,
                };
                readiness.lock().await.push((started.elapsed(), status));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
    }

    // The outage: every backend of the test database terminated, every 100 ms.
    tokio::time::sleep(HEALTHY).await;
    let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned());
    let admin = Database::connect(&admin_url).await.expect("admin connection");
    let kill = format!(
        "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity \
         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    );
    let outage_from = started.elapsed();
    let mut killed = 0i64;
    while started.elapsed() < outage_from + OUTAGE {
        let row = admin.query_one_raw(sea_orm::Statement::from_string(admin.get_database_backend(), kill.clone()));
        if let Ok(Some(row)) = row.await {
            killed += row.try_get::<i64>("", "n").unwrap_or(0);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let outage_to = started.elapsed();
    tokio::time::sleep(AFTER).await;
    stop.store(true, Ordering::Relaxed);
    while let Some(r) = tasks.join_next().await {
        r.expect("load task");
    }
    let _ = admin.close().await;

    let answers = answers.lock().await.clone();
    let readiness = readiness.lock().await.clone();
    let mut by_status = std::collections::BTreeMap::<u16, usize>::new();
    for a in &answers {
        *by_status.entry(a.status).or_default() += 1;
    }
    let during = |t: Duration| t >= outage_from && t < outage_to;
    let unready_during = readiness.iter().filter(|(t, s)| during(*t) && *s == 503).count();
    let samples_during = readiness.iter().filter(|(t, _)| during(*t)).count();
    // Recovery: from the end of the killing to the last failed request or
    // not-ready sample.
    let last_failure = answers
        .iter()
        .filter(|a| !(200..300).contains(&a.status))
        .map(|a| a.at)
        .chain(readiness.iter().filter(|(_, s)| *s != 200).map(|(t, _)| *t))
        .max()
        .unwrap_or_default();
    let recovery = last_failure.saturating_sub(outage_to);
    let errors = answers.iter().filter(|a| !(200..300).contains(&a.status)).count();
    eprintln!(
        "database loss (postgres, debug build, 8 clients, backends terminated every 100 ms for {:?}, {killed} killed): \
         {} requests, {errors} errors, by status {by_status:?}; readiness 503 in {unready_during} of {samples_during} \
         samples during the outage; recovery {:.0} ms after the killing stopped",
        outage_to - outage_from,
        answers.len(),
        recovery.as_secs_f64() * 1e3,
    );

    let wrong: Vec<&Answer> = answers.iter().filter(|a| a.status >= 500 && a.status != 503).collect();
    assert!(wrong.is_empty(), "5xx other than 503: {:?}", &wrong[..wrong.len().min(10)]);
    let bare: Vec<&Answer> = answers.iter().filter(|a| a.status == 503 && !(a.retry_after && a.problem)).collect();
    assert!(bare.is_empty(), "503 without Retry-After or problem+json: {:?}", &bare[..bare.len().min(10)]);
    let unanswered = answers.iter().filter(|a| a.status == 0).count();
    assert_eq!(unanswered, 0, "requests without an HTTP answer");
    assert!(killed > 0, "no backend was terminated");
    assert!(unready_during > 0, "/health/ready never reported the outage ({samples_during} samples)");
    assert!(
        answers.iter().any(|a| a.at > outage_to + Duration::from_secs(1) && (200..300).contains(&a.status)),
        "requests succeed again after the outage"
    );
    assert!(recovery < Duration::from_secs(2), "recovery took {recovery:?}");
}
