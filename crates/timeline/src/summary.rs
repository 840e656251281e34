//! One human sentence per event, from its type and data.

use serde_json::Value;

pub fn summarize(event_type: &str, aggregate_type: &str, data: &Value) -> String {
    let s = |k: &str| data.get(k).and_then(Value::as_str).unwrap_or("?").to_owned();
    let text = match event_type {
        "identity.organization.created" => format!("Organization “{}” was created", s("name")),
        "identity.member.added" => format!("{} joined as {}", s("email"), s("role")),
        "identity.member.role_changed" => format!("{}'s role changed from {} to {}", s("email"), s("from"), s("to")),
        "identity.member.removed" => format!("{} was removed from the organization", s("email")),
        "identity.api_key.created" => format!("API key “{}” was created with role {}", s("name"), s("role")),
        "identity.api_key.revoked" => format!("API key “{}” was revoked", s("name")),
        "identity.invitation.sent" => format!("{} was invited as {}", s("email"), s("role")),
        "identity.invitation.accepted" => format!("{} accepted the invitation", s("email")),
        // `crm.deal.stage_changed`, `projects.task.status_changed`, ...
        t if t.ends_with("_changed") && data.get("from").is_some() && data.get("to").is_some() => {
            let label = label(data).map(|l| format!(" “{l}”")).unwrap_or_default();
            format!("{}{label} moved from {} to {}", capitalized(&noun(aggregate_type)), s("from"), s("to"))
        }
        "crm.contact.merged" | "crm.company.merged" => {
            let n = data.get("merged_ids").and_then(Value::as_array).map_or(0, Vec::len);
            format!("{n} duplicate {}(s) merged into this one", noun(aggregate_type))
        }
        other => {
            let verb = other.rsplit('.').next().unwrap_or(other).replace('_', " ");
            match label(data) {
                Some(label) => format!("{} “{label}” {verb}", capitalized(&noun(aggregate_type))),
                None => format!("{} {verb}", noun(aggregate_type)),
            }
        }
    };
    text.chars().take(500).collect()
}

/// `client_company` → `client company`.
fn noun(aggregate_type: &str) -> String {
    aggregate_type.replace('_', " ")
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// What a person would call the record: its title, name, or a contact's full name.
fn label(data: &Value) -> Option<String> {
    let text = |k: &str| data.get(k).and_then(Value::as_str).map(str::trim).filter(|v| !v.is_empty());
    if let Some(t) = text("title").or_else(|| text("name")) {
        return Some(t.to_owned());
    }
    let full = [text("first_name"), text("last_name")].into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!full.is_empty()).then_some(full)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_and_unknown_events_read_as_sentences() {
        let d = json!({"email": "ada@example.com", "from": "member", "to": "admin"});
        assert_eq!(
            summarize("identity.member.role_changed", "member", &d),
            "ada@example.com's role changed from member to admin"
        );
        assert_eq!(
            summarize("crm.contact.merged", "contact", &json!({})),
            "0 duplicate contact(s) merged into this one"
        );
        assert_eq!(
            summarize("agreements.proposal.sent", "proposal", &json!({"title": "Relaunch"})),
            "Proposal “Relaunch” sent"
        );
        assert_eq!(
            summarize("crm.contact.created", "contact", &json!({"first_name": "Ada", "last_name": "Lovelace"})),
            "Contact “Ada Lovelace” created"
        );
        assert_eq!(
            summarize(
                "projects.task.status_changed",
                "task",
                &json!({"title": "Wireframes", "from": "todo", "to": "done"})
            ),
            "Task “Wireframes” moved from todo to done"
        );
        assert_eq!(summarize("crm.company.deleted", "client_company", &json!({})), "client company deleted");
    }
}
