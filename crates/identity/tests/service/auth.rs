//! Sign-up, login throttling, sessions and auto-onboarding.

use std::time::Duration as StdDuration;

use atrium_identity::dto::{InvitationIn, LoginIn, SignupIn};
use atrium_identity::entity::{member, organization, session, user};
use atrium_identity::{IdentityConfig, IdentityService, LoginLimits};
use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, Principal, Role};
use atrium_outbox::entity::event;
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::assert_err;
use crate::common::{PASSWORD, count, ctx_in, harness, harness_with, member_id_of, sha256_hex, signup_input, text};

backend_tests!(
    signup_hashes_password_and_opens_an_owner_session,
    duplicate_email_conflicts_and_rolls_back,
    wrong_password_and_per_email_throttle,
    successful_login_resets_email_failures,
    per_ip_throttle_counts_every_attempt,
    sessions_expire_slide_and_revoke,
    user_left_without_organization_is_onboarded_into_a_new_one,
    removed_from_active_org_falls_back_to_another,
);

fn limits(failures_per_email: u32, attempts_per_ip: u32) -> IdentityConfig {
    IdentityConfig {
        login_limits: LoginLimits { failures_per_email, attempts_per_ip, window: StdDuration::from_secs(900) },
        ..IdentityConfig::default()
    }
}

fn login(email: &str, password: &str) -> LoginIn {
    LoginIn { email: text(email), password: password.into() }
}

async fn session_row(svc: &IdentityService, conn: &sea_orm::DatabaseConnection, token: &str) -> session::Model {
    // Touches are written in the background: wait for the ones queued so far.
    svc.flush_touches().await;
    session::Entity::find()
        .filter(session::Column::TokenHash.eq(sha256_hex(token)))
        .one(conn)
        .await
        .expect("query session")
        .expect("a session row stores the token's SHA-256")
}

async fn signup_hashes_password_and_opens_an_owner_session(db: &TestDb) {
    let h = harness(db);
    let input = SignupIn {
        email: "  Ada.Lovelace@Example.COM ".into(),
        password: PASSWORD.into(),
        name: text(" Ada Lovelace "),
        organization_name: Some(text("Analytical Engines")),
    };
    let out = h.svc.signup(input).await.expect("signup");
    assert_eq!(out.user.email, "ada.lovelace@example.com");
    assert_eq!(out.user.name, "Ada Lovelace");
    assert_eq!(out.organization.name, "Analytical Engines");
    assert_eq!(out.role, Role::Owner);
    assert!(out.token.starts_with("atr_s_"), "{}", out.token);
    assert_eq!(out.expires_at, h.clock.now() + IdentityConfig::default().session_ttl);

    let row = user::Entity::find_by_id(out.user.id.into_uuid()).one(&db.conn).await.expect("query").expect("user row");
    assert_eq!(row.email, "ada.lovelace@example.com", "stored normalized");
    let hash = row.password_hash.expect("a password hash is stored");
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(!hash.contains(PASSWORD), "the hash must not contain the password");

    let memberships = member::Entity::find()
        .filter(member::Column::UserId.eq(out.user.id.into_uuid()))
        .all(&db.conn)
        .await
        .expect("query memberships");
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].organization_id, out.organization.id.into_uuid());
    assert_eq!(memberships[0].role, "owner");

    let auth = h.svc.authenticate(&out.token).await.expect("authenticate").expect("fresh token is valid");
    let expected = OrgCtx { org_id: out.organization.id, principal: Principal::User(out.user.id), role: Role::Owner };
    assert_eq!(auth.ctx, expected);

    let sessions = session::Entity::find().all(&db.conn).await.expect("query sessions");
    assert_eq!(sessions.len(), 1);
    let s = &sessions[0];
    assert_eq!(auth.session_id, Some(s.id));
    assert_eq!(s.token_hash, sha256_hex(&out.token), "only the SHA-256 hex of the token is stored");
    assert!(!s.token_hash.contains(&out.token) && !out.token.contains(&s.token_hash));
    assert_eq!(s.user_id, out.user.id.into_uuid());
    assert_eq!(s.active_organization_id, Some(out.organization.id.into_uuid()));

    // The stored, normalized email is what login compares against.
    let again = h.svc.login(login(" ADA.lovelace@EXAMPLE.com", PASSWORD), "10.0.0.1").await.expect("login");
    assert_eq!(again.user.id, out.user.id);
    assert_eq!(again.organization.id, out.organization.id);
    assert_ne!(again.token, out.token);
    assert!(h.svc.authenticate("not-a-token").await.expect("authenticate").is_none());
    assert!(h.svc.authenticate(&format!("{}x", out.token)).await.expect("authenticate").is_none());
}

async fn duplicate_email_conflicts_and_rolls_back(db: &TestDb) {
    let h = harness(db);
    h.signup("grace@example.com", "Grace").await;
    let before = (
        count::<user::Entity>(&db.conn).await,
        count::<organization::Entity>(&db.conn).await,
        count::<member::Entity>(&db.conn).await,
        count::<session::Entity>(&db.conn).await,
        count::<event::Entity>(&db.conn).await,
    );
    let mut dup = signup_input(" GRACE@Example.com", "Other Grace");
    dup.organization_name = Some(text("Second org"));
    assert_err!(h.svc.signup(dup).await, AppError::Conflict { .. }, "same email in another case");
    let after = (
        count::<user::Entity>(&db.conn).await,
        count::<organization::Entity>(&db.conn).await,
        count::<member::Entity>(&db.conn).await,
        count::<session::Entity>(&db.conn).await,
        count::<event::Entity>(&db.conn).await,
    );
    assert_eq!(after, before, "(users, orgs, members, sessions, events) unchanged");
    let named = organization::Entity::find()
        .filter(organization::Column::Name.eq("Second org"))
        .all(&db.conn)
        .await
        .expect("query orgs");
    assert!(named.is_empty());
}

async fn wrong_password_and_per_email_throttle(db: &TestDb) {
    let h = harness_with(db, limits(3, 100));
    h.signup("ada@example.com", "Ada").await;
    h.signup("bob@example.com", "Bob").await;
    let sessions = count::<session::Entity>(&db.conn).await;

    for i in 0..3 {
        let res = h.svc.login(login("ada@example.com", "wrong password"), "10.0.0.1").await;
        assert_err!(res, AppError::Unauthenticated, &format!("wrong password #{i}"));
    }
    let res = h.svc.login(login("Ada@Example.com", PASSWORD), "10.0.0.2").await;
    let err = assert_err!(res, AppError::TooManyRequests { .. }, "right password after 3 failures");
    if let AppError::TooManyRequests { retry_after_secs } = err {
        assert!((1..=900).contains(&retry_after_secs), "{retry_after_secs}");
    }
    assert_eq!(count::<session::Entity>(&db.conn).await, sessions, "no session was opened");

    // Another account is not affected, and an unknown email is just unauthenticated.
    h.svc.login(login("bob@example.com", PASSWORD), "10.0.0.1").await.expect("bob logs in");
    let res = h.svc.login(login("nobody@example.com", PASSWORD), "10.0.0.1").await;
    assert_err!(res, AppError::Unauthenticated, "unknown email");
}

async fn successful_login_resets_email_failures(db: &TestDb) {
    let h = harness_with(db, limits(3, 100));
    h.signup("ada@example.com", "Ada").await;
    for round in 0..3 {
        for _ in 0..2 {
            let res = h.svc.login(login("ada@example.com", "wrong password"), "10.0.0.1").await;
            assert_err!(res, AppError::Unauthenticated, &format!("round {round}: wrong password"));
        }
        // 2 failures per round: without a reset, round 1 would reach the limit of 3.
        h.svc.login(login("ada@example.com", PASSWORD), "10.0.0.1").await.expect("success resets the counter");
    }
}

async fn per_ip_throttle_counts_every_attempt(db: &TestDb) {
    let h = harness_with(db, limits(100, 3));
    h.signup("ada@example.com", "Ada").await;
    h.signup("bob@example.com", "Bob").await;
    h.svc.login(login("ada@example.com", PASSWORD), "198.51.100.7").await.expect("attempt 1 succeeds");
    let res = h.svc.login(login("bob@example.com", "wrong password"), "198.51.100.7").await;
    assert_err!(res, AppError::Unauthenticated, "attempt 2");
    let res = h.svc.login(login("nobody@example.com", "wrong password"), "198.51.100.7").await;
    assert_err!(res, AppError::Unauthenticated, "attempt 3");
    let res = h.svc.login(login("bob@example.com", PASSWORD), "198.51.100.7").await;
    assert_err!(res, AppError::TooManyRequests { .. }, "attempt 4 from the same IP, right password");
    h.svc.login(login("bob@example.com", PASSWORD), "198.51.100.8").await.expect("another IP is not limited");
}

async fn sessions_expire_slide_and_revoke(db: &TestDb) {
    let ttl = Duration::hours(1);
    let h = harness_with(db, IdentityConfig { session_ttl: ttl, ..IdentityConfig::default() });
    let start = h.clock.now();
    let used = h.signup("ada@example.com", "Ada").await;
    let idle = h.svc.login(login("ada@example.com", PASSWORD), "10.0.0.1").await.expect("login");
    assert_eq!(used.expires_at, start + ttl);
    let row = session_row(&h.svc, &db.conn, &used.token).await;
    assert_eq!((row.last_seen_at, row.expires_at), (start, start + ttl));

    // Within a minute of the last touch nothing is written.
    h.clock.advance(Duration::seconds(30));
    assert!(h.svc.authenticate(&used.token).await.expect("authenticate").is_some());
    let row = session_row(&h.svc, &db.conn, &used.token).await;
    assert_eq!((row.last_seen_at, row.expires_at), (start, start + ttl), "not touched within 60 s");

    // Later use slides the expiry forward.
    h.clock.advance(ttl - Duration::seconds(31));
    let used_at = h.clock.now();
    assert!(h.svc.authenticate(&used.token).await.expect("authenticate").is_some(), "valid 1 s before ttl");
    let row = session_row(&h.svc, &db.conn, &used.token).await;
    assert_eq!(row.last_seen_at, used_at);
    assert_eq!(row.expires_at, used_at + ttl, "expiry slid forward");

    // Past the original expiry: the idle session is gone, the used one lives on.
    h.clock.advance(Duration::seconds(2));
    assert!(h.svc.authenticate(&idle.token).await.expect("authenticate").is_none(), "idle session expired");
    assert!(h.svc.authenticate(&used.token).await.expect("authenticate").is_some(), "slid session still valid");

    // Unused for a whole ttl: expired.
    h.clock.advance(ttl);
    assert!(h.svc.authenticate(&used.token).await.expect("authenticate").is_none(), "expired after ttl unused");

    // Logout revokes exactly that session.
    let a = h.svc.login(login("ada@example.com", PASSWORD), "10.0.0.1").await.expect("login");
    let b = h.svc.login(login("ada@example.com", PASSWORD), "10.0.0.1").await.expect("login");
    let sid = h.svc.authenticate(&a.token).await.expect("authenticate").and_then(|x| x.session_id);
    h.svc.logout(sid.expect("a session id")).await.expect("logout");
    assert!(h.svc.authenticate(&a.token).await.expect("authenticate").is_none(), "revoked");
    assert_eq!(session_row(&h.svc, &db.conn, &a.token).await.revoked_at, Some(h.clock.now()));
    assert!(h.svc.authenticate(&b.token).await.expect("authenticate").is_some(), "other session unaffected");
}

async fn user_left_without_organization_is_onboarded_into_a_new_one(db: &TestDb) {
    let h = harness(db);
    let yara = h.signup("yara@example.com", "Yara").await;
    let xavi = h.signup("xavi@example.com", "Xavi").await;
    let yara_ctx = h.ctx(&yara.token).await;
    let org_y = yara.organization.id;

    // Xavi becomes a second owner of Yara's organization, then removes Yara from it.
    let invite = h
        .svc
        .create_invitation(
            &yara_ctx,
            InvitationIn { email: crate::common::email("xavi@example.com"), role: Role::Owner },
        )
        .await
        .expect("invite");
    h.svc.accept_invitation(&h.ctx(&xavi.token).await, &invite.token).await.expect("accept");
    let xavi_in_y = ctx_in(org_y, xavi.user.id, Role::Owner);
    let yara_member = member_id_of(&db.conn, org_y, yara.user.id).await;
    h.svc.remove_member(&xavi_in_y, yara_member, IfMatch(None)).await.expect("another owner removes Yara");
    let left = member::Entity::find()
        .filter(member::Column::UserId.eq(yara.user.id.into_uuid()))
        .all(&db.conn)
        .await
        .expect("query");
    assert!(left.is_empty(), "Yara belongs to no organization");

    let orgs_before = count::<organization::Entity>(&db.conn).await;
    let ctx = h.ctx(&yara.token).await;
    assert_eq!(ctx.principal, Principal::User(yara.user.id));
    assert_eq!(ctx.role, Role::Owner);
    assert_ne!(ctx.org_id, org_y);
    assert_ne!(ctx.org_id, xavi.organization.id);
    assert_eq!(count::<organization::Entity>(&db.conn).await, orgs_before + 1, "a new organization");
    let m = member::Entity::find_by_id(member_id_of(&db.conn, ctx.org_id, yara.user.id).await.into_uuid())
        .one(&db.conn)
        .await
        .expect("query")
        .expect("membership in the new org");
    assert_eq!(m.role, "owner");
    let new_org = organization::Entity::find_by_id(ctx.org_id.into_uuid()).one(&db.conn).await.expect("query");
    assert_eq!(new_org.expect("new org").name, "Yara's organization");
    assert_eq!(session_row(&h.svc, &db.conn, &yara.token).await.active_organization_id, Some(ctx.org_id.into_uuid()));

    // Resolving again keeps that organization rather than creating yet another.
    assert_eq!(h.ctx(&yara.token).await, ctx);
    assert_eq!(count::<organization::Entity>(&db.conn).await, orgs_before + 1);
}

async fn removed_from_active_org_falls_back_to_another(db: &TestDb) {
    let h = harness(db);
    let yara = h.signup("yara@example.com", "Yara").await;
    let xavi = h.signup("xavi@example.com", "Xavi").await;
    let xavi_ctx = h.ctx(&xavi.token).await;
    let org_x = xavi.organization.id;
    let invite = h
        .svc
        .create_invitation(
            &xavi_ctx,
            InvitationIn { email: crate::common::email("yara@example.com"), role: Role::Member },
        )
        .await
        .expect("invite");
    let yara_auth = h.svc.authenticate(&yara.token).await.expect("authenticate").expect("valid");
    h.svc.accept_invitation(&yara_auth.ctx, &invite.token).await.expect("accept");
    let switched = h.svc.switch_organization(&yara_auth.ctx, yara_auth.session_id, org_x).await.expect("switch");
    assert_eq!((switched.organization.id, switched.role), (org_x, Role::Member));
    let in_x = h.ctx(&yara.token).await;
    assert_eq!((in_x.org_id, in_x.role), (org_x, Role::Member), "the session is in Xavi's org now");

    let orgs_before = count::<organization::Entity>(&db.conn).await;
    let yara_in_x = member_id_of(&db.conn, org_x, yara.user.id).await;
    h.svc.remove_member(&xavi_ctx, yara_in_x, IfMatch(None)).await.expect("remove Yara");

    let back = h.ctx(&yara.token).await;
    assert_eq!(back.org_id, yara.organization.id, "falls back to her remaining organization");
    assert_eq!(back.role, Role::Owner);
    assert_eq!(count::<organization::Entity>(&db.conn).await, orgs_before, "no organization was created");
    let active = session_row(&h.svc, &db.conn, &yara.token).await.active_organization_id;
    assert_eq!(active, Some(yara.organization.id.into_uuid()));
}
