//! Which event types an endpoint wants.

use crate::entity::endpoint;

/// The endpoint's stored patterns (a JSON array of strings).
pub(crate) fn patterns(row: &endpoint::Model) -> Vec<String> {
    serde_json::from_value(row.event_types.clone()).unwrap_or_default()
}

/// Whether an event type matches one of the endpoint's patterns.
pub fn matches(patterns: &[String], event_type: &str) -> bool {
    patterns.iter().any(|p| {
        p == "*" || p == event_type || p.strip_suffix('*').is_some_and(|prefix| event_type.starts_with(prefix))
    })
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn pattern_matching() {
        let p = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(matches(&p(&["*"]), "crm.contact.created"));
        assert!(matches(&p(&["crm.*"]), "crm.contact.created"));
        assert!(!matches(&p(&["crm.*"]), "crmx.contact.created"));
        assert!(matches(&p(&["identity.member.added"]), "identity.member.added"));
        assert!(!matches(&p(&["identity.member.added"]), "identity.member.removed"));
    }
}
