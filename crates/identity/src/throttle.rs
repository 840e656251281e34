//! Login throttling behind a trait, so the in-process counter can be swapped for
//! a Redis one without touching the service.
//!
//! The rule every implementation holds: `acquire` takes one of `limit` slots of a
//! key's current fixed window *atomically* — of any number of concurrent callers,
//! at most `limit` get a slot per window — and the caller does the expensive check
//! (the password) only after it holds one. A slot may be given back (`refund`) when
//! the attempt turned out not to count. On Redis this is `INCR` + `EXPIRE` on
//! `key:window` (one round trip in a script) and `DECR` for a refund of the same
//! window.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;

/// One slot taken from a key's window by [`Throttle::acquire`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub key: String,
    /// Which window of `key` the slot belongs to (implementation-defined), so a
    /// refund never gives a slot to a later window.
    pub window: u64,
}

/// Fixed-window counters keyed by string.
#[async_trait]
pub trait Throttle: Send + Sync + 'static {
    /// Takes one of the `limit` slots of `key`'s current `window`, atomically.
    /// `Err(retry_after_secs)` when all are taken.
    async fn acquire(&self, key: &str, limit: u32, window: Duration) -> Result<Slot, u64>;
    /// Gives a slot back to its window (nothing if that window is over).
    async fn refund(&self, slot: Slot);
    /// Forgets `key`'s window.
    async fn reset(&self, key: &str);
}

struct Window {
    id: u64,
    started: Instant,
    taken: u32,
}

#[derive(Default)]
pub struct InProcessThrottle {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    windows: HashMap<String, Window>,
    next_id: u64,
}

impl InProcessThrottle {
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory under a spray of distinct keys.
        if state.windows.len() > 100_000 {
            state.windows.retain(|_, w| w.started.elapsed() < Duration::from_secs(3600));
        }
        f(&mut state)
    }
}

fn retry_after(started: Instant, window: Duration) -> u64 {
    window.saturating_sub(started.elapsed()).as_secs().max(1)
}

#[async_trait]
impl Throttle for InProcessThrottle {
    async fn acquire(&self, key: &str, limit: u32, window: Duration) -> Result<Slot, u64> {
        self.with(|state| {
            let fresh = state.next_id;
            let entry =
                state.windows.entry(key.to_owned()).or_insert(Window { id: fresh, started: Instant::now(), taken: 0 });
            if entry.started.elapsed() >= window {
                *entry = Window { id: fresh, started: Instant::now(), taken: 0 };
            }
            if entry.id == fresh {
                state.next_id += 1;
            }
            if entry.taken >= limit {
                return Err(retry_after(entry.started, window));
            }
            entry.taken += 1;
            Ok(Slot { key: key.to_owned(), window: entry.id })
        })
    }

    async fn refund(&self, slot: Slot) {
        self.with(|state| {
            if let Some(w) = state.windows.get_mut(&slot.key)
                && w.id == slot.window
            {
                w.taken = w.taken.saturating_sub(1);
            }
        });
    }

    async fn reset(&self, key: &str) {
        self.with(|state| state.windows.remove(key));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[tokio::test]
    async fn blocks_after_limit_refunds_and_resets() {
        let t = InProcessThrottle::default();
        let w = Duration::from_secs(60);
        assert!(t.acquire("k", 2, w).await.is_ok());
        let second = t.acquire("k", 2, w).await.expect("second slot");
        assert!(matches!(t.acquire("k", 2, w).await, Err(s) if (1..=60).contains(&s)));
        assert!(t.acquire("other", 2, w).await.is_ok(), "keys are independent");
        t.refund(second).await;
        let again = t.acquire("k", 2, w).await.expect("a refunded slot is free again");
        assert!(t.acquire("k", 2, w).await.is_err());
        t.reset("k").await;
        assert!(t.acquire("k", 2, w).await.is_ok());
        t.refund(again).await;
        assert!(t.acquire("k", 2, w).await.is_ok(), "a slot of an old window is not refunded into the new one");
        assert!(t.acquire("k", 2, w).await.is_err());
    }

    #[tokio::test]
    async fn concurrent_acquires_take_exactly_the_limit() {
        let t = Arc::new(InProcessThrottle::default());
        let tasks: Vec<_> = (0..64)
            .map(|_| {
                let t = t.clone();
                tokio::spawn(async move { t.acquire("k", 5, Duration::from_secs(60)).await.is_ok() })
            })
            .collect();
        let mut granted = 0;
        for task in tasks {
            granted += usize::from(task.await.expect("task"));
        }
        assert_eq!(granted, 5);
    }
}
