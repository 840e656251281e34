//! What the dispatcher delivers events to.

use async_trait::async_trait;

use crate::event::Event;

/// A delivery failed; it will be retried with backoff, then dead-lettered.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryError(pub String);

impl DeliveryError {
    pub fn new(err: impl std::fmt::Display) -> Self {
        Self(err.to_string())
    }
}

/// A consumer of events. Delivery is at least once and in order per aggregate, so
/// `deliver` must be idempotent on `event.id`.
#[async_trait]
pub trait Subscriber: Send + Sync + 'static {
    /// Stable name: delivery state is stored under it.
    fn name(&self) -> &'static str;

    /// Whether this subscriber wants events of this type at all.
    fn accepts(&self, event_type: &str) -> bool;

    async fn deliver(&self, event: &Event) -> Result<(), DeliveryError>;
}
