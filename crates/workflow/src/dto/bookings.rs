//! Wire types of booking endpoints and of the inbound booking webhook.

use atrium_kernel::{Text, typed_id};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

pub use atrium_events::workflow::{BookingEndpointId, BookingProvider};

typed_id!(
    /// A booking an endpoint took in.
    BookingReceiptId
);

pub type EndpointName = Text<200>;

/// The shortest signing secret a caller may supply (Calendly's keys are longer).
pub const MIN_SECRET: usize = 16;
/// The longest.
pub const MAX_SECRET: usize = 256;

/// A new booking endpoint (owner/admin). Without `secret` the server generates
/// one (256 bits); with it (Calendly hands you its signing key), that one is used.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Cal.com intro calls", "provider": "cal_com"}))]
pub struct BookingEndpointIn {
    #[schema(inline)]
    pub name: EndpointName,
    pub provider: BookingProvider,
    /// The provider's signing key, when it gives you one; shown back only once.
    #[validate(length(min = 16, max = 256))]
    #[schema(min_length = 16, max_length = 256, example = "f3a9c1d27b8e4f60a5d2c9e1b7f04a38")]
    pub secret: Option<String>,
}

/// Partial update (owner/admin).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"enabled": false}))]
pub struct BookingEndpointPatch {
    #[schema(inline)]
    pub name: Option<EndpointName>,
    /// A disabled endpoint refuses deliveries (401, as for an unknown one).
    pub enabled: Option<bool>,
}

/// A new signing secret (owner/admin): the given one, or one the server generates.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({}))]
pub struct BookingSecretIn {
    #[validate(length(min = 16, max = 256))]
    #[schema(min_length = 16, max_length = 256, example = "f3a9c1d27b8e4f60a5d2c9e1b7f04a38")]
    pub secret: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "name": "Cal.com intro calls",
    "provider": "cal_com", "enabled": true,
    "inbound_path": "/api/v1/integrations/bookings/5d1c7e0a-93b2-4f8e-b1a6-2c4e9d7f3a10",
    "version": 1, "created_at": "2026-12-12T10:00:00Z", "updated_at": "2026-12-12T10:00:00Z"}))]
pub struct BookingEndpointOut {
    pub id: BookingEndpointId,
    pub name: String,
    pub provider: BookingProvider,
    pub enabled: bool,
    /// Where the provider delivers (append to the server's base URL). Its last
    /// segment is random, and useless without the secret.
    pub inbound_path: String,
    /// The row's version, for `If-Match`.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The endpoint with its signing secret, shown only in this response (create,
/// rotate).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BookingEndpointSecretOut {
    pub endpoint: BookingEndpointOut,
    #[schema(example = "4f0c9a1e…64 hex digits")]
    pub secret: String,
}

/// A booking taken in (or found again, for a redelivery).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "endpoint_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "booking_uid": "bk_9f2c1d", "event_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d", "duplicate": false,
    "received_at": "2026-12-12T10:00:00Z"}))]
pub struct BookingReceiptOut {
    pub id: BookingReceiptId,
    pub endpoint_id: BookingEndpointId,
    /// The provider's id of the booking.
    pub booking_uid: String,
    /// The `appointment.booked` event it published (once).
    pub event_id: Uuid,
    /// True when this booking was received before: nothing was published now.
    pub duplicate: bool,
    pub received_at: DateTime<Utc>,
}

/// A signed delivery of an event the integration does not act on.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"ignored": "BOOKING_CANCELLED"}))]
pub struct BookingIgnoredOut {
    /// The provider's event name.
    pub ignored: String,
}
