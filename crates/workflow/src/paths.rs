//! Field paths (`data.amount_minor`, `type`, `actions.0.project_id`): what rules
//! read from an event, looked up in a value and checked against the event type's
//! JSON Schema from the catalog when a rule is saved.

use atrium_events::EventType;
use atrium_outbox::Event;
use serde_json::{Value, json};

/// The envelope fields a rule reads besides `data.…`.
pub const ENVELOPE: &[&str] = &["id", "type", "aggregate_type", "aggregate_id", "occurred_at", "actor"];

/// The event as conditions and templates see it: the envelope with its payload
/// under `data`.
pub fn event_value(event: &Event) -> Value {
    json!({
        "id": event.id,
        "type": event.event_type,
        "aggregate_type": event.aggregate_type,
        "aggregate_id": event.aggregate_id,
        "occurred_at": event.occurred_at,
        "actor": event.actor,
        "data": event.data,
    })
}

/// The value at `path` (dot-separated; a number segment indexes an array).
pub fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(root, |v, seg| match v {
        Value::Object(map) => map.get(seg),
        Value::Array(items) => seg.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

/// The event types a trigger (an exact type or a `prefix.*` pattern) matches.
pub fn matching_types(trigger: &str) -> Vec<&'static EventType> {
    atrium_events::catalog().iter().filter(|t| trigger_matches(trigger, t.name)).collect()
}

/// Whether an event type matches a trigger.
pub fn trigger_matches(trigger: &str, event_type: &str) -> bool {
    match trigger.strip_suffix('*') {
        Some(prefix) => event_type.starts_with(prefix),
        None => trigger == event_type,
    }
}

/// Checks that every event of `types` has the field `path`; the error says why not.
pub fn check_event_field(path: &str, types: &[&EventType]) -> Result<(), String> {
    let mut segments = path.split('.');
    let first = segments.next().unwrap_or_default();
    let rest: Vec<&str> = segments.collect();
    if ENVELOPE.contains(&first) {
        return if rest.is_empty() { Ok(()) } else { Err(format!("`{first}` has no fields")) };
    }
    if first != "data" {
        return Err(format!(
            "unknown field `{path}`: an event has {}, and its payload under `data.…`",
            ENVELOPE.join(", ")
        ));
    }
    let lacking: Vec<&str> = types.iter().filter(|t| !schema_has(&t.json_schema(), &rest)).map(|t| t.name).collect();
    if lacking.is_empty() { Ok(()) } else { Err(format!("`{path}` is not a field of {}", lacking.join(", "))) }
}

/// Whether a JSON Schema describes a value with the field at `segments`.
fn schema_has(schema: &Value, segments: &[&str]) -> bool {
    let Some((first, rest)) = segments.split_first() else { return true };
    let mut shaped = false;
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            shaped = true;
            if parts.iter().any(|p| schema_has(p, segments)) {
                return true;
            }
        }
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        return props.get(*first).is_some_and(|p| schema_has(p, rest));
    }
    if let Some(items) = schema.get("items") {
        return first.parse::<usize>().is_ok() && schema_has(items, rest);
    }
    if let Some(extra) = schema.get("additionalProperties") {
        return extra.is_object() && schema_has(extra, rest) || extra == &Value::Bool(true);
    }
    // A free-form object (no properties listed) may hold anything.
    !shaped && is_object_type(schema)
}

fn is_object_type(schema: &Value) -> bool {
    match schema.get("type") {
        None => schema.as_object().is_some_and(|m| !m.contains_key("enum") && !m.contains_key("format")),
        Some(Value::String(t)) => t == "object",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "object"),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_resolve_against_the_catalog() {
        let won = matching_types("crm.deal.stage_changed");
        assert_eq!(won.len(), 1);
        assert!(check_event_field("data.to", &won).is_ok());
        assert!(check_event_field("type", &won).is_ok());
        assert!(check_event_field("data.nope", &won).is_err());
        assert!(check_event_field("nope", &won).is_err());
        let deals = matching_types("crm.deal.*");
        assert!(deals.len() >= 4);
        assert!(check_event_field("data.name", &deals).is_ok(), "every deal event names the deal");
        let err = check_event_field("data.to", &deals).expect_err("only stage changes have `to`");
        assert!(err.contains("crm.deal.created"), "{err}");
        let created = matching_types("crm.deal.created");
        assert!(check_event_field("data.value.amount_minor", &created).is_ok(), "through an optional object");
        assert!(check_event_field("data.value.nope", &created).is_err());
    }

    #[test]
    fn lookup_walks_objects_and_arrays() {
        let v = json!({"data": {"tags": ["a", "b"], "n": 3}});
        assert_eq!(lookup(&v, "data.tags.1"), Some(&json!("b")));
        assert_eq!(lookup(&v, "data.n"), Some(&json!(3)));
        assert_eq!(lookup(&v, "data.x"), None);
        assert!(trigger_matches("crm.deal.*", "crm.deal.created"));
        assert!(!trigger_matches("crm.deal.*", "crm.dealer.created"));
        assert!(trigger_matches("*", "crm.deal.created"));
    }
}
