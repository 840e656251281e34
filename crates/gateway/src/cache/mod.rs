//! The query cache: whole 200 answers of the GET routes domains declare
//! ([`CachedRoute`]), first pages of lists and single resources, kept per
//! organization and role and served without running the handler.
//!
//! Validity is by generation, not by expiry: every (organization, aggregate
//! type) has a counter, an entry records the counters of the types its route
//! depends on as they were *before* its handler read the database, and it is
//! served only while they are unchanged. A write bumps the counters of what it
//! published once it has committed and before its response leaves, so the
//! writer's next read, on any replica, misses and sees its write; a fill that
//! raced with a write was stored under the old counters and is never served.
//! Writes made outside requests are bumped by the dispatcher as it sequences
//! their events (see `atrium_outbox::changes`). The TTL only bounds memory and
//! the one case generations cannot cover (a bump that could not reach Redis).
//!
//! `REDIS_URL` unset: in process ([`memory`]); set: on Redis ([`redis`]), shared by
//! replicas. Redis down: the cache is bypassed (metric, rate-limited warning),
//! never a 500, never longer than `REDIS_TIMEOUT_MS`.

pub mod layer;
pub mod memory;
pub mod redis;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use atrium_kernel::OrganizationId;
use atrium_outbox::{CachedRoute, Change, ChangeSink};
use axum::body::Bytes;
use prometheus::{IntCounterVec, Opts};

use crate::config::Config;

/// The cache could not be asked (Redis down or too slow): run the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the query cache is unavailable")]
pub struct Unavailable;

/// A stored answer and the generations it was computed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub generations: Vec<u64>,
    pub status: u16,
    /// The handler's headers (content type, ETag, …), in order.
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

/// What one lookup found: the current generations of the route's dependencies
/// (in the order asked) and the entry under the key, if any.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub generations: Vec<u64>,
    pub entry: Option<Entry>,
}

impl Lookup {
    /// The entry, if it was computed under the current generations.
    pub fn fresh(self) -> Result<Entry, Vec<u64>> {
        match self.entry {
            Some(e) if e.generations == self.generations => Ok(e),
            _ => Err(self.generations),
        }
    }
}

/// Where answers and generations live. The same tests run against both
/// implementations.
#[async_trait]
pub trait QueryCache: Send + Sync + 'static {
    /// The generations of `deps` in `org` and the entry under `key`, together
    /// (one round trip on Redis).
    async fn lookup(&self, org: OrganizationId, deps: &[&str], key: &str) -> Result<Lookup, Unavailable>;

    /// Stores `entry` under `key` for at most `ttl`. Failures are dropped.
    async fn store(&self, org: OrganizationId, key: &str, entry: &Entry, ttl: Duration);

    /// Bumps the generation of each change, so every entry that depends on it
    /// is stale from now on. Failures are handled inside (kept and retried).
    async fn bump(&self, changes: &[Change]);
}

/// The cache, its settings and its counters, as the layer and the dispatcher use them.
#[derive(Clone)]
pub struct QueryCacheHandle {
    pub cache: Arc<dyn QueryCache>,
    pub ttl: Duration,
    pub routes: Arc<layer::Routes>,
    lookups: IntCounterVec,
}

impl QueryCacheHandle {
    /// `None` when `QUERY_CACHE` is off.
    pub fn from_config(
        config: &Config,
        redis: Option<&crate::redis::Redis>,
        routes: Vec<CachedRoute>,
    ) -> Result<Option<Self>, prometheus::Error> {
        if !config.query_cache {
            return Ok(None);
        }
        let ttl = Duration::from_secs(config.query_cache_ttl_secs.max(1));
        let cache: Arc<dyn QueryCache> = match redis {
            Some(r) => Arc::new(redis::RedisQueryCache::new(r.clone(), ttl)),
            None => Arc::new(memory::MemoryQueryCache::new(config.query_cache_max_bytes)),
        };
        let lookups = IntCounterVec::new(
            Opts::new(
                "query_cache_total",
                "Query cache lookups: hit, miss, or bypass (the cache could not be asked: Redis down)",
            ),
            &["result"],
        )?;
        Ok(Some(Self { cache, ttl, routes: Arc::new(layer::Routes::new(routes)), lookups }))
    }

    /// The lookup counter, for the metrics registry.
    pub fn lookups(&self) -> &IntCounterVec {
        &self.lookups
    }

    fn count(&self, result: &str) {
        self.lookups.with_label_values(&[result]).inc();
    }
}

#[async_trait]
impl ChangeSink for QueryCacheHandle {
    async fn changed(&self, changes: &[Change]) {
        self.cache.bump(changes).await;
    }
}

#[cfg(test)]
mod tests;
