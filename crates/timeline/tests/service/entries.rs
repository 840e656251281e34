//! What an entry says: the sentence comes from the payload's facets (never from
//! its fields by name), and types outside the catalog still get an entry.

use atrium_events::agreements::{EngagementId, ProposalId, ProposalSent};
use atrium_events::identity::{MemberAdded, MemberId, MemberRoleChanged};
use atrium_kernel::{Role, UserId};
use atrium_outbox::EventId;
use atrium_testkit::{TestDb, backend_tests};
use serde_json::json;

use crate::common::{engagement_created, harness, proposal};

backend_tests!(
    entries_read_their_payloads_through_the_catalog,
    unknown_types_and_unreadable_payloads_get_a_generic_entry
);

async fn entries_read_their_payloads_through_the_catalog(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let (member, user) = (MemberId::new(), UserId::new());
    let email = "ada@example.com".to_owned();
    let events = [
        h.event(org, 1, &MemberAdded { id: member, user_id: user, email: email.clone(), role: Role::Member }),
        h.event(org, 2, &MemberRoleChanged { id: member, user_id: user, email, from: Role::Member, to: Role::Admin }),
        h.event(org, 3, &ProposalSent { proposal: proposal(ProposalId::new(), None, h.start) }),
        h.event(org, 4, &engagement_created(h.engagement(org).await, None, None, h.start)),
    ];
    h.deliver(&events).await;
    let entries = h.entries(org).await;
    let summaries: Vec<&str> = entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "ada@example.com joined as member",
            "ada@example.com's role changed from member to admin",
            "Proposal “Relaunch” sent",
            "Engagement “Relaunch delivery” created",
        ]
    );
    for (entry, event) in entries.iter().zip(&events) {
        assert_eq!(EventId::from(entry.id), event.id);
        assert_eq!((entry.entity_type.as_str(), entry.entity_id), (event.aggregate_type.as_str(), event.aggregate_id));
        assert_eq!((&entry.event_type, &entry.actor, &entry.data), (&event.event_type, &event.actor, &event.data));
        assert_eq!(entry.created_at, event.occurred_at);
    }
    assert_eq!(entries[1].entity_id, member.into_uuid(), "the member is the entity");
    assert_eq!(entries[3].engagement_id, Some(entries[3].entity_id), "an engagement's own events are on its timeline");
}

async fn unknown_types_and_unreadable_payloads_get_a_generic_entry(db: &TestDb) {
    let h = harness(db);
    let org = h.org().await;
    let mut unknown = h.event(org, 1, &ProposalSent { proposal: proposal(ProposalId::new(), None, h.start) });
    unknown.event_type = "acme.widget.frobbed".into();
    unknown.aggregate_type = "widget".into();
    // Raw fields that once meant something are not read: only the catalog is.
    unknown.data = json!({"title": "Sprocket", "engagement_id": EngagementId::new(), "from": "a", "to": "b"});
    let mut unreadable = h.event(
        org,
        2,
        &MemberAdded {
            id: MemberId::new(),
            user_id: UserId::new(),
            email: "ada@example.com".into(),
            role: Role::Admin,
        },
    );
    unreadable.data = json!({"email": "ada@example.com"});
    h.deliver(&[unknown.clone(), unreadable.clone()]).await;
    let entries = h.entries(org).await;
    let summaries: Vec<&str> = entries.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(summaries, ["widget frobbed", "member added"]);
    assert_eq!(entries[0].engagement_id, None);
    assert_eq!(entries[0].data, unknown.data, "the payload is kept as it came");
}
