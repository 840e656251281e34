//! When a schedule has something to bill: the calendar of its periods and
//! installments, computed from its terms alone (no clock, no database).

use chrono::{Days, Months, NaiveDate};

use crate::dto::BillingPeriod;

/// One unit of work of a schedule: a period of a retainer or T&M schedule, or a
/// fixed installment. `key` is unique per schedule and names it for ever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Due {
    pub key: String,
    /// First and last day (inclusive) of a period; the installment's day otherwise.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The day the runner drafts it: the day after a period ends (billing in
    /// arrears, when the period's time is known), or the installment's day.
    pub on: NaiveDate,
    /// The installment's row, for fixed schedules.
    pub item: Option<uuid::Uuid>,
}

/// The most periods one run drafts for one schedule; a longer backlog is caught
/// up over the following runs (the daily job runs until nothing is due).
pub(crate) const MAX_PER_RUN: usize = 60;

fn months(p: BillingPeriod) -> u32 {
    match p {
        BillingPeriod::Monthly => 1,
        BillingPeriod::Quarterly => 3,
    }
}

/// The `k`-th period (from 0) of a schedule starting on `starts_on`, cut at
/// `ends_on`; `None` once the schedule has ended before it. Periods start on the
/// anchor's day of the month (the month's last day when it is shorter: a schedule
/// anchored on the 31st runs 31 Jan, 28 Feb, 31 Mar), so they never drift.
pub(crate) fn period(starts_on: NaiveDate, p: BillingPeriod, ends_on: Option<NaiveDate>, k: u32) -> Option<Due> {
    let step = months(p);
    let start = starts_on.checked_add_months(Months::new(k.checked_mul(step)?))?;
    if ends_on.is_some_and(|e| e < start) {
        return None;
    }
    let next = starts_on.checked_add_months(Months::new(k.checked_add(1)?.checked_mul(step)?))?;
    let mut end = next.checked_sub_days(Days::new(1))?;
    if let Some(e) = ends_on {
        end = end.min(e);
    }
    let on = end.checked_add_days(Days::new(1))?;
    Some(Due { key: format!("period:{start}"), start, end, on, item: None })
}

/// Periods due by `up_to` (their day has come), oldest first, from the first.
pub(crate) fn due_periods(
    starts_on: NaiveDate,
    p: BillingPeriod,
    ends_on: Option<NaiveDate>,
    up_to: NaiveDate,
) -> Vec<Due> {
    (0..).map_while(|k| period(starts_on, p, ends_on, k)).take_while(|d| d.on <= up_to).collect()
}

/// The first period not in `done` (its day may be in the future), if any is left.
pub(crate) fn next_period(
    starts_on: NaiveDate,
    p: BillingPeriod,
    ends_on: Option<NaiveDate>,
    done: &dyn Fn(&str) -> bool,
) -> Option<Due> {
    (0..).map_while(|k| period(starts_on, p, ends_on, k)).find(|d| !done(&d.key))
}

/// A fixed installment as a unit of work.
pub(crate) fn installment(id: uuid::Uuid, due_on: NaiveDate) -> Due {
    Due { key: format!("installment:{id}"), start: due_on, end: due_on, on: due_on, item: Some(id) }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn monthly_periods_keep_their_anchor_day() {
        let p: Vec<_> = (0..4).filter_map(|k| period(d(2027, 1, 31), BillingPeriod::Monthly, None, k)).collect();
        let starts: Vec<_> = p.iter().map(|x| x.start).collect();
        assert_eq!(starts, [d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 31), d(2027, 4, 30)]);
        assert_eq!(p[0].end, d(2027, 2, 27));
        assert_eq!(p[0].on, d(2027, 2, 28));
        assert_eq!(p[1].end, d(2027, 3, 30));
        assert_eq!(p[0].key, "period:2027-01-31");
    }

    #[test]
    fn quarterly_periods_and_the_end_date_cut_the_last_one() {
        let p: Vec<_> =
            (0..10).map_while(|k| period(d(2027, 1, 1), BillingPeriod::Quarterly, Some(d(2027, 8, 15)), k)).collect();
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].start, p[0].end, p[0].on), (d(2027, 1, 1), d(2027, 3, 31), d(2027, 4, 1)));
        assert_eq!((p[2].start, p[2].end, p[2].on), (d(2027, 7, 1), d(2027, 8, 15), d(2027, 8, 16)));
    }

    #[test]
    fn due_periods_are_those_whose_day_has_come() {
        let s = d(2027, 1, 1);
        assert!(due_periods(s, BillingPeriod::Monthly, None, d(2027, 1, 31)).is_empty());
        assert_eq!(due_periods(s, BillingPeriod::Monthly, None, d(2027, 2, 1)).len(), 1);
        // A missed quarter catches up: three months due at once.
        let due = due_periods(s, BillingPeriod::Monthly, None, d(2027, 4, 10));
        assert_eq!(due.iter().map(|x| x.start.month0()).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn next_period_skips_what_is_done() {
        let s = d(2027, 1, 1);
        let next = next_period(s, BillingPeriod::Monthly, None, &|k| k == "period:2027-01-01");
        assert_eq!(next.map(|x| x.on), Some(d(2027, 3, 1)));
        let ended = next_period(s, BillingPeriod::Monthly, Some(d(2027, 1, 20)), &|k| k == "period:2027-01-01");
        assert_eq!(ended, None);
    }
}
