//! The condition language: JSON, so rules are data the API can validate and
//! store. A condition is `{"all": [..]}`, `{"any": [..]}`, `{"not": {..}}` or a
//! comparison `{"field": "data.amount_minor", "op": "gte", "value": 1000}` with
//! `op` one of `eq ne gt gte lt lte in exists contains starts_with`. Numbers
//! compare as numbers, two RFC 3339 timestamps as instants, other strings as text
//! (so `YYYY-MM-DD` dates order correctly). A missing field satisfies only `ne`
//! and `exists: false`.
//!
//! Our own evaluator rather than a crate: JSON Schema validators (`jsonschema`)
//! answer "is this document valid", not "does this field compare so", and a path
//! language (`serde_json_path`) selects values but has no comparisons on dates;
//! what is needed is ~150 lines whose every error can name the rule's field.

use std::cmp::Ordering;

use atrium_events::EventType;
use atrium_kernel::FieldError;
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use crate::paths::{check_event_field, lookup};

/// Deepest nesting of `all`/`any`/`not` a rule may use.
const MAX_DEPTH: usize = 8;
/// Most comparisons one rule may hold.
const MAX_NODES: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Compare { field: String, op: Op, value: Value },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    Exists,
    Contains,
    StartsWith,
}

impl Op {
    const NAMES: &[(&str, Op)] = &[
        ("eq", Op::Eq),
        ("ne", Op::Ne),
        ("gt", Op::Gt),
        ("gte", Op::Gte),
        ("lt", Op::Lt),
        ("lte", Op::Lte),
        ("in", Op::In),
        ("exists", Op::Exists),
        ("contains", Op::Contains),
        ("starts_with", Op::StartsWith),
    ];

    fn parse(s: &str) -> Option<Op> {
        Self::NAMES.iter().find(|(n, _)| *n == s).map(|(_, op)| *op)
    }
}

/// Parses and validates the stored or submitted conditions (`null` = always),
/// checking every field against each event type in `types`. Errors name the
/// field like `conditions.all[1].field`.
pub fn parse(raw: &Value, types: &[&EventType]) -> Result<Option<Condition>, Vec<FieldError>> {
    if raw.is_null() {
        return Ok(None);
    }
    let mut p = Parser { types, errors: Vec::new(), nodes: 0 };
    let parsed = p.node(raw, "conditions", 0);
    if p.errors.is_empty() { Ok(parsed) } else { Err(p.errors) }
}

struct Parser<'a> {
    types: &'a [&'a EventType],
    errors: Vec<FieldError>,
    nodes: usize,
}

impl Parser<'_> {
    fn fail(&mut self, at: &str, message: impl Into<String>) -> Option<Condition> {
        self.errors.push(FieldError::new(at, message));
        None
    }

    fn node(&mut self, raw: &Value, at: &str, depth: usize) -> Option<Condition> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return self.fail(at, format!("a rule holds at most {MAX_NODES} conditions"));
        }
        if depth > MAX_DEPTH {
            return self.fail(at, format!("conditions nest at most {MAX_DEPTH} deep"));
        }
        let Some(map) = raw.as_object() else {
            return self.fail(at, "must be an object: {\"all\": […]}, {\"any\": […]}, {\"not\": {…}} or a comparison");
        };
        for group in ["all", "any"] {
            if let Some(items) = map.get(group) {
                if map.len() != 1 {
                    return self.fail(at, format!("`{group}` stands alone in its object"));
                }
                let Some(items) = items.as_array() else {
                    return self.fail(&format!("{at}.{group}"), "must be an array of conditions");
                };
                let parsed: Vec<Option<Condition>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.node(item, &format!("{at}.{group}[{i}]"), depth + 1))
                    .collect();
                let parsed: Option<Vec<Condition>> = parsed.into_iter().collect();
                return parsed.map(|c| if group == "all" { Condition::All(c) } else { Condition::Any(c) });
            }
        }
        if let Some(inner) = map.get("not") {
            if map.len() != 1 {
                return self.fail(at, "`not` stands alone in its object");
            }
            return self.node(inner, &format!("{at}.not"), depth + 1).map(|c| Condition::Not(Box::new(c)));
        }
        self.compare(map, at)
    }

    fn compare(&mut self, map: &serde_json::Map<String, Value>, at: &str) -> Option<Condition> {
        if let Some(extra) = map.keys().find(|k| !["field", "op", "value"].contains(&k.as_str())) {
            return self.fail(&format!("{at}.{extra}"), "unknown key: a comparison has `field`, `op` and `value`");
        }
        let Some(field) = map.get("field").and_then(Value::as_str) else {
            return self.fail(&format!("{at}.field"), "required: a field path such as `data.amount_minor`");
        };
        if let Err(e) = check_event_field(field, self.types) {
            return self.fail(&format!("{at}.field"), e);
        }
        let op_name = map.get("op").and_then(Value::as_str).unwrap_or_default();
        let Some(op) = Op::parse(op_name) else {
            let names: Vec<&str> = Op::NAMES.iter().map(|(n, _)| *n).collect();
            return self.fail(&format!("{at}.op"), format!("must be one of {}", names.join(", ")));
        };
        let value = map.get("value").cloned();
        let value_at = format!("{at}.value");
        let value = match (op, value) {
            (Op::Exists, None) => Value::Bool(true),
            (Op::Exists, Some(v @ Value::Bool(_))) => v,
            (Op::Exists, Some(_)) => return self.fail(&value_at, "`exists` takes true, false or nothing"),
            (_, None) => return self.fail(&value_at, "required for this operator"),
            (Op::In, Some(v @ Value::Array(_))) => v,
            (Op::In, Some(_)) => return self.fail(&value_at, "`in` takes an array of values"),
            (Op::Gt | Op::Gte | Op::Lt | Op::Lte, Some(v @ (Value::Number(_) | Value::String(_)))) => v,
            (Op::Gt | Op::Gte | Op::Lt | Op::Lte, Some(_)) => {
                return self.fail(&value_at, "ordering compares a number, a date or a string");
            }
            (Op::StartsWith, Some(v @ Value::String(_))) => v,
            (Op::StartsWith, Some(_)) => return self.fail(&value_at, "`starts_with` takes a string"),
            (_, Some(v)) => v,
        };
        Some(Condition::Compare { field: field.to_owned(), op, value })
    }
}

impl Condition {
    /// Whether `event` (see [`crate::paths::event_value`]) satisfies the condition.
    pub fn eval(&self, event: &Value) -> bool {
        match self {
            Condition::All(items) => items.iter().all(|c| c.eval(event)),
            Condition::Any(items) => items.iter().any(|c| c.eval(event)),
            Condition::Not(inner) => !inner.eval(event),
            Condition::Compare { field, op, value } => {
                let found = lookup(event, field).filter(|v| !v.is_null());
                compare(found, *op, value)
            }
        }
    }
}

fn compare(found: Option<&Value>, op: Op, want: &Value) -> bool {
    let Some(have) = found else {
        return match op {
            Op::Ne => true,
            Op::Exists => want == &Value::Bool(false),
            _ => false,
        };
    };
    match op {
        Op::Exists => want == &Value::Bool(true),
        Op::Eq => equal(have, want),
        Op::Ne => !equal(have, want),
        Op::Gt => order(have, want) == Some(Ordering::Greater),
        Op::Gte => matches!(order(have, want), Some(Ordering::Greater | Ordering::Equal)),
        Op::Lt => order(have, want) == Some(Ordering::Less),
        Op::Lte => matches!(order(have, want), Some(Ordering::Less | Ordering::Equal)),
        Op::In => want.as_array().is_some_and(|items| items.iter().any(|w| equal(have, w))),
        Op::Contains => match (have, want) {
            (Value::String(h), Value::String(w)) => h.contains(w.as_str()),
            (Value::Array(items), w) => items.iter().any(|i| equal(i, w)),
            _ => false,
        },
        Op::StartsWith => matches!((have, want), (Value::String(h), Value::String(w)) if h.starts_with(w.as_str())),
    }
}

fn timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

fn equal(a: &Value, b: &Value) -> bool {
    order(a, b).map_or(a == b, Ordering::is_eq)
}

fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => x.as_f64()?.partial_cmp(&y.as_f64()?),
        },
        (Value::String(x), Value::String(y)) => match (timestamp(x), timestamp(y)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => Some(x.cmp(y)),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::paths::matching_types;

    fn cond(raw: Value) -> Condition {
        parse(&raw, &matching_types("crm.deal.*")).expect("valid").expect("some")
    }

    fn errors(trigger: &str, raw: Value) -> Vec<String> {
        parse(&raw, &matching_types(trigger)).expect_err("invalid").into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn comparisons_at_their_edges() {
        let ev = json!({"type": "crm.deal.updated", "data": {"n": 10, "f": 2.5, "name": "Relaunch",
            "when": "2026-12-01T10:00:00+01:00", "day": "2026-12-01", "tags": ["a", "b"], "none": null}});
        let c = |field: &str, op: &str, value: Value| {
            Condition::Compare { field: field.into(), op: Op::parse(op).expect("op"), value }.eval(&ev)
        };
        assert!(c("data.n", "eq", json!(10)) && c("data.n", "eq", json!(10.0)) && !c("data.n", "eq", json!("10")));
        assert!(c("data.n", "gte", json!(10)) && !c("data.n", "gt", json!(10)) && c("data.n", "lte", json!(10)));
        assert!(c("data.f", "gt", json!(2)) && c("data.f", "lt", json!(3)));
        assert!(c("data.when", "eq", json!("2026-12-01T09:00:00Z")), "the same instant in another offset");
        assert!(
            c("data.when", "gt", json!("2026-12-01T08:59:59Z")) && c("data.when", "lt", json!("2026-12-01T09:00:01Z"))
        );
        assert!(c("data.day", "gte", json!("2026-12-01")) && c("data.day", "lt", json!("2026-12-02")));
        assert!(c("data.name", "starts_with", json!("Rel")) && c("data.name", "contains", json!("aun")));
        assert!(c("data.tags", "contains", json!("b")) && !c("data.tags", "contains", json!("c")));
        assert!(c("data.n", "in", json!([1, 10])) && !c("data.n", "in", json!([1, 2])));
        assert!(c("data.n", "exists", json!(true)) && c("data.x", "exists", json!(false)));
        assert!(c("data.none", "exists", json!(false)), "null is absent");
        assert!(c("data.x", "ne", json!(1)) && !c("data.x", "eq", json!(1)) && !c("data.x", "lt", json!(1)));
        assert!(!c("data.name", "gt", json!(1)), "a string does not order against a number");
        assert!(c("type", "starts_with", json!("crm.deal.")));
    }

    #[test]
    fn groups_combine() {
        let ev = json!({"data": {"name": "A", "id": "x"}});
        assert!(cond(json!({"all": []})).eval(&ev));
        assert!(!cond(json!({"any": []})).eval(&ev));
        assert!(
            cond(json!({"any": [{"field": "data.name", "op": "eq", "value": "B"},
            {"not": {"field": "data.name", "op": "eq", "value": "B"}}]}))
            .eval(&ev)
        );
        assert!(parse(&Value::Null, &[]).expect("null").is_none());
    }

    #[test]
    fn malformed_conditions_name_the_field() {
        let to = json!({"all": [{"field": "data.name", "op": "eq", "value": "x"}, {"field": "data.to", "op": "eq", "value": "won"}]});
        assert_eq!(errors("crm.deal.*", to), ["conditions.all[1].field"], "`to` only on stage changes");
        assert_eq!(
            errors("crm.deal.created", json!({"field": "data.name", "op": "like", "value": 1})),
            ["conditions.op"]
        );
        assert_eq!(
            errors("crm.deal.created", json!({"field": "data.name", "op": "in", "value": 1})),
            ["conditions.value"]
        );
        assert_eq!(errors("crm.deal.created", json!({"any": {"field": "x"}})), ["conditions.any"]);
        assert_eq!(errors("crm.deal.created", json!({"not": 3})), ["conditions.not"]);
        assert_eq!(
            errors("crm.deal.created", json!({"field": "data.name", "op": "eq", "value": 1, "x": 1})),
            ["conditions.x"]
        );
        let deep = (0..12).fold(json!({"field": "type", "op": "exists"}), |c, _| json!({"not": c}));
        assert_eq!(errors("crm.deal.created", deep).len(), 1);
    }
}
