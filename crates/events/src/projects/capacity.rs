//! Member capacity events: how many minutes a week a member is available, on
//! which weekdays, from a date. Capacity is staffing data, not an engagement's
//! history, so these events name no engagement for the timeline.

use atrium_kernel::{UserId, typed_id};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, event};

typed_id!(
    /// A member capacity: a member's weekly available minutes from a date.
    MemberCapacityId
);

status!(
    /// A day of the week, as a capacity's working days name it.
    Weekday { Mon => "mon", Tue => "tue", Wed => "wed", Thu => "thu", Fri => "fri", Sat => "sat", Sun => "sun" }
);

/// A member capacity as its events carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MemberCapacityState {
    pub id: MemberCapacityId,
    pub member_id: UserId,
    /// The first day it applies (until the member's next capacity starts).
    pub effective_from: NaiveDate,
    /// Available minutes per week, spread evenly over `working_days`.
    pub minutes_per_week: i32,
    /// The weekdays the member works, Monday first.
    pub working_days: Vec<Weekday>,
    pub created_at: DateTime<Utc>,
}

/// `projects.member_capacity.created`: a member's capacity from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MemberCapacityCreated {
    #[serde(flatten)]
    pub capacity: MemberCapacityState,
}

/// `projects.member_capacity.deleted`: from its date the earlier capacity (or none) applies again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MemberCapacityDeleted {
    #[serde(flatten)]
    pub capacity: MemberCapacityState,
}

event!(MemberCapacityCreated, "projects.member_capacity.created", "member_capacity",
    "A member's weekly capacity was set from a date.", |e| e.capacity.id);
event!(MemberCapacityDeleted, "projects.member_capacity.deleted", "member_capacity",
    "A member's capacity was deleted.", |e| e.capacity.id);

pub fn catalog() -> Vec<EventType> {
    vec![EventType::of::<MemberCapacityCreated>(), EventType::of::<MemberCapacityDeleted>()]
}
