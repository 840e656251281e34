//! The outbox against real databases: atomicity with the writer, delivery
//! guarantees, retries, dead letters and crash recovery.

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use atrium_kernel::{Clock, FrozenClock, OrganizationId, SystemClock};
use atrium_outbox::entity::{delivery, event};
use atrium_outbox::{DeliveryError, Dispatcher, DispatcherConfig, Event, NewEvent, Subscriber, append};
use atrium_testkit::{TestDb, backend_tests, seed_organization};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// Records every delivery; fails the first `fail_first` attempts of each event.
struct Recorder {
    name: &'static str,
    fail_first: u32,
    seen: Mutex<Vec<(Uuid, Uuid)>>,
    tries: Mutex<HashMap<Uuid, u32>>,
}

impl Recorder {
    fn new(name: &'static str, fail_first: u32) -> Arc<Self> {
        Arc::new(Self { name, fail_first, seen: Mutex::default(), tries: Mutex::default() })
    }

    fn delivered(&self) -> Vec<(Uuid, Uuid)> {
        self.seen.lock().expect("lock").clone()
    }
}

#[async_trait]
impl Subscriber for Recorder {
    fn name(&self) -> &'static str {
        self.name
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type.starts_with("test.")
    }

    async fn deliver(&self, _target: &str, ev: &Event) -> Result<(), DeliveryError> {
        let attempt = {
            let mut tries = self.tries.lock().expect("lock");
            let n = tries.entry(ev.id.into_uuid()).or_default();
            *n += 1;
            *n
        };
        if attempt <= self.fail_first {
            return Err(DeliveryError::new(format!("refused attempt {attempt}")));
        }
        self.seen.lock().expect("lock").push((ev.aggregate_id, ev.id.into_uuid()));
        Ok(())
    }
}

fn quick() -> DispatcherConfig {
    DispatcherConfig {
        base_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
        max_attempts: 3,
        ..DispatcherConfig::default()
    }
}

fn dispatcher(db: &TestDb, subs: Vec<Arc<dyn Subscriber>>, config: DispatcherConfig) -> Dispatcher {
    Dispatcher::new(db.conn.clone(), Arc::new(SystemClock), subs, config)
}

async fn emit(db: &TestDb, org: Uuid, aggregate: Uuid, n: usize) {
    let txn = db.conn.begin().await.expect("begin");
    for i in 0..n {
        let ev = NewEvent::new("test.thing.changed", "thing", aggregate, json!({"i": i}));
        append(&txn, OrganizationId::from(org), "system:test", SystemClock.now(), ev).await.expect("append");
    }
    txn.commit().await.expect("commit");
}

/// Waits out the tiny test backoff, then drains.
async fn settle(d: &Dispatcher) {
    for _ in 0..20 {
        d.drain().await.expect("drain");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

backend_tests!(
    event_exists_iff_write_commits,
    every_event_delivered_once_in_order,
    two_workers_never_double_deliver,
    failing_subscriber_is_dead_lettered_and_replayed_without_blocking_others,
    crashed_worker_claims_are_retaken,
);

async fn event_exists_iff_write_commits(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    let txn = db.conn.begin().await.expect("begin");
    let ev = NewEvent::new("test.thing.created", "thing", Uuid::now_v7(), json!({}));
    append(&txn, org.into(), "system:test", SystemClock.now(), ev).await.expect("append");
    txn.rollback().await.expect("rollback");
    assert_eq!(event::Entity::find().count(&db.conn).await.expect("count"), 0, "rolled back: no event");

    emit(db, org, Uuid::now_v7(), 1).await;
    assert_eq!(event::Entity::find().count(&db.conn).await.expect("count"), 1, "committed: one event");
}

async fn every_event_delivered_once_in_order(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    emit(db, org, a, 5).await;
    emit(db, org, b, 3).await;
    emit(db, org, a, 2).await;
    let rec = Recorder::new("rec", 0);
    let d = dispatcher(db, vec![rec.clone()], quick());
    let round = d.drain().await.expect("drain");
    assert_eq!(round.sequenced, 10);
    assert_eq!(round.delivered, 10);

    let positions: HashMap<Uuid, i64> = event::Entity::find()
        .all(&db.conn)
        .await
        .expect("events")
        .into_iter()
        .map(|e| (e.id, e.position.expect("sequenced")))
        .collect();
    let seen = rec.delivered();
    assert_eq!(seen.len(), 10);
    for agg in [a, b] {
        let order: Vec<i64> = seen.iter().filter(|(g, _)| *g == agg).map(|(_, id)| positions[id]).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "aggregate {agg} out of order: {order:?}");
    }
    assert!(d.drain().await.expect("drain").is_idle(), "nothing is delivered twice");
}

async fn two_workers_never_double_deliver(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    for _ in 0..40 {
        emit(db, org, Uuid::now_v7(), 3).await;
    }
    let rec = Recorder::new("rec", 0);
    let config = DispatcherConfig { batch_size: 7, ..quick() };
    let (w1, w2) = (dispatcher(db, vec![rec.clone()], config.clone()), dispatcher(db, vec![rec.clone()], config));
    let (r1, r2) = tokio::join!(async { settle(&w1).await }, async { settle(&w2).await });
    let _ = (r1, r2);
    let seen = rec.delivered();
    let mut ids: Vec<Uuid> = seen.iter().map(|(_, id)| *id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(seen.len(), 120, "every event delivered");
    assert_eq!(ids.len(), 120, "no event delivered twice");
}

async fn failing_subscriber_is_dead_lettered_and_replayed_without_blocking_others(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    emit(db, org, Uuid::now_v7(), 2).await;
    let flaky = Recorder::new("flaky", 3);
    let steady = Recorder::new("steady", 0);
    let d = dispatcher(db, vec![flaky.clone(), steady.clone()], quick());
    settle(&d).await;
    assert_eq!(steady.delivered().len(), 2, "the healthy subscriber is not held up");
    assert!(flaky.delivered().is_empty());
    let dead = delivery::Entity::find()
        .filter(delivery::Column::Status.eq(delivery::DEAD))
        .all(&db.conn)
        .await
        .expect("dead letters");
    assert_eq!(dead.len(), 2);
    assert!(dead.iter().all(|d| d.subscriber == "flaky" && d.attempts == 3));
    assert!(dead[0].last_error.as_deref().is_some_and(|e| e.contains("refused attempt 3")));

    let svc = atrium_outbox::OutboxService::new(db.conn.clone(), Arc::new(SystemClock));
    let ctx = atrium_kernel::OrgCtx {
        org_id: org.into(),
        principal: atrium_kernel::Principal::User(atrium_kernel::UserId::new()),
        role: atrium_kernel::Role::Owner,
    };
    let other = atrium_kernel::OrgCtx { org_id: OrganizationId::new(), ..ctx };
    assert_eq!(svc.replay_all(&other).await.expect("replay"), 0, "another org replays nothing");
    assert!(svc.replay(&other, dead[0].id).await.is_err(), "another org's dead letter is not found");
    assert_eq!(svc.replay_all(&ctx).await.expect("replay"), 2);
    settle(&d).await;
    assert_eq!(flaky.delivered().len(), 2, "replayed dead letters are delivered");
    assert_eq!(steady.delivered().len(), 2, "replay does not redeliver to others");
}

async fn crashed_worker_claims_are_retaken(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    emit(db, org, Uuid::now_v7(), 1).await;
    emit(db, org, Uuid::now_v7(), 1).await;
    let clock = Arc::new(FrozenClock::at(chrono::Utc::now()));
    let rec = Recorder::new("rec", 0);
    let config = DispatcherConfig { lease: Duration::from_secs(30), ..quick() };
    let d = Dispatcher::new(db.conn.clone(), clock.clone(), vec![rec.clone()], config);
    d.sequence().await.expect("sequence");
    // A worker claims the batch and dies before delivering: simulate by leasing the rows.
    let lease_until = clock.now() + chrono::Duration::seconds(30);
    delivery::Entity::update_many()
        .col_expr(delivery::Column::LockedUntil, sea_orm::sea_query::Expr::value(lease_until))
        .exec(&db.conn)
        .await
        .expect("lease");
    assert!(d.deliver_batch().await.expect("deliver").is_idle(), "leased rows belong to the dead worker");
    assert!(rec.delivered().is_empty());
    clock.advance(chrono::Duration::seconds(31));
    let round = d.deliver_batch().await.expect("deliver");
    assert_eq!(round.delivered, 2, "expired leases are taken over");
    assert_eq!(rec.delivered().len(), 2);
}
