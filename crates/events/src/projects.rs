//! Events published by the `projects` domain.

use crate::EventType;

pub fn catalog() -> Vec<EventType> {
    Vec::new()
}
