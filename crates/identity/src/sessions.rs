//! The cache of authenticated principals, keyed by the SHA-256 of the bearer
//! token (session or API key), behind a port so the gateway can back it with
//! Redis; [`InProcessSessionCache`] is the embedded default (one replica).
//!
//! The database stays the source of truth. Every change that alters what a token
//! resolves to (logout, session or key revocation, role change, member removal,
//! organization switch) invalidates the affected tokens after it commits.
//! Invalidation writes a short-lived *tombstone* rather than deleting, and `put`
//! only fills an absent key: a request that read the database just before the
//! change committed cannot re-insert the old principal behind the invalidation.
//! A tombstoned token is authenticated from the database until the tombstone
//! expires.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use atrium_kernel::{OrgCtx, Principal, Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a token resolved to, as cached. `valid_until` is on the service's clock:
/// never past the session's expiry nor the cache TTL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedPrincipal {
    pub org_id: Uuid,
    pub principal: Principal,
    pub role: Role,
    pub session_id: Option<Uuid>,
    pub valid_until: DateTime<Utc>,
}

impl CachedPrincipal {
    pub fn ctx(&self) -> OrgCtx {
        OrgCtx { org_id: self.org_id.into(), principal: self.principal, role: self.role }
    }
}

/// A cache of principals by token hash. Implementations never fail: an outage of
/// their store is a miss, and a lost write is a later miss.
#[async_trait]
pub trait SessionCache: Send + Sync + 'static {
    /// The cached principal, `None` when absent, tombstoned or unreachable.
    async fn get(&self, token_hash: &str) -> Option<CachedPrincipal>;
    /// Caches `value` for `ttl` unless the key holds anything (a value or a tombstone).
    async fn put(&self, token_hash: &str, value: &CachedPrincipal, ttl: Duration);
    /// Tombstones the keys for `ttl`, so no replica serves their cached principal again.
    async fn invalidate(&self, token_hashes: &[String], ttl: Duration);
}

enum Slot {
    Value(CachedPrincipal),
    Tombstone,
}

/// The embedded default: a bounded map with per-entry expiry.
pub struct InProcessSessionCache {
    entries: Mutex<HashMap<String, (Slot, std::time::Instant)>>,
    capacity: usize,
}

impl Default for InProcessSessionCache {
    fn default() -> Self {
        Self::with_capacity(100_000)
    }
}

impl InProcessSessionCache {
    pub fn with_capacity(capacity: usize) -> Self {
        Self { entries: Mutex::default(), capacity: capacity.max(1) }
    }

    fn insert(&self, key: &str, slot: Slot, ttl: Duration, only_if_absent: bool) {
        let now = std::time::Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if only_if_absent && entries.get(key).is_some_and(|(_, until)| *until > now) {
            return;
        }
        if entries.len() >= self.capacity && !entries.contains_key(key) {
            entries.retain(|_, (_, until)| *until > now);
            if entries.len() >= self.capacity {
                // Full of live entries: start over rather than grow; a miss costs one query.
                // Tombstones must survive, or a revoked principal could be cached again.
                entries.retain(|_, (slot, _)| matches!(slot, Slot::Tombstone));
            }
        }
        entries.insert(key.to_owned(), (slot, now + ttl));
    }
}

#[async_trait]
impl SessionCache for InProcessSessionCache {
    async fn get(&self, token_hash: &str) -> Option<CachedPrincipal> {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match entries.get(token_hash) {
            Some((Slot::Value(v), until)) if *until > std::time::Instant::now() => Some(*v),
            _ => None,
        }
    }

    async fn put(&self, token_hash: &str, value: &CachedPrincipal, ttl: Duration) {
        self.insert(token_hash, Slot::Value(*value), ttl, true);
    }

    async fn invalidate(&self, token_hashes: &[String], ttl: Duration) {
        for h in token_hashes {
            self.insert(h, Slot::Tombstone, ttl, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal() -> CachedPrincipal {
        CachedPrincipal {
            org_id: Uuid::now_v7(),
            principal: Principal::User(Uuid::now_v7().into()),
            role: Role::Admin,
            session_id: Some(Uuid::now_v7()),
            valid_until: Utc::now(),
        }
    }

    #[tokio::test]
    async fn tombstones_block_a_late_put_and_expire() {
        let cache = InProcessSessionCache::default();
        let p = principal();
        cache.put("a", &p, Duration::from_secs(60)).await;
        assert_eq!(cache.get("a").await, Some(p));
        cache.invalidate(&["a".to_owned()], Duration::from_millis(50)).await;
        assert_eq!(cache.get("a").await, None);
        cache.put("a", &p, Duration::from_secs(60)).await;
        assert_eq!(cache.get("a").await, None, "a racing put cannot undo the invalidation");
        tokio::time::sleep(Duration::from_millis(60)).await;
        cache.put("a", &p, Duration::from_secs(60)).await;
        assert_eq!(cache.get("a").await, Some(p), "cached again once the tombstone expired");
    }

    #[tokio::test]
    async fn stays_bounded_and_keeps_tombstones() {
        let cache = InProcessSessionCache::with_capacity(3);
        cache.invalidate(&["dead".to_owned()], Duration::from_secs(60)).await;
        for i in 0..10 {
            cache.put(&format!("k{i}"), &principal(), Duration::from_secs(60)).await;
        }
        assert!(cache.entries.lock().expect("lock").len() <= 3);
        cache.put("dead", &principal(), Duration::from_secs(60)).await;
        assert_eq!(cache.get("dead").await, None);
    }
}
