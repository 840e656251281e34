use atrium_kernel::{Date, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::AssigneeFilter;

pub use atrium_events::projects::{MemberCapacityId, Weekday};

/// A week has 10080 minutes.
pub const MAX_WEEK_MINUTES: i32 = 7 * 1440;
/// 40 hours, when a capacity states no `minutes_per_week`.
pub const DEFAULT_WEEK_MINUTES: i32 = 40 * 60;
/// Monday to Friday, when a capacity states no `working_days`.
pub const DEFAULT_WORKING_DAYS: [Weekday; 5] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];

/// A member's weekly capacity from a date, until their next capacity starts.
/// The minutes are spread evenly over the working days: 2400 over Monday–Friday
/// is 480 a working day, and no day off the list counts.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"member_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "effective_from": "2027-01-01", "minutes_per_week": 2400, "working_days": ["mon", "tue", "wed", "thu", "fri"]}))]
pub struct MemberCapacityIn {
    pub member_id: UserId,
    /// The first day the capacity applies.
    #[schema(inline)]
    pub effective_from: Date,
    /// Available minutes per week, 0–10080 (default 2400, 40 hours); at most
    /// 1440 per working day. 0 records a period of leave.
    #[schema(minimum = 0, maximum = 10080, example = 2400)]
    #[validate(range(min = 0, max = MAX_WEEK_MINUTES))]
    pub minutes_per_week: Option<i32>,
    /// The weekdays worked, each once (default Monday to Friday).
    pub working_days: Option<Vec<Weekday>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MemberCapacityOut {
    pub id: MemberCapacityId,
    pub member_id: UserId,
    pub effective_from: NaiveDate,
    pub minutes_per_week: i32,
    /// Monday first.
    pub working_days: Vec<Weekday>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct MemberCapacityFilter {
    /// A member's user id, or `me` for the caller.
    #[param(value_type = Option<String>, example = "me")]
    pub member_id: Option<AssigneeFilter>,
}

impl From<atrium_events::projects::MemberCapacityState> for MemberCapacityOut {
    fn from(s: atrium_events::projects::MemberCapacityState) -> Self {
        Self {
            id: s.id,
            member_id: s.member_id,
            effective_from: s.effective_from,
            minutes_per_week: s.minutes_per_week,
            working_days: s.working_days,
            created_at: s.created_at,
        }
    }
}
