//! The query cache on Redis (`REDIS_URL`), shared by every replica.
//!
//! A lookup is one script call: it reads the generation of each dependency and
//! the entry together. A generation that does not exist yet (new organization,
//! evicted key) starts at the server's clock in microseconds rather than at 0,
//! so a counter that was lost and starts again can never come back to a value
//! an old entry was stored under. The keys of one organization share a hash tag,
//! so the script also runs on a cluster.
//!
//! Redis down: lookups are bypassed. A bump that cannot reach Redis is kept and
//! written before this replica uses the cache again (every lookup first retries
//! them; until they are written it bypasses), and is forgotten once the TTL has
//! passed since, because every entry stored before it has expired by then. So
//! the worst case is a replica that still reaches Redis while this one cannot:
//! it may serve an answer older than this replica's write for up to
//! `QUERY_CACHE_TTL_SECS`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use atrium_kernel::OrganizationId;
use atrium_outbox::Change;
use axum::body::Bytes;
use deadpool_redis::redis::{self, Script};
use serde::{Deserialize, Serialize};

use super::{Entry, Lookup, QueryCache, Unavailable};
use crate::redis::Redis;

/// KEYS: the generations, then the entry. Returns the generations, then the entry (or nil).
static LOOKUP: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local out = {}
local n = #KEYS - 1
local start = nil
for i = 1, n do
  local g = redis.call('GET', KEYS[i])
  if not g then
    if not start then
      local t = redis.call('TIME')
      start = string.format('%.0f', tonumber(t[1]) * 1000000 + tonumber(t[2]))
    end
    if redis.call('SET', KEYS[i], start, 'NX') then
      g = start
    else
      g = redis.call('GET', KEYS[i])
    end
  end
  out[i] = g
end
out[n + 1] = redis.call('GET', KEYS[n + 1])
return out
",
    )
});

/// Bumps kept while Redis was unreachable; beyond this the oldest go (they are
/// bounded by the TTL anyway).
const MAX_PENDING: usize = 100_000;
/// The first byte of a stored entry: its encoding.
const FORMAT: u8 = 1;

pub struct RedisQueryCache {
    redis: Redis,
    ttl: Duration,
    /// Generation keys whose bump did not reach Redis, and until when it matters.
    pending: Mutex<HashMap<String, Instant>>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    g: Vec<u64>,
    s: u16,
    h: Vec<(String, String)>,
}

fn encode(e: &Entry) -> Option<Vec<u8>> {
    let meta = serde_json::to_vec(&Meta { g: e.generations.clone(), s: e.status, h: e.headers.clone() }).ok()?;
    let len = u32::try_from(meta.len()).ok()?;
    let mut out = Vec::with_capacity(5 + meta.len() + e.body.len());
    out.push(FORMAT);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&meta);
    out.extend_from_slice(&e.body);
    Some(out)
}

fn decode(raw: &[u8]) -> Option<Entry> {
    let (&format, rest) = raw.split_first()?;
    if format != FORMAT || rest.len() < 4 {
        return None;
    }
    let (len, rest) = rest.split_at(4);
    let len = usize::try_from(u32::from_be_bytes(len.try_into().ok()?)).ok()?;
    if rest.len() < len {
        return None;
    }
    let (meta, body) = rest.split_at(len);
    let meta: Meta = serde_json::from_slice(meta).ok()?;
    Some(Entry { generations: meta.g, status: meta.s, headers: meta.h, body: Bytes::copy_from_slice(body) })
}

impl RedisQueryCache {
    pub fn new(redis: Redis, ttl: Duration) -> Self {
        Self { redis, ttl, pending: Mutex::default() }
    }

    fn generation_key(&self, org: OrganizationId, aggregate_type: &str) -> String {
        self.redis.key(&format!("qc:{{{org}}}:g:{aggregate_type}"))
    }

    fn entry_key(&self, org: OrganizationId, key: &str) -> String {
        self.redis.key(&format!("qc:{{{org}}}:e:{key}"))
    }

    fn incr(keys: impl IntoIterator<Item = String>) -> redis::Pipeline {
        let mut pipe = redis::pipe();
        for k in keys {
            pipe.cmd("INCR").arg(k).ignore();
        }
        pipe
    }

    /// The bumps Redis missed that still matter.
    fn due(&self) -> Vec<String> {
        let now = Instant::now();
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.retain(|_, until| *until > now);
        pending.keys().cloned().collect()
    }

    fn forget(&self, written: &[String]) {
        if written.is_empty() {
            return;
        }
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for k in written {
            pending.remove(k);
        }
        tracing::info!(
            bumps = written.len(),
            "redis reachable again: query cache invalidations made during the outage are written"
        );
    }

    /// Writes the bumps Redis missed. `false` while some are still unwritten.
    async fn settle_pending(&self) -> bool {
        let due = self.due();
        if due.is_empty() {
            return true;
        }
        if self.redis.pipe::<()>("query_cache_bump", &Self::incr(due.iter().cloned())).await.is_err() {
            return false;
        }
        self.forget(&due);
        true
    }
}

#[async_trait]
impl QueryCache for RedisQueryCache {
    async fn lookup(&self, org: OrganizationId, deps: &[&str], key: &str) -> Result<Lookup, Unavailable> {
        if !self.settle_pending().await {
            return Err(Unavailable);
        }
        let mut inv = LOOKUP.prepare_invoke();
        for d in deps {
            inv.key(self.generation_key(org, d));
        }
        inv.key(self.entry_key(org, key));
        let mut found: Vec<Option<Vec<u8>>> = self
            .redis
            .with_conn("query_cache_lookup", |mut conn| async move { inv.invoke_async(&mut conn).await })
            .await
            .map_err(|_| Unavailable)?;
        let entry = found.pop().flatten().and_then(|raw| decode(&raw));
        let generations = found
            .iter()
            .map(|g| g.as_deref().and_then(|b| std::str::from_utf8(b).ok()).and_then(|s| s.parse::<u64>().ok()))
            .collect::<Option<Vec<u64>>>()
            .ok_or(Unavailable)?;
        if generations.len() != deps.len() {
            return Err(Unavailable);
        }
        Ok(Lookup { generations, entry })
    }

    async fn store(&self, org: OrganizationId, key: &str, entry: &Entry, ttl: Duration) {
        let Some(raw) = encode(entry) else { return };
        let ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        let cmd = redis::cmd("SET").arg(self.entry_key(org, key)).arg(raw).arg("PX").arg(ms).to_owned();
        let _ = self.redis.query::<()>("query_cache_store", &cmd).await;
    }

    async fn bump(&self, changes: &[Change]) {
        if changes.is_empty() {
            return;
        }
        let keys: Vec<String> = changes.iter().map(|c| self.generation_key(c.org, &c.aggregate_type)).collect();
        // A process that only writes (a worker) never looks up: its missed bumps go out with its next ones.
        let missed = self.due();
        let all = keys.iter().chain(missed.iter().filter(|k| !keys.contains(k))).cloned();
        if self.redis.pipe::<()>("query_cache_bump", &Self::incr(all)).await.is_ok() {
            self.forget(&missed);
            return;
        }
        tracing::debug!(changes = keys.len(), "redis unavailable: query cache invalidation kept for when it is back");
        let until = Instant::now() + self.ttl;
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for k in keys {
            pending.insert(k, until);
        }
        if pending.len() > MAX_PENDING {
            let mut by_age: Vec<(String, Instant)> = pending.drain().collect();
            by_age.sort_by_key(|(_, until)| std::cmp::Reverse(*until));
            by_age.truncate(MAX_PENDING);
            pending.extend(by_age);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_garbage_is_a_miss() {
        let e = Entry {
            generations: vec![1_733_000_000_000_000, 7],
            status: 200,
            headers: vec![("content-type".into(), "application/json".into()), ("etag".into(), "\"3\"".into())],
            body: Bytes::from_static(b"{\"id\":1}\x00\xff"),
        };
        let raw = encode(&e).expect("encode");
        assert_eq!(decode(&raw), Some(e));
        assert_eq!(decode(&raw[..raw.len() / 2]), None, "a cut header");
        assert_eq!(decode(b""), None);
        assert_eq!(decode(b"\x02\x00\x00\x00\x00"), None);
        assert_eq!(decode(b"\x01\x00\x00\x00\x09{}"), None);
    }
}
