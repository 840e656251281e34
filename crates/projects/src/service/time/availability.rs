//! Exact capacity arithmetic, no float. A capacity spreads `minutes_per_week`
//! evenly over its n working days, and n is 1 to 7, so every day's share is a
//! whole number of 1/420 minutes (420 = lcm(1..=7)): availability is summed in
//! those units and rounded once, and ratios are taken against the exact sum.

use chrono::{Datelike, NaiveDate};

use crate::dto::Weekday;

/// Parts of a minute every day's share is a whole number of.
const UNITS_PER_MINUTE: i128 = 420;
const ALL_DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// The working-days bit mask (bit 0 Monday … bit 6 Sunday) of `days`, or `None`
/// when it is empty or names a day twice.
pub(crate) fn mask_of(days: &[Weekday]) -> Option<i32> {
    let mut mask = 0;
    for d in days {
        let bit = 1 << index_of(*d);
        if mask & bit != 0 {
            return None;
        }
        mask |= bit;
    }
    (mask != 0).then_some(mask)
}

/// The days of a stored mask, Monday first.
pub(crate) fn days_of(mask: i32) -> Vec<Weekday> {
    ALL_DAYS.into_iter().filter(|d| mask & (1 << index_of(*d)) != 0).collect()
}

fn index_of(d: Weekday) -> u32 {
    match d {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
        Weekday::Sat => 5,
        Weekday::Sun => 6,
    }
}

/// One capacity as the arithmetic needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Capacity {
    pub from: NaiveDate,
    pub minutes_per_week: i32,
    pub mask: i32,
}

/// Available time in [`UNITS_PER_MINUTE`] units over `from..=to`, from a member's
/// capacities sorted by start: each applies from its date until the next one's.
pub(crate) fn available_units(caps: &[Capacity], from: NaiveDate, to: NaiveDate) -> i128 {
    let mut total = 0;
    for (i, cap) in caps.iter().enumerate() {
        let start = cap.from.max(from);
        let end = match caps.get(i + 1).and_then(|next| next.from.pred_opt()) {
            Some(last) => last.min(to),
            None => to,
        };
        let days = i128::from(working_days_in(cap.mask, start, end));
        let per_day = i128::from(cap.minutes_per_week) * UNITS_PER_MINUTE / i128::from(cap.mask.count_ones().max(1));
        total += days * per_day;
    }
    total
}

/// Whole minutes of `units`, rounded half to even.
pub(crate) fn minutes_of(units: i128) -> i64 {
    clamp(div_half_even(units, UNITS_PER_MINUTE))
}

/// `part / units` (both in the same measure, `part` in minutes and `units` in
/// 1/420 minutes) in basis points, rounded half to even; `None` when `units` is 0.
pub(crate) fn basis_points_of_units(part: i64, units: i128) -> Option<i64> {
    (units > 0).then(|| clamp(div_half_even(i128::from(part) * 10_000 * UNITS_PER_MINUTE, units)))
}

/// `part / whole` in basis points, rounded half to even; `None` when `whole` is 0.
pub(crate) fn basis_points(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| clamp(div_half_even(i128::from(part) * 10_000, i128::from(whole))))
}

/// The days of `mask` in `start..=end` (0 when the range is empty).
fn working_days_in(mask: i32, start: NaiveDate, end: NaiveDate) -> i64 {
    if end < start {
        return 0;
    }
    let span = (end - start).num_days() + 1;
    let per_week = i64::from(mask.count_ones());
    let mut days = span / 7 * per_week;
    let first = start.weekday().num_days_from_monday();
    for k in 0..(span % 7) {
        // `k` < 7, so the cast is lossless.
        let weekday = (first + k as u32) % 7;
        if mask & (1 << weekday) != 0 {
            days += 1;
        }
    }
    days
}

/// `n / d` for `n >= 0`, `d > 0`, rounded half to even.
fn div_half_even(n: i128, d: i128) -> i128 {
    let (q, r) = (n / d, n % d);
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => q + (q & 1),
    }
}

/// Dates span at most 10,000 years, so minutes and ratios fit an i64 by far.
fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    const WEEKDAYS: i32 = 0b001_1111;

    #[test]
    fn masks_round_trip_and_refuse_empty_or_repeated_days() {
        assert_eq!(mask_of(&[Weekday::Mon, Weekday::Sun]), Some(0b100_0001));
        assert_eq!(days_of(0b100_0001), [Weekday::Mon, Weekday::Sun]);
        assert_eq!(mask_of(&[]), None);
        assert_eq!(mask_of(&[Weekday::Tue, Weekday::Tue]), None);
    }

    #[test]
    fn working_days_skip_weekends_and_include_both_edges() {
        // 2026-12-07 is a Monday.
        assert_eq!(working_days_in(WEEKDAYS, d(2026, 12, 7), d(2026, 12, 13)), 5);
        assert_eq!(working_days_in(WEEKDAYS, d(2026, 12, 12), d(2026, 12, 13)), 0, "a weekend");
        assert_eq!(working_days_in(WEEKDAYS, d(2026, 12, 11), d(2026, 12, 14)), 2, "Friday and Monday");
        assert_eq!(working_days_in(WEEKDAYS, d(2026, 12, 1), d(2026, 12, 31)), 23);
        assert_eq!(working_days_in(0b100_0000, d(2026, 12, 1), d(2026, 12, 31)), 4, "Sundays of December");
        assert_eq!(working_days_in(WEEKDAYS, d(2026, 12, 8), d(2026, 12, 7)), 0);
    }

    #[test]
    fn capacities_take_over_from_their_date() {
        let caps = [
            Capacity { from: d(2026, 12, 1), minutes_per_week: 2400, mask: WEEKDAYS },
            Capacity { from: d(2026, 12, 14), minutes_per_week: 1200, mask: WEEKDAYS },
        ];
        // Dec 7–11: 5 × 480; Dec 14–18: 5 × 240.
        let units = available_units(&caps, d(2026, 12, 7), d(2026, 12, 18));
        assert_eq!(minutes_of(units), 5 * 480 + 5 * 240);
        // Before the first capacity nothing is available.
        assert_eq!(available_units(&caps, d(2026, 11, 23), d(2026, 11, 30)), 0);
        assert_eq!(available_units(&[], d(2026, 11, 23), d(2026, 11, 30)), 0);
    }

    #[test]
    fn uneven_shares_stay_exact_until_one_rounding() {
        // 1000 minutes over 3 days is 333⅓ a day: three days are exactly 1000.
        let caps = [Capacity { from: d(2026, 12, 7), minutes_per_week: 1000, mask: 0b000_0111 }];
        let units = available_units(&caps, d(2026, 12, 7), d(2026, 12, 9));
        assert_eq!(minutes_of(units), 1000);
        assert_eq!(minutes_of(available_units(&caps, d(2026, 12, 7), d(2026, 12, 7))), 333);
        assert_eq!(minutes_of(available_units(&caps, d(2026, 12, 7), d(2026, 12, 8))), 667);
        // 500 billable of 1000 available is exactly half.
        assert_eq!(basis_points_of_units(500, units), Some(5000));
        assert_eq!(basis_points_of_units(1, 0), None);
    }

    #[test]
    fn ratios_round_half_to_even() {
        assert_eq!(basis_points(1, 3), Some(3333));
        assert_eq!(basis_points(2, 3), Some(6667));
        assert_eq!(basis_points(1, 20_000), Some(0), "half a basis point rounds to even 0");
        assert_eq!(basis_points(3, 20_000), Some(2), "one and a half rounds to even 2");
        assert_eq!(basis_points(3, 2), Some(15_000), "overtime passes 100 %");
        assert_eq!(basis_points(0, 0), None);
    }
}
