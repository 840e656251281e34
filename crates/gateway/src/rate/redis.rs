//! The Redis GCRA limiter: one Lua script per check, so the read-decide-write of
//! every key is atomic on the server and costs one round trip, and the clock is
//! the server's (`TIME`), so replicas with skewed clocks share one budget.

use async_trait::async_trait;
use atrium_kernel::{Decision, LimiterUnavailable, Quota, RateLimiter};
use deadpool_redis::redis::Script;
use std::sync::Arc;
use std::time::Duration;

use crate::redis::Redis;

/// KEYS: the keys to charge. ARGV: window and interval in microseconds.
/// Returns {allowed, remaining, reset_after_us, retry_after_us} of the most
/// constrained key; charges every key only when all allow.
const GCRA: &str = r"
local window = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local best = nil
local news = {}
for i, key in ipairs(KEYS) do
  local tat = tonumber(redis.call('GET', key)) or now
  if tat < now then tat = now end
  local new_tat = tat + interval
  local allow_at = new_tat - window
  local d
  if allow_at > now then
    d = {0, 0, tat - now, allow_at - now}
  else
    d = {1, math.floor((window - (new_tat - now)) / interval), new_tat - now, 0}
  end
  news[i] = new_tat
  if best == nil or (d[1] < best[1]) or (d[1] == best[1] and d[1] == 0 and d[4] > best[4])
     or (d[1] == best[1] and d[1] == 1 and d[2] < best[2]) then
    best = d
  end
end
if best == nil then return {1, 0, 0, 0} end
if best[1] == 1 then
  for i, key in ipairs(KEYS) do
    redis.call('SET', key, news[i], 'PX', math.ceil((news[i] - now) / 1000) + 1)
  end
end
return best
";

pub struct RedisLimiter {
    redis: Redis,
    script: Arc<Script>,
}

impl RedisLimiter {
    pub fn new(redis: Redis) -> Self {
        Self { redis, script: Arc::new(Script::new(GCRA)) }
    }
}

#[async_trait]
impl RateLimiter for RedisLimiter {
    async fn check(&self, keys: &[String], quota: Quota) -> Result<Decision, LimiterUnavailable> {
        let window = u64::try_from(quota.window.as_micros()).unwrap_or(u64::MAX);
        let interval = (window / u64::from(quota.limit.max(1))).max(1);
        let mut inv = self.script.prepare_invoke();
        for k in keys {
            inv.key(self.redis.key(k));
        }
        inv.arg(window).arg(interval);
        let (allowed, remaining, reset, retry): (i64, i64, i64, i64) = self
            .redis
            .with_conn("rate_limit", |mut conn| async move { inv.invoke_async(&mut conn).await })
            .await
            .map_err(|_| LimiterUnavailable)?;
        let us = |v: i64| Duration::from_micros(u64::try_from(v).unwrap_or(0));
        Ok(Decision {
            allowed: allowed == 1,
            remaining: u32::try_from(remaining).unwrap_or(0),
            reset_after: us(reset),
            retry_after: us(retry),
        })
    }
}
