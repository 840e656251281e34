//! The shared Redis connection (`REDIS_URL`) behind sessions, rate limits and the
//! query cache. Every call has a short deadline and reports failure as
//! [`RedisUnavailable`] instead of an error the request would surface: each user
//! decides how to carry on without Redis (sessions fall back to the database, the
//! cache is bypassed, rate limits fail open), so Redis going away is never a 500
//! and never a hang. Failures are counted (`atrium_redis_failures_total{op}`) and
//! logged, at most once per [`WARN_EVERY`], so an outage does not flood the log.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use deadpool_redis::redis::{self, FromRedisValue};
use deadpool_redis::{Connection, Pool, Runtime};
use prometheus::{IntCounterVec, Opts};

use crate::config::Config;

const WARN_EVERY: Duration = Duration::from_secs(10);

/// Redis could not answer in time (down, unreachable, timed out, or an error reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("redis is unavailable")]
pub struct RedisUnavailable;

#[derive(Clone)]
pub struct Redis {
    pool: Pool,
    url: Arc<str>,
    prefix: Arc<str>,
    timeout: Duration,
    failures: IntCounterVec,
    last_warned: Arc<AtomicU64>,
}

impl Redis {
    /// `None` when `REDIS_URL` is unset. Connecting is lazy: a server that is down
    /// at start is an outage like any other, not a startup failure.
    pub fn from_config(config: &Config) -> Result<Option<Self>, crate::app::BoxError> {
        let Some(url) = config.redis_url.as_deref().filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let timeout = Duration::from_millis(config.redis_timeout_ms.max(1));
        let mut cfg = deadpool_redis::Config::from_url(url);
        cfg.pool = Some(deadpool_redis::PoolConfig {
            max_size: 64,
            timeouts: deadpool_redis::Timeouts { wait: Some(timeout), create: Some(timeout), recycle: Some(timeout) },
            ..Default::default()
        });
        let pool = cfg.create_pool(Some(Runtime::Tokio1))?;
        let failures = IntCounterVec::new(
            Opts::new("redis_failures_total", "Redis calls that failed or timed out, by operation"),
            &["op"],
        )?;
        Ok(Some(Self {
            pool,
            url: url.into(),
            prefix: config.redis_key_prefix.as_str().into(),
            timeout,
            failures,
            last_warned: Arc::default(),
        }))
    }

    /// The failure counter, for the metrics registry.
    pub fn failures(&self) -> &IntCounterVec {
        &self.failures
    }

    /// The server's URL, for connections a pool cannot give (pub/sub).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The deadline of one call.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// `part` under this deployment's prefix.
    pub fn key(&self, part: &str) -> String {
        format!("{}{part}", self.prefix)
    }

    /// Runs one command (or a pipeline, or a script invocation through
    /// [`Redis::with_conn`]) under the deadline.
    pub async fn query<T: FromRedisValue + Send>(
        &self,
        op: &'static str,
        cmd: &redis::Cmd,
    ) -> Result<T, RedisUnavailable> {
        self.with_conn(op, |mut conn| {
            let cmd = cmd.clone();
            async move { cmd.query_async::<T>(&mut conn).await }
        })
        .await
    }

    /// Runs a pipeline under the deadline.
    pub async fn pipe<T: FromRedisValue + Send>(
        &self,
        op: &'static str,
        pipe: &redis::Pipeline,
    ) -> Result<T, RedisUnavailable> {
        self.with_conn(op, |mut conn| {
            let pipe = pipe.clone();
            async move { pipe.query_async::<T>(&mut conn).await }
        })
        .await
    }

    /// Takes a pooled connection and runs `f` on it, the whole under the deadline.
    pub async fn with_conn<T, F, Fut>(&self, op: &'static str, f: F) -> Result<T, RedisUnavailable>
    where
        F: FnOnce(Connection) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        let call = async {
            let conn = self.pool.get().await.map_err(|e| e.to_string())?;
            f(conn).await.map_err(|e| e.to_string())
        };
        match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(why)) => Err(self.failed(op, &why)),
            Err(_) => Err(self.failed(op, "timed out")),
        }
    }

    fn failed(&self, op: &'static str, why: &str) -> RedisUnavailable {
        self.failures.with_label_values(&[op]).inc();
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let last = self.last_warned.load(Ordering::Relaxed);
        if now.saturating_sub(last) >= WARN_EVERY.as_secs()
            && self.last_warned.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            tracing::warn!(
                op,
                error = why,
                "redis unavailable: carrying on without it (sessions from the database, cache bypassed, rate limits per their fail mode)"
            );
        }
        RedisUnavailable
    }
}
