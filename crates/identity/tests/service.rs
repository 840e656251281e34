//! The identity service against real SQLite and PostgreSQL.

// Tests and benchmarks inspect and seed rows across organizations; the scoping rule is for services.
#![allow(clippy::disallowed_methods)]

// The per-area suites in tests/service/, each also run on both backends.
#[path = "service/common.rs"]
mod common;

#[path = "service/access.rs"]
mod access;
#[path = "service/auth.rs"]
mod auth;
#[path = "service/events.rs"]
mod events;
#[path = "service/members.rs"]
mod members;
#[path = "service/tenancy.rs"]
mod tenancy;

use std::sync::Arc;
use std::time::Duration;

use atrium_identity::dto::{ApiKeyIn, InvitationIn, LoginIn, MemberPatch, SignupIn};
use atrium_identity::entity::{organization, session, user};
use atrium_identity::{IdentityConfig, IdentityService, InProcessThrottle, LoginLimits};
use atrium_kernel::{AppError, FrozenClock, IfMatch, OrgCtx, PageRequest, Principal, Role};
use atrium_outbox::entity::event;
use atrium_testkit::{TestDb, backend_tests};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn service(db: &TestDb, clock: Arc<FrozenClock>) -> IdentityService {
    let config = IdentityConfig {
        login_limits: LoginLimits { failures_per_email: 2, attempts_per_ip: 100, window: Duration::from_secs(60) },
        ..IdentityConfig::default()
    };
    IdentityService::new(db.conn.clone(), clock, Arc::new(InProcessThrottle::default()), config)
}

fn signup(email: &str) -> SignupIn {
    SignupIn {
        email: email.into(),
        password: "correct horse battery".into(),
        name: common::text("Ada"),
        organization_name: None,
    }
}

async fn ctx_of(svc: &IdentityService, token: &str) -> OrgCtx {
    svc.authenticate(token).await.expect("authenticate").expect("valid token").ctx
}

backend_tests!(
    signup_hashes_and_onboards_atomically,
    login_throttles_failures_per_email,
    sessions_expire_slide_and_revoke,
    removed_user_is_onboarded_again,
    other_tenants_rows_are_not_found,
    member_changes_emit_events_in_the_same_transaction,
);

async fn signup_hashes_and_onboards_atomically(db: &TestDb) {
    let svc = service(db, Arc::new(FrozenClock::at(Utc::now())));
    let out = svc.signup(signup("  Ada@Example.COM ")).await.expect("signup");
    assert_eq!(out.user.email, "ada@example.com");
    assert_eq!(out.role, Role::Owner);
    let stored = user::Entity::find().one(&db.conn).await.expect("query").expect("user");
    let hash = stored.password_hash.expect("hash");
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(!hash.contains("correct horse"));
    let sess = session::Entity::find().one(&db.conn).await.expect("query").expect("session");
    assert_ne!(sess.token_hash, out.token, "only a digest of the token is stored");
    assert_eq!(sess.token_hash.len(), 64);

    let ctx = ctx_of(&svc, &out.token).await;
    assert_eq!(ctx.org_id, out.organization.id);
    assert_eq!(ctx.role, Role::Owner);

    let orgs_before = organization::Entity::find().count(&db.conn).await.expect("count");
    let events_before = event::Entity::find().count(&db.conn).await.expect("count");
    let dup = svc.signup(signup("ADA@example.com")).await;
    assert!(matches!(dup, Err(AppError::Conflict { .. })), "{dup:?}");
    assert_eq!(organization::Entity::find().count(&db.conn).await.expect("count"), orgs_before, "rolled back");
    assert_eq!(
        event::Entity::find().count(&db.conn).await.expect("count"),
        events_before,
        "no event without the write"
    );
}

async fn login_throttles_failures_per_email(db: &TestDb) {
    let svc = service(db, Arc::new(FrozenClock::at(Utc::now())));
    svc.signup(signup("ada@example.com")).await.expect("signup");
    let attempt = |pw: &str| LoginIn { email: crate::common::text("ada@example.com"), password: pw.into() };
    for _ in 0..2 {
        assert!(matches!(svc.login(attempt("wrong"), "10.0.0.1").await, Err(AppError::Unauthenticated)));
    }
    let blocked = svc.login(attempt("correct horse battery"), "10.0.0.1").await;
    assert!(matches!(blocked, Err(AppError::TooManyRequests { retry_after_secs }) if retry_after_secs >= 1));
    let unknown =
        svc.login(LoginIn { email: crate::common::text("nobody@example.com"), password: "x".into() }, "10.0.0.2").await;
    assert!(matches!(unknown, Err(AppError::Unauthenticated)), "unknown email reads like a wrong password");
}

async fn sessions_expire_slide_and_revoke(db: &TestDb) {
    let clock = Arc::new(FrozenClock::at(Utc::now()));
    let svc = service(db, clock.clone());
    let out = svc.signup(signup("ada@example.com")).await.expect("signup");
    let first_expiry = out.expires_at;
    clock.advance(chrono::Duration::days(10));
    svc.authenticate(&out.token).await.expect("auth").expect("still valid after 10 days");
    svc.flush_touches().await;
    let slid = session::Entity::find().one(&db.conn).await.expect("query").expect("session");
    assert!(slid.expires_at > first_expiry, "use slides the expiry forward");
    clock.advance(chrono::Duration::days(12));
    assert!(svc.authenticate(&out.token).await.expect("auth").is_some(), "slid session outlives the first expiry");
    clock.advance(chrono::Duration::days(15));
    assert!(svc.authenticate(&out.token).await.expect("auth").is_none(), "an idle session expires");

    let login = svc
        .login(
            LoginIn { email: crate::common::text("ada@example.com"), password: "correct horse battery".into() },
            "ip",
        )
        .await
        .expect("login");
    let found = svc.authenticate(&login.token).await.expect("auth").expect("valid");
    svc.logout(found.session_id.expect("session")).await.expect("logout");
    assert!(svc.authenticate(&login.token).await.expect("auth").is_none(), "revoked");
}

async fn removed_user_is_onboarded_again(db: &TestDb) {
    let svc = service(db, Arc::new(FrozenClock::at(Utc::now())));
    let ada = svc.signup(signup("ada@example.com")).await.expect("signup");
    let owner = ctx_of(&svc, &ada.token).await;
    let invite = svc
        .create_invitation(&owner, InvitationIn { email: common::email("grace@example.com"), role: Role::Member })
        .await
        .expect("invite");
    let grace = svc.signup(signup("grace@example.com")).await.expect("signup");
    let grace_ctx = ctx_of(&svc, &grace.token).await;
    svc.accept_invitation(&grace_ctx, &invite.token).await.expect("accept");
    let grace_own_org = grace_ctx.org_id;
    // Removed from the organization her session is in, she falls back to her own.
    svc.switch_organization(
        &grace_ctx,
        svc.authenticate(&grace.token).await.expect("auth").and_then(|a| a.session_id),
        owner.org_id,
    )
    .await
    .expect("switch");
    let members = svc.list_members(&owner, PageRequest::first(10)).await.expect("members");
    let grace_member = members.items.iter().find(|m| m.email == "grace@example.com").expect("member").id;
    svc.remove_member(&owner, grace_member, IfMatch(None)).await.expect("remove");
    let again = ctx_of(&svc, &grace.token).await;
    assert_eq!(again.org_id, grace_own_org, "falls back to an organization she still belongs to");

    // A user with no membership at all gets a new organization on the next request.
    let ghost = svc.signup(signup("ghost@example.com")).await.expect("signup");
    atrium_identity::entity::member::Entity::delete_many()
        .filter(atrium_identity::entity::member::Column::UserId.eq(ghost.user.id.into_uuid()))
        .exec(&db.conn)
        .await
        .expect("orphan the user");
    let onboarded = ctx_of(&svc, &ghost.token).await;
    assert_ne!(onboarded.org_id, ghost.organization.id);
    assert_eq!(onboarded.role, Role::Owner);
}

async fn other_tenants_rows_are_not_found(db: &TestDb) {
    let svc = service(db, Arc::new(FrozenClock::at(Utc::now())));
    let a = ctx_of(&svc, &svc.signup(signup("a@example.com")).await.expect("signup").token).await;
    let b = ctx_of(&svc, &svc.signup(signup("b@example.com")).await.expect("signup").token).await;
    let key = svc.create_api_key(&a, ApiKeyIn { name: common::text("k"), role: Role::Member }).await.expect("key");
    let invite = svc
        .create_invitation(&a, InvitationIn { email: common::email("x@example.com"), role: Role::Member })
        .await
        .expect("invite");
    let a_member = svc.list_members(&a, PageRequest::first(10)).await.expect("members").items[0].id;

    assert!(matches!(svc.get_member(&b, a_member).await, Err(AppError::NotFound(_))));
    let patch = MemberPatch { role: Role::Viewer };
    assert!(matches!(svc.update_member(&b, a_member, patch, IfMatch(None)).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.remove_member(&b, a_member, IfMatch(None)).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.revoke_api_key(&b, key.api_key.id).await, Err(AppError::NotFound(_))));
    assert!(matches!(svc.revoke_invitation(&b, invite.invitation.id).await, Err(AppError::NotFound(_))));
    // Unchanged for A.
    assert_eq!(svc.get_member(&a, a_member).await.expect("member").role, Role::Owner);
    let found = svc.authenticate(&key.secret).await.expect("auth").expect("key still valid");
    assert!(matches!(found.ctx.principal, Principal::ApiKey(id) if id == key.api_key.id));
    assert_eq!(found.ctx.role, Role::Member);
}

async fn member_changes_emit_events_in_the_same_transaction(db: &TestDb) {
    let svc = service(db, Arc::new(FrozenClock::at(Utc::now())));
    let a = ctx_of(&svc, &svc.signup(signup("a@example.com")).await.expect("signup").token).await;
    let types = |rows: Vec<event::Model>| rows.into_iter().map(|e| e.event_type).collect::<Vec<_>>();
    let initial = event::Entity::find().filter(event::Column::OrganizationId.eq(a.org_id.into_uuid()));
    assert_eq!(
        types(initial.all(&db.conn).await.expect("events")),
        ["identity.organization.created", "identity.member.added"]
    );
    let owner_member = svc.list_members(&a, PageRequest::first(10)).await.expect("members").items[0].id;
    let refused = svc.update_member(&a, owner_member, MemberPatch { role: Role::Admin }, IfMatch(None)).await;
    assert!(matches!(refused, Err(AppError::Conflict { .. })), "last owner");
    let count = event::Entity::find().count(&db.conn).await.expect("count");
    assert_eq!(count, 2, "a refused change emits nothing");
    let key = svc.create_api_key(&a, ApiKeyIn { name: common::text("k"), role: Role::Viewer }).await.expect("key");
    svc.revoke_api_key(&a, key.api_key.id).await.expect("revoke");
    svc.revoke_api_key(&a, key.api_key.id).await.expect("revoking twice is harmless");
    let last = event::Entity::find()
        .filter(event::Column::AggregateId.eq(key.api_key.id.into_uuid()))
        .all(&db.conn)
        .await
        .expect("events");
    assert_eq!(types(last), ["identity.api_key.created", "identity.api_key.revoked"], "revoking twice emits once");
}
