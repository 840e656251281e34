//! Scheduled jobs against real databases: one run per due time across workers,
//! crash recovery through leases, and the outbox retention job.

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use atrium_kernel::{Clock, FrozenClock, SystemClock};
use atrium_outbox::entity::{event, job};
use atrium_outbox::{Dispatcher, DispatcherConfig, Job, NewEvent, RetentionJob, Scheduler, append};
use atrium_testkit::{TestDb, backend_tests, seed_organization};
use chrono::{Duration as Span, Utc};
use sea_orm::{EntityTrait, PaginatorTrait, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

struct Counting(AtomicUsize);

#[async_trait]
impl Job for Counting {
    fn name(&self) -> &'static str {
        "test.counting"
    }

    fn schedule(&self) -> &'static str {
        "*/5 * * * *"
    }

    async fn run(&self, _now: chrono::DateTime<Utc>) -> Result<String, String> {
        self.0.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(20)).await;
        Ok("counted".into())
    }
}

backend_tests!(
    due_job_runs_once_across_workers,
    crashed_run_is_retaken_after_lease,
    retention_prunes_only_delivered_old_events
);

async fn due_job_runs_once_across_workers(db: &TestDb) {
    let clock = Arc::new(FrozenClock::at(Utc::now()));
    let job = Arc::new(Counting(AtomicUsize::new(0)));
    let make =
        || Scheduler::new(db.conn.clone(), clock.clone(), vec![job.clone() as Arc<dyn Job>], Duration::from_secs(60));
    let (a, b) = (make(), make());
    a.register().await.expect("register");
    b.register().await.expect("register twice is harmless");
    assert!(a.tick().await.expect("tick").is_empty(), "not due yet");

    clock.advance(Span::minutes(6));
    let (ra, rb) = tokio::join!(a.tick(), b.tick());
    let ran = ra.expect("tick a").len() + rb.expect("tick b").len();
    assert_eq!(ran, 1, "exactly one worker runs a due job");
    assert_eq!(job.0.load(Ordering::SeqCst), 1);

    let row = job::Entity::find_by_id("test.counting").one(&db.conn).await.expect("row").expect("exists");
    assert_eq!(row.runs, 1);
    assert_eq!(row.last_report.as_deref(), Some("counted"));
    assert!(row.locked_until.is_none());
    assert!(row.next_run_at > clock.now(), "next run is in the future");
    assert!(a.tick().await.expect("tick").is_empty(), "not due again until the next slot");
}

async fn crashed_run_is_retaken_after_lease(db: &TestDb) {
    let clock = Arc::new(FrozenClock::at(Utc::now()));
    let job = Arc::new(Counting(AtomicUsize::new(0)));
    let s = Scheduler::new(db.conn.clone(), clock.clone(), vec![job.clone() as Arc<dyn Job>], Duration::from_secs(60));
    s.register().await.expect("register");
    clock.advance(Span::minutes(6));
    // A worker took the job and died: its lease is still on the row.
    job::Entity::update_many()
        .col_expr(job::Column::LockedUntil, sea_orm::sea_query::Expr::value(clock.now() + Span::seconds(60)))
        .exec(&db.conn)
        .await
        .expect("lease");
    assert!(s.tick().await.expect("tick").is_empty(), "a live lease blocks others");
    clock.advance(Span::seconds(61));
    assert_eq!(s.tick().await.expect("tick").len(), 1, "an expired lease is taken over");
    assert_eq!(job.0.load(Ordering::SeqCst), 1);
}

async fn retention_prunes_only_delivered_old_events(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    let old = Utc::now() - Span::days(40);
    let txn = db.conn.begin().await.expect("begin");
    for (when, i) in [(old, 0), (old, 1), (Utc::now(), 2)] {
        let ev = NewEvent::new("test.thing.changed", "thing", Uuid::now_v7(), json!({"i": i}));
        append(&txn, org.into(), "system:test", when, ev).await.expect("append");
    }
    txn.commit().await.expect("commit");
    // No subscriber wants test events, so sequencing alone finishes them.
    let d = Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), vec![], DispatcherConfig::default());
    d.drain().await.expect("drain");
    let retention = RetentionJob::new(db.conn.clone(), Span::days(30));
    let report = retention.run(SystemClock.now()).await.expect("run");
    assert!(report.starts_with("pruned 2 events"), "{report}");
    assert_eq!(event::Entity::find().count(&db.conn).await.expect("count"), 1, "the recent event stays");
}
