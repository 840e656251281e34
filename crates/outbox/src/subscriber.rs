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

/// A consumer of events. Delivery is at least once and in order per aggregate and
/// target, so `deliver` must be idempotent on `event.id`.
#[async_trait]
pub trait Subscriber: Send + Sync + 'static {
    /// Stable name: delivery state is stored under it (or under `name:key` targets).
    fn name(&self) -> &'static str;

    /// Whether this subscriber wants events of this type at all.
    fn accepts(&self, event_type: &str) -> bool;

    /// Where this event goes. Usually the subscriber itself; a subscriber that fans
    /// out (one webhook endpoint per target) returns `name:key` targets, and each
    /// gets its own retries and dead letters.
    async fn targets(&self, event: &Event) -> Result<Vec<String>, DeliveryError> {
        Ok(if self.accepts(&event.event_type) { vec![self.name().to_owned()] } else { Vec::new() })
    }

    /// Delivers the event to one of the targets from [`Subscriber::targets`].
    async fn deliver(&self, target: &str, event: &Event) -> Result<(), DeliveryError>;

    /// Delivers several independent (target, event) pairs; one result each, in
    /// order. The default runs [`Subscriber::deliver`] concurrently; a subscriber
    /// that can write many at once (one multi-row INSERT) overrides it.
    async fn deliver_many(&self, items: &[(String, Event)]) -> Vec<Result<(), DeliveryError>> {
        futures::future::join_all(items.iter().map(|(target, event)| self.deliver(target, event))).await
    }
}

/// The subscriber that owns a stored target (`name` or `name:key`).
pub fn owner_of(target: &str) -> &str {
    target.split_once(':').map_or(target, |(name, _)| name)
}
