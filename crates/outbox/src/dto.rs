//! Wire types of the outbox admin API and the change feed.

use atrium_kernel::typed_id;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::event::Event;

typed_id!(
    /// A delivery of one event to one subscriber target that failed every attempt.
    DeadLetterId
);

/// A delivery that failed every attempt.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeadLetterOut {
    pub id: DeadLetterId,
    /// The subscriber that kept failing, e.g. `timeline` or `webhooks`.
    #[schema(example = "timeline")]
    pub subscriber: String,
    pub attempts: i32,
    #[schema(example = "connection refused")]
    pub last_error: String,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub failed_at: DateTime<Utc>,
    pub event: Event,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReplayedOut {
    /// How many dead letters were put back in line.
    pub replayed: u64,
}

#[derive(Debug, Clone, Deserialize, IntoParams, validator::Validate)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// `next_cursor` of the previous call; absent to start from the oldest retained event.
    pub after: Option<String>,
    /// Events per call, 1–500 (default 100).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 500, example = 100)]
    pub limit: Option<String>,
}

/// A slice of the change feed. Poll again with `next_cursor`: it is always set.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FeedOut {
    pub items: Vec<Event>,
    #[schema(example = "AAAAAAAAAAAAAAAAAAAAKg4fQm1cXx3z9VtLx8u6Dg")]
    pub next_cursor: String,
}
