//! Sign-in through an OpenID provider: the pending login (single use, short
//! expiry, its PKCE verifier sealed), and on the callback the verified identity
//! linked to a user (found by verified email, or created and onboarded like a
//! sign-up) and a session exactly like a password login's.

// Pending logins, identities, users and sessions belong to no organization: nobody is signed in yet.
#![allow(clippy::disallowed_methods)]

use atrium_events::identity::IdentityLinked;
use atrium_kernel::vault::ProtectedColumn;
use atrium_kernel::{AppError, Email, UserId};
use atrium_outbox::publish_as;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::auth::default_org_name;
use super::{IdentityService, insert_organization};
use crate::dto::AuthOut;
use crate::entity::{oidc_login, user, user_identity};
use crate::error::IdentityError;
use crate::oidc::VerifiedAccount;
use crate::secret;

/// The PKCE verifier of a pending login, sealed and bound to its row.
pub const PKCE_VERIFIER_COLUMN: ProtectedColumn =
    ProtectedColumn::text("oidc_logins", "pkce_verifier", "oidc-pkce-verifier");

/// A sign-in sent to the provider: where to send the browser, and the `state`
/// the browser must bring back (and also holds in a cookie).
#[derive(Debug, Clone)]
pub struct OidcStart {
    pub authorization_url: String,
    pub state: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// What the provider sent back to the callback.
#[derive(Debug, Clone, Default)]
pub struct OidcCallback {
    pub code: Option<String>,
    pub state: String,
    /// The `iss` parameter (RFC 9207), when the provider sends one.
    pub iss: Option<String>,
    /// An OAuth error instead of a code (e.g. `access_denied`).
    pub error: Option<String>,
    /// The `state` held in the browser's cookie since the start.
    pub browser_state: Option<String>,
}

impl IdentityService {
    /// Starts a sign-in at `provider`: a pending login row and the provider's
    /// authorization URL (authorization code + PKCE, `state`, `nonce`).
    #[tracing::instrument(skip_all, fields(provider))]
    pub async fn oidc_start(&self, provider: &str) -> Result<OidcStart, AppError> {
        let vault = self.pkce_vault.as_ref().ok_or(IdentityError::UnknownProvider)?;
        let auth = self.oidc.authorize(provider).await?;
        let now = self.now();
        let expires_at = now + self.config.oidc_login_ttl;
        let id = Uuid::now_v7();
        let row = oidc_login::ActiveModel {
            id: Set(id),
            provider: Set(provider.to_owned()),
            state_hash: Set(secret::token_digest(&auth.state)),
            nonce: Set(auth.nonce),
            pkce_verifier: Set(vault.seal_str(id, &auth.pkce_verifier)?),
            created_at: Set(now),
            expires_at: Set(expires_at),
            consumed_at: Set(None),
        };
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        // Old rows go as new ones come: a consumed one only matters (as "replayed")
        // until it expires.
        oidc_login::Entity::delete_many()
            .filter(oidc_login::Column::ExpiresAt.lt(now - chrono::Duration::hours(1)))
            .exec(&txn)
            .await?;
        oidc_login::Entity::insert(row).exec_without_returning(&txn).await?;
        txn.commit().await?;
        Ok(OidcStart { authorization_url: auth.url, state: auth.state, expires_at })
    }

    /// Completes a sign-in: consumes the pending login (once), redeems the code,
    /// verifies the ID token, finds or creates the user and opens a session.
    #[tracing::instrument(skip_all, fields(provider))]
    pub async fn oidc_callback(&self, provider: &str, cb: OidcCallback) -> Result<AuthOut, AppError> {
        let vault = self.pkce_vault.as_ref().ok_or(IdentityError::UnknownProvider)?;
        let issuer = self.oidc.issuer(provider).await?;
        let login = self.consume_login(provider, &cb.state).await?;
        // Checked after consuming: a refused callback still uses up its state.
        if cb.browser_state.as_deref() != Some(cb.state.as_str()) {
            return Err(IdentityError::SignInNotBound.into());
        }
        if let Some(error) = cb.error {
            return Err(IdentityError::ProviderRefused { error }.into());
        }
        if cb.iss.as_deref().is_some_and(|iss| iss != issuer) {
            return Err(IdentityError::IssuerMismatch.into());
        }
        let code = cb.code.ok_or_else(|| AppError::invalid("code", "is required"))?;
        let verifier = vault.open_str(login.id, &login.pkce_verifier)?;
        let account = self.oidc.redeem(provider, &code, verifier, &login.nonce).await?;
        let email = verified_email(&account)?;
        self.sign_in_identity(provider, &account, email).await
    }

    /// Marks the pending login used, atomically: of two callbacks with one
    /// `state`, exactly one gets it. Committed before the code is redeemed.
    async fn consume_login(&self, provider: &str, state: &str) -> Result<oidc_login::Model, AppError> {
        let now = self.now();
        let hash = secret::token_digest(state);
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let claimed = oidc_login::Entity::update_many()
            .col_expr(oidc_login::Column::ConsumedAt, Expr::value(now))
            .filter(oidc_login::Column::StateHash.eq(&hash))
            .filter(oidc_login::Column::Provider.eq(provider))
            .filter(oidc_login::Column::ConsumedAt.is_null())
            .filter(oidc_login::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await?;
        let row = oidc_login::Entity::find()
            .filter(oidc_login::Column::StateHash.eq(&hash))
            .filter(oidc_login::Column::Provider.eq(provider))
            .one(&txn)
            .await?;
        txn.commit().await?;
        match row {
            Some(row) if claimed.rows_affected == 1 => Ok(row),
            Some(row) if row.consumed_at.is_some() && row.expires_at > now => Err(IdentityError::SignInReplayed.into()),
            _ => Err(IdentityError::SignInUnknown.into()),
        }
    }

    /// The user behind a verified identity: already linked, else the account with
    /// that verified email (linked now), else a new account and organization.
    async fn sign_in_identity(
        &self,
        provider: &str,
        account: &VerifiedAccount,
        email: Email,
    ) -> Result<AuthOut, AppError> {
        let now = self.now();
        let email = email.normalized();
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let linked = user_identity::Entity::find()
            .filter(user_identity::Column::Provider.eq(provider))
            .filter(user_identity::Column::Subject.eq(&account.subject))
            .one(&txn)
            .await?;
        let (found, new_link) = match linked {
            Some(link) => (user::Entity::find_by_id(link.user_id).one(&txn).await?, None),
            None => {
                let existing = user::Entity::find().filter(user::Column::Email.eq(&email)).one(&txn).await?;
                (existing, Some(Uuid::now_v7()))
            }
        };
        let (account_row, created_org) = match found {
            Some(u) => (u, None),
            None => {
                let name = account.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| local_part(&email));
                let new_user = user::ActiveModel {
                    id: Set(UserId::new().into_uuid()),
                    email: Set(email.clone()),
                    name: Set(name.chars().take(200).collect()),
                    password_hash: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                };
                let u = user::Entity::insert(new_user).exec_with_returning(&txn).await.map_err(race)?;
                let (org, _) = insert_organization(&txn, now, &default_org_name(&u.name), None, &u).await?;
                tracing::info!(user_id = %u.id, org_id = %org.id, provider, "OIDC sign-in created a user");
                (u, Some(org.id))
            }
        };
        let (org, role) = self.ensure_active_org(&txn, &account_row, created_org).await?;
        if let Some(id) = new_link {
            let link = user_identity::ActiveModel {
                id: Set(id),
                user_id: Set(account_row.id),
                provider: Set(provider.to_owned()),
                subject: Set(account.subject.clone()),
                email: Set(email.clone()),
                created_at: Set(now),
            };
            user_identity::Entity::insert(link).exec_without_returning(&txn).await.map_err(race)?;
            let event = IdentityLinked {
                id: id.into(),
                user_id: account_row.id.into(),
                provider: provider.to_owned(),
                email: email.clone(),
            };
            publish_as(&txn, org.id.into(), &format!("user:{}", account_row.id), now, &event).await?;
        }
        let (token, expires_at) = self.insert_session(&txn, account_row.id, Some(org.id)).await?;
        txn.commit().await?;
        Ok(AuthOut { token, expires_at, user: account_row.into(), organization: org.into(), role })
    }
}

/// The ID token's email, if the provider says it verified it (and it is one).
fn verified_email(account: &VerifiedAccount) -> Result<Email, IdentityError> {
    match &account.email {
        Some(raw) if account.email_verified => Email::parse(raw).map_err(|_| IdentityError::EmailNotVerified),
        _ => Err(IdentityError::EmailNotVerified),
    }
}

fn local_part(email: &str) -> String {
    email.split('@').next().unwrap_or(email).to_owned()
}

/// Two first sign-ins of one person at once: the loser's insert hits a unique key.
fn race(err: sea_orm::DbErr) -> AppError {
    if atrium_kernel::error::is_unique_violation(&err) {
        AppError::conflict("another sign-in for this account is in progress; try again")
    } else {
        err.into()
    }
}
