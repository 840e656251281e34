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

/// What the load clients saw.
#[derive(Default)]
struct Seen {
    sent: usize,
    unanswered: usize,
    by_status: std::collections::BTreeMap<u16, usize>,
    /// Companies whose creation was answered 201.
    created: Vec<String>,
    /// Updates answered 200, per company.
    updated: std::collections::HashMap<String, usize>,
}

async fn rows(db: &atrium_testkit::TestDb, sql: &str) -> Vec<sea_orm::QueryResult> {
    use sea_orm::ConnectionTrait;
    db.conn
        .query_all_raw(sea_orm::Statement::from_string(sea_orm::DbBackend::Postgres, sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn count(db: &atrium_testkit::TestDb, sql: &str) -> i64 {
    rows(db, sql).await[0].try_get::<i64>("", "n").expect("n")
}

/// `kill -9` of the server (`serve`, no embedded worker) and of the worker
/// (`atrium worker`) while clients write, on PostgreSQL; both restarted as a
/// supervisor would. Every acknowledged write is there, and every committed event
/// has exactly one timeline entry (entries are keyed by event id; none missing,
/// none for an event that does not exist, one `created` entry per company).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_of_server_and_worker_under_load_on_postgres_loses_nothing_and_delivers_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    use atrium_testkit::{Backend, TestDb};
    use tokio::sync::Mutex;

    let Some(db) = TestDb::unmigrated(Backend::Postgres).await else { return };
    // A short lease: deliveries a killed worker had claimed are taken over in 2 s.
    let env = [("EMBEDDED_WORKER", "false"), ("DISPATCH_LEASE_SECS", "2"), ("DISPATCH_POLL_MS", "50")];
    let mut server = ChildServer::start(&["serve", "--migrate"], &db.url, &env).await;
    let mut worker = ChildServer::start(&["worker"], &db.url, &env).await;
    let tokens = atrium_tests::load::signup_users(&server.base, 2).await;

    let seen = Arc::new(Mutex::new(Seen::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = tokio::task::JoinSet::new();
    for c in 0..6 {
        let (base, token, seen, stop) = (server.base.clone(), tokens[c % 2].clone(), seen.clone(), stop.clone());
        clients.spawn(async move {
            let http = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client");
            let mut mine: Vec<String> = Vec::new();
            let mut i = 0usize;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let target = i.is_multiple_of(3).then(|| mine.get(i % mine.len().max(1)).cloned()).flatten();
                let req = match &target {
                    Some(id) => http
                        .patch(format!("{base}/api/v1/client-companies/{id}"))
                        .json(&json!({"name": format!("Co {c}-{i} renamed")})),
                    None => http
                        .post(format!("{base}/api/v1/client-companies"))
                        .json(&json!({"name": format!("Co {c}-{i}")})),
                };
                let answer = req.bearer_auth(&token).send().await;
                let mut seen = seen.lock().await;
                seen.sent += 1;
                let Ok(r) = answer else {
                    // The server is down: not acknowledged; try again shortly.
                    seen.unanswered += 1;
                    drop(seen);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let status = r.status().as_u16();
                *seen.by_status.entry(status).or_default() += 1;
                let body: Value = r.json().await.unwrap_or(Value::Null);
                match (&target, status) {
                    (None, 201) => {
                        let id = body["id"].as_str().expect("id").to_owned();
                        seen.created.push(id.clone());
                        mine.push(id);
                    }
                    (Some(id), 200) => *seen.updated.entry(id.clone()).or_default() += 1,
                    _ => {}
                }
            }
        });
    }

    let started = Instant::now();
    let at = |secs: f64| tokio::time::sleep_until((started + Duration::from_secs_f64(secs)).into());
    at(1.0).await;
    worker.kill9().await;
    at(2.0).await;
    worker.restart().await;
    at(3.0).await;
    server.kill9().await;
    assert!(!server.is_running());
    at(3.5).await;
    let restarting = Instant::now();
    server.restart().await;
    let server_ready_in = restarting.elapsed();
    let server_back = started.elapsed();
    at(server_back.as_secs_f64() + 1.0).await;
    worker.kill9().await;
    at(server_back.as_secs_f64() + 1.5).await;
    worker.restart().await;
    at(server_back.as_secs_f64() + 3.0).await;
    stop.store(true, Ordering::Relaxed);
    while let Some(r) = clients.join_next().await {
        r.expect("client");
    }
    let load_ended = Instant::now();

    // The restarted worker finishes what the killed ones left (leases run out in 2 s).
    let drained = loop {
        let pending = count(&db, "SELECT count(*) AS n FROM outbox_deliveries WHERE status = 'pending'").await;
        let unsequenced = count(&db, "SELECT count(*) AS n FROM outbox_events WHERE position IS NULL").await;
        if pending == 0 && unsequenced == 0 {
            break load_ended.elapsed();
        }
        assert!(load_ended.elapsed() < Duration::from_secs(30), "{pending} deliveries, {unsequenced} events left");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    let seen = seen.lock().await;
    let stored: std::collections::HashSet<String> = rows(&db, "SELECT id::text AS id FROM client_companies")
        .await
        .iter()
        .map(|r| r.try_get("", "id").expect("id"))
        .collect();
    let missing: Vec<&String> = seen.created.iter().filter(|id| !stored.contains(*id)).collect();
    let events = count(&db, "SELECT count(*) AS n FROM outbox_events").await;
    let entries = count(&db, "SELECT count(*) AS n FROM activity_events").await;
    let without_entry = count(
        &db,
        "SELECT count(*) AS n FROM outbox_events e WHERE NOT EXISTS (SELECT 1 FROM activity_events a WHERE a.id = e.id)",
    )
    .await;
    let without_event = count(
        &db,
        "SELECT count(*) AS n FROM activity_events a WHERE NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.id = a.id)",
    )
    .await;
    let dead = count(&db, "SELECT count(*) AS n FROM outbox_deliveries WHERE status = 'dead'").await;
    let per_company: std::collections::HashMap<String, (i64, i64)> = rows(
        &db,
        "SELECT entity_id::text AS id, \
                count(*) FILTER (WHERE event_type = 'crm.company.created') AS created, \
                count(*) FILTER (WHERE event_type = 'crm.company.updated') AS updated \
         FROM activity_events GROUP BY entity_id",
    )
    .await
    .iter()
    .map(|r| {
        (r.try_get("", "id").expect("id"), (r.try_get("", "created").expect("c"), r.try_get("", "updated").expect("u")))
    })
    .collect();
    let not_once: Vec<&String> =
        seen.created.iter().filter(|id| per_company.get(*id).map(|(c, _)| *c) != Some(1)).collect();
    let updates_missing: Vec<&String> = seen
        .updated
        .iter()
        .filter(|(id, n)| per_company.get(*id).map_or(0, |(_, u)| *u) < i64::try_from(**n).unwrap_or(i64::MAX))
        .map(|(id, _)| id)
        .collect();
    eprintln!(
        "kill -9 under load (postgres, debug build, 6 clients; worker killed twice, server once, each restarted): \
         {} requests, {} unanswered while down, by status {:?}; {} creates and {} updates acknowledged, {} missing; \
         {events} events, {entries} timeline entries, {without_entry} events without an entry, {without_event} entries \
         without an event, {dead} dead letters; restarted server ready in {:.2} s; drained {:.1} s after the load",
        seen.sent,
        seen.unanswered,
        seen.by_status,
        seen.created.len(),
        seen.updated.values().sum::<usize>(),
        missing.len(),
        server_ready_in.as_secs_f64(),
        drained.as_secs_f64(),
    );
    assert!(seen.created.len() > 20, "the load made writes");
    assert!(seen.unanswered > 0 || seen.by_status.values().sum::<usize>() > 0);
    assert!(missing.is_empty(), "acknowledged writes lost: {missing:?}");
    let failed: usize = seen.by_status.iter().filter(|(s, _)| **s >= 500).map(|(_, n)| n).sum();
    assert_eq!(failed, 0, "5xx answers: {:?}", seen.by_status);
    assert_eq!(dead, 0, "dead letters");
    assert_eq!(without_entry, 0, "committed events missing from the timeline");
    assert_eq!(without_event, 0, "timeline entries of events that were never committed");
    assert_eq!(entries, events, "one timeline entry per event");
    assert!(not_once.is_empty(), "companies without exactly one `created` entry: {not_once:?}");
    assert!(updates_missing.is_empty(), "acknowledged updates without their entry: {updates_missing:?}");
}
