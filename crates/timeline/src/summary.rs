//! One human sentence per event, from its type and the facets of its payload.

use atrium_events::Facets;

/// The sentence of a timeline entry: the payload's own `summary` when it has one,
/// a move for `*_changed` events with a transition, a count for merges, else the
/// record's noun, its label and the event's verb ("Proposal “Relaunch” sent").
pub fn summarize(event_type: &str, aggregate_type: &str, facets: &Facets) -> String {
    let label = facets.label.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let text = if let Some(summary) = &facets.summary {
        summary.clone()
    } else if let Some((from, to)) = facets.transition.as_ref().filter(|_| event_type.ends_with("_changed")) {
        let label = label.map(|l| format!(" “{l}”")).unwrap_or_default();
        format!("{}{label} moved from {from} to {to}", capitalized(&noun(aggregate_type)))
    } else if let Some(n) = facets.merged {
        format!("{n} duplicate {}(s) merged into this one", noun(aggregate_type))
    } else {
        let verb = event_type.rsplit('.').next().unwrap_or(event_type).replace('_', " ");
        match label {
            Some(label) => format!("{} “{label}” {verb}", capitalized(&noun(aggregate_type))),
            None => format!("{} {verb}", noun(aggregate_type)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(label: &str) -> Facets {
        Facets { label: Some(label.into()), ..Facets::default() }
    }

    #[test]
    fn facets_read_as_sentences() {
        let own = Facets { summary: Some("ada@example.com joined as admin".into()), ..labelled("ada@example.com") };
        assert_eq!(summarize("identity.member.added", "member", &own), "ada@example.com joined as admin");
        let merged = Facets { merged: Some(2), ..Facets::default() };
        assert_eq!(summarize("crm.contact.merged", "contact", &merged), "2 duplicate contact(s) merged into this one");
        assert_eq!(
            summarize("agreements.proposal.sent", "proposal", &labelled("Relaunch")),
            "Proposal “Relaunch” sent"
        );
        assert_eq!(
            summarize("crm.contact.created", "contact", &labelled("Ada Lovelace")),
            "Contact “Ada Lovelace” created"
        );
        let moved = Facets { transition: Some(("todo".into(), "done".into())), ..labelled("Wireframes") };
        assert_eq!(
            summarize("projects.task.status_changed", "task", &moved),
            "Task “Wireframes” moved from todo to done"
        );
        assert_eq!(
            summarize("projects.task.reopened", "task", &moved),
            "Task “Wireframes” reopened",
            "a transition reads as a move only on a *_changed event"
        );
        assert_eq!(summarize("crm.company.deleted", "client_company", &labelled("  ")), "client company deleted");
        assert_eq!(summarize("acme.widget.frobbed", "widget", &Facets::default()), "widget frobbed");
        let long = labelled(&"x".repeat(600));
        assert_eq!(summarize("crm.deal.created", "deal", &long).chars().count(), 500);
    }
}
