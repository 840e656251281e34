//! Membership changes: optimistic concurrency, the last-owner rule, who may touch
//! ownership, and paging through members.

use std::collections::HashSet;

use atrium_identity::IdentityService;
use atrium_identity::dto::{MemberId, MemberPatch};
use atrium_identity::entity::member;
use atrium_kernel::{AppError, IfMatch, OrgCtx, PageRequest, Role, Scoped};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::assert_err;
use crate::common::{harness, member_id_of, member_row};

backend_tests!(
    stale_if_match_conflicts_and_changes_nothing,
    last_owner_cannot_be_demoted_or_removed,
    only_an_owner_grants_or_takes_ownership,
    list_members_pages_return_every_member_once,
    concurrent_owner_changes_keep_an_owner,
);

/// Pages through the members; returns (id, email) in order and the page sizes.
async fn all_pages(svc: &IdentityService, ctx: &OrgCtx, limit: u64) -> (Vec<(MemberId, String)>, Vec<usize>) {
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let mut after = None;
    loop {
        let page = svc.list_members(ctx, PageRequest { limit, after }).await.expect("list members");
        sizes.push(page.items.len());
        seen.extend(page.items.into_iter().map(|m| (m.id, m.email)));
        match page.next_after {
            Some(next) => after = Some(next),
            None => return (seen, sizes),
        }
        assert!(sizes.len() <= 10, "pagination does not terminate: {sizes:?}");
    }
}

fn to(role: Role) -> MemberPatch {
    MemberPatch { role }
}

async fn stale_if_match_conflicts_and_changes_nothing(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let bob = h.join(&owner, "bob@example.com", Role::Member).await;

    let m = h.svc.get_member(&owner, bob.member_id).await.expect("get");
    assert_eq!((m.role, m.version, m.email.as_str()), (Role::Member, 1, "bob@example.com"));
    let m = h.svc.update_member(&owner, bob.member_id, to(Role::Admin), IfMatch(Some(1))).await.expect("update");
    assert_eq!((m.role, m.version), (Role::Admin, 2));

    let res = h.svc.update_member(&owner, bob.member_id, to(Role::Viewer), IfMatch(Some(1))).await;
    assert_err!(res, AppError::Conflict { .. }, "update with stale If-Match");
    let row = member_row(&db.conn, bob.member_id).await;
    assert_eq!((row.role.as_str(), row.version), ("admin", 2), "role unchanged");

    let res = h.svc.remove_member(&owner, bob.member_id, IfMatch(Some(1))).await;
    assert_err!(res, AppError::Conflict { .. }, "remove with stale If-Match");
    assert_eq!(member_row(&db.conn, bob.member_id).await.role, "admin", "still a member");

    let m = h.svc.update_member(&owner, bob.member_id, to(Role::Viewer), IfMatch(Some(2))).await.expect("update");
    assert_eq!((m.role, m.version), (Role::Viewer, 3));
    h.svc.remove_member(&owner, bob.member_id, IfMatch(Some(3))).await.expect("remove with current version");
    assert!(member::Entity::find_by_id(bob.member_id.into_uuid()).one(&db.conn).await.expect("query").is_none());
}

async fn last_owner_cannot_be_demoted_or_removed(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let ada_member = member_id_of(&db.conn, owner.org_id, ada.user.id).await;
    let bob = h.join(&owner, "bob@example.com", Role::Admin).await;

    let res = h.svc.update_member(&owner, ada_member, to(Role::Admin), IfMatch(None)).await;
    assert_err!(res, AppError::Conflict { .. }, "demote the last owner");
    let res = h.svc.remove_member(&owner, ada_member, IfMatch(None)).await;
    assert_err!(res, AppError::Conflict { .. }, "remove the last owner");
    let row = member_row(&db.conn, ada_member).await;
    assert_eq!((row.role.as_str(), row.version), ("owner", 1), "the last owner is untouched");

    // With a second owner, the first may step down.
    h.svc.update_member(&owner, bob.member_id, to(Role::Owner), IfMatch(None)).await.expect("promote Bob");
    let m = h.svc.update_member(&owner, ada_member, to(Role::Member), IfMatch(None)).await.expect("Ada steps down");
    assert_eq!(m.role, Role::Member);

    // Now Bob is the last owner.
    let bob_owner = OrgCtx { role: Role::Owner, ..bob.ctx };
    let res = h.svc.update_member(&bob_owner, bob.member_id, to(Role::Viewer), IfMatch(None)).await;
    assert_err!(res, AppError::Conflict { .. }, "the new last owner cannot demote himself");
    let res = h.svc.remove_member(&bob_owner, bob.member_id, IfMatch(None)).await;
    assert_err!(res, AppError::Conflict { .. }, "the new last owner cannot remove himself");
    assert_eq!(member_row(&db.conn, bob.member_id).await.role, "owner");
}

async fn only_an_owner_grants_or_takes_ownership(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let ada_member = member_id_of(&db.conn, owner.org_id, ada.user.id).await;
    let admin = h.join(&owner, "zoe@example.com", Role::Admin).await;
    let carl = h.join(&owner, "carl@example.com", Role::Member).await;

    let res = h.svc.update_member(&admin.ctx, carl.member_id, to(Role::Owner), IfMatch(None)).await;
    assert_err!(res, AppError::Forbidden(_), "admin grants ownership");
    let row = member_row(&db.conn, carl.member_id).await;
    assert_eq!((row.role.as_str(), row.version), ("member", 1), "role unchanged");

    let res = h.svc.update_member(&admin.ctx, admin.member_id, to(Role::Owner), IfMatch(None)).await;
    assert_err!(res, AppError::Forbidden(_), "admin makes herself owner");
    assert_eq!(member_row(&db.conn, admin.member_id).await.role, "admin");

    let res = h.svc.update_member(&admin.ctx, ada_member, to(Role::Viewer), IfMatch(None)).await;
    assert_err!(res, AppError::Forbidden(_), "admin demotes an owner");
    let res = h.svc.remove_member(&admin.ctx, ada_member, IfMatch(None)).await;
    assert_err!(res, AppError::Forbidden(_), "admin removes an owner");
    assert_eq!(member_row(&db.conn, ada_member).await.role, "owner");

    // Roles below owner are the admin's to change.
    let m = h.svc.update_member(&admin.ctx, carl.member_id, to(Role::Billing), IfMatch(None)).await.expect("admin");
    assert_eq!(m.role, Role::Billing);
    // And an owner may grant ownership.
    let m = h.svc.update_member(&owner, carl.member_id, to(Role::Owner), IfMatch(None)).await.expect("owner");
    assert_eq!(m.role, Role::Owner);
}

async fn list_members_pages_return_every_member_once(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let owner = h.ctx(&ada.token).await;
    let mut expected: Vec<MemberId> = vec![member_id_of(&db.conn, owner.org_id, ada.user.id).await];
    for name in ["b", "c", "d", "e"] {
        expected.push(h.join(&owner, &format!("{name}@example.com"), Role::Viewer).await.member_id);
    }
    // Each joiner also owns an organization of their own; those memberships must not show.

    let (seen, sizes) = all_pages(&h.svc, &owner, 2).await;
    assert_eq!(sizes, vec![2, 2, 1]);
    let ids: Vec<MemberId> = seen.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "no member twice: {ids:?}");
    let mut sorted = expected.clone();
    sorted.sort();
    let mut got = ids.clone();
    got.sort();
    assert_eq!(got, sorted, "every member of the organization, and only those");
    let emails: HashSet<String> = seen.into_iter().map(|(_, e)| e).collect();
    let want: HashSet<String> = ["ada", "b", "c", "d", "e"].iter().map(|n| format!("{n}@example.com")).collect();
    assert_eq!(emails, want);

    // An exact multiple of the page size ends without an empty extra page.
    h.svc.remove_member(&owner, expected[4], IfMatch(None)).await.expect("remove one");
    let (seen, sizes) = all_pages(&h.svc, &owner, 2).await;
    assert_eq!(sizes, vec![2, 2]);
    assert_eq!(seen.len(), 4);
}

async fn owners_of(conn: &sea_orm::DatabaseConnection, org: atrium_kernel::OrganizationId) -> usize {
    member::Entity::scoped(org).filter(member::Column::Role.eq("owner")).all(conn).await.expect("query owners").len()
}

async fn concurrent_owner_changes_keep_an_owner(db: &TestDb) {
    let h = harness(db);
    let ada = h.signup("ada@example.com", "Ada").await;
    let ada_ctx = h.ctx(&ada.token).await;
    let ada_member = member_id_of(&db.conn, ada_ctx.org_id, ada.user.id).await;
    let bob = h.join(&ada_ctx, "bob@example.com", Role::Owner).await;
    assert_eq!(owners_of(&db.conn, ada_ctx.org_id).await, 2);

    // Two owners demote each other at the same time: one must lose.
    let (r1, r2) = tokio::join!(
        h.svc.update_member(&ada_ctx, bob.member_id, to(Role::Admin), IfMatch(None)),
        h.svc.update_member(&bob.ctx, ada_member, to(Role::Admin), IfMatch(None)),
    );
    let oks = usize::from(r1.is_ok()) + usize::from(r2.is_ok());
    assert_eq!(oks, 1, "exactly one demotion wins: {r1:?} / {r2:?}");
    for r in [r1.err(), r2.err()].into_iter().flatten() {
        assert!(matches!(r, AppError::Conflict { .. }), "{r:?}");
    }
    assert_eq!(owners_of(&db.conn, ada_ctx.org_id).await, 1);

    // Same with removals.
    let remaining = if member_row(&db.conn, ada_member).await.role == "owner" { ada_member } else { bob.member_id };
    let other = if remaining == ada_member { bob.member_id } else { ada_member };
    let owner_ctx = if remaining == ada_member { ada_ctx } else { bob.ctx };
    h.svc.update_member(&owner_ctx, other, to(Role::Owner), IfMatch(None)).await.expect("re-promote");
    let other_ctx = if remaining == ada_member { bob.ctx } else { ada_ctx };
    let (r1, r2) = tokio::join!(
        h.svc.remove_member(&owner_ctx, other, IfMatch(None)),
        h.svc.remove_member(&other_ctx, remaining, IfMatch(None)),
    );
    assert_eq!(usize::from(r1.is_ok()) + usize::from(r2.is_ok()), 1, "exactly one removal wins: {r1:?} / {r2:?}");
    assert_eq!(owners_of(&db.conn, ada_ctx.org_id).await, 1);
}
