//! Organizations the caller belongs to, and the members of the active one.

// Users, sessions and organizations belong to no organization: they are the accounts and the tenants themselves. Tenant tables (members, api_keys, invitations) go through Scoped.
#![allow(clippy::disallowed_methods)]

use atrium_events::identity::{MemberRemoved, MemberRoleChanged};
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Role, Scoped, SortOrder, UserId};
use atrium_outbox::publish;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::{IdentityService, insert_organization, parse_role, require_user};
use crate::dto::{MeOut, MemberId, MemberOut, MemberPatch, MembershipOut, OrganizationIn, OrganizationOut};
use crate::entity::{member, organization, session, user};
use crate::error::IdentityError;

impl IdentityService {
    /// Organizations the signed-in user belongs to (an API key sees its own). The
    /// memberships are the user's own, across organizations on purpose.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    #[allow(clippy::disallowed_methods)]
    pub async fn list_my_organizations(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<MembershipOut>, AppError> {
        let Some(user_id) = ctx.user_id() else {
            let org = self.organization(&self.db, ctx.org_id).await?;
            let items = if req.after.is_none() {
                vec![MembershipOut { organization: org.into(), role: ctx.role, active: true }]
            } else {
                Vec::new()
            };
            return Ok(Page { items, next_after: None });
        };
        let query = member::Entity::find()
            .filter(member::Column::UserId.eq(user_id.into_uuid()))
            .find_also_related(organization::Entity);
        let rows = req.apply(query, member::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |(m, _)| m.id);
        let mut items = Vec::with_capacity(page.items.len());
        for (m, org) in page.items {
            let org = org.ok_or_else(|| AppError::internal("membership without organization"))?;
            let active = org.id == ctx.org_id.into_uuid();
            items.push(MembershipOut { organization: org.into(), role: parse_role(&m.role)?, active });
        }
        Ok(Page { items, next_after: page.next_after })
    }

    /// A new organization owned by the caller. The session stays where it is.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_organization(&self, ctx: &OrgCtx, input: OrganizationIn) -> Result<OrganizationOut, AppError> {
        let user_id = require_user(ctx)?;
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let owner = user::Entity::find_by_id(user_id.into_uuid()).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
        let (org, _) = insert_organization(&txn, self.now(), &input.name, input.slug.as_deref(), &owner).await?;
        txn.commit().await?;
        Ok(org.into())
    }

    /// Makes another of the user's organizations the session's active one.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, target = %target))]
    pub async fn switch_organization(
        &self,
        ctx: &OrgCtx,
        session_id: Option<Uuid>,
        target: OrganizationId,
    ) -> Result<MeOut, AppError> {
        let user_id = require_user(ctx)?;
        let session_id = session_id.ok_or(IdentityError::NeedsSession)?;
        let membership = member::Entity::scoped(target)
            .filter(member::Column::UserId.eq(user_id.into_uuid()))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound("organization"))?;
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        session::Entity::update_many()
            .col_expr(session::Column::ActiveOrganizationId, Expr::value(target.into_uuid()))
            .filter(session::Column::Id.eq(session_id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        self.invalidate_sessions(&[session_id]).await?;
        let switched = OrgCtx { org_id: target, principal: ctx.principal, role: parse_role(&membership.role)? };
        self.me(&switched).await
    }

    /// Whether `user` belongs to `org` (for other domains, through a port).
    #[tracing::instrument(skip_all, fields(org_id = %org, user_id = %user))]
    pub async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        let found =
            member::Entity::scoped(org).filter(member::Column::UserId.eq(user.into_uuid())).one(&self.db).await?;
        Ok(found.is_some())
    }

    /// The members of `org` holding `role`, oldest membership first (for other
    /// domains, through a port: revenue routes bill approvals to roles).
    #[tracing::instrument(skip_all, fields(org_id = %org, role = %role))]
    pub async fn members_with_role(&self, org: OrganizationId, role: Role) -> Result<Vec<UserId>, AppError> {
        let rows = member::Entity::scoped(org)
            .filter(member::Column::Role.eq(role.as_str()))
            .order_by_asc(member::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|m| m.user_id.into()).collect())
    }

    /// Names of those of `users` who are members of `org` (others are absent),
    /// for documents that print who did the work.
    #[tracing::instrument(skip_all, fields(org_id = %org, n = users.len()))]
    pub async fn member_names(
        &self,
        org: OrganizationId,
        users: &[UserId],
    ) -> Result<std::collections::HashMap<UserId, String>, AppError> {
        let mut out = std::collections::HashMap::with_capacity(users.len());
        // Bounded IN lists keep every backend under its bind-parameter limit.
        for chunk in users.chunks(500) {
            let rows = member::Entity::scoped(org)
                .filter(member::Column::UserId.is_in(chunk.iter().map(|u| u.into_uuid())))
                .find_also_related(user::Entity)
                .all(&self.db)
                .await?;
            for (m, u) in rows {
                if let Some(u) = u {
                    out.insert(m.user_id.into(), u.name);
                }
            }
        }
        Ok(out)
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_members(&self, ctx: &OrgCtx, req: PageRequest) -> Result<Page<MemberOut>, AppError> {
        let query = member::Entity::scoped(ctx.org_id).find_also_related(user::Entity);
        let rows = req.apply(query, member::Column::Id, SortOrder::Asc).all(&self.db).await?;
        let page = Page::from_rows(rows, &req, |(m, _)| m.id);
        let mut items = Vec::with_capacity(page.items.len());
        for (m, u) in page.items {
            items.push(member_out(m, u)?);
        }
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %id))]
    pub async fn get_member(&self, ctx: &OrgCtx, id: MemberId) -> Result<MemberOut, AppError> {
        let m = member::Entity::find_in(&self.db, ctx.org_id, id).await?;
        let u = user::Entity::find_by_id(m.user_id).one(&self.db).await?;
        member_out(m, u)
    }

    /// Changes a member's role. Only an owner grants or takes away ownership, and
    /// the last owner cannot be demoted.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %id))]
    pub async fn update_member(
        &self,
        ctx: &OrgCtx,
        id: MemberId,
        patch: MemberPatch,
        if_match: IfMatch,
    ) -> Result<MemberOut, AppError> {
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let current = self.lock_member(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let old_role = parse_role(&current.role)?;
        if (old_role == Role::Owner || patch.role == Role::Owner) && ctx.role != Role::Owner {
            return Err(IdentityError::OwnerOnly("grant or change ownership").into());
        }
        if old_role == Role::Owner && patch.role != Role::Owner {
            ensure_another_owner(&txn, ctx, current.id).await?;
        }
        let (user_id, version) = (current.user_id, current.version);
        if old_role != patch.role {
            let now = self.now();
            let mut changes = current.into_active_model();
            changes.role = Set(patch.role.as_str().to_owned());
            changes.updated_at = Set(now);
            // The version read under the lock: a change that slipped in is a 409.
            member::Entity::update_in(&txn, ctx.org_id, id, changes, IfMatch(Some(version))).await?;
            let changed = MemberRoleChanged {
                id,
                user_id: user_id.into(),
                email: member_email(&txn, user_id).await?,
                from: old_role,
                to: patch.role,
            };
            publish(&txn, ctx, now, &changed).await?;
            txn.commit().await?;
            self.invalidate_users(&[user_id]).await?;
        } else {
            txn.commit().await?;
        }
        self.get_member(ctx, id).await
    }

    /// Removes a member from the organization; the last owner cannot be removed.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, member_id = %id))]
    pub async fn remove_member(&self, ctx: &OrgCtx, id: MemberId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = atrium_kernel::db::begin_write(&self.db).await?;
        let current = self.lock_member(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let role = parse_role(&current.role)?;
        if role == Role::Owner {
            if ctx.role != Role::Owner {
                return Err(IdentityError::OwnerOnly("remove an owner").into());
            }
            ensure_another_owner(&txn, ctx, current.id).await?;
        }
        member::Entity::delete_in(&txn, ctx.org_id, id, IfMatch(Some(current.version))).await?;
        let removed = MemberRemoved {
            id,
            user_id: current.user_id.into(),
            email: member_email(&txn, current.user_id).await?,
            role,
        };
        publish(&txn, ctx, self.now(), &removed).await?;
        txn.commit().await?;
        self.invalidate_users(&[current.user_id]).await
    }

    /// Loads a member of the caller's organization, locking the organization row
    /// (PostgreSQL) so concurrent owner changes cannot both pass the last-owner check.
    async fn lock_member<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: MemberId,
    ) -> Result<member::Model, AppError> {
        organization::Entity::find_by_id(ctx.org_id.into_uuid()).lock_exclusive().one(conn).await?;
        member::Entity::find_in(conn, ctx.org_id, id).await
    }

    pub(super) async fn organization<C: ConnectionTrait>(
        &self,
        conn: &C,
        id: OrganizationId,
    ) -> Result<organization::Model, AppError> {
        organization::Entity::find_by_id(id.into_uuid()).one(conn).await?.ok_or(AppError::NotFound("organization"))
    }
}

async fn ensure_another_owner<C: ConnectionTrait>(conn: &C, ctx: &OrgCtx, except: Uuid) -> Result<(), AppError> {
    let others = member::Entity::scoped(ctx.org_id)
        .filter(member::Column::Role.eq(Role::Owner.as_str()))
        .filter(member::Column::Id.ne(except))
        .count(conn)
        .await?;
    if others == 0 {
        return Err(IdentityError::LastOwner.into());
    }
    Ok(())
}

async fn member_email<C: ConnectionTrait>(conn: &C, user_id: Uuid) -> Result<String, AppError> {
    Ok(user::Entity::find_by_id(user_id).one(conn).await?.map(|u| u.email).unwrap_or_default())
}

fn member_out(m: member::Model, u: Option<user::Model>) -> Result<MemberOut, AppError> {
    let u = u.ok_or_else(|| AppError::internal("membership without user"))?;
    Ok(MemberOut {
        id: m.id.into(),
        user_id: u.id.into(),
        email: u.email,
        name: u.name,
        role: parse_role(&m.role)?,
        version: m.version,
        created_at: m.created_at,
    })
}
