//! The event catalog: data only. One module per domain, one struct per event type,
//! each naming its type (`crm.contact.merged`) and aggregate through
//! [`EventPayload`]. Payloads are their own structs, never API response types, so
//! an API change cannot silently change the webhook contract. Writers publish them
//! with `atrium_outbox::publish`; subscribers read them back with `Event::payload`.
//!
//! Ids that other domains refer to (`ContactId`, `EngagementId`, …) are declared
//! here, beside the events that carry them, so every crate shares one type per id.

/// Declares each domain's module and puts its `catalog()` into [`catalog`]: a new
/// domain adds its file and one name here.
macro_rules! domains {
    ($($domain:ident),* $(,)?) => {
        $(pub mod $domain;)*

        fn domain_catalogs() -> Vec<EventType> {
            let mut all = Vec::new();
            $(all.extend($domain::catalog());)*
            all
        }
    };
}

domains!(identity, crm, agreements, projects, webhooks, files, revenue, comms, workflow, portal);

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, Schema};
use uuid::Uuid;

/// A typed event payload.
pub trait EventPayload: Serialize + DeserializeOwned + ToSchema + Send + Sync + 'static {
    /// `<domain>.<entity>.<verb>`, e.g. `crm.contact.merged`.
    const TYPE: &'static str;
    /// The kind of aggregate the event is about, e.g. `contact` (the catalog's).
    const AGGREGATE: &'static str;
    /// One sentence for the catalog.
    const DESCRIPTION: &'static str;
    /// The aggregate the event is about (events are ordered per aggregate).
    fn aggregate_id(&self) -> Uuid;
    /// The kind of this event's aggregate, when one type serves several kinds
    /// (a repoint after a company or a contact merge).
    fn aggregate_type(&self) -> &'static str {
        Self::AGGREGATE
    }
    /// What generic consumers (the timeline, workflow) read without knowing the type.
    fn facets(&self) -> Facets {
        Facets::default()
    }
}

/// The parts of an event that consumers of every type need, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// The engagement the event belongs to, for filing it on that timeline.
    pub engagement_id: Option<Uuid>,
    /// What a person calls the record: a title, a name, a contact's full name.
    pub label: Option<String>,
    /// A move between states (`from`, `to`), e.g. a deal's stage.
    pub transition: Option<(String, String)>,
    /// A merge: how many records were merged into the aggregate.
    pub merged: Option<usize>,
    /// Records this aggregate was made from (an engagement from a contract and its
    /// proposal), whose timeline entries follow it.
    pub origins: Vec<Uuid>,
    /// A whole sentence, when the generic one would not read well.
    pub summary: Option<String>,
    /// CRM contacts the event concerns besides its aggregate (the contacts an
    /// email was matched to): the entry shows on each contact's timeline too.
    pub contact_ids: Vec<Uuid>,
    /// The record the aggregate lives in (a message's thread): when that record
    /// is filed under an engagement, this entry follows it.
    pub within: Option<Uuid>,
    /// The aggregate holds other records (`within` it) whose entries follow the
    /// engagement this event names (an email thread being filed).
    pub holds: bool,
}

/// Implements [`EventPayload`]: `event!(ContactMerged, "crm.contact.merged", "contact",
/// "…description…", |e| e.survivor_id)`.
/// Add `, facets: |e| Facets { .. }` for what generic consumers should read.
#[macro_export]
macro_rules! event {
    ($t:ty, $name:literal, $aggregate:literal, $description:literal, |$e:ident| $id:expr
        $(, facets: |$f:ident| $facets:expr)?) => {
        impl $crate::EventPayload for $t {
            const TYPE: &'static str = $name;
            const AGGREGATE: &'static str = $aggregate;
            const DESCRIPTION: &'static str = $description;
            fn aggregate_id(&self) -> ::uuid::Uuid {
                let $e = self;
                ::uuid::Uuid::from($id)
            }
            $(fn facets(&self) -> $crate::Facets {
                let $f = self;
                $facets
            })?
        }
    };
}

/// One entry of the catalog.
#[derive(Clone)]
pub struct EventType {
    pub name: &'static str,
    pub aggregate_type: &'static str,
    pub description: &'static str,
    /// The payload's schema name in the OpenAPI components.
    pub schema_name: String,
    /// The payload's schema and the schemas it refers to.
    pub schemas: Vec<(String, RefOr<Schema>)>,
    decode: fn(&serde_json::Value) -> Result<Facets, String>,
}

impl EventType {
    pub fn of<E: EventPayload>() -> Self {
        let mut schemas = vec![(E::name().into_owned(), E::schema())];
        E::schemas(&mut schemas);
        Self {
            name: E::TYPE,
            aggregate_type: E::AGGREGATE,
            description: E::DESCRIPTION,
            schema_name: E::name().into_owned(),
            schemas,
            decode: |data| serde_json::from_value::<E>(data.clone()).map(|e| e.facets()).map_err(|e| e.to_string()),
        }
    }

    /// The facets of a stored payload of this type.
    pub fn facets(&self, data: &serde_json::Value) -> Result<Facets, String> {
        (self.decode)(data)
    }

    /// The payload's JSON Schema with every reference resolved in place, so it
    /// stands alone (what `GET /api/v1/event-types` serves).
    pub fn json_schema(&self) -> serde_json::Value {
        let defs: BTreeMap<String, serde_json::Value> =
            self.schemas.iter().map(|(name, s)| (name.clone(), serde_json::to_value(s).unwrap_or_default())).collect();
        let root = defs.get(&self.schema_name).cloned().unwrap_or_default();
        merge_all_of(inline_refs(root, &defs, 0))
    }
}

fn inline_refs(v: serde_json::Value, defs: &BTreeMap<String, serde_json::Value>, depth: usize) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref")
                && let Some(name) = r.strip_prefix("#/components/schemas/")
                && let Some(def) = defs.get(name)
                && depth < 16
            {
                let mut resolved = inline_refs(def.clone(), defs, depth + 1);
                if let (Value::Object(out), Some(desc)) = (&mut resolved, map.get("description")) {
                    out.insert("description".into(), desc.clone());
                }
                return resolved;
            }
            Value::Object(map.into_iter().map(|(k, v)| (k, inline_refs(v, defs, depth))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| inline_refs(v, defs, depth)).collect()),
        other => other,
    }
}

/// A flattened payload (`#[serde(flatten)]` state plus fields) is documented as
/// `allOf` of objects; consumers read one object better, so they are merged.
fn merge_all_of(v: serde_json::Value) -> serde_json::Value {
    use serde_json::{Map, Value};
    let Value::Object(mut map) = v else { return v };
    let Some(Value::Array(parts)) = map.get("allOf").cloned() else { return Value::Object(map) };
    if !parts.iter().all(|p| p.get("type").and_then(Value::as_str) == Some("object")) {
        return Value::Object(map);
    }
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    for part in parts.into_iter().map(merge_all_of) {
        if let Some(Value::Object(props)) = part.get("properties") {
            properties.extend(props.clone());
        }
        for r in part.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !required.contains(r) {
                required.push(r.clone());
            }
        }
    }
    map.remove("allOf");
    map.insert("type".into(), Value::String("object".into()));
    map.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        map.insert("required".into(), Value::Array(required));
    }
    Value::Object(map)
}

/// Every event type, by domain, in a stable order.
pub fn catalog() -> &'static [EventType] {
    static CATALOG: OnceLock<Vec<EventType>> = OnceLock::new();
    CATALOG.get_or_init(domain_catalogs)
}

/// The catalog entry of `name`, if it is a known event type.
pub fn find(name: &str) -> Option<&'static EventType> {
    catalog().iter().find(|t| t.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for t in catalog() {
            assert!(seen.insert(t.name), "{} listed twice", t.name);
            // `<domain>.<entity>.<verb>`; events from outside integrations (a booking
            // system's `appointment.booked`) have no domain part.
            let parts = t.name.split('.').count();
            assert!((2..=3).contains(&parts), "{} is not <domain>.<entity>.<verb>", t.name);
            assert!(t.name.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'), "{}", t.name);
            assert!(!t.description.is_empty(), "{} has no description", t.name);
            let schema = t.json_schema();
            // One object, or a union where the payload's shape depends on a tag.
            let union = schema.get("allOf").is_some_and(|parts| parts.to_string().contains("oneOf"));
            assert!(schema["type"] == "object" || union, "{}: {schema}", t.name);
            assert!(!schema.to_string().contains("#/components/schemas/"), "{} keeps a reference", t.name);
        }
    }
}
