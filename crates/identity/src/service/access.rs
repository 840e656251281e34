//! Invitations and API keys: the two ways access to an organization is handed out.

use atrium_events::identity::{ApiKeyCreated, ApiKeyRevoked, InvitationAccepted, InvitationRevoked, InvitationSent};
use atrium_kernel::{ApiKeyId, AppError, IfMatch, OrgCtx, Page, PageRequest, Role, Scoped, SortOrder, TenantEntity};
use atrium_outbox::{publish, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect};

use super::{IdentityService, add_member, parse_role, require_user};
use crate::dto::{
    ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, InvitationCreatedOut, InvitationId, InvitationIn, InvitationOut,
    InvitationStatus, MembershipOut,
};
use crate::entity::{api_key, invitation, member, user};
use crate::error::IdentityError;
use crate::secret::{self, API_KEY_PREFIX, INVITATION_PREFIX};

impl IdentityService {
    /// Invites an email address; the returned token is shown only once.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_invitation(&self, ctx: &OrgCtx, input: InvitationIn) -> Result<InvitationCreatedOut, AppError> {
        if input.role == Role::Owner && ctx.role != Role::Owner {
            return Err(IdentityError::OwnerOnly("invite an owner").into());
        }
        let email = input.email.normalized();
        let already_member = member::Entity::scoped(ctx.org_id)
            .inner_join(user::Entity)
            .filter(user::Column::Email.eq(&email))
            .one(&self.db)
            .await?;
        if let Some(m) = already_member {
            return Err(IdentityError::AlreadyMember { existing_id: m.id.into() }.into());
        }
        let now = self.now();
        let token = secret::new_token(INVITATION_PREFIX);
        let row = invitation::ActiveModel {
            id: Set(InvitationId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            email: Set(email),
            role: Set(input.role.as_str().to_owned()),
            token_hash: Set(secret::token_digest(&token)),
            invited_by_user_id: Set(ctx.user_id().map(Into::into)),
            created_at: Set(now),
            expires_at: Set(now + self.config.invitation_ttl),
            accepted_at: Set(None),
            accepted_by_user_id: Set(None),
            revoked_at: Set(None),
        };
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let row = invitation::Entity::insert(row).exec_with_returning(&txn).await?;
        let sent = InvitationSent { id: row.id.into(), email: row.email.clone(), role: input.role };
        publish(&txn, ctx, now, &sent).await?;
        txn.commit().await?;
        Ok(InvitationCreatedOut { invitation: invitation_out(row, now)?, token })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_invitations(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<InvitationOut>, AppError> {
        let query = invitation::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, invitation::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let now = self.now();
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| invitation_out(r, now)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Revokes a pending invitation. Revoking twice is harmless and emits once: the
    /// row is read under a lock, so a concurrent revoke sees the first one's mark.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, invitation_id = %id))]
    pub async fn revoke_invitation(&self, ctx: &OrgCtx, id: InvitationId) -> Result<(), AppError> {
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let row = invitation::Entity::scoped(ctx.org_id)
            .filter(invitation::Column::Id.eq(id.into_uuid()))
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound(invitation::Entity::NOUN))?;
        if row.accepted_at.is_some() {
            return Err(IdentityError::InvitationAccepted.into());
        }
        if row.revoked_at.is_some() {
            return Ok(());
        }
        let now = self.now();
        let email = row.email.clone();
        let mut changes = row.into_active_model();
        changes.revoked_at = Set(Some(now));
        invitation::Entity::update_in(&txn, ctx.org_id, id, changes, IfMatch(None)).await?;
        publish(&txn, ctx, now, &InvitationRevoked { id, email }).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Joins the signed-in user to the inviting organization. The token is the
    /// credential here, so it is the one lookup not scoped by the caller's org.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    #[allow(clippy::disallowed_methods)]
    pub async fn accept_invitation(&self, ctx: &OrgCtx, token: &str) -> Result<MembershipOut, AppError> {
        let user_id = require_user(ctx)?;
        let now = self.now();
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let invite = invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(secret::token_digest(token)))
            .filter(invitation::Column::RevokedAt.is_null())
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("invitation"))?;
        if invite.accepted_at.is_some() {
            return Err(IdentityError::InvitationAccepted.into());
        }
        if invite.expires_at <= now {
            return Err(IdentityError::InvitationExpired.into());
        }
        let account =
            user::Entity::find_by_id(user_id.into_uuid()).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
        if account.email != invite.email {
            return Err(IdentityError::InvitationForAnotherEmail.into());
        }
        let role = parse_role(&invite.role)?;
        let org = invite.organization_id.into();
        let actor = format!("user:{}", account.id);
        add_member(&txn, now, org, &account, role, &actor).await?;
        let id = InvitationId::from(invite.id);
        let mut changes = invite.into_active_model();
        changes.accepted_at = Set(Some(now));
        changes.accepted_by_user_id = Set(Some(account.id));
        invitation::Entity::update_in(&txn, org, id, changes, IfMatch(None)).await?;
        let accepted = InvitationAccepted { id, email: account.email.clone(), role, user_id };
        publish_as(&txn, org, &actor, now, &accepted).await?;
        let org = self.organization(&txn, org).await?;
        txn.commit().await?;
        Ok(MembershipOut { organization: org.into(), role, active: false })
    }

    /// A new API key; the secret is returned only here.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_api_key(&self, ctx: &OrgCtx, input: ApiKeyIn) -> Result<ApiKeyCreatedOut, AppError> {
        let secret = secret::new_token(API_KEY_PREFIX);
        let row = api_key::ActiveModel {
            id: Set(ApiKeyId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.into_inner()),
            prefix: Set(secret.chars().take(API_KEY_PREFIX.len() + 6).collect()),
            key_hash: Set(secret::token_digest(&secret)),
            role: Set(input.role.as_str().to_owned()),
            created_by_user_id: Set(ctx.user_id().map(Into::into)),
            created_at: Set(self.now()),
            last_used_at: Set(None),
            revoked_at: Set(None),
        };
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let row = api_key::Entity::insert(row).exec_with_returning(&txn).await?;
        let created =
            ApiKeyCreated { id: row.id.into(), name: row.name.clone(), role: input.role, prefix: row.prefix.clone() };
        publish(&txn, ctx, row.created_at, &created).await?;
        txn.commit().await?;
        Ok(ApiKeyCreatedOut { api_key: api_key_out(row)?, secret })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_api_keys(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<ApiKeyOut>, AppError> {
        let query = api_key::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, api_key::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(api_key_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Revokes a key; it stops working at once. Revoking twice is harmless and
    /// emits once (the row is read under a lock, as for invitations).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, api_key_id = %id))]
    pub async fn revoke_api_key(&self, ctx: &OrgCtx, id: ApiKeyId) -> Result<(), AppError> {
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let row = api_key::Entity::scoped(ctx.org_id)
            .filter(api_key::Column::Id.eq(id.into_uuid()))
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound(api_key::Entity::NOUN))?;
        if row.revoked_at.is_some() {
            return Ok(());
        }
        let now = self.now();
        let name = row.name.clone();
        let hash = row.key_hash.clone();
        let mut changes = row.into_active_model();
        changes.revoked_at = Set(Some(now));
        api_key::Entity::update_in(&txn, ctx.org_id, id, changes, IfMatch(None)).await?;
        publish(&txn, ctx, now, &ApiKeyRevoked { id, name }).await?;
        txn.commit().await?;
        self.invalidate_hashes(&[hash]).await;
        Ok(())
    }
}

fn invitation_out(r: invitation::Model, now: DateTime<Utc>) -> Result<InvitationOut, AppError> {
    let status = if r.accepted_at.is_some() {
        InvitationStatus::Accepted
    } else if r.revoked_at.is_some() {
        InvitationStatus::Revoked
    } else if r.expires_at <= now {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Pending
    };
    Ok(InvitationOut {
        id: r.id.into(),
        email: r.email,
        role: parse_role(&r.role)?,
        status,
        expires_at: r.expires_at,
        created_at: r.created_at,
    })
}

fn api_key_out(r: api_key::Model) -> Result<ApiKeyOut, AppError> {
    Ok(ApiKeyOut {
        id: r.id.into(),
        name: r.name,
        prefix: r.prefix,
        role: parse_role(&r.role)?,
        created_at: r.created_at,
        last_used_at: r.last_used_at,
        revoked_at: r.revoked_at,
    })
}
