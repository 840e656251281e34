//! The identity service: accounts, organizations, memberships, sessions, API keys
//! and invitations. Every tenant-scoped method takes `&OrgCtx` first and reaches
//! tenant tables only through `Scoped`; the few lookups across organizations (a
//! token, the caller's own memberships) say why where they run.

mod access;
mod auth;
mod oidc;
mod orgs;

use std::sync::Arc;
use std::time::Duration;

use atrium_events::identity::{MemberAdded, OrganizationCreated};
use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, Role, UserId};
use atrium_outbox::publish_as;
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait};

use crate::dto::{MemberId, OrganizationOut, UserOut};
use crate::entity::{member, organization, user};
use crate::error::IdentityError;
use crate::oidc::{OidcSettings, Providers};
use crate::sessions::{InProcessSessionCache, SessionCache};
use crate::throttle::Throttle;
use atrium_kernel::vault::ColumnVault;

pub use auth::Authenticated;
pub use oidc::{OidcCallback, OidcStart, PKCE_VERIFIER_COLUMN};

/// Tunables of the identity service.
#[derive(Debug, Clone)]
pub struct IdentityConfig {
    /// How long a session lives without use; each use slides it forward.
    pub session_ttl: chrono::Duration,
    /// How long a resolved token is served from the session cache (and how long an
    /// invalidation's tombstone blocks re-caching it).
    pub session_cache_ttl: Duration,
    pub invitation_ttl: chrono::Duration,
    pub login_limits: LoginLimits,
    /// Single sign-on providers (none by default).
    pub oidc: OidcSettings,
    /// How long a sign-in started at a provider may take to come back.
    pub oidc_login_ttl: chrono::Duration,
}

/// Login throttling: failed attempts per email and all attempts per client IP.
#[derive(Debug, Clone)]
pub struct LoginLimits {
    pub failures_per_email: u32,
    pub attempts_per_ip: u32,
    pub window: Duration,
}

impl Default for IdentityConfig {
    fn default() -> Self {
        Self {
            session_ttl: chrono::Duration::days(14),
            session_cache_ttl: Duration::from_secs(60),
            invitation_ttl: chrono::Duration::days(7),
            login_limits: LoginLimits {
                failures_per_email: 5,
                attempts_per_ip: 50,
                window: Duration::from_secs(15 * 60),
            },
            oidc: OidcSettings::default(),
            oidc_login_ttl: chrono::Duration::minutes(10),
        }
    }
}

#[derive(Clone)]
pub struct IdentityService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    throttle: Arc<dyn Throttle>,
    config: Arc<IdentityConfig>,
    sessions: Arc<dyn SessionCache>,
    touches: auth::Toucher,
    oidc: Arc<Providers>,
    /// Seals pending logins' PKCE verifiers; without it OIDC sign-in is off.
    pkce_vault: Option<ColumnVault>,
}

impl IdentityService {
    pub fn new(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        throttle: Arc<dyn Throttle>,
        config: IdentityConfig,
    ) -> Self {
        let touches = auth::Toucher::new(db.clone());
        let oidc = Arc::new(Providers::new(&config.oidc));
        Self {
            db,
            clock,
            throttle,
            config: Arc::new(config),
            sessions: Arc::new(InProcessSessionCache::default()),
            touches,
            oidc,
            pkce_vault: None,
        }
    }

    /// Turns on OIDC sign-in with the vault of [`PKCE_VERIFIER_COLUMN`].
    #[must_use]
    pub fn with_pkce_vault(mut self, vault: ColumnVault) -> Self {
        self.pkce_vault = Some(vault);
        self
    }

    /// Uses `cache` for authenticated principals (the gateway's Redis one) instead
    /// of the in-process default.
    #[must_use]
    pub fn with_session_cache(mut self, cache: Arc<dyn SessionCache>) -> Self {
        self.sessions = cache;
        self
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// Trimmed and lower-cased, the form emails are stored and compared in.
pub(crate) fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub(crate) fn require_user(ctx: &OrgCtx) -> Result<UserId, IdentityError> {
    ctx.user_id().ok_or(IdentityError::NeedsUser)
}

pub(crate) fn parse_role(raw: &str) -> Result<Role, AppError> {
    raw.parse()
}

/// A URL-safe slug from a name plus a random suffix, so two "Acme"s never collide.
fn generate_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let base = slug.trim_matches('-');
    let base = if base.is_empty() { "org" } else { base };
    let mut suffix = [0u8; 3];
    rand::rng().fill_bytes(&mut suffix);
    format!("{base}-{:02x}{:02x}{:02x}", suffix[0], suffix[1], suffix[2])
}

/// Inserts an organization and makes `owner` its owner, with their events.
async fn insert_organization<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    name: &str,
    slug: Option<&str>,
    owner: &user::Model,
) -> Result<(organization::Model, member::Model), AppError> {
    let org = organization::ActiveModel {
        id: Set(OrganizationId::new().into_uuid()),
        name: Set(name.trim().to_owned()),
        slug: Set(slug.map_or_else(|| generate_slug(name), str::to_owned)),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let org = organization::Entity::insert(org).exec_with_returning(conn).await.map_err(|e| {
        if atrium_kernel::error::is_unique_violation(&e) { IdentityError::SlugTaken.into() } else { AppError::from(e) }
    })?;
    let actor = format!("user:{}", owner.id);
    let created = OrganizationCreated { id: org.id.into(), name: org.name.clone(), slug: org.slug.clone() };
    publish_as(conn, org.id.into(), &actor, now, &created).await?;
    let membership = add_member(conn, now, org.id.into(), owner, Role::Owner, &actor).await?;
    Ok((org, membership))
}

/// Inserts a membership and its `identity.member.added` event. A duplicate
/// membership is a conflict.
async fn add_member<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    org: OrganizationId,
    account: &user::Model,
    role: Role,
    actor: &str,
) -> Result<member::Model, AppError> {
    let m = member::ActiveModel {
        id: Set(MemberId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        user_id: Set(account.id),
        role: Set(role.as_str().to_owned()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let m = member::Entity::insert(m).exec_with_returning(conn).await.map_err(|e| {
        if atrium_kernel::error::is_unique_violation(&e) {
            IdentityError::AlreadyInOrganization.into()
        } else {
            AppError::from(e)
        }
    })?;
    let added = MemberAdded { id: m.id.into(), user_id: account.id.into(), email: account.email.clone(), role };
    publish_as(conn, org, actor, now, &added).await?;
    Ok(m)
}

impl From<user::Model> for UserOut {
    fn from(u: user::Model) -> Self {
        Self { id: u.id.into(), email: u.email, name: u.name, created_at: u.created_at }
    }
}

impl From<organization::Model> for OrganizationOut {
    fn from(o: organization::Model) -> Self {
        Self { id: o.id.into(), name: o.name, slug: o.slug, created_at: o.created_at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe_and_unique() {
        let a = generate_slug("  Ärzte & Söhne GmbH!! ");
        assert!(a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{a}");
        assert!(a.starts_with("rzte-s-hne-gmbh-") || a.starts_with("rzte"), "{a}");
        assert_ne!(generate_slug("Acme"), generate_slug("Acme"));
        assert!(generate_slug("!!!").starts_with("org-"));
    }

    #[test]
    fn emails_normalize() {
        assert_eq!(normalize_email("  Ada@Example.COM "), "ada@example.com");
    }
}
