//! The session cache on Redis (`REDIS_URL`): identity's [`SessionCache`] port,
//! shared by every replica, so an invalidation on one is seen by all on their very
//! next request. There is no in-process layer in front of Redis, hence nothing to
//! broadcast: a hit is one Redis round trip and no database statement.
//!
//! Redis down: `get` is a miss (the principal comes from the database), `put` is
//! dropped. An invalidation that cannot reach Redis is remembered here and written
//! before this replica trusts Redis again (every `get` first retries them), and
//! it is forgotten once the cache TTL has passed since the change, because every
//! entry cached before it has expired by then. So the worst case is a replica that
//! still reaches Redis while this one cannot: it may serve the old principal until
//! that entry's TTL (`SESSION_CACHE_TTL_SECS`, 60 s by default) runs out.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use atrium_identity::{CachedPrincipal, SessionCache};
use deadpool_redis::redis;
use prometheus::{IntCounterVec, Opts};

use crate::redis::Redis;

/// The value of an invalidated key: "ask the database".
const TOMBSTONE: &str = "-";
/// Invalidations remembered while Redis is unreachable; beyond this the oldest go
/// (they are bounded by the TTL anyway).
const MAX_PENDING: usize = 100_000;

pub struct RedisSessionCache {
    redis: Redis,
    pending: Mutex<Vec<(String, Instant)>>,
    lookups: IntCounterVec,
}

impl RedisSessionCache {
    pub fn new(redis: Redis) -> Result<Self, prometheus::Error> {
        let lookups = IntCounterVec::new(
            Opts::new("session_cache_total", "Session cache lookups on Redis: hit, miss, or unavailable (Redis down)"),
            &["result"],
        )?;
        Ok(Self { redis, pending: Mutex::default(), lookups })
    }

    /// The lookup counter, for the metrics registry.
    pub fn lookups(&self) -> &IntCounterVec {
        &self.lookups
    }

    fn count(&self, result: &str) {
        self.lookups.with_label_values(&[result]).inc();
    }

    fn key(&self, token_hash: &str) -> String {
        self.redis.key(&format!("session:{token_hash}"))
    }

    fn tombstones(&self, hashes: impl IntoIterator<Item = (String, Duration)>) -> redis::Pipeline {
        let mut pipe = redis::pipe();
        for (h, ttl) in hashes {
            let ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
            pipe.cmd("SET").arg(self.key(&h)).arg(TOMBSTONE).arg("PX").arg(ms).ignore();
        }
        pipe
    }

    /// Writes the invalidations Redis missed. `false` while some are still unwritten.
    async fn settle_pending(&self) -> bool {
        let now = Instant::now();
        let due: Vec<(String, Duration)> = {
            let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            pending.retain(|(_, until)| *until > now);
            pending.iter().map(|(h, until)| (h.clone(), *until - now)).collect()
        };
        if due.is_empty() {
            return true;
        }
        if self.redis.pipe::<()>("session_invalidate", &self.tombstones(due)).await.is_err() {
            return false;
        }
        self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
        tracing::info!("redis reachable again: invalidations made during the outage are written");
        true
    }
}

#[async_trait]
impl SessionCache for RedisSessionCache {
    async fn get(&self, token_hash: &str) -> Option<CachedPrincipal> {
        if !self.settle_pending().await {
            self.count("unavailable");
            return None;
        }
        let Ok(raw) =
            self.redis.query::<Option<String>>("session_get", redis::cmd("GET").arg(self.key(token_hash))).await
        else {
            self.count("unavailable");
            return None;
        };
        let found = raw.filter(|v| v != TOMBSTONE).and_then(|v| serde_json::from_str(&v).ok());
        self.count(if found.is_some() { "hit" } else { "miss" });
        found
    }

    async fn put(&self, token_hash: &str, value: &CachedPrincipal, ttl: Duration) {
        let Ok(json) = serde_json::to_string(value) else { return };
        let ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        let cmd = redis::cmd("SET").arg(self.key(token_hash)).arg(json).arg("NX").arg("PX").arg(ms).to_owned();
        let _ = self.redis.query::<Option<String>>("session_put", &cmd).await;
    }

    async fn invalidate(&self, token_hashes: &[String], ttl: Duration) {
        let pipe = self.tombstones(token_hashes.iter().map(|h| (h.clone(), ttl)));
        if self.redis.pipe::<()>("session_invalidate", &pipe).await.is_ok() {
            return;
        }
        tracing::warn!(tokens = token_hashes.len(), "redis unavailable: session invalidation kept for when it is back");
        let until = Instant::now() + ttl;
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.extend(token_hashes.iter().map(|h| (h.clone(), until)));
        if pending.len() > MAX_PENDING {
            let excess = pending.len() - MAX_PENDING;
            pending.drain(..excess);
        }
    }
}
