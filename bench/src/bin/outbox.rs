//! Outbox benchmark on PostgreSQL (a fresh database per run, dropped afterwards).
//!
//! 1. Throughput: commit `--events` events (in transactions of 100, five events per
//!    aggregate), then time `--workers` dispatchers delivering all of them to the
//!    real timeline subscriber until nothing is pending.
//! 2. Latency: with one dispatcher running (LISTEN, woken by the notifier's
//!    NOTIFY after commits), commit `--light-events` single-event transactions at
//!    `--rate` per second and measure commit → timeline row written.
//!
//! `cargo run --release -p atrium-bench --bin outbox-bench -- --events 20000`

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use atrium_kernel::{Clock, SystemClock};
use atrium_outbox::{DeliveryError, Dispatcher, DispatcherConfig, Event, NewEvent, Subscriber, append};
use atrium_testkit::{TestDb, seed_organization};
use atrium_timeline::TimelineSubscriber;
use clap::Parser;
use sea_orm::{EntityTrait, PaginatorTrait, TransactionTrait};
use tokio::sync::watch;
use uuid::Uuid;

#[derive(Parser)]
struct Args {
    /// Events for the throughput run.
    #[arg(long, default_value_t = 20_000)]
    events: usize,
    /// Dispatchers running at once in the throughput run.
    #[arg(long, default_value_t = 2)]
    workers: usize,
    /// Events for the latency run.
    #[arg(long, default_value_t = 1_000)]
    light_events: usize,
    /// Commits per second in the latency run.
    #[arg(long, default_value_t = 100)]
    rate: u64,
}

/// The timeline subscriber, timing when each event's row was written.
struct Timed {
    inner: TimelineSubscriber,
    written: Mutex<HashMap<Uuid, Instant>>,
}

#[async_trait]
impl Subscriber for Timed {
    fn name(&self) -> &'static str {
        "timeline"
    }
    fn accepts(&self, t: &str) -> bool {
        self.inner.accepts(t)
    }
    async fn deliver(&self, target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.inner.deliver(target, event).await?;
        self.written.lock().map_err(DeliveryError::new)?.insert(event.id.into_uuid(), Instant::now());
        Ok(())
    }
}

fn config() -> DispatcherConfig {
    DispatcherConfig::default()
}

async fn commit_events(db: &TestDb, org: Uuid, n: usize) {
    let mut aggregate = Uuid::now_v7();
    for chunk_start in (0..n).step_by(100) {
        let txn = db.conn.begin().await.expect("begin");
        for i in chunk_start..(chunk_start + 100).min(n) {
            if i % 5 == 0 {
                aggregate = Uuid::now_v7();
            }
            let ev = NewEvent::new("bench.thing.changed", "thing", aggregate, serde_json::json!({"i": i}));
            append(&txn, org.into(), "system:bench", SystemClock.now(), ev).await.expect("append");
        }
        txn.commit().await.expect("commit");
    }
}

async fn throughput(args: &Args) {
    let db = TestDb::postgres().await.expect("PostgreSQL is required for the benchmark");
    let org = seed_organization(&db.conn).await;
    commit_events(&db, org, args.events).await;
    let started = Instant::now();
    let (stop, stopped) = watch::channel(false);
    let mut workers = Vec::new();
    for _ in 0..args.workers {
        let subs: Vec<Arc<dyn Subscriber>> = vec![Arc::new(TimelineSubscriber::new(db.conn.clone()))];
        let d = Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), subs, config());
        workers.push(tokio::spawn(d.run(stopped.clone())));
    }
    loop {
        let rows = atrium_timeline::entity::activity::Entity::find().count(&db.conn).await.expect("count");
        if rows as usize >= args.events {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let elapsed = started.elapsed();
    let _ = stop.send(true);
    for w in workers {
        w.await.expect("worker");
    }
    let rows = atrium_timeline::entity::activity::Entity::find().count(&db.conn).await.expect("count");
    assert_eq!(rows as usize, args.events, "every event reached the timeline exactly once");
    println!(
        "throughput: {} events, {} workers: {:.2} s, {:.0} events/s (sequenced, delivered, timeline row written)",
        args.events,
        args.workers,
        elapsed.as_secs_f64(),
        args.events as f64 / elapsed.as_secs_f64()
    );
}

/// Sequencing and delivery timed apart, with one dispatcher.
async fn phases(args: &Args) {
    let db = TestDb::postgres().await.expect("PostgreSQL is required for the benchmark");
    let org = seed_organization(&db.conn).await;
    commit_events(&db, org, args.events).await;
    let subs: Vec<Arc<dyn Subscriber>> = vec![Arc::new(TimelineSubscriber::new(db.conn.clone()))];
    let d = Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), subs, config());
    let started = Instant::now();
    while d.sequence().await.expect("sequence") > 0 {}
    let sequencing = started.elapsed();
    let started = Instant::now();
    let mut rounds = 0;
    while !d.deliver_batch().await.expect("deliver").is_idle() {
        rounds += 1;
    }
    let delivery = started.elapsed();
    let rate = |t: Duration| args.events as f64 / t.as_secs_f64();
    println!(
        "phases (1 worker): sequencing {:.0} events/s; delivery {:.0} events/s in {rounds} rounds",
        rate(sequencing),
        rate(delivery)
    );
}

async fn latency(args: &Args) {
    let db = TestDb::postgres().await.expect("PostgreSQL is required for the benchmark");
    let org = seed_organization(&db.conn).await;
    let timed = Arc::new(Timed { inner: TimelineSubscriber::new(db.conn.clone()), written: Mutex::default() });
    let subs: Vec<Arc<dyn Subscriber>> = vec![timed.clone()];
    let d = Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), subs, config());
    let (stop, stopped) = watch::channel(false);
    // Writers wake the dispatcher as `atrium serve` does: a NOTIFY after commits,
    // from the process's notifier (the dispatcher hears it through LISTEN).
    let notifier = tokio::spawn(atrium_outbox::notify_after_commits(db.conn.clone(), stopped.clone()));
    let worker = tokio::spawn(d.run(stopped));
    tokio::time::sleep(Duration::from_millis(300)).await;

    let mut committed = HashMap::new();
    let gap = Duration::from_micros(1_000_000 / args.rate.max(1));
    // Warm-up: the pool opens its connections and PostgreSQL loads its caches.
    const WARM_UP: usize = 50;
    for i in 0..args.light_events + WARM_UP {
        let txn = atrium_kernel::db::begin_write(&db.conn).await.expect("begin");
        let ev = NewEvent::new("bench.thing.changed", "thing", Uuid::now_v7(), serde_json::json!({"i": i}));
        let id = append(&txn, org.into(), "system:bench", SystemClock.now(), ev).await.expect("append");
        txn.commit().await.expect("commit");
        if i >= WARM_UP {
            committed.insert(id.into_uuid(), Instant::now());
        }
        tokio::time::sleep(gap).await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while timed.written.lock().expect("lock").len() < args.light_events + WARM_UP && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(true);
    let _ = worker.await;
    let _ = notifier.await;
    let written = timed.written.lock().expect("lock").clone();
    let mut ms: Vec<f64> = committed
        .iter()
        .filter_map(|(id, at)| written.get(id).map(|w| w.saturating_duration_since(*at).as_secs_f64() * 1000.0))
        .collect();
    assert_eq!(ms.len(), args.light_events, "every event reached the timeline");
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).saturating_sub(1).min(ms.len() - 1)];
    println!(
        "latency: {} events at {}/s, commit -> timeline row: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        args.light_events,
        args.rate,
        pct(0.50),
        pct(0.99),
        ms[ms.len() - 1]
    );
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    phases(&args).await;
    throughput(&args).await;
    latency(&args).await;
}
