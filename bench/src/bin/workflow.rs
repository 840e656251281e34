//! Workflow (issue 18): with 100 enabled rules on one trigger (99 whose conditions
//! do not hold, one that creates an engagement from the deal), deals are moved
//! to `won` at a steady rate through the API of an in-process `atrium` on a fresh
//! PostgreSQL database. Reported: the latency from the event's commit to the end
//! of the matching rule's action (`workflow_runs.updated_at − outbox_events.occurred_at`,
//! both from the server's clock), p50/p99; and rules evaluated per second (runs
//! recorded, matching or not, over the time from the first event to the last run).
//!
//! ```sh
//! make bench-workflow
//! # or: cargo build --release --workspace --bin workflow-bench
//! #     TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres $CARGO_TARGET_DIR/release/workflow-bench
//! ```

use std::time::{Duration, Instant};

use atrium_tests::{Backend, TestApp};
use clap::Parser;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

#[derive(Parser)]
struct Args {
    /// Enabled rules on `crm.deal.stage_changed` (one of them matches).
    #[arg(long, default_value_t = 100)]
    rules: usize,
    /// Deals moved to `won`.
    #[arg(long, default_value_t = 200)]
    deals: usize,
    /// Moves per second.
    #[arg(long, default_value_t = 20)]
    rate: u64,
}

/// p-th percentile (nearest rank) of sorted `v`.
fn pct(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let app = TestApp::spawn(Backend::Postgres).await.expect("PostgreSQL at TEST_DATABASE_URL");
    let ada = app.signup("bench@example.com").await;
    for i in 0..args.rules.saturating_sub(1) {
        let rule = json!({"name": format!("Never {i}"), "trigger": "crm.deal.stage_changed",
            "conditions": {"all": [{"field": "data.to", "op": "eq", "value": "won"},
                {"field": "data.name", "op": "eq", "value": format!("never-{i}")}]},
            "actions": [{"kind": "create_engagement", "name": "{{ data.name }}"}]});
        app.post("/api/v1/workflow-rules", &ada.token, rule).await.expect(201);
    }
    let matching = json!({"name": "Engagement from won deal", "trigger": "crm.deal.stage_changed",
        "conditions": {"field": "data.to", "op": "eq", "value": "won"},
        "actions": [{"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}"}]});
    app.post("/api/v1/workflow-rules", &ada.token, matching).await.expect(201);
    let mut deals = Vec::new();
    for i in 0..args.deals {
        let deal = app.post("/api/v1/deals", &ada.token, json!({"name": format!("Deal {i}")})).await.expect(201);
        deals.push(deal.body["id"].as_str().expect("id").to_owned());
    }
    let db = &app.db.conn;
    let count = |sql: &'static str| async move {
        let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("query");
        row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0)
    };
    // Let the setup's events pass the dispatcher first.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let before = count("SELECT COUNT(*) AS n FROM workflow_runs").await;
    let started = Instant::now();
    let gap = Duration::from_micros(1_000_000 / args.rate.max(1));
    for id in &deals {
        let next = Instant::now() + gap;
        app.patch(&format!("/api/v1/deals/{id}"), &ada.token, json!({"stage": "won"})).await.expect(200);
        tokio::time::sleep_until(next.into()).await;
    }
    let want = before + (args.deals * args.rules) as i64;
    let deadline = Instant::now() + Duration::from_secs(600);
    while count("SELECT COUNT(*) AS n FROM workflow_runs WHERE outcome <> 'running'").await < want {
        assert!(Instant::now() < deadline, "runs did not finish");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let wall = started.elapsed().as_secs_f64();
    let sql = "SELECT r.updated_at AS done, e.occurred_at AS at FROM workflow_runs r \
               JOIN outbox_events e ON e.id = r.event_id WHERE r.outcome = 'succeeded'";
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await.expect("latencies");
    let mut ms: Vec<f64> = rows
        .iter()
        .filter_map(|r| {
            let done: chrono::DateTime<chrono::Utc> = r.try_get("", "done").ok()?;
            let at: chrono::DateTime<chrono::Utc> = r.try_get("", "at").ok()?;
            Some((done - at).num_microseconds()? as f64 / 1000.0)
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let evaluated = (args.deals * args.rules) as f64;
    println!("rules: {} enabled, deals moved to won: {} at {}/s", args.rules, args.deals, args.rate);
    println!("commit -> action (ms): p50 {:.1}  p99 {:.1}  ({} actions)", pct(&ms, 50.0), pct(&ms, 99.0), ms.len());
    println!("rules evaluated: {evaluated} in {wall:.2} s = {:.0}/s (each recorded as a run)", evaluated / wall);
}
