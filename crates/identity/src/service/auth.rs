//! Sign-up, login, logout and resolving a bearer token into an `OrgCtx`.

// Users, sessions and organizations belong to no organization: they are the accounts and the tenants themselves. Tenant tables (members, api_keys, invitations) go through Scoped.
#![allow(clippy::disallowed_methods)]

use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Principal, Role, Scoped, Text, UserId};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::sync::{Arc, OnceLock};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::{IdentityService, insert_organization, normalize_email, parse_role};
use crate::dto::{AuthOut, LoginIn, MeOut, SignupIn};
use crate::entity::{api_key, member, organization, session, user};
use crate::error::IdentityError;
use crate::secret::{self, API_KEY_PREFIX, SESSION_PREFIX};
use crate::sessions::CachedPrincipal;

/// A resolved caller: its context and, for a session, the session id.
#[derive(Debug, Clone, Copy)]
pub struct Authenticated {
    pub ctx: OrgCtx,
    pub session_id: Option<Uuid>,
}

/// Writes to `last_seen_at`/`last_used_at` at most this often per token.
const TOUCH_EVERY_SECS: i64 = 60;

/// How many touches may wait for the writer; beyond that they are dropped (the
/// next cache miss of that token touches it again).
const TOUCH_QUEUE: usize = 4096;

/// A session's or key's "last used" write, done in the background.
enum Touch {
    Session { id: Uuid, org_id: Uuid, now: DateTime<Utc>, expires_at: DateTime<Utc>, moved: bool },
    ApiKey { key: Box<api_key::Model>, now: DateTime<Utc> },
    Flush(tokio::sync::oneshot::Sender<()>),
}

/// One background task per service writes the touches in order, so a request
/// never waits for the writer just to be authenticated.
#[derive(Clone)]
pub(super) struct Toucher {
    db: sea_orm::DatabaseConnection,
    tx: Arc<OnceLock<mpsc::Sender<Touch>>>,
}

impl Toucher {
    pub(super) fn new(db: sea_orm::DatabaseConnection) -> Self {
        Self { db, tx: Arc::default() }
    }

    fn sender(&self) -> &mpsc::Sender<Touch> {
        self.tx.get_or_init(|| {
            let (tx, rx) = mpsc::channel(TOUCH_QUEUE);
            tokio::spawn(write_touches(self.db.clone(), rx));
            tx
        })
    }

    fn send(&self, touch: Touch) {
        if self.sender().try_send(touch).is_err() {
            tracing::debug!("touch queue full: skipping a last-seen update");
        }
    }

    async fn flush(&self) {
        let (done, wait) = tokio::sync::oneshot::channel();
        if self.sender().send(Touch::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

async fn write_touches(db: sea_orm::DatabaseConnection, mut rx: mpsc::Receiver<Touch>) {
    while let Some(touch) = rx.recv().await {
        if let Err(e) = write_touch(&db, touch).await {
            tracing::warn!(error = %e, "could not record a session's last use");
        }
    }
}

async fn write_touch(db: &sea_orm::DatabaseConnection, touch: Touch) -> Result<(), AppError> {
    match touch {
        Touch::Session { id, org_id, now, expires_at, moved } => {
            // One conditional UPDATE, at most once a minute per session: when
            // several requests of a session arrive together, the first one's touch
            // makes the others' match nothing.
            let mut update = session::Entity::update_many()
                .col_expr(session::Column::ActiveOrganizationId, Expr::value(org_id))
                .col_expr(session::Column::LastSeenAt, Expr::value(now))
                .col_expr(session::Column::ExpiresAt, Expr::value(expires_at))
                .filter(session::Column::Id.eq(id))
                .filter(session::Column::RevokedAt.is_null());
            if !moved {
                update =
                    update.filter(session::Column::LastSeenAt.lte(now - chrono::Duration::seconds(TOUCH_EVERY_SECS)));
            }
            let txn = atrium_kernel::db::begin_write(db).await?;
            update.exec(&txn).await?;
            txn.commit().await?;
        }
        Touch::ApiKey { key, now } => {
            let org = OrganizationId::from(key.organization_id);
            let id = key.id;
            let mut touched = key.into_active_model();
            touched.last_used_at = Set(Some(now));
            let txn = atrium_kernel::db::begin_write(db).await?;
            api_key::Entity::update_in(&txn, org, id, touched, IfMatch(None)).await?;
            txn.commit().await?;
        }
        Touch::Flush(done) => {
            let _ = done.send(());
        }
    }
    Ok(())
}

/// One row per live session: its user (existing) and the role in its active organization, if any.
#[derive(Debug, FromQueryResult)]
struct SessionRow {
    id: Uuid,
    user_id: Uuid,
    active_organization_id: Option<Uuid>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    role: Option<String>,
}

/// The one statement of a cache miss: session ⋈ user ⟕ membership of the active
/// organization. The password hash is not selected.
fn session_query(digest: &str, now: DateTime<Utc>) -> SelectStatement {
    let s = session::Entity;
    let m = member::Entity;
    Query::select()
        .column((s, session::Column::Id))
        .column((s, session::Column::UserId))
        .column((s, session::Column::ActiveOrganizationId))
        .column((s, session::Column::LastSeenAt))
        .column((s, session::Column::ExpiresAt))
        .column((m, member::Column::Role))
        .from(s)
        .inner_join(user::Entity, Expr::col((user::Entity, user::Column::Id)).equals((s, session::Column::UserId)))
        .left_join(
            m,
            Condition::all()
                .add(Expr::col((m, member::Column::UserId)).equals((s, session::Column::UserId)))
                .add(Expr::col((m, member::Column::OrganizationId)).equals((s, session::Column::ActiveOrganizationId))),
        )
        .and_where(Expr::col((s, session::Column::TokenHash)).eq(digest))
        .and_where(Expr::col((s, session::Column::RevokedAt)).is_null())
        .and_where(Expr::col((s, session::Column::ExpiresAt)).gt(now))
        .limit(1)
        .to_owned()
}

impl IdentityService {
    /// Creates the account, its first organization (owned by the new user) and a session.
    #[tracing::instrument(skip_all)]
    pub async fn signup(&self, input: SignupIn) -> Result<AuthOut, AppError> {
        let email = input.email()?.normalized();
        let hash = secret::hash_password(input.password).await?;
        let now = self.now();
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let new_user = user::ActiveModel {
            id: Set(UserId::new().into_uuid()),
            email: Set(email),
            name: Set(input.name.into_inner()),
            password_hash: Set(Some(hash)),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let account = user::Entity::insert(new_user).exec_with_returning(&txn).await.map_err(|e| {
            if atrium_kernel::error::is_unique_violation(&e) {
                IdentityError::EmailTaken.into()
            } else {
                AppError::from(e)
            }
        })?;
        let org_name = input.organization_name.map_or_else(|| default_org_name(&account.name), Text::into_inner);
        let (org, _) = insert_organization(&txn, now, &org_name, None, &account).await?;
        let (token, expires_at) = self.insert_session(&txn, account.id, Some(org.id)).await?;
        txn.commit().await?;
        Ok(AuthOut { token, expires_at, user: account.into(), organization: org.into(), role: Role::Owner })
    }

    /// Checks the password (throttled per email and per client IP) and opens a session.
    #[tracing::instrument(skip_all)]
    pub async fn login(&self, input: LoginIn, client_ip: &str) -> Result<AuthOut, AppError> {
        let limits = &self.config.login_limits;
        let email = normalize_email(&input.email);
        let ip_key = format!("login:ip:{client_ip}");
        let email_key = format!("login:email:{email}");
        let too_many = |retry_after_secs| AppError::TooManyRequests { retry_after_secs };
        self.throttle.acquire(&ip_key, limits.attempts_per_ip, limits.window).await.map_err(too_many)?;
        // The attempt counts before the password is checked, atomically: parallel
        // guesses cannot all slip in before the first failure is recorded.
        let slot =
            self.throttle.acquire(&email_key, limits.failures_per_email, limits.window).await.map_err(too_many)?;

        let account = match self.check_password(&email, input.password).await {
            Ok(Some(account)) => account,
            Ok(None) => return Err(AppError::Unauthenticated),
            Err(e) => {
                // The password was never judged: not a failed guess.
                self.throttle.refund(slot).await;
                return Err(e);
            }
        };
        // Only failures count against the email, and a success clears them.
        self.throttle.reset(&slot.key).await;

        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let (org, role) = self.ensure_active_org(&txn, &account, None).await?;
        let (token, expires_at) = self.insert_session(&txn, account.id, Some(org.id)).await?;
        txn.commit().await?;
        Ok(AuthOut { token, expires_at, user: account.into(), organization: org.into(), role })
    }

    /// The account if `password` is its password; an unknown email costs the same hash.
    async fn check_password(&self, email: &str, password: String) -> Result<Option<user::Model>, AppError> {
        let account = user::Entity::find().filter(user::Column::Email.eq(email)).one(&self.db).await?;
        let stored = account.as_ref().and_then(|u| u.password_hash.clone());
        let ok = secret::verify_password(password, stored).await?;
        Ok(account.filter(|_| ok))
    }

    /// Revokes the session: its token is rejected from now on.
    #[tracing::instrument(skip_all, fields(session_id = %session_id))]
    pub async fn logout(&self, session_id: Uuid) -> Result<(), AppError> {
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        session::Entity::update_many()
            .col_expr(session::Column::RevokedAt, Expr::value(self.now()))
            .filter(session::Column::Id.eq(session_id))
            .filter(session::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        txn.commit().await?;
        self.invalidate_sessions(&[session_id]).await
    }

    /// Resolves a bearer token (session or API key). `None` for an unknown, expired
    /// or revoked token. A session user without an organization gets one here.
    ///
    /// A cache hit costs no database statement; a miss costs one (the session, its
    /// user and the membership of its active organization, joined), and no
    /// transaction. Touching `last_seen_at` happens off the request's path.
    #[tracing::instrument(skip_all)]
    pub async fn authenticate(&self, token: &str) -> Result<Option<Authenticated>, AppError> {
        let is_key = token.starts_with(API_KEY_PREFIX);
        if !is_key && !token.starts_with(SESSION_PREFIX) {
            return Ok(None);
        }
        let digest = secret::token_digest(token);
        let now = self.now();
        if let Some(hit) = self.sessions.get(&digest).await.filter(|c| c.valid_until > now) {
            return Ok(Some(Authenticated { ctx: hit.ctx(), session_id: hit.session_id }));
        }
        let found = if is_key { self.api_key_from_db(&digest).await? } else { self.session_from_db(&digest).await? };
        if let Some((auth, expires_at)) = found {
            let ttl = chrono::Duration::from_std(self.config.session_cache_ttl).unwrap_or(chrono::Duration::MAX);
            let valid_until = expires_at.map_or(now + ttl, |e| std::cmp::min(e, now + ttl));
            if let Ok(left) = (valid_until - now).to_std() {
                let cached = CachedPrincipal {
                    org_id: auth.ctx.org_id.into_uuid(),
                    principal: auth.ctx.principal,
                    role: auth.ctx.role,
                    session_id: auth.session_id,
                    valid_until,
                };
                self.sessions.put(&digest, &cached, left).await;
            }
            return Ok(Some(auth));
        }
        Ok(None)
    }

    /// The session behind `digest` and the session's expiry, from the database.
    async fn session_from_db(&self, digest: &str) -> Result<Option<(Authenticated, Option<DateTime<Utc>>)>, AppError> {
        let now = self.now();
        let backend = self.db.get_database_backend();
        let Some(row) = SessionRow::find_by_statement(backend.build(&session_query(digest, now))).one(&self.db).await?
        else {
            return Ok(None);
        };
        let (org_id, role) = match (row.active_organization_id, row.role.as_deref()) {
            (Some(org), Some(role)) => (org, parse_role(role)?),
            _ => {
                // The rare path: no active organization or no membership in it any
                // more. Fall back to the oldest membership, or auto-onboard (checked
                // again under the lock).
                let Some(account) = user::Entity::find_by_id(row.user_id).one(&self.db).await? else {
                    return Ok(None);
                };
                let (org, role) = match self.find_active_org(&self.db, &account, row.active_organization_id).await? {
                    Some(found) => found,
                    None => {
                        let txn = atrium_kernel::db::begin_write(&self.db).await?;
                        let found = self.ensure_active_org(&txn, &account, row.active_organization_id).await?;
                        txn.commit().await?;
                        found
                    }
                };
                (org.id, role)
            }
        };
        let moved = row.active_organization_id != Some(org_id);
        let stale = (now - row.last_seen_at).num_seconds() >= TOUCH_EVERY_SECS;
        let mut expires_at = row.expires_at;
        if moved || stale {
            expires_at = now + self.config.session_ttl;
            self.touches.send(Touch::Session { id: row.id, org_id, now, expires_at, moved });
        }
        let auth = Authenticated {
            ctx: OrgCtx { org_id: org_id.into(), principal: Principal::User(row.user_id.into()), role },
            session_id: Some(row.id),
        };
        Ok(Some((auth, Some(expires_at))))
    }

    /// The key is the credential, so this is the one lookup of API keys across
    /// organizations: the key names its own.
    #[allow(clippy::disallowed_methods)]
    async fn api_key_from_db(&self, digest: &str) -> Result<Option<(Authenticated, Option<DateTime<Utc>>)>, AppError> {
        let Some(key) = api_key::Entity::find()
            .filter(api_key::Column::KeyHash.eq(digest))
            .filter(api_key::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let now = self.now();
        let org = OrganizationId::from(key.organization_id);
        if key.last_used_at.is_none_or(|t| (now - t).num_seconds() >= TOUCH_EVERY_SECS) {
            self.touches.send(Touch::ApiKey { key: Box::new(key.clone()), now });
        }
        let auth = Authenticated {
            ctx: OrgCtx { org_id: org, principal: Principal::ApiKey(key.id.into()), role: parse_role(&key.role)? },
            session_id: None,
        };
        Ok(Some((auth, None)))
    }

    /// Waits until every touch queued so far is written (tests read the rows).
    pub async fn flush_touches(&self) {
        self.touches.flush().await;
    }

    /// Drops the cached principal of every live session of `users` (their role or
    /// membership changed). The sessions table says which tokens those are.
    pub(super) async fn invalidate_users(&self, users: &[Uuid]) -> Result<(), AppError> {
        let hashes: Vec<String> = session::Entity::find()
            .select_only()
            .column(session::Column::TokenHash)
            .filter(session::Column::UserId.is_in(users.iter().copied()))
            .filter(session::Column::RevokedAt.is_null())
            .filter(session::Column::ExpiresAt.gt(self.now()))
            .into_tuple()
            .all(&self.db)
            .await?;
        self.invalidate_hashes(&hashes).await;
        Ok(())
    }

    /// Drops the cached principal of the given session ids.
    pub(super) async fn invalidate_sessions(&self, ids: &[Uuid]) -> Result<(), AppError> {
        let hashes: Vec<String> = session::Entity::find()
            .select_only()
            .column(session::Column::TokenHash)
            .filter(session::Column::Id.is_in(ids.iter().copied()))
            .into_tuple()
            .all(&self.db)
            .await?;
        self.invalidate_hashes(&hashes).await;
        Ok(())
    }

    pub(super) async fn invalidate_hashes(&self, hashes: &[String]) {
        if !hashes.is_empty() {
            self.sessions.invalidate(hashes, self.config.session_cache_ttl).await;
        }
    }

    /// The caller, its active organization and role.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn me(&self, ctx: &OrgCtx) -> Result<MeOut, AppError> {
        let org = organization::Entity::find_by_id(ctx.org_id.into_uuid())
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("organization"))?;
        let account = match ctx.user_id() {
            Some(id) => user::Entity::find_by_id(id.into_uuid()).one(&self.db).await?.map(Into::into),
            None => None,
        };
        Ok(MeOut { principal: ctx.principal, user: account, organization: org.into(), role: ctx.role })
    }

    pub(super) async fn insert_session<C: ConnectionTrait>(
        &self,
        conn: &C,
        user_id: Uuid,
        active_org: Option<Uuid>,
    ) -> Result<(String, DateTime<Utc>), AppError> {
        let now = self.now();
        let token = secret::new_token(SESSION_PREFIX);
        let expires_at = now + self.config.session_ttl;
        let row = session::ActiveModel {
            id: Set(Uuid::now_v7()),
            token_hash: Set(secret::token_digest(&token)),
            user_id: Set(user_id),
            active_organization_id: Set(active_org),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
        };
        session::Entity::insert(row).exec_without_returning(conn).await?;
        Ok((token, expires_at))
    }

    /// The organization a user acts in: the preferred one if still a member, else
    /// the oldest membership, else a new organization of their own (auto-onboarding).
    pub(super) async fn ensure_active_org<C: ConnectionTrait>(
        &self,
        conn: &C,
        account: &user::Model,
        preferred: Option<Uuid>,
    ) -> Result<(organization::Model, Role), AppError> {
        if let Some(found) = self.find_active_org(conn, account, preferred).await? {
            return Ok(found);
        }
        let name = default_org_name(&account.name);
        let (org, _) = insert_organization(conn, self.now(), &name, None, account).await?;
        tracing::info!(user_id = %account.id, org_id = %org.id, "auto-onboarded user into a new organization");
        Ok((org, Role::Owner))
    }

    /// The preferred organization if the user is still a member, else the oldest
    /// membership; `None` when the user belongs to none. Reads only.
    /// It looks across organizations on purpose: they are the user's own memberships.
    #[allow(clippy::disallowed_methods)]
    pub(super) async fn find_active_org<C: ConnectionTrait>(
        &self,
        conn: &C,
        account: &user::Model,
        preferred: Option<Uuid>,
    ) -> Result<Option<(organization::Model, Role)>, AppError> {
        let mut memberships =
            member::Entity::find().filter(member::Column::UserId.eq(account.id)).order_by_asc(member::Column::Id);
        if let Some(org) = preferred {
            let found = member::Entity::scoped(OrganizationId::from(org))
                .filter(member::Column::UserId.eq(account.id))
                .find_also_related(organization::Entity)
                .one(conn)
                .await?;
            if let Some((m, Some(org))) = found {
                return Ok(Some((org, parse_role(&m.role)?)));
            }
            memberships = memberships.filter(member::Column::OrganizationId.ne(org));
        }
        if let Some((m, Some(org))) = memberships.find_also_related(organization::Entity).one(conn).await? {
            return Ok(Some((org, parse_role(&m.role)?)));
        }
        Ok(None)
    }
}

pub(super) fn default_org_name(user_name: &str) -> String {
    format!("{}'s organization", user_name.trim())
}
