//! Invitations and API keys: the two ways access to an organization is handed out.

use atrium_kernel::{ApiKeyId, AppError, OrgCtx, Page, PageRequest, Role, SortOrder};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::{IdentityService, add_member, emit, normalize_email, parse_role, require_user};
use crate::dto::{
    ApiKeyCreatedOut, ApiKeyIn, ApiKeyOut, InvitationCreatedOut, InvitationId, InvitationIn, InvitationOut,
    InvitationStatus, MembershipOut,
};
use crate::entity::{api_key, invitation, member, organization, user};
use crate::secret::{self, API_KEY_PREFIX, INVITATION_PREFIX};
use serde_json::json;

impl IdentityService {
    /// Invites an email address; the returned token is shown only once.
    pub async fn create_invitation(&self, ctx: &OrgCtx, input: InvitationIn) -> Result<InvitationCreatedOut, AppError> {
        if input.role == Role::Owner && ctx.role != Role::Owner {
            return Err(AppError::Forbidden("only an owner can invite an owner".into()));
        }
        let email = normalize_email(&input.email);
        let already_member = member::Entity::scoped(ctx.org_id)
            .inner_join(user::Entity)
            .filter(user::Column::Email.eq(&email))
            .one(&self.db)
            .await?;
        if let Some(m) = already_member {
            return Err(AppError::Conflict {
                detail: "this email already belongs to a member".into(),
                existing_id: Some(m.id.to_string()),
            });
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
        let data = json!({"email": row.email, "role": row.role});
        emit(&txn, ctx, now, "identity.invitation.sent", "invitation", row.id, data).await?;
        txn.commit().await?;
        Ok(InvitationCreatedOut { invitation: invitation_out(row, now)?, token })
    }

    pub async fn list_invitations(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<InvitationOut>, AppError> {
        let query = invitation::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, invitation::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let now = self.now();
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| invitation_out(r, now)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    pub async fn revoke_invitation(&self, ctx: &OrgCtx, id: InvitationId) -> Result<(), AppError> {
        let row = invitation::Entity::scoped(ctx.org_id)
            .filter(invitation::Column::Id.eq(id.into_uuid()))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("invitation"))?;
        if row.accepted_at.is_some() {
            return Err(AppError::conflict("the invitation was already accepted"));
        }
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let revoked = invitation::Entity::update_many()
            .col_expr(invitation::Column::RevokedAt, Expr::value(self.now()))
            .filter(invitation::Column::Id.eq(row.id))
            .filter(invitation::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if revoked.rows_affected > 0 {
            let data = json!({"email": row.email});
            emit(&txn, ctx, self.now(), "identity.invitation.revoked", "invitation", row.id, data).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Joins the signed-in user to the inviting organization. The token is the
    /// credential here, so it is the one lookup not scoped by the caller's org.
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
            return Err(AppError::conflict("the invitation was already accepted"));
        }
        if invite.expires_at <= now {
            return Err(AppError::conflict("the invitation has expired; ask for a new one"));
        }
        let account =
            user::Entity::find_by_id(user_id.into_uuid()).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
        if account.email != invite.email {
            return Err(AppError::Forbidden("the invitation was sent to another email address".into()));
        }
        let role = parse_role(&invite.role)?;
        let actor = format!("user:{}", account.id);
        add_member(&txn, now, invite.organization_id, &account, role, &actor).await?;
        invitation::Entity::update_many()
            .col_expr(invitation::Column::AcceptedAt, Expr::value(now))
            .col_expr(invitation::Column::AcceptedByUserId, Expr::value(account.id))
            .filter(invitation::Column::Id.eq(invite.id))
            .exec(&txn)
            .await?;
        let event = atrium_outbox::NewEvent::new(
            "identity.invitation.accepted",
            "invitation",
            invite.id,
            json!({"email": account.email, "role": role, "user_id": account.id}),
        );
        atrium_outbox::append(&txn, invite.organization_id.into(), &actor, now, event).await?;
        let org = organization::Entity::find_by_id(invite.organization_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound("organization"))?;
        txn.commit().await?;
        Ok(MembershipOut { organization: org.into(), role, active: false })
    }

    /// A new API key; the secret is returned only here.
    pub async fn create_api_key(&self, ctx: &OrgCtx, input: ApiKeyIn) -> Result<ApiKeyCreatedOut, AppError> {
        let secret = secret::new_token(API_KEY_PREFIX);
        let row = api_key::ActiveModel {
            id: Set(ApiKeyId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            name: Set(input.name.trim().to_owned()),
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
        let data = json!({"name": row.name, "role": row.role, "prefix": row.prefix});
        emit(&txn, ctx, row.created_at, "identity.api_key.created", "api_key", row.id, data).await?;
        txn.commit().await?;
        Ok(ApiKeyCreatedOut { api_key: api_key_out(row)?, secret })
    }

    pub async fn list_api_keys(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<ApiKeyOut>, AppError> {
        let query = api_key::Entity::scoped(ctx.org_id);
        let rows = req.apply(query, api_key::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(api_key_out).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    /// Revokes a key; it stops working at once. Revoking twice is harmless.
    pub async fn revoke_api_key(&self, ctx: &OrgCtx, id: ApiKeyId) -> Result<(), AppError> {
        let row = api_key::Entity::scoped(ctx.org_id)
            .filter(api_key::Column::Id.eq(id.into_uuid()))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("API key"))?;
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let revoked = api_key::Entity::update_many()
            .col_expr(api_key::Column::RevokedAt, Expr::value(self.now()))
            .filter(api_key::Column::Id.eq(row.id))
            .filter(api_key::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if revoked.rows_affected > 0 {
            let data = json!({"name": row.name});
            emit(&txn, ctx, self.now(), "identity.api_key.revoked", "api_key", row.id, data).await?;
        }
        txn.commit().await?;
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
