//! Events published by the `crm` domain.

use crate::EventType;

pub fn catalog() -> Vec<EventType> {
    Vec::new()
}
