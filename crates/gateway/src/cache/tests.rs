//! Both implementations against the same expectations (the Redis one on the
//! shared server, under a key prefix of its own).

use std::sync::Arc;
use std::time::Duration;

use atrium_kernel::OrganizationId;
use atrium_outbox::Change;
use axum::body::Bytes;

use super::memory::MemoryQueryCache;
use super::redis::RedisQueryCache;
use super::{Entry, QueryCache};

const TTL: Duration = Duration::from_secs(30);

fn entry(generations: Vec<u64>, body: &'static str) -> Entry {
    Entry {
        generations,
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: Bytes::from_static(body.as_bytes()),
    }
}

fn change(org: OrganizationId, kind: &str) -> Change {
    Change { org, aggregate_type: kind.into() }
}

/// Fill under the generations read before, hit, bump one dependency, miss;
/// another organization's generations and entries are its own.
async fn generations_invalidate(cache: Arc<dyn QueryCache>) {
    let (org, other) = (OrganizationId::new(), OrganizationId::new());
    let deps = ["contact", "client_company"];
    let first = cache.lookup(org, &deps, "k").await.expect("lookup");
    assert!(first.entry.is_none());
    let gens = first.generations.clone();
    cache.store(org, "k", &entry(gens.clone(), "one"), TTL).await;
    let hit = cache.lookup(org, &deps, "k").await.expect("lookup").fresh().expect("a hit");
    assert_eq!(hit.body, Bytes::from_static(b"one"));

    cache.bump(&[change(other, "contact"), change(org, "deal")]).await;
    assert!(cache.lookup(org, &deps, "k").await.expect("lookup").fresh().is_ok(), "unrelated changes keep it");
    assert!(cache.lookup(other, &deps, "k").await.expect("lookup").entry.is_none(), "per organization");

    cache.bump(&[change(org, "client_company")]).await;
    let stale = cache.lookup(org, &deps, "k").await.expect("lookup");
    assert!(stale.entry.is_some(), "still stored");
    let now = stale.fresh().expect_err("but stale");
    assert_eq!(now[0], gens[0]);
    assert!(now[1] > gens[1], "{now:?} after {gens:?}");

    // A fill that read the generations before a write is stored stale.
    cache.bump(&[change(org, "contact")]).await;
    cache.store(org, "k", &entry(now, "raced"), TTL).await;
    assert!(cache.lookup(org, &deps, "k").await.expect("lookup").fresh().is_err());
}

#[tokio::test]
async fn in_process_generations_invalidate() {
    generations_invalidate(Arc::new(MemoryQueryCache::new(1024 * 1024))).await;
}

#[tokio::test]
async fn redis_generations_invalidate() {
    let Some(r) = atrium_testkit::redis::shared().await else { return };
    let config = crate::Config { redis_url: Some(r.url), redis_key_prefix: r.prefix, ..crate::Config::default() };
    let redis = crate::redis::Redis::from_config(&config).expect("pool").expect("configured");
    generations_invalidate(Arc::new(RedisQueryCache::new(redis, TTL))).await;
}

#[tokio::test]
async fn in_process_evicts_least_recently_used_within_its_budget() {
    let cache = MemoryQueryCache::new(4096);
    let org = OrganizationId::new();
    let body: &'static str = Box::leak("x".repeat(700).into_boxed_str());
    for k in ["a", "b", "c", "d"] {
        cache.store(org, k, &entry(vec![0], body), TTL).await;
    }
    let _ = cache.lookup(org, &["contact"], "a").await;
    for k in ["e", "f"] {
        cache.store(org, k, &entry(vec![0], body), TTL).await;
    }
    let present = |k: &'static str| {
        let cache = &cache;
        async move { cache.lookup(org, &["contact"], k).await.expect("lookup").entry.is_some() }
    };
    assert!(present("a").await, "recently read");
    assert!(!present("b").await, "least recently used goes first");
    assert!(present("f").await);
    cache.store(org, "huge", &entry(vec![0], Box::leak("y".repeat(2000).into_boxed_str())), TTL).await;
    assert!(!present("huge").await, "an entry over a quarter of the budget is not kept");
}

#[tokio::test]
async fn in_process_entries_expire() {
    let cache = MemoryQueryCache::new(1024 * 1024);
    let org = OrganizationId::new();
    cache.store(org, "k", &entry(vec![0], "v"), Duration::from_millis(30)).await;
    assert!(cache.lookup(org, &["contact"], "k").await.expect("lookup").entry.is_some());
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert!(cache.lookup(org, &["contact"], "k").await.expect("lookup").entry.is_none());
}
