//! Events published by the `webhooks` domain: the organization's endpoints. They carry
//! no facets: an endpoint URL may hold a receiver's token, and the timeline is open
//! to every role while endpoints are for owners and admins.

use atrium_kernel::typed_id;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{EventType, event};

typed_id!(
    /// A webhook endpoint.
    WebhookEndpointId
);

/// What an endpoint is after a change (never its signing secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookEndpointState {
    pub id: WebhookEndpointId,
    pub url: String,
    /// Patterns: `*`, a prefix like `crm.*`, or exact event types.
    pub event_types: Vec<String>,
    pub description: String,
    pub enabled: bool,
}

/// An endpoint was subscribed to event types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "url": "https://hooks.example.com/atrium",
    "event_types": ["identity.member.*"], "description": "HR sync", "enabled": true}))]
pub struct EndpointCreated {
    #[serde(flatten)]
    pub endpoint: WebhookEndpointState,
}

event!(EndpointCreated, "webhooks.endpoint.created", "webhook", "A webhook endpoint was created.", |e| e.endpoint.id);

/// An endpoint's URL, event types, description or enabled flag changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "url": "https://hooks.example.com/atrium",
    "event_types": ["identity.member.*"], "description": "HR sync", "enabled": false, "changed": ["enabled"]}))]
pub struct EndpointUpdated {
    #[serde(flatten)]
    pub endpoint: WebhookEndpointState,
    /// The fields that changed.
    pub changed: Vec<String>,
}

event!(EndpointUpdated, "webhooks.endpoint.updated", "webhook", "A webhook endpoint was changed.", |e| e.endpoint.id);

/// An endpoint was deleted; nothing more is delivered to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "url": "https://hooks.example.com/atrium"}))]
pub struct EndpointDeleted {
    pub id: WebhookEndpointId,
    pub url: String,
}

event!(EndpointDeleted, "webhooks.endpoint.deleted", "webhook", "A webhook endpoint was deleted.", |e| e.id);

pub fn catalog() -> Vec<EventType> {
    vec![EventType::of::<EndpointCreated>(), EventType::of::<EndpointUpdated>(), EventType::of::<EndpointDeleted>()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updated_payload_is_flat_and_round_trips() {
        let updated = EndpointUpdated {
            endpoint: WebhookEndpointState {
                id: WebhookEndpointId::new(),
                url: "https://hooks.example.com/a".into(),
                event_types: vec!["crm.*".into()],
                description: String::new(),
                enabled: false,
            },
            changed: vec!["enabled".into()],
        };
        let json = serde_json::to_value(&updated).expect("serializes");
        assert_eq!(json["url"], "https://hooks.example.com/a");
        assert_eq!(json["event_types"], serde_json::json!(["crm.*"]));
        assert_eq!(json["enabled"], false);
        assert_eq!(json["changed"], serde_json::json!(["enabled"]));
        let back: EndpointUpdated = serde_json::from_value(json).expect("round-trips");
        assert_eq!(back, updated);
    }

    #[test]
    fn schemas_stand_alone_and_list_the_flattened_state() {
        for t in catalog() {
            let schema = t.json_schema().to_string();
            assert!(!schema.contains("#/components/schemas/"), "{}: {schema}", t.name);
            assert!(schema.contains("\"url\""), "{}: {schema}", t.name);
        }
    }
}
