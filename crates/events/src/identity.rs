//! Events published by the `identity` domain.

use crate::EventType;

pub fn catalog() -> Vec<EventType> {
    Vec::new()
}
