//! The login throttle ([`atrium_identity::Throttle`]: fixed windows with refunds)
//! on Redis, so every replica counts the same failures. Each call is one script
//! (atomic, one round trip). A window's identity is a generation number bumped
//! when its counter starts, so a refund never lands in a later window.
//!
//! Redis down: the attempt is let through (fail open) unless the auth class is
//! fail-closed (`RATE_LIMIT_AUTH_FAIL_CLOSED`), then refused with a short retry.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use atrium_identity::{Slot, Throttle};
use deadpool_redis::redis::Script;

use crate::redis::Redis;

/// KEYS: counter, generation. ARGV: window ms, limit.
const ACQUIRE: &str = r"
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]) * 2)
end
local gen = tonumber(redis.call('GET', KEYS[2]) or '0')
if n > tonumber(ARGV[2]) then
  redis.call('DECR', KEYS[1])
  return {0, gen, redis.call('PTTL', KEYS[1])}
end
return {1, gen, 0}
";

/// KEYS: counter, generation. ARGV: the slot's generation.
const REFUND: &str = r"
if redis.call('GET', KEYS[2]) == ARGV[1] and redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('DECR', KEYS[1]) < 0 then redis.call('SET', KEYS[1], 0, 'KEEPTTL') end
end
return 1
";

/// A slot handed out while Redis was down: nothing to refund.
const NO_WINDOW: u64 = u64::MAX;

pub struct RedisThrottle {
    redis: Redis,
    acquire: Arc<Script>,
    refund: Arc<Script>,
    fail_closed: bool,
}

impl RedisThrottle {
    pub fn new(redis: Redis, fail_closed: bool) -> Self {
        Self { redis, acquire: Arc::new(Script::new(ACQUIRE)), refund: Arc::new(Script::new(REFUND)), fail_closed }
    }

    fn keys(&self, key: &str) -> (String, String) {
        (self.redis.key(&format!("throttle:{key}")), self.redis.key(&format!("throttle:{key}:gen")))
    }
}

#[async_trait]
impl Throttle for RedisThrottle {
    async fn acquire(&self, key: &str, limit: u32, window: Duration) -> Result<Slot, u64> {
        let (counter, generation) = self.keys(key);
        let mut inv = self.acquire.prepare_invoke();
        inv.key(counter).key(generation).arg(u64::try_from(window.as_millis()).unwrap_or(u64::MAX).max(1)).arg(limit);
        let got: Result<(i64, u64, i64), _> =
            self.redis.with_conn("login_throttle", |mut c| async move { inv.invoke_async(&mut c).await }).await;
        match got {
            Ok((1, generation, _)) => Ok(Slot { key: key.to_owned(), window: generation }),
            Ok((_, _, pttl)) => Err(u64::try_from(pttl).unwrap_or(1000).div_ceil(1000).max(1)),
            Err(_) if self.fail_closed => Err(1),
            Err(_) => Ok(Slot { key: key.to_owned(), window: NO_WINDOW }),
        }
    }

    async fn refund(&self, slot: Slot) {
        if slot.window == NO_WINDOW {
            return;
        }
        let (counter, generation) = self.keys(&slot.key);
        let mut inv = self.refund.prepare_invoke();
        inv.key(counter).key(generation).arg(slot.window);
        let _: Result<i64, _> =
            self.redis.with_conn("login_throttle", |mut c| async move { inv.invoke_async(&mut c).await }).await;
    }

    async fn reset(&self, key: &str) {
        let (counter, _) = self.keys(key);
        let _: Result<i64, _> =
            self.redis.query("login_throttle", deadpool_redis::redis::cmd("DEL").arg(counter)).await;
    }
}
