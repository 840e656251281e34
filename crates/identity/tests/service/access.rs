//! API keys and invitations: the two ways access is handed out.

use atrium_identity::dto::{ApiKeyIn, InvitationIn, InvitationStatus};
use atrium_identity::entity::{api_key, invitation, member};
use atrium_identity::{Authenticated, IdentityConfig};
use atrium_kernel::{AppError, Clock, OrgCtx, PageRequest, Principal, Role, Scoped};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::assert_err;
use crate::common::{Harness, count, harness, harness_with, sha256_hex};

backend_tests!(
    api_key_authenticates_with_its_role_until_revoked,
    only_an_owner_invites_an_owner,
    invitation_is_accepted_once_by_its_addressee,
    invitation_expires_after_its_ttl,
);

async fn key_row(h: &Harness, id: atrium_kernel::ApiKeyId) -> api_key::Model {
    h.svc.flush_touches().await;
    api_key::Entity::find_by_id(id.into_uuid()).one(&h.conn).await.expect("query key").expect("key row")
}

async fn invitation_row(h: &Harness, id: atrium_identity::dto::InvitationId) -> invitation::Model {
    invitation::Entity::find_by_id(id.into_uuid()).one(&h.conn).await.expect("query").expect("invitation row")
}

async fn api_key_authenticates_with_its_role_until_revoked(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let created = h
        .svc
        .create_api_key(&owner, ApiKeyIn { name: crate::common::text(" ledger sync "), role: Role::Member })
        .await
        .expect("create key");
    let other = h
        .svc
        .create_api_key(&owner, ApiKeyIn { name: crate::common::text("reporting"), role: Role::Viewer })
        .await
        .expect("create key");
    let secret = &created.secret;
    assert!(secret.starts_with("atr_k_"), "{secret}");
    assert!(secret.starts_with(&created.api_key.prefix) && created.api_key.prefix.len() < secret.len());
    assert_eq!((created.api_key.name.as_str(), created.api_key.role), ("ledger sync", Role::Member));

    let row = key_row(&h, created.api_key.id).await;
    assert_ne!(row.key_hash, *secret);
    assert!(!row.key_hash.contains(secret.as_str()));
    assert_eq!(row.key_hash, sha256_hex(secret), "only the SHA-256 of the secret is stored");
    assert_eq!(row.last_used_at, None);

    let auth: Authenticated = h.svc.authenticate(secret).await.expect("authenticate").expect("key is valid");
    let expected =
        OrgCtx { org_id: owner.org_id, principal: Principal::ApiKey(created.api_key.id), role: Role::Member };
    assert_eq!(auth.ctx, expected);
    assert_eq!(auth.session_id, None);
    let first_use = h.clock.now();
    assert_eq!(key_row(&h, created.api_key.id).await.last_used_at, Some(first_use), "last_used_at set");

    h.clock.advance(Duration::seconds(90));
    assert!(h.svc.authenticate(secret).await.expect("authenticate").is_some());
    assert_eq!(key_row(&h, created.api_key.id).await.last_used_at, Some(h.clock.now()), "last_used_at moves");
    let tampered = format!("{}A", secret);
    assert!(h.svc.authenticate(&tampered).await.expect("authenticate").is_none(), "unknown secret");

    h.svc.revoke_api_key(&owner, created.api_key.id).await.expect("revoke");
    assert!(h.svc.authenticate(secret).await.expect("authenticate").is_none(), "revoked key is rejected");
    assert_eq!(key_row(&h, created.api_key.id).await.revoked_at, Some(h.clock.now()));
    h.svc.revoke_api_key(&owner, created.api_key.id).await.expect("revoking twice is harmless");

    let still = h.svc.authenticate(&other.secret).await.expect("authenticate").expect("other key still valid");
    assert_eq!((still.ctx.role, still.ctx.principal), (Role::Viewer, Principal::ApiKey(other.api_key.id)));
    let listed = h.svc.list_api_keys(&owner, PageRequest::default()).await.expect("list keys");
    let revoked: Vec<bool> = listed.items.iter().map(|k| k.revoked_at.is_some()).collect();
    assert_eq!(revoked, [true, false]);
}

async fn only_an_owner_invites_an_owner(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let admin = h.join(&owner, "zoe@example.com", Role::Admin).await;
    let before = count::<invitation::Entity>(&db.conn).await;

    let res = h
        .svc
        .create_invitation(&admin.ctx, InvitationIn { email: crate::common::email("x@example.com"), role: Role::Owner })
        .await;
    assert_err!(res, AppError::Forbidden(_), "admin invites an owner");
    let key = h
        .svc
        .create_api_key(&owner, ApiKeyIn { name: crate::common::text("k"), role: Role::Admin })
        .await
        .expect("key");
    let key_ctx = h.ctx(&key.secret).await;
    let res = h
        .svc
        .create_invitation(&key_ctx, InvitationIn { email: crate::common::email("x@example.com"), role: Role::Owner })
        .await;
    assert_err!(res, AppError::Forbidden(_), "admin API key invites an owner");
    assert_eq!(count::<invitation::Entity>(&db.conn).await, before, "nothing was stored");

    let inv = h
        .svc
        .create_invitation(&admin.ctx, InvitationIn { email: crate::common::email("x@example.com"), role: Role::Admin })
        .await
        .expect("an admin may invite an admin");
    assert_eq!(inv.invitation.role, Role::Admin);
    let inv = h
        .svc
        .create_invitation(&owner, InvitationIn { email: crate::common::email("y@example.com"), role: Role::Owner })
        .await
        .expect("an owner may invite an owner");
    assert_eq!((inv.invitation.role, inv.invitation.status), (Role::Owner, InvitationStatus::Pending));

    // Inviting someone who is already a member is a conflict naming the member.
    let res = h
        .svc
        .create_invitation(&owner, InvitationIn { email: crate::common::email("ZOE@example.com"), role: Role::Viewer })
        .await;
    let err = assert_err!(res, AppError::Conflict { .. }, "invite an existing member");
    if let AppError::Conflict { existing_id, .. } = err {
        assert_eq!(existing_id, Some(admin.member_id.to_string()));
    }
}

async fn invitation_is_accepted_once_by_its_addressee(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let created = h
        .svc
        .create_invitation(
            &owner,
            InvitationIn { email: crate::common::email("  Grace@Example.com "), role: Role::Billing },
        )
        .await
        .expect("invite");
    assert!(created.token.starts_with("atr_i_"), "{}", created.token);
    assert_eq!(created.invitation.email, "grace@example.com");
    let row = invitation_row(&h, created.invitation.id).await;
    assert_eq!(row.token_hash, sha256_hex(&created.token), "only the token's SHA-256 is stored");

    let eve = h.signup("eve@example.com", "Eve").await;
    let eve_ctx = h.ctx(&eve.token).await;
    let res = h.svc.accept_invitation(&eve_ctx, &created.token).await;
    assert_err!(res, AppError::Forbidden(_), "accepted by another email");
    let eve_in_a = member::Entity::scoped(owner.org_id)
        .filter(member::Column::UserId.eq(eve.user.id.into_uuid()))
        .one(&db.conn)
        .await
        .expect("query");
    assert!(eve_in_a.is_none(), "Eve did not join");
    assert_eq!(invitation_row(&h, created.invitation.id).await.accepted_at, None);

    let grace = h.signup("GRACE@example.com", "Grace").await;
    let grace_ctx = h.ctx(&grace.token).await;
    let joined = h.svc.accept_invitation(&grace_ctx, &created.token).await.expect("accept");
    assert_eq!((joined.organization.id, joined.role), (owner.org_id, Role::Billing));
    let m = member::Entity::scoped(owner.org_id)
        .filter(member::Column::UserId.eq(grace.user.id.into_uuid()))
        .one(&db.conn)
        .await
        .expect("query")
        .expect("Grace is a member");
    assert_eq!(m.role, "billing");
    let row = invitation_row(&h, created.invitation.id).await;
    assert_eq!(row.accepted_at, Some(h.clock.now()));
    assert_eq!(row.accepted_by_user_id, Some(grace.user.id.into_uuid()));
    let listed = h.svc.list_invitations(&owner, PageRequest::default()).await.expect("list");
    assert_eq!(listed.items.iter().map(|i| i.status).collect::<Vec<_>>(), [InvitationStatus::Accepted]);

    let res = h.svc.accept_invitation(&grace_ctx, &created.token).await;
    assert_err!(res, AppError::Conflict { .. }, "token reused by its addressee");
    let res = h.svc.accept_invitation(&eve_ctx, &created.token).await;
    assert_err!(res, AppError::Conflict { .. }, "token reused by someone else");
    assert_eq!(member::Entity::scoped(owner.org_id).all(&db.conn).await.expect("query").len(), 2);
    let res = h.svc.revoke_invitation(&owner, created.invitation.id).await;
    assert_err!(res, AppError::Conflict { .. }, "revoke an accepted invitation");

    // A revoked invitation cannot be accepted.
    let revoked = h
        .svc
        .create_invitation(&owner, InvitationIn { email: crate::common::email("eve@example.com"), role: Role::Viewer })
        .await
        .expect("invite Eve");
    h.svc.revoke_invitation(&owner, revoked.invitation.id).await.expect("revoke");
    let res = h.svc.accept_invitation(&eve_ctx, &revoked.token).await;
    assert_err!(res, AppError::NotFound(_), "accept a revoked invitation");
    let res = h.svc.accept_invitation(&eve_ctx, "atr_i_unknown").await;
    assert_err!(res, AppError::NotFound(_), "accept an unknown token");

    // A second invitation sent before Grace joined cannot make her a member twice.
    let second = h
        .svc
        .create_invitation(&owner, InvitationIn { email: crate::common::email("hal@example.com"), role: Role::Viewer })
        .await
        .expect("invite Hal");
    let third = h
        .svc
        .create_invitation(&owner, InvitationIn { email: crate::common::email("hal@example.com"), role: Role::Admin })
        .await
        .expect("invite Hal again");
    let hal = h.signup("hal@example.com", "Hal").await;
    let hal_ctx = h.ctx(&hal.token).await;
    h.svc.accept_invitation(&hal_ctx, &second.token).await.expect("accept the first");
    let res = h.svc.accept_invitation(&hal_ctx, &third.token).await;
    assert_err!(res, AppError::Conflict { .. }, "already a member");
    assert_eq!(invitation_row(&h, third.invitation.id).await.accepted_at, None, "rolled back");
    let hal_in_a = member::Entity::scoped(owner.org_id)
        .filter(member::Column::UserId.eq(hal.user.id.into_uuid()))
        .all(&db.conn)
        .await
        .expect("query");
    assert_eq!(hal_in_a.iter().map(|m| m.role.as_str()).collect::<Vec<_>>(), ["viewer"]);
}

async fn invitation_expires_after_its_ttl(db: &TestDb) {
    let ttl = Duration::days(2);
    let h = harness_with(db, IdentityConfig { invitation_ttl: ttl, ..IdentityConfig::default() });
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let late = h.signup("late@example.com", "Late").await;
    let early = h.signup("early@example.com", "Early").await;
    let invite = |email: &'static str| {
        let svc = h.svc.clone();
        async move {
            svc.create_invitation(&owner, InvitationIn { email: crate::common::email(email), role: Role::Member })
                .await
                .expect("invite")
        }
    };
    let for_late = invite("late@example.com").await;
    let for_early = invite("early@example.com").await;
    assert_eq!(for_late.invitation.expires_at, h.clock.now() + ttl);

    h.clock.advance(ttl - Duration::seconds(1));
    let early_ctx = h.ctx(&early.token).await;
    h.svc.accept_invitation(&early_ctx, &for_early.token).await.expect("accepted 1 s before expiry");

    h.clock.advance(Duration::seconds(2));
    let late_ctx = h.ctx(&late.token).await;
    let res = h.svc.accept_invitation(&late_ctx, &for_late.token).await;
    assert_err!(res, AppError::Conflict { .. }, "accept an expired invitation");
    let joined = member::Entity::scoped(owner.org_id)
        .filter(member::Column::UserId.eq(late.user.id.into_uuid()))
        .one(&db.conn)
        .await
        .expect("query");
    assert!(joined.is_none(), "no membership from an expired invitation");
    assert_eq!(invitation_row(&h, for_late.invitation.id).await.accepted_at, None);
    let listed = h.svc.list_invitations(&owner, PageRequest::default()).await.expect("list");
    let status_of_late = listed.items.iter().find(|i| i.id == for_late.invitation.id).map(|i| i.status);
    assert_eq!(status_of_late, Some(InvitationStatus::Expired));
}
