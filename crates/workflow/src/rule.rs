//! A rule's definition (trigger, conditions, actions), checked as a whole when
//! it is saved and rendered against an event when it runs.

use atrium_events::EventType;
use atrium_events::workflow::NoteSubject;
use atrium_kernel::FieldError;
use serde_json::Value;

use crate::conditions::{self, Condition};
use crate::dto::ActionSpec;
use crate::paths::{check_event_field, matching_types};
use crate::template::Template;

/// A checked definition.
#[derive(Debug, Clone)]
pub struct Definition {
    pub trigger: String,
    pub conditions: Option<Condition>,
    pub actions: Vec<ActionSpec>,
}

/// Checks a definition against every event type the trigger matches; each
/// error names its field (`trigger`, `conditions.all[1].field`, `actions[0].title`).
pub fn check(trigger: &str, conditions: &Value, actions: &[ActionSpec]) -> Result<Definition, Vec<FieldError>> {
    let mut errors = Vec::new();
    let types = matching_types(trigger);
    if !valid_pattern(trigger) {
        errors.push(FieldError::new(
            "trigger",
            "must be an event type like `crm.deal.stage_changed` or a prefix like `crm.deal.*`",
        ));
    } else if types.is_empty() {
        errors.push(FieldError::new("trigger", format!("no event type in the catalog matches `{trigger}`")));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let parsed = conditions::parse(conditions, &types).unwrap_or_else(|e| {
        errors.extend(e);
        None
    });
    for (i, action) in actions.iter().enumerate() {
        errors.extend(check_shape(i, action, &types));
        for (field, src) in action.templates() {
            let at = format!("actions[{i}].{field}");
            match Template::parse(src) {
                Err(e) => errors.push(FieldError::new(&at, e)),
                Ok(t) => {
                    for path in t.paths() {
                        let checked = match path.strip_prefix("actions.") {
                            Some(rest) => check_output(rest, &actions[..i]),
                            None => check_event_field(path, &types),
                        };
                        if let Err(e) = checked {
                            errors.push(FieldError::new(&at, e));
                        }
                    }
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(Definition { trigger: trigger.to_owned(), conditions: parsed, actions: actions.to_vec() })
    } else {
        Err(errors)
    }
}

/// A stored definition, checked when it was saved: parsed without the schema.
pub fn load(trigger: &str, conditions: &Value, actions: &Value) -> Result<Definition, String> {
    let parsed = conditions::parse(conditions, &[]).map_err(|e| format!("stored conditions: {e:?}"))?;
    let actions: Vec<ActionSpec> =
        serde_json::from_value(actions.clone()).map_err(|e| format!("stored actions: {e}"))?;
    Ok(Definition { trigger: trigger.to_owned(), conditions: parsed, actions })
}

/// What an action needs besides well-formed templates.
fn check_shape(i: usize, action: &ActionSpec, types: &[&EventType]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match action {
        ActionSpec::SendEmail { subject: None, thread_id: None, .. } => errors.push(FieldError::new(
            format!("actions[{i}].subject"),
            "is required unless `thread_id` names the thread to reply in",
        )),
        ActionSpec::AddNote { subject_type: Some(kind), subject_id, .. } => {
            if NoteSubject::parse(kind).is_none() {
                errors.push(FieldError::new(format!("actions[{i}].subject_type"), subject_kinds()));
            }
            if subject_id.is_none() {
                errors.push(FieldError::new(format!("actions[{i}].subject_id"), "is required with `subject_type`"));
            }
        }
        ActionSpec::AddNote { subject_type: None, subject_id, .. } => {
            if subject_id.is_some() {
                errors.push(FieldError::new(format!("actions[{i}].subject_type"), "is required with `subject_id`"));
            }
            if let Some(t) = types.iter().find(|t| NoteSubject::parse(t.aggregate_type).is_none()) {
                errors.push(FieldError::new(
                    format!("actions[{i}].subject_type"),
                    format!(
                        "is required: `{}` is about a `{}`, which takes no notes; {}",
                        t.name,
                        t.aggregate_type,
                        subject_kinds()
                    ),
                ));
            }
        }
        _ => {}
    }
    errors
}

fn subject_kinds() -> String {
    let kinds: Vec<&str> = NoteSubject::ALL.iter().map(|k| k.as_str()).collect();
    format!("a note is written on a {}", kinds.join(", "))
}

/// `N.output` names an output of an earlier action.
fn check_output(rest: &str, earlier: &[ActionSpec]) -> Result<(), String> {
    let (index, output) = rest.split_once('.').ok_or("name an earlier action's output: `actions.0.project_id`")?;
    let action = index
        .parse::<usize>()
        .ok()
        .and_then(|i| earlier.get(i))
        .ok_or_else(|| format!("`actions.{index}` is not an earlier action of this rule"))?;
    if action.outputs().contains(&output) {
        Ok(())
    } else {
        Err(format!("`{}` has no output `{output}`; it has {}", action.kind(), action.outputs().join(", ")))
    }
}

/// `*`, an exact type or a `prefix.*` of lower-case dotted segments.
fn valid_pattern(p: &str) -> bool {
    let body = p.strip_suffix(".*").unwrap_or(p);
    p == "*"
        || (!body.is_empty()
            && body.len() <= 100
            && body.split('.').all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')))
}

impl Definition {
    /// Whether the event satisfies the conditions (no conditions: always).
    pub fn matches(&self, event: &Value) -> bool {
        self.conditions.as_ref().is_none_or(|c| c.eval(event))
    }
}

/// Action `action` with its templates rendered against `ctx`.
pub fn render(action: &ActionSpec, ctx: &Value) -> Result<ActionSpec, String> {
    action.map_templates(|field, src| {
        Template::parse(src).and_then(|t| t.render(ctx)).map_err(|e| format!("{field}: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn actions(v: Value) -> Vec<ActionSpec> {
        serde_json::from_value(v).expect("actions")
    }

    fn fields(trigger: &str, conditions: Value, acts: Value) -> Vec<String> {
        check(trigger, &conditions, &actions(acts)).expect_err("invalid").into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_good_rule_checks() {
        let acts = json!([
            {"kind": "create_engagement", "name": "{{ data.name }}", "deal_id": "{{ data.id }}", "project_name": "x"},
            {"kind": "create_task", "project_id": "{{ actions.0.project_id }}", "title": "Kick-off {{ data.name }}",
             "due_date": "{{ occurred_at | date_add_days: 3 }}"}
        ]);
        let cond = json!({"field": "data.to", "op": "eq", "value": "won"});
        assert!(check("crm.deal.stage_changed", &cond, &actions(acts)).is_ok());
    }

    #[test]
    fn malformed_rules_name_the_field() {
        let task = |title: &str| json!([{"kind": "create_task", "project_id": "{{ data.id }}", "title": title}]);
        assert_eq!(fields("crm.nothing.*", Value::Null, task("x")), ["trigger"]);
        assert_eq!(fields("CRM", Value::Null, task("x")), ["trigger"]);
        assert_eq!(fields("crm.deal.created", Value::Null, task("{{ data.nope }}")), ["actions[0].title"]);
        assert_eq!(fields("crm.deal.created", Value::Null, task("{{ data.name | shout }}")), ["actions[0].title"]);
        assert_eq!(fields("crm.deal.created", Value::Null, task("{{ actions.0.task_id }}")), ["actions[0].title"]);
        let two = json!([{"kind": "create_task", "project_id": "{{ data.id }}", "title": "a"},
            {"kind": "create_task", "project_id": "{{ actions.0.project_id }}", "title": "b"}]);
        assert_eq!(fields("crm.deal.created", Value::Null, two), ["actions[1].project_id"]);
        let cond = json!({"any": [{"field": "data.name", "op": "eq", "value": "x"}, {"field": "data.to", "op": "eq", "value": "won"}]});
        assert_eq!(fields("crm.deal.*", cond, task("x")), ["conditions.any[1].field"]);
    }
}
