//! Serializers for wire types on the hot path.
//!
//! chrono serializes a `DateTime` through `collect_str`, which hands the RFC 3339 text
//! to serde_json one character at a time, each through the string escaper: about
//! 2,800 instructions per timestamp, 15 % of a 50-row list request (callgrind, see
//! `bench/RESULTS.md`). [`utc`] writes the same text into a stack buffer and hands it
//! over once. Use it on output DTOs: `#[serde(serialize_with = "atrium_kernel::wire::utc")]`
//! (and [`utc_opt`] for `Option<DateTime<Utc>>`); deserialization is unchanged.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::Serializer;

/// The text chrono's `Serialize` produces (RFC 3339, `Z`, fraction digits as needed:
/// none, 3, 6 or 9), for years 0–9999; other years go through chrono itself.
pub fn utc<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 32];
    match rfc3339(t, &mut buf) {
        Some(text) => s.serialize_str(text),
        None => serde::Serialize::serialize(t, s),
    }
}

/// [`utc`] for an optional timestamp (`null` when absent).
pub fn utc_opt<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => utc(t, s),
        None => s.serialize_none(),
    }
}

fn rfc3339<'a>(t: &DateTime<Utc>, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    // The naive UTC value once: each accessor on `DateTime` converts to local time first.
    let naive = t.naive_utc();
    let (date, time) = (naive.date(), naive.time());
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let mut nanos = time.nanosecond();
    let mut second = time.second();
    // chrono keeps a leap second as nanoseconds ≥ 1e9 of second 59.
    if nanos >= 1_000_000_000 {
        nanos -= 1_000_000_000;
        second += 1;
    }
    // Fixed layout: YYYY-MM-DDTHH:MM:SS, then the fraction and `Z`.
    digits(buf, 0, year, 4);
    buf[4] = b'-';
    digits(buf, 5, date.month(), 2);
    buf[7] = b'-';
    digits(buf, 8, date.day(), 2);
    buf[10] = b'T';
    digits(buf, 11, time.hour(), 2);
    buf[13] = b':';
    digits(buf, 14, time.minute(), 2);
    buf[16] = b':';
    digits(buf, 17, second, 2);
    let mut end = 19;
    let (value, width) = if nanos == 0 {
        (0, 0)
    } else if nanos.is_multiple_of(1_000_000) {
        (nanos / 1_000_000, 3)
    } else if nanos.is_multiple_of(1_000) {
        (nanos / 1_000, 6)
    } else {
        (nanos, 9)
    };
    if width > 0 {
        buf[end] = b'.';
        digits(buf, end + 1, value, width);
        end += 1 + width;
    }
    buf[end] = b'Z';
    end += 1;
    std::str::from_utf8(&buf[..end]).ok()
}

/// Writes `value` as exactly `width` decimal digits, zero-padded, at `buf[at..]`.
fn digits(buf: &mut [u8; 32], at: usize, mut value: u32, width: usize) {
    for slot in buf[at..at + width].iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    #[derive(serde::Serialize)]
    struct Fast(#[serde(serialize_with = "utc")] DateTime<Utc>);

    fn same_as_chrono(t: DateTime<Utc>) {
        let ours = serde_json::to_string(&Fast(t)).expect("serializes");
        let chrono = serde_json::to_string(&t).expect("serializes");
        assert_eq!(ours, chrono, "{t:?}");
    }

    #[test]
    fn matches_chrono_for_every_fraction_width_and_edge() {
        let base = Utc.with_ymd_and_hms(2026, 12, 7, 9, 5, 3).single().expect("valid");
        for nanos in [0, 1, 10, 999, 1_000, 120_000, 999_999, 1_000_000, 7_000_000, 123_456_789, 999_999_999] {
            same_as_chrono(base + chrono::Duration::nanoseconds(nanos));
        }
        same_as_chrono(Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).single().expect("valid"));
        same_as_chrono(Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).single().expect("valid"));
        same_as_chrono(Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).single().expect("valid"));
        // A leap second, and years chrono's own path handles.
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
            .expect("valid leap second");
        same_as_chrono(Utc.from_utc_datetime(&leap));
        same_as_chrono(Utc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).single().expect("valid"));
        same_as_chrono(Utc.with_ymd_and_hms(-1, 1, 1, 0, 0, 0).single().expect("valid"));
    }

    #[test]
    fn optional_none_is_null() {
        #[derive(serde::Serialize)]
        struct Opt(#[serde(serialize_with = "utc_opt")] Option<DateTime<Utc>>);
        assert_eq!(serde_json::to_string(&Opt(None)).expect("serializes"), "null");
        let t = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).single().expect("valid");
        assert_eq!(serde_json::to_string(&Opt(Some(t))).expect("serializes"), "\"2026-01-02T03:04:05Z\"");
    }
}
