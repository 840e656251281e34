//! Events published by the `webhooks` domain.

use crate::EventType;

pub fn catalog() -> Vec<EventType> {
    Vec::new()
}
