//! Shared set-up: a service over the test database with a frozen clock, and short
//! ways to sign people up and bring them into an organization.

use std::fmt::Debug;
use std::sync::Arc;

use atrium_identity::dto::{AuthOut, InvitationIn, MemberId, SignupIn};
use atrium_identity::entity::member;
use atrium_identity::{IdentityConfig, IdentityService, InProcessThrottle};
use atrium_kernel::{
    AppError, Clock, Email, FrozenClock, OrgCtx, OrganizationId, Principal, Role, Scoped, Text, UserId,
};
use atrium_testkit::TestDb;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use sha2::{Digest, Sha256};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct Harness {
    pub svc: IdentityService,
    pub clock: Arc<FrozenClock>,
    pub conn: DatabaseConnection,
}

/// A start time with a sub-second part, so stored timestamps are not all round.
pub fn start_time() -> DateTime<Utc> {
    Utc::now() - Duration::days(1) + Duration::microseconds(123_457)
}

pub fn harness(db: &TestDb) -> Harness {
    harness_with(db, IdentityConfig::default())
}

pub fn harness_with(db: &TestDb, config: IdentityConfig) -> Harness {
    let clock = Arc::new(FrozenClock::at(start_time()));
    let svc = IdentityService::new(
        db.conn.clone(),
        clock.clone() as Arc<dyn Clock>,
        Arc::new(InProcessThrottle::default()),
        config,
    );
    Harness { svc, clock, conn: db.conn.clone() }
}

pub fn signup_input(email: &str, name: &str) -> SignupIn {
    SignupIn { email: email.into(), password: PASSWORD.into(), name: text(name), organization_name: None }
}

impl Harness {
    pub async fn signup(&self, email: &str, name: &str) -> AuthOut {
        self.svc.signup(signup_input(email, name)).await.expect("signup")
    }

    /// The caller behind a token, which must be valid.
    pub async fn ctx(&self, token: &str) -> OrgCtx {
        self.svc.authenticate(token).await.expect("authenticate").expect("token should be valid").ctx
    }

    /// Signs a new user up and brings them into `owner`'s organization with `role`
    /// through an invitation.
    pub async fn join(&self, owner: &OrgCtx, email: &str, role: Role) -> Joined {
        let auth = self.signup(email, "Joiner").await;
        let invite = self
            .svc
            .create_invitation(owner, InvitationIn { email: self::email(email), role })
            .await
            .expect("create invitation");
        let own_ctx = self.ctx(&auth.token).await;
        self.svc.accept_invitation(&own_ctx, &invite.token).await.expect("accept invitation");
        let member_id = member_id_of(&self.conn, owner.org_id, auth.user.id).await;
        Joined { ctx: ctx_in(owner.org_id, auth.user.id, role), member_id }
    }
}

/// A user who joined an organization, and their context in it.
pub struct Joined {
    pub member_id: MemberId,
    pub ctx: OrgCtx,
}

pub fn ctx_in(org: OrganizationId, user: UserId, role: Role) -> OrgCtx {
    OrgCtx { org_id: org, principal: Principal::User(user), role }
}

pub async fn member_id_of(conn: &DatabaseConnection, org: OrganizationId, user: UserId) -> MemberId {
    member::Entity::scoped(org)
        .filter(member::Column::UserId.eq(user.into_uuid()))
        .one(conn)
        .await
        .expect("query membership")
        .expect("membership exists")
        .id
        .into()
}

pub async fn member_row(conn: &DatabaseConnection, id: MemberId) -> member::Model {
    member::Entity::find_by_id(id.into_uuid()).one(conn).await.expect("query member").expect("member exists")
}

pub async fn count<E: EntityTrait>(conn: &DatabaseConnection) -> u64
where
    E::Model: Send + Sync,
{
    E::find().count(conn).await.expect("count rows")
}

pub fn email(raw: &str) -> Email {
    Email::parse(raw).expect("a valid email")
}

pub fn text<const MAX: usize>(raw: &str) -> Text<MAX> {
    Text::parse(raw).expect("valid text")
}

/// Lower-case hex SHA-256, computed independently of the crate under test.
pub fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The error of a call that must fail.
pub fn fails<T: Debug>(result: Result<T, AppError>, what: &str) -> AppError {
    match result {
        Ok(v) => panic!("{what}: expected an error, got Ok({v:?})"),
        Err(e) => e,
    }
}

#[macro_export]
macro_rules! assert_err {
    ($result:expr, $pattern:pat, $what:expr) => {{
        let err = $crate::common::fails($result, $what);
        assert!(matches!(err, $pattern), "{}: unexpected error {err:?}", $what);
        err
    }};
}
