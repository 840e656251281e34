//! Tenant isolation: an id from one organization is not found from another, and
//! nothing is changed.

use atrium_identity::dto::{ApiKeyIn, InvitationIn, MemberPatch};
use atrium_identity::entity::{api_key, invitation, member};
use atrium_kernel::{AppError, IfMatch, PageRequest, Role, Scoped};
use atrium_outbox::entity::event;
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::EntityTrait;

use crate::assert_err;
use crate::common::{count, harness, member_id_of, member_row};

backend_tests!(org_scoped_methods_do_not_reach_into_another_org);

async fn org_scoped_methods_do_not_reach_into_another_org(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner_a = h.ctx(&ada.token).await;
    let mallory = h.signup("mallory@example.com", "Mallory").await;
    let owner_b = h.ctx(&mallory.token).await;
    assert_ne!(owner_a.org_id, owner_b.org_id);

    let ada_member = member_id_of(&db.conn, owner_a.org_id, ada.user.id).await;
    let bob = h.join(&owner_a, "bob@example.com", Role::Member).await;
    let key = h
        .svc
        .create_api_key(&owner_a, ApiKeyIn { name: crate::common::text("sync"), role: Role::Admin })
        .await
        .expect("create key");
    let invite = h
        .svc
        .create_invitation(
            &owner_a,
            InvitationIn { email: crate::common::email("carol@example.com"), role: Role::Viewer },
        )
        .await
        .expect("invite");
    let events = count::<event::Entity>(&db.conn).await;
    let bob_row = member_row(&db.conn, bob.member_id).await;
    let ada_row = member_row(&db.conn, ada_member).await;

    for id in [bob.member_id, ada_member] {
        let res = h.svc.get_member(&owner_b, id).await;
        assert_err!(res, AppError::NotFound(_), "get_member across orgs");
        let res = h.svc.update_member(&owner_b, id, MemberPatch { role: Role::Owner }, IfMatch(None)).await;
        assert_err!(res, AppError::NotFound(_), "update_member across orgs");
        let res = h.svc.update_member(&owner_b, id, MemberPatch { role: Role::Viewer }, IfMatch(Some(1))).await;
        assert_err!(res, AppError::NotFound(_), "update_member across orgs with If-Match");
        let res = h.svc.remove_member(&owner_b, id, IfMatch(None)).await;
        assert_err!(res, AppError::NotFound(_), "remove_member across orgs");
    }
    assert_eq!(member_row(&db.conn, bob.member_id).await, bob_row, "Bob's membership unchanged");
    assert_eq!(member_row(&db.conn, ada_member).await, ada_row, "Ada's membership unchanged");

    let res = h.svc.revoke_api_key(&owner_b, key.api_key.id).await;
    assert_err!(res, AppError::NotFound(_), "revoke_api_key across orgs");
    let key_row = api_key::Entity::find_by_id(key.api_key.id.into_uuid()).one(&db.conn).await.expect("query");
    assert_eq!(key_row.expect("key row").revoked_at, None, "key not revoked");
    let still = h.svc.authenticate(&key.secret).await.expect("authenticate");
    assert_eq!(still.map(|a| a.ctx.org_id), Some(owner_a.org_id), "the key still works");

    let res = h.svc.revoke_invitation(&owner_b, invite.invitation.id).await;
    assert_err!(res, AppError::NotFound(_), "revoke_invitation across orgs");
    let inv_row = invitation::Entity::find_by_id(invite.invitation.id.into_uuid()).one(&db.conn).await.expect("query");
    assert_eq!(inv_row.expect("invitation row").revoked_at, None, "invitation not revoked");

    assert_eq!(count::<event::Entity>(&db.conn).await, events, "no event was written");
    // The other organization's lists show only its own rows.
    let members = h.svc.list_members(&owner_b, PageRequest::default()).await.expect("list");
    assert_eq!(members.items.iter().map(|m| m.email.as_str()).collect::<Vec<_>>(), ["mallory@example.com"]);
    assert!(h.svc.list_api_keys(&owner_b, PageRequest::default()).await.expect("keys").items.is_empty());
    assert!(h.svc.list_invitations(&owner_b, PageRequest::default()).await.expect("invites").items.is_empty());
    let in_a = member::Entity::scoped(owner_a.org_id).all(&db.conn).await.expect("query");
    assert_eq!(in_a.len(), 2);

    // Nor can a session be switched into an organization its user is not in.
    let session = h.svc.authenticate(&mallory.token).await.expect("authenticate").and_then(|a| a.session_id);
    let res = h.svc.switch_organization(&owner_b, session, owner_a.org_id).await;
    assert_err!(res, AppError::NotFound(_), "switch into another org");
    assert_eq!(h.ctx(&mallory.token).await.org_id, owner_b.org_id, "session stays in its org");
}
