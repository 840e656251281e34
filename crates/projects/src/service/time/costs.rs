//! What delivered time cost: approved time (billable or not) at the member's cost
//! rate in force on each day, for revenue's engagement profitability report.

use std::collections::{BTreeMap, HashSet};

use atrium_kernel::{AppError, Currency, Money, OrgCtx, Scoped};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::TimeService;
use super::rates::{pick, rates_of};
use crate::dto::{ApprovalState, EngagementId, EngagementTimeCost};
use crate::entity::{rate_card, time_entry};

/// Bounded IN lists keep every backend under its bind-parameter limit.
const CHUNK: usize = 500;

impl TimeService {
    /// The cost of the approved time of each of `engagements` (with the currency
    /// agreements gives it, which decides whether a member's default card applies)
    /// dated within `from..=to`. Minutes are summed in SQL per engagement, member
    /// and day (served by `ix_time_entries_unbilled`, which leads with
    /// organization, engagement and approval state); each sum is priced by the card
    /// in force that day. Engagements of another organization simply have no time.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, n = engagements.len()))]
    pub async fn cost_of_time(
        &self,
        ctx: &OrgCtx,
        engagements: &[(EngagementId, Option<Currency>)],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<EngagementTimeCost>, AppError> {
        let mut sums: Vec<(Uuid, Uuid, NaiveDate, i64)> = Vec::new();
        for chunk in engagements.chunks(CHUNK) {
            let mut q = time_entry::Entity::scoped(ctx.org_id)
                .filter(time_entry::Column::EngagementId.is_in(chunk.iter().map(|(e, _)| e.into_uuid())))
                .filter(time_entry::Column::ApprovalState.eq(ApprovalState::Approved.as_str()));
            if let Some(f) = from {
                q = q.filter(time_entry::Column::Date.gte(f));
            }
            if let Some(t) = to {
                q = q.filter(time_entry::Column::Date.lte(t));
            }
            let rows: Vec<(Uuid, Uuid, NaiveDate, i64)> = q
                .select_only()
                .column(time_entry::Column::EngagementId)
                .column(time_entry::Column::MemberId)
                .column(time_entry::Column::Date)
                // SUM of an integer is bigint on PostgreSQL: cast so both backends answer i64.
                .column_as(Expr::col(time_entry::Column::Minutes).sum().cast_as("bigint"), "minutes")
                .group_by(time_entry::Column::EngagementId)
                .group_by(time_entry::Column::MemberId)
                .group_by(time_entry::Column::Date)
                .into_tuple()
                .all(&self.db)
                .await?;
            sums.extend(rows);
        }
        let cards = self.cards_of(ctx, engagements, &sums).await?;
        let mut out = Vec::with_capacity(engagements.len());
        for (engagement, currency) in engagements {
            let e = engagement.into_uuid();
            // One engagement's overrides and every default, newest start first, as `pick` expects.
            let mine: Vec<rate_card::Model> =
                cards.iter().filter(|c| c.engagement_id.is_none_or(|ce| ce == e)).cloned().collect();
            let mut cost =
                EngagementTimeCost { engagement_id: *engagement, minutes: 0, unpriced_minutes: 0, costs: Vec::new() };
            // Exact minute-rate products per currency; divided by 60 once at the end.
            let mut exact: BTreeMap<String, i128> = BTreeMap::new();
            for (_, member, date, minutes) in sums.iter().filter(|s| s.0 == e) {
                cost.minutes += minutes;
                match pick(&mine, *member, *date, *currency) {
                    Some((card, _)) => {
                        let (_, rate) = rates_of(card)?;
                        *exact.entry(rate.currency.code().to_owned()).or_default() +=
                            i128::from(*minutes) * i128::from(rate.amount_minor);
                    }
                    None => cost.unpriced_minutes += minutes,
                }
            }
            for (code, total) in exact {
                let currency: Currency =
                    code.parse().map_err(|e| AppError::internal(format!("stored rate card currency: {e}")))?;
                let minor = i64::try_from(div_half_even(total, 60))
                    .map_err(|_| AppError::internal("cost of time out of range"))?;
                cost.costs.push(Money::new(minor, currency));
            }
            out.push(cost);
        }
        Ok(out)
    }

    /// The cards that can price `sums`: the members' defaults and their overrides
    /// on these engagements, up to the last day, newest start first.
    async fn cards_of(
        &self,
        ctx: &OrgCtx,
        engagements: &[(EngagementId, Option<Currency>)],
        sums: &[(Uuid, Uuid, NaiveDate, i64)],
    ) -> Result<Vec<rate_card::Model>, AppError> {
        let Some(last) = sums.iter().map(|s| s.2).max() else { return Ok(Vec::new()) };
        let mut members: Vec<Uuid> = sums.iter().map(|s| s.1).collect();
        members.sort_unstable();
        members.dedup();
        let wanted: HashSet<Uuid> = engagements.iter().map(|(e, _)| e.into_uuid()).collect();
        let mut out = Vec::new();
        for chunk in members.chunks(CHUNK) {
            let rows = rate_card::Entity::scoped(ctx.org_id)
                .filter(rate_card::Column::MemberId.is_in(chunk.iter().copied()))
                .filter(rate_card::Column::EffectiveFrom.lte(last))
                .all(&self.db)
                .await?;
            out.extend(rows.into_iter().filter(|c| c.engagement_id.is_none_or(|e| wanted.contains(&e))));
        }
        out.sort_by_key(|c| std::cmp::Reverse(c.effective_from));
        Ok(out)
    }
}

/// `n / d` rounded half to even (`d` > 0), as revenue rounds money.
fn div_half_even(n: i128, d: i128) -> i128 {
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q % 2 == 0 => q,
        std::cmp::Ordering::Equal => q + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::div_half_even;

    #[test]
    fn rounds_half_to_even() {
        assert_eq!(div_half_even(90, 60), 2); // 1.5 → 2
        assert_eq!(div_half_even(150, 60), 2); // 2.5 → 2
        assert_eq!(div_half_even(91, 60), 2);
        assert_eq!(div_half_even(89, 60), 1);
    }
}
