//! Identity's events are typed payloads: each write publishes its type in the same
//! transaction, with today's field names, and subscribers read it back typed.

use atrium_events::identity::{
    ApiKeyCreated, ApiKeyRevoked, InvitationAccepted, InvitationRevoked, InvitationSent, MemberAdded, MemberRemoved,
    MemberRoleChanged, OrganizationCreated,
};
use atrium_identity::dto::{ApiKeyIn, InvitationIn, MemberPatch, SignupIn};
use atrium_kernel::{IfMatch, Role};
use atrium_outbox::Event;
use atrium_outbox::entity::event;
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::common::{email, harness, text};

backend_tests!(writes_publish_typed_payloads_with_their_wire_names);

async fn org_events(conn: &sea_orm::DatabaseConnection, org: atrium_kernel::OrganizationId) -> Vec<Event> {
    event::Entity::find()
        .filter(event::Column::OrganizationId.eq(org.into_uuid()))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
        .into_iter()
        .map(Event::from)
        .collect()
}

async fn writes_publish_typed_payloads_with_their_wire_names(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let grace = h.signup("grace@example.com", "Grace").await;
    let invite = h
        .svc
        .create_invitation(&owner, InvitationIn { email: email("Grace@Example.com"), role: Role::Member })
        .await
        .expect("invite");
    h.svc.accept_invitation(&h.ctx(&grace.token).await, &invite.token).await.expect("accept");
    let grace_member = crate::common::member_id_of(&h.conn, owner.org_id, grace.user.id).await;
    h.svc.update_member(&owner, grace_member, MemberPatch { role: Role::Admin }, IfMatch(None)).await.expect("promote");
    h.svc.remove_member(&owner, grace_member, IfMatch(None)).await.expect("remove");
    let other = h
        .svc
        .create_invitation(&owner, InvitationIn { email: email("zoe@example.com"), role: Role::Viewer })
        .await
        .expect("invite");
    h.svc.revoke_invitation(&owner, other.invitation.id).await.expect("revoke invitation");
    let key = h.svc.create_api_key(&owner, ApiKeyIn { name: text("sync"), role: Role::Viewer }).await.expect("key");
    h.svc.revoke_api_key(&owner, key.api_key.id).await.expect("revoke key");

    let events = org_events(&h.conn, owner.org_id).await;
    let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        types,
        [
            "identity.organization.created",
            "identity.member.added",
            "identity.invitation.sent",
            "identity.member.added",
            "identity.invitation.accepted",
            "identity.member.role_changed",
            "identity.member.removed",
            "identity.invitation.sent",
            "identity.invitation.revoked",
            "identity.api_key.created",
            "identity.api_key.revoked",
        ]
    );
    let org: OrganizationCreated = events[0].payload().expect("organization");
    assert_eq!((org.id, org.name.as_str()), (owner.org_id, "Ada's organization"));
    let owner_added: MemberAdded = events[1].payload().expect("owner added");
    assert_eq!((owner_added.user_id, owner_added.role), (ada.user.id, Role::Owner));
    let sent: InvitationSent = events[2].payload().expect("sent");
    assert_eq!((sent.id, sent.email.as_str(), sent.role), (invite.invitation.id, "grace@example.com", Role::Member));
    let joined: MemberAdded = events[3].payload().expect("joined");
    assert_eq!((joined.id, joined.email.as_str()), (grace_member, "grace@example.com"));
    let accepted: InvitationAccepted = events[4].payload().expect("accepted");
    assert_eq!((accepted.id, accepted.user_id), (invite.invitation.id, grace.user.id));
    let promoted: MemberRoleChanged = events[5].payload().expect("role changed");
    assert_eq!((promoted.id, promoted.from, promoted.to), (grace_member, Role::Member, Role::Admin));
    assert_eq!((events[5].data["from"].as_str(), events[5].data["to"].as_str()), (Some("member"), Some("admin")));
    let removed: MemberRemoved = events[6].payload().expect("removed");
    assert_eq!((removed.email.as_str(), removed.role), ("grace@example.com", Role::Admin));
    let revoked: InvitationRevoked = events[8].payload().expect("invitation revoked");
    assert_eq!((revoked.id, revoked.email.as_str()), (other.invitation.id, "zoe@example.com"));
    let created: ApiKeyCreated = events[9].payload().expect("key created");
    assert_eq!((created.id, created.name.as_str(), created.prefix), (key.api_key.id, "sync", key.api_key.prefix));
    assert!(!events[9].data.to_string().contains(&key.secret), "the secret is never in an event");
    let key_revoked: ApiKeyRevoked = events[10].payload().expect("key revoked");
    assert_eq!(key_revoked.id, key.api_key.id);
    for e in &events {
        let facets = atrium_events::find(&e.event_type).expect("in the catalog").facets(&e.data).expect("decodes");
        assert!(facets.summary.is_some(), "{} reads as a sentence", e.event_type);
        assert!(e.actor.starts_with("user:"), "{}: {}", e.event_type, e.actor);
    }
}

/// Input types parse while deserializing: nothing invalid reaches the service.
#[test]
fn blank_over_long_and_nul_input_is_refused() {
    use validator::Validate;
    let parse = |v: serde_json::Value| {
        let input = serde_json::from_value::<SignupIn>(v).map_err(|e| e.to_string())?;
        input.validate().map_err(|e| e.to_string())
    };
    let ok = serde_json::json!({"email": "ada@example.com", "password": "correct horse battery", "name": "Ada"});
    assert_eq!(parse(ok.clone()), Ok(()));
    for (field, value, problem) in [
        ("name", serde_json::json!("   "), "must not be blank"),
        ("name", serde_json::json!("a".repeat(201)), "at most 200"),
        ("name", serde_json::json!("Ada\u{0}"), "NUL"),
        ("email", serde_json::json!("not an email"), "valid email"),
        ("email", serde_json::json!(format!("{}@example.com", "a".repeat(250))), "at most 254"),
        ("organization_name", serde_json::json!(" "), "must not be blank"),
    ] {
        let mut body = ok.clone();
        body[field] = value;
        let err = parse(body).expect_err(field);
        assert!(err.contains(problem), "{field}: {err}");
    }
    let key = serde_json::from_value::<ApiKeyIn>(serde_json::json!({"name": "\t", "role": "member"}));
    assert!(key.is_err(), "a blank API key name is refused");
    let login =
        serde_json::from_value::<atrium_identity::dto::LoginIn>(serde_json::json!({"email": " ", "password": "x"}));
    assert!(login.is_err(), "a blank login email is refused before any lookup");
}
