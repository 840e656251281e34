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
        other => {
            let verb = other.rsplit('.').next().unwrap_or(other).replace('_', " ");
            format!("{} {verb}", aggregate_type.replace('_', " "))
        }
    };
    text.chars().take(500).collect()
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
        assert_eq!(summarize("crm.contact.merged", "contact", &json!({})), "contact merged");
    }
}
