//! Time as a dependency, so tests can freeze and move it.

use std::sync::Mutex;

use chrono::{DateTime, Duration, DurationRound, Utc};

pub trait Clock: Send + Sync + 'static {
    /// Now, truncated to microseconds: PostgreSQL keeps no more, so a value read
    /// back compares equal to the value written on every backend.
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        truncate_micros(Utc::now())
    }
}

/// A clock that stands still until told to move.
#[derive(Debug)]
pub struct FrozenClock(Mutex<DateTime<Utc>>);

impl FrozenClock {
    pub fn at(t: DateTime<Utc>) -> Self {
        Self(Mutex::new(truncate_micros(t)))
    }

    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for FrozenClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn truncate_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(Duration::microseconds(1)).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_moves_only_when_told() {
        let start = Utc::now();
        let clock = FrozenClock::at(start);
        let a = clock.now();
        assert_eq!(a, clock.now());
        clock.advance(Duration::minutes(5));
        assert_eq!(clock.now() - a, Duration::minutes(5));
    }

    #[test]
    fn system_clock_has_no_sub_microsecond_part() {
        assert_eq!(SystemClock.now().timestamp_subsec_nanos() % 1_000, 0);
    }
}
