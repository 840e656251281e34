//! The portal's side: a sign-in link exchanged for a session, the session
//! resolved on each portal request, and sign-out. A session is only as good as
//! its grant: every request reads the grant, so a revocation or an expiry ends
//! it at once. Links and sessions are found by their token's hash before the
//! organization is known — the one deliberate cross-tenant lookup here.

use atrium_events::agreements::EngagementId;
use atrium_events::crm::ContactId;
use atrium_events::portal::{PortalSessionEnded, PortalSessionStarted};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId, Scoped};
use atrium_outbox::publish_as;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter};

use super::access::status;
use super::{PortalService, permissions_of};
use crate::dto::{Permission, PortalAccessId, PortalEngagementOut, PortalMeOut, PortalSessionId};
use crate::entity::{access, link, session};
use crate::error::PortalError;
use crate::token::{SESSION_PREFIX, digest, new_token};

/// How stale a grant's `last_used_at` may get while its sessions are used: a
/// busy session writes it at most once a minute, not on every request.
const LAST_USED_EVERY_SECS: i64 = 60;

/// Who a portal request acts as: one contact, through one grant, in one
/// organization and one engagement. It comes only from the portal cookie.
#[derive(Debug, Clone)]
pub struct PortalCtx {
    pub org_id: OrganizationId,
    pub access_id: PortalAccessId,
    pub session_id: PortalSessionId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub engagement_id: EngagementId,
    pub permissions: Vec<Permission>,
    pub session_expires_at: DateTime<Utc>,
}

impl PortalCtx {
    /// The actor of the events a contact's actions publish.
    pub fn actor(&self) -> String {
        format!("portal:contact:{}", self.contact_id)
    }

    pub fn may(&self, p: Permission) -> bool {
        self.permissions.contains(&p)
    }
}

/// A new session and the token for its cookie (never stored).
#[derive(Debug, Clone)]
pub struct SessionStarted {
    pub token: String,
    pub me: PortalMeOut,
}

impl PortalService {
    /// Exchanges a link's token for a session. A link works once, before it
    /// expires, while its grant is active; otherwise the refusal says which.
    #[tracing::instrument(skip_all)]
    pub async fn exchange(&self, token: &str) -> Result<SessionStarted, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        #[allow(clippy::disallowed_methods)] // found by its token before the organization is known
        let found = link::Entity::find().filter(link::Column::TokenHash.eq(digest(token))).one(&txn).await?;
        let l = found.ok_or(PortalError::LinkUnknown)?;
        let org = OrganizationId::from(l.organization_id);
        let grant = access::Entity::find_in(&txn, org, l.access_id).await?;
        if grant.revoked_at.is_some() {
            return Err(PortalError::LinkRevoked.into());
        }
        if l.used_at.is_some() {
            return Err(PortalError::LinkUsed.into());
        }
        if l.expires_at <= now {
            return Err(PortalError::LinkExpired.into());
        }
        if status(&grant, now) == "expired" {
            return Err(PortalError::AccessExpired.into());
        }
        // Single use even when two exchanges race: only one update finds it unused.
        let claimed = link::Entity::update_scoped(org)
            .col_expr(link::Column::UsedAt, Expr::value(now))
            .filter(link::Column::Id.eq(l.id))
            .filter(link::Column::UsedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed == 0 {
            return Err(PortalError::LinkUsed.into());
        }
        let session_token = new_token(SESSION_PREFIX);
        let mut expires_at = now + self.cfg.session_ttl;
        if let Some(grant_end) = grant.expires_at {
            expires_at = expires_at.min(grant_end);
        }
        let id = PortalSessionId::new();
        let row = session::ActiveModel {
            id: Set(id.into_uuid()),
            organization_id: Set(l.organization_id),
            access_id: Set(grant.id),
            link_id: Set(l.id),
            token_hash: Set(digest(&session_token)),
            expires_at: Set(expires_at),
            ended_at: Set(None),
            created_at: Set(now),
        };
        session::Entity::insert(row).exec_without_returning(&txn).await?;
        access::Entity::update_scoped(org)
            .col_expr(access::Column::LastUsedAt, Expr::value(now))
            .filter(access::Column::Id.eq(grant.id))
            .exec(&txn)
            .await?;
        let ctx = portal_ctx(&grant, id, expires_at)?;
        let event = PortalSessionStarted {
            id,
            link_id: l.id.into(),
            access_id: ctx.access_id,
            engagement_id: ctx.engagement_id,
            contact_id: ctx.contact_id,
            contact_name: ctx.contact_name.clone(),
            expires_at,
        };
        publish_as(&txn, org, &ctx.actor(), now, &event).await?;
        txn.commit().await?;
        let me = self.me(&ctx).await?;
        Ok(SessionStarted { token: session_token, me })
    }

    /// The portal caller behind a session token, or `None` when the session is
    /// unknown, ended or expired, or its grant is revoked or expired.
    #[tracing::instrument(skip_all)]
    pub async fn authenticate(&self, token: &str) -> Result<Option<PortalCtx>, AppError> {
        let now = self.clock.now();
        #[allow(clippy::disallowed_methods)] // found by its token before the organization is known
        let found = session::Entity::find().filter(session::Column::TokenHash.eq(digest(token))).one(&self.db).await?;
        let Some(s) = found.filter(|s| s.ended_at.is_none() && s.expires_at > now) else {
            return Ok(None);
        };
        let org = OrganizationId::from(s.organization_id);
        let grant = match access::Entity::find_in(&self.db, org, s.access_id).await {
            Ok(g) => g,
            Err(AppError::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        if status(&grant, now) != "active" {
            return Ok(None);
        }
        if grant.last_used_at.is_none_or(|t| (now - t).num_seconds() >= LAST_USED_EVERY_SECS) {
            self.touch(org, grant.id, now).await?;
        }
        portal_ctx(&grant, s.id.into(), s.expires_at).map(Some)
    }

    /// Records that the grant was used: bookkeeping for staff, not a change of
    /// the grant (no version, no event). The condition keeps concurrent requests
    /// of the same minute to one write.
    async fn touch(&self, org: OrganizationId, grant: uuid::Uuid, now: DateTime<Utc>) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        access::Entity::update_scoped(org)
            .col_expr(access::Column::LastUsedAt, Expr::value(now))
            .filter(access::Column::Id.eq(grant))
            .filter(
                Condition::any()
                    .add(access::Column::LastUsedAt.is_null())
                    .add(access::Column::LastUsedAt.lte(now - chrono::Duration::seconds(LAST_USED_EVERY_SECS))),
            )
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Ends the caller's session (sign-out).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn sign_out(&self, ctx: &PortalCtx) -> Result<(), AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let ended = session::Entity::update_scoped(ctx.org_id)
            .col_expr(session::Column::EndedAt, Expr::value(now))
            .filter(session::Column::Id.eq(ctx.session_id.into_uuid()))
            .filter(session::Column::EndedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if ended > 0 {
            let event = PortalSessionEnded {
                id: ctx.session_id,
                access_id: ctx.access_id,
                engagement_id: ctx.engagement_id,
                contact_id: ctx.contact_id,
                contact_name: ctx.contact_name.clone(),
            };
            publish_as(&txn, ctx.org_id, &ctx.actor(), now, &event).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Who is signed in and the engagement they see.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn me(&self, ctx: &PortalCtx) -> Result<PortalMeOut, AppError> {
        let e = self
            .engagements
            .engagement(ctx.org_id, ctx.engagement_id)
            .await?
            .ok_or(AppError::NotFound("engagement"))?;
        Ok(PortalMeOut {
            contact_id: ctx.contact_id,
            contact_name: ctx.contact_name.clone(),
            engagement: PortalEngagementOut { id: e.id, name: e.name },
            permissions: ctx.permissions.clone(),
            session_expires_at: ctx.session_expires_at,
        })
    }
}

fn portal_ctx(grant: &access::Model, session: PortalSessionId, expires: DateTime<Utc>) -> Result<PortalCtx, AppError> {
    Ok(PortalCtx {
        org_id: grant.organization_id.into(),
        access_id: grant.id.into(),
        session_id: session,
        contact_id: grant.contact_id.into(),
        contact_name: grant.contact_name.clone(),
        engagement_id: grant.engagement_id.into(),
        permissions: permissions_of(&grant.permissions)?,
        session_expires_at: expires,
    })
}
