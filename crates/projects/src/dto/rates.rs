use atrium_kernel::{Date, Money, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::EngagementId;

pub use atrium_events::projects::RateCardId;

/// The highest hourly rate accepted, in minor units (ten million in major units).
pub const MAX_RATE_MINOR: i64 = 1_000_000_000;

/// A member's billing and cost rate from a date: the default (no engagement) or an
/// override for one engagement, in that engagement's currency.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "engagement_id": null, "effective_from": "2027-01-01", "billing_rate": {"amount_minor": 15000, "currency": "EUR"}, "cost_rate": {"amount_minor": 6000, "currency": "EUR"}}))]
pub struct RateCardIn {
    pub member_id: UserId,
    /// Override the member's default for this engagement; absent or `null` sets the default.
    pub engagement_id: Option<EngagementId>,
    /// The first day the rates apply (until a later card of the same kind).
    #[schema(inline)]
    pub effective_from: Date,
    /// Per hour, 0 or more; same currency as `cost_rate`.
    pub billing_rate: Money,
    /// Per hour, 0 or more.
    pub cost_rate: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RateCardOut {
    pub id: RateCardId,
    pub member_id: UserId,
    /// `null` for the member's default.
    pub engagement_id: Option<EngagementId>,
    pub effective_from: NaiveDate,
    pub billing_rate: Money,
    pub cost_rate: Money,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct RateCardFilter {
    pub member_id: Option<UserId>,
    /// One engagement's overrides.
    pub engagement_id: Option<EngagementId>,
    /// `true`: only defaults; `false`: only overrides.
    pub default: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct EffectiveRateQuery {
    pub member_id: UserId,
    pub engagement_id: EngagementId,
    /// The day to price.
    #[param(inline)]
    pub date: Date,
}

/// Where an effective rate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RateSource {
    /// An override for the engagement.
    Engagement,
    /// The member's default.
    Default,
}

/// The rates that price a member's time on an engagement on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EffectiveRateOut {
    pub member_id: UserId,
    pub engagement_id: EngagementId,
    pub date: NaiveDate,
    pub billing_rate: Money,
    pub cost_rate: Money,
    pub rate_card_id: RateCardId,
    pub source: RateSource,
}

impl From<atrium_events::projects::RateCardState> for RateCardOut {
    fn from(s: atrium_events::projects::RateCardState) -> Self {
        Self {
            id: s.id,
            member_id: s.member_id,
            engagement_id: s.engagement_id,
            effective_from: s.effective_from,
            billing_rate: s.billing_rate,
            cost_rate: s.cost_rate,
            created_at: s.created_at,
        }
    }
}
