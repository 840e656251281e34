//! Turning billable time into invoice lines: grouped per member (or task) and
//! rate, hours to the thousandth, and a note of what could not be priced.

use std::collections::{BTreeMap, HashMap};

use atrium_events::projects::{TaskId, TimeEntryId};
use atrium_kernel::{Currency, Money, UserId};

use crate::calc::div_half_even;
use crate::dto::TimeGrouping;
use crate::ports::BillableTime;

/// A line the schedule writes, and the time it bills (entry, minutes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlannedLine {
    pub description: String,
    /// Thousandths of a unit (hours for time lines).
    pub quantity_milli: i64,
    pub unit_price: Money,
    pub entries: Vec<(TimeEntryId, i32)>,
}

/// What a period's time comes to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TimePlan {
    /// Overage (retainer) or all the time (T&M), priced.
    pub lines: Vec<PlannedLine>,
    /// Time the retainer's included hours cover: billed by its fee line.
    pub covered: Vec<(TimeEntryId, i32)>,
    /// Time left unbilled, and why; it stays unbilled for a later run.
    pub left_out: Vec<String>,
}

/// Minutes of one line, and the entries (with their minutes) it bills.
type Billed = (i64, Vec<(TimeEntryId, i32)>);

/// Names printed on time lines.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    pub members: HashMap<UserId, String>,
    pub tasks: HashMap<TaskId, String>,
}

/// Minutes as hours in thousandths, rounded half to even (a line of 10 minutes
/// bills 0.167 h). Lines add their entries' minutes first, so the rounding
/// happens once per line, not per entry.
pub(crate) fn hours_milli(minutes: i64) -> i64 {
    i64::try_from(div_half_even(i128::from(minutes) * 1000, 60)).unwrap_or(i64::MAX)
}

/// Hours for a note: `4.5 h`.
pub(crate) fn hours_text(minutes: i64) -> String {
    let milli = hours_milli(minutes);
    let (whole, frac) = (milli / 1000, milli % 1000);
    if frac == 0 { format!("{whole} h") } else { format!("{whole}.{} h", format!("{frac:03}").trim_end_matches('0')) }
}

/// Plans the lines for `entries` (oldest first). With `included` minutes (a
/// retainer), the oldest time up to that many minutes is covered by the fee and
/// only the rest is priced; an entry that straddles the limit bills its excess.
pub(crate) fn plan_time(
    entries: &[BillableTime],
    included: Option<i64>,
    currency: Currency,
    grouping: TimeGrouping,
    labels: &Labels,
    suffix: &str,
) -> TimePlan {
    let mut plan = TimePlan::default();
    let mut allowance = included;
    // Key: printed label, rate, then the id so two members with one name stay apart.
    let mut groups: BTreeMap<(String, i64, String), Billed> = BTreeMap::new();
    let mut unpriced: BTreeMap<String, (usize, i64)> = BTreeMap::new();
    for e in entries {
        let mut billed = e.minutes;
        if let Some(left) = allowance.as_mut() {
            let take = i64::from(e.minutes).min(*left);
            *left -= take;
            let covered = i32::try_from(take).unwrap_or(e.minutes);
            billed -= covered;
            if billed == 0 {
                plan.covered.push((e.entry_id, covered));
                continue;
            }
        }
        let member = labels.members.get(&e.member_id).cloned().unwrap_or_else(|| format!("Member {}", e.member_id));
        let rate = match e.billing_rate {
            Some(r) if r.currency == currency => r,
            other => {
                let why = match other {
                    Some(r) => format!("{member}: rate in {} not {currency}", r.currency),
                    None => format!("{member}: no billing rate"),
                };
                let slot = unpriced.entry(why).or_default();
                slot.0 += 1;
                slot.1 += i64::from(billed);
                continue;
            }
        };
        let (label, id) = match grouping {
            TimeGrouping::Member => (member, e.member_id.to_string()),
            TimeGrouping::Task => match e.task_id {
                Some(t) => (labels.tasks.get(&t).cloned().unwrap_or_else(|| format!("Task {t}")), t.to_string()),
                None => ("Other time".to_owned(), String::new()),
            },
        };
        let slot = groups.entry((label, rate.amount_minor, id)).or_default();
        slot.0 += i64::from(billed);
        slot.1.push((e.entry_id, billed));
    }
    plan.lines = groups
        .into_iter()
        .map(|((label, rate, _), (minutes, entries))| PlannedLine {
            description: format!("{label} — {suffix}"),
            quantity_milli: hours_milli(minutes),
            unit_price: Money::new(rate, currency),
            entries,
        })
        .collect();
    plan.left_out = unpriced
        .into_iter()
        .map(|(why, (n, minutes))| format!("{why} ({n} entries, {} left unbilled)", hours_text(minutes)))
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use uuid::Uuid;

    use super::*;

    fn entry(member: UserId, task: Option<TaskId>, minutes: i32, rate: Option<Money>) -> BillableTime {
        BillableTime {
            entry_id: Uuid::now_v7().into(),
            member_id: member,
            task_id: task,
            date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
            minutes,
            billing_rate: rate,
        }
    }

    fn eur(minor: i64) -> Money {
        Money::new(minor, "EUR".parse().expect("EUR"))
    }

    #[test]
    fn hours_round_half_even_to_the_thousandth() {
        assert_eq!(hours_milli(90), 1500);
        assert_eq!(hours_milli(10), 167);
        assert_eq!(hours_milli(1), 17);
        assert_eq!(hours_text(270), "4.5 h");
        assert_eq!(hours_text(60), "1 h");
    }

    #[test]
    fn time_groups_per_member_and_rate_and_leaves_unpriced_time_out() {
        let (ada, bob) = (UserId::from(Uuid::now_v7()), UserId::from(Uuid::now_v7()));
        let mut labels = Labels::default();
        labels.members.insert(ada, "Ada".into());
        labels.members.insert(bob, "Bob".into());
        let entries = [
            entry(ada, None, 90, Some(eur(15000))),
            entry(ada, None, 30, Some(eur(15000))),
            entry(ada, None, 60, Some(eur(18000))),
            entry(bob, None, 60, None),
            entry(bob, None, 60, Some(Money::new(100, "USD".parse().expect("USD")))),
        ];
        let eur_code = "EUR".parse().expect("EUR");
        let plan = plan_time(&entries, None, eur_code, TimeGrouping::Member, &labels, "January");
        assert_eq!(plan.lines.len(), 2);
        assert_eq!(plan.lines[0].description, "Ada — January");
        assert_eq!((plan.lines[0].quantity_milli, plan.lines[0].unit_price), (2000, eur(15000)));
        assert_eq!(plan.lines[0].entries.len(), 2);
        assert_eq!((plan.lines[1].quantity_milli, plan.lines[1].unit_price), (1000, eur(18000)));
        assert_eq!(plan.left_out.len(), 2, "{:?}", plan.left_out);
        assert!(plan.left_out.iter().any(|n| n.contains("no billing rate") && n.contains("1 h")));
    }

    #[test]
    fn included_minutes_cover_the_oldest_time_and_the_straddling_entry_bills_its_excess() {
        let ada = UserId::from(Uuid::now_v7());
        let entries = [
            entry(ada, None, 60, Some(eur(10000))),
            entry(ada, None, 90, Some(eur(10000))),
            entry(ada, None, 30, None),
        ];
        let eur_code = "EUR".parse().expect("EUR");
        let plan = plan_time(&entries, Some(120), eur_code, TimeGrouping::Task, &Labels::default(), "overage");
        assert_eq!(plan.covered, vec![(entries[0].entry_id, 60)]);
        assert_eq!(plan.lines.len(), 1);
        assert_eq!(plan.lines[0].description, "Other time — overage");
        assert_eq!(plan.lines[0].entries, vec![(entries[1].entry_id, 30)]);
        assert_eq!(plan.lines[0].quantity_milli, 500);
        assert_eq!(plan.left_out.len(), 1);
    }
}
