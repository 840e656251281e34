//! Rate limiting behind a trait, so the in-process limiter (one replica) and the
//! Redis one (shared by every replica) are interchangeable.
//!
//! The algorithm is GCRA (the generic cell rate algorithm): a key's state is one
//! timestamp, the theoretical arrival time (TAT); a quota of `limit` requests per
//! `window` lets a burst of `limit` through and then one request every
//! `window / limit`. A check is allowed when `TAT - now <= window - interval`, and
//! then moves TAT to `max(TAT, now) + interval`. One number per key makes the
//! check atomic in one Redis script and cheap in process.

use std::time::Duration;

use async_trait::async_trait;

/// `limit` requests per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub limit: u32,
    pub window: Duration,
}

impl Quota {
    /// Parses `10/60s`, `600/1m`, `5/1h` or `100` (per minute); `0` or `off` is `None` (no limit).
    pub fn parse(text: &str) -> Result<Option<Self>, String> {
        let t = text.trim();
        if t.is_empty() || t == "0" || t.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let (n, w) = t.split_once('/').unwrap_or((t, "60s"));
        let limit: u32 = n.trim().parse().map_err(|_| format!("`{text}`: the count is not a number"))?;
        if limit == 0 {
            return Ok(None);
        }
        let w = w.trim();
        let split = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
        let (num, unit) = w.split_at(split);
        let num: u64 = if num.is_empty() { 1 } else { num.parse().map_err(|_| format!("`{text}`: bad window"))? };
        let secs = match unit {
            "" | "s" => num,
            "m" => num * 60,
            "h" => num * 3600,
            _ => return Err(format!("`{text}`: the window unit must be s, m or h")),
        };
        if secs == 0 {
            return Err(format!("`{text}`: the window must be at least one second"));
        }
        Ok(Some(Self { limit, window: Duration::from_secs(secs) }))
    }

    /// The spacing between requests once the burst is spent.
    pub fn interval(&self) -> Duration {
        self.window / self.limit.max(1)
    }
}

/// The more constrained of two decisions (refused over allowed, then fewer remaining).
pub fn tighter(a: Decision, b: Decision) -> Decision {
    match (a.allowed, b.allowed) {
        (false, true) => a,
        (true, false) => b,
        (false, false) => {
            if a.retry_after >= b.retry_after {
                a
            } else {
                b
            }
        }
        (true, true) => {
            if a.remaining <= b.remaining {
                a
            } else {
                b
            }
        }
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// Requests still allowed right now (after this one, if it was allowed).
    pub remaining: u32,
    /// Until the key is back to its full quota.
    pub reset_after: Duration,
    /// Until the next request would be allowed (zero when allowed).
    pub retry_after: Duration,
}

/// The limiter's store could not answer (Redis down); the caller picks fail-open or fail-closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the rate limiter's store is unavailable")]
pub struct LimiterUnavailable;

#[async_trait]
pub trait RateLimiter: Send + Sync + 'static {
    /// Counts one request against every key under `quota`, atomically and all
    /// or nothing: allowed only when every key allows it (and then each key is
    /// charged); the answer is the most constrained key's.
    async fn check(&self, keys: &[String], quota: Quota) -> Result<Decision, LimiterUnavailable>;
}

/// One GCRA step over a stored TAT (in microseconds since any fixed epoch), the
/// same arithmetic as the Redis script. Returns the decision and the new TAT to
/// store (`None`: leave the stored one).
pub fn gcra(tat_us: Option<u64>, now_us: u64, quota: Quota) -> (Decision, Option<u64>) {
    let window = u64::try_from(quota.window.as_micros()).unwrap_or(u64::MAX);
    let interval = (window / u64::from(quota.limit.max(1))).max(1);
    let tat = tat_us.unwrap_or(now_us).max(now_us);
    let new_tat = tat.saturating_add(interval);
    let allow_at = new_tat.saturating_sub(window);
    if allow_at > now_us {
        let retry = allow_at - now_us;
        let reset = tat - now_us;
        let d = Decision {
            allowed: false,
            remaining: 0,
            reset_after: Duration::from_micros(reset),
            retry_after: Duration::from_micros(retry),
        };
        return (d, None);
    }
    let used = new_tat - now_us;
    let remaining = window.saturating_sub(used) / interval;
    let d = Decision {
        allowed: true,
        remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
        reset_after: Duration::from_micros(used),
        retry_after: Duration::ZERO,
    };
    (d, Some(new_tat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quotas() {
        let q = |l, s| Some(Quota { limit: l, window: Duration::from_secs(s) });
        assert_eq!(Quota::parse("10/60s"), Ok(q(10, 60)));
        assert_eq!(Quota::parse("600/1m"), Ok(q(600, 60)));
        assert_eq!(Quota::parse("5/h"), Ok(q(5, 3600)));
        assert_eq!(Quota::parse("100"), Ok(q(100, 60)));
        assert_eq!(Quota::parse("0"), Ok(None));
        assert_eq!(Quota::parse("off"), Ok(None));
        assert!(Quota::parse("x/1s").is_err());
        assert!(Quota::parse("5/1d").is_err());
        assert!(Quota::parse("5/0s").is_err());
    }

    #[test]
    fn gcra_allows_a_burst_then_the_rate() {
        let quota = Quota { limit: 3, window: Duration::from_secs(3) };
        let mut tat = None;
        let now = 10_000_000;
        for expect in [2, 1, 0] {
            let (d, t) = gcra(tat, now, quota);
            assert!(d.allowed);
            assert_eq!(d.remaining, expect);
            tat = t;
        }
        let (d, t) = gcra(tat, now, quota);
        assert!(!d.allowed);
        assert_eq!(t, None);
        assert_eq!(d.retry_after, Duration::from_secs(1));
        assert_eq!(d.reset_after, Duration::from_secs(3));
        let (d, _) = gcra(tat, now + 1_000_000, quota);
        assert!(d.allowed, "one interval later one request is allowed again");
        assert_eq!(d.remaining, 0);
    }
}
