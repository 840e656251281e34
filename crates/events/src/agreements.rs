//! Events published by the `agreements` domain.

use crate::EventType;

pub fn catalog() -> Vec<EventType> {
    Vec::new()
}
