//! The in-process GCRA limiter (one replica, no Redis).
//!
//! A small GCRA over a sharded map rather than `governor`: governor's keyed
//! limiter takes its quota at construction (one limiter per quota) and reports
//! no remaining count on success, while the `RateLimit` header needs both
//! `remaining` and the reset time of every answer; and sharing
//! [`atrium_kernel::rate::gcra`] with the Redis script's arithmetic keeps the
//! two backends' answers identical.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::Instant;

use async_trait::async_trait;
use atrium_kernel::rate::{gcra, tighter};
use atrium_kernel::{Decision, LimiterUnavailable, Quota, RateLimiter};

const SHARDS: usize = 16;
/// A shard this large drops its keys that are back at their full quota.
const PRUNE_AT: usize = 8192;

pub struct InProcessLimiter {
    epoch: Instant,
    hasher: RandomState,
    shards: Vec<Mutex<HashMap<String, u64>>>,
}

impl Default for InProcessLimiter {
    fn default() -> Self {
        Self {
            epoch: Instant::now(),
            hasher: RandomState::new(),
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

impl InProcessLimiter {
    fn now_us(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
    }

    fn shard_of(&self, key: &str) -> usize {
        usize::try_from(self.hasher.hash_one(key) % SHARDS as u64).unwrap_or(0)
    }
}

#[async_trait]
impl RateLimiter for InProcessLimiter {
    async fn check(&self, keys: &[String], quota: Quota) -> Result<Decision, LimiterUnavailable> {
        let now = self.now_us();
        // Lock every shard the keys live in, in index order (no deadlock), so the
        // all-or-nothing check is atomic like the Redis script.
        let mut idx: Vec<usize> = keys.iter().map(|k| self.shard_of(k)).collect();
        idx.sort_unstable();
        idx.dedup();
        let mut guards: Vec<(usize, std::sync::MutexGuard<'_, HashMap<String, u64>>)> =
            idx.iter().map(|&i| (i, self.shards[i].lock().unwrap_or_else(|p| p.into_inner()))).collect();
        let mut outcome: Option<Decision> = None;
        let mut charges = Vec::with_capacity(keys.len());
        for key in keys {
            let i = self.shard_of(key);
            let Some((_, map)) = guards.iter().find(|(g, _)| *g == i) else { continue };
            let (d, new_tat) = gcra(map.get(key).copied(), now, quota);
            outcome = Some(outcome.map_or(d, |o| tighter(o, d)));
            charges.push((i, key, new_tat));
        }
        let decision = outcome.unwrap_or(Decision {
            allowed: true,
            remaining: quota.limit,
            reset_after: std::time::Duration::ZERO,
            retry_after: std::time::Duration::ZERO,
        });
        if decision.allowed {
            for (i, key, new_tat) in charges {
                let (Some(new_tat), Some((_, map))) = (new_tat, guards.iter_mut().find(|(g, _)| *g == i)) else {
                    continue;
                };
                // The common case, a key seen before, updates in place without a new String.
                if let Some(tat) = map.get_mut(key.as_str()) {
                    *tat = new_tat;
                    continue;
                }
                if map.len() >= PRUNE_AT {
                    map.retain(|_, tat| *tat > now);
                }
                map.insert(key.clone(), new_tat);
            }
        }
        Ok(decision)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn all_or_nothing_over_keys() {
        let l = InProcessLimiter::default();
        let q = Quota { limit: 2, window: Duration::from_secs(60) };
        let a = vec!["a".to_owned()];
        let ab = vec!["a".to_owned(), "b".to_owned()];
        assert!(l.check(&a, q).await.expect("check").allowed);
        let d = l.check(&ab, q).await.expect("check");
        assert!(d.allowed);
        assert_eq!(d.remaining, 0, "the tighter key answers");
        let d = l.check(&ab, q).await.expect("check");
        assert!(!d.allowed);
        assert!(d.retry_after > Duration::ZERO && d.retry_after <= Duration::from_secs(30));
        // b was not charged by the refused check: one left.
        assert!(l.check(&["b".to_owned()], q).await.expect("check").allowed);
    }
}
