//! Login throttling behind a trait, so the in-process counter can be swapped for
//! a Redis one without touching the service.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;

/// Fixed-window counters keyed by string.
#[async_trait]
pub trait Throttle: Send + Sync + 'static {
    /// Counts one hit; `Err(retry_after_secs)` once `limit` hits fell in `window`.
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<(), u64>;
    /// How many seconds until `key` may try again, if it is over `limit` now.
    async fn blocked_for(&self, key: &str, limit: u32, window: Duration) -> Option<u64>;
    async fn reset(&self, key: &str);
}

#[derive(Default)]
pub struct InProcessThrottle {
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl InProcessThrottle {
    fn with<R>(&self, f: impl FnOnce(&mut HashMap<String, (Instant, u32)>) -> R) -> R {
        let mut map = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory under a spray of distinct keys.
        if map.len() > 100_000 {
            let now = Instant::now();
            map.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(3600));
        }
        f(&mut map)
    }
}

fn retry_after(start: Instant, window: Duration) -> u64 {
    window.saturating_sub(start.elapsed()).as_secs().max(1)
}

#[async_trait]
impl Throttle for InProcessThrottle {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> Result<(), u64> {
        self.with(|map| {
            let entry = map.entry(key.to_owned()).or_insert((Instant::now(), 0));
            if entry.0.elapsed() >= window {
                *entry = (Instant::now(), 0);
            }
            if entry.1 >= limit {
                return Err(retry_after(entry.0, window));
            }
            entry.1 += 1;
            Ok(())
        })
    }

    async fn blocked_for(&self, key: &str, limit: u32, window: Duration) -> Option<u64> {
        self.with(|map| match map.get(key) {
            Some((start, count)) if start.elapsed() < window && *count >= limit => Some(retry_after(*start, window)),
            _ => None,
        })
    }

    async fn reset(&self, key: &str) {
        self.with(|map| map.remove(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn blocks_after_limit_and_resets() {
        let t = InProcessThrottle::default();
        let w = Duration::from_secs(60);
        assert!(t.hit("k", 2, w).await.is_ok());
        assert!(t.hit("k", 2, w).await.is_ok());
        assert!(t.blocked_for("k", 2, w).await.is_some());
        assert!(matches!(t.hit("k", 2, w).await, Err(s) if (1..=60).contains(&s)));
        assert!(t.hit("other", 2, w).await.is_ok(), "keys are independent");
        t.reset("k").await;
        assert!(t.hit("k", 2, w).await.is_ok());
    }
}
