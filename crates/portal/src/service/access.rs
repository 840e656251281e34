//! Staff side: grants of portal access (create, list, change, revoke) and the
//! sign-in links issued for them. Every write publishes its event in the same
//! transaction.

use atrium_events::portal::{
    PortalAccessGranted, PortalAccessRevoked, PortalAccessState, PortalAccessUpdated, PortalLinkIssued,
};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::{PortalService, permissions_json, permissions_of};
use crate::dto::{AccessFilter, AccessIn, AccessOut, AccessPatch, LinkOut, PortalAccessId, PortalLinkId};
use crate::entity::{access, link, session};
use crate::error::PortalError;
use crate::ports::LinkMail;
use crate::token::{LINK_PREFIX, digest, new_token};

impl PortalService {
    /// Gives a contact access to an engagement of the caller's organization.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn grant(&self, ctx: &OrgCtx, input: AccessIn) -> Result<AccessOut, AppError> {
        self.engagements.engagement(ctx.org_id, input.engagement_id).await?.ok_or(PortalError::NoSuchEngagement)?;
        let contact = self.contacts.contact(ctx, input.contact_id).await?.ok_or(PortalError::NoSuchContact)?;
        let now = self.clock.now();
        if let Some(t) = input.expires_at
            && t.get() <= now
        {
            return Err(AppError::invalid("expires_at", "must be in the future"));
        }
        let (_, permissions) = permissions_json(input.permissions)?;
        let row = access::ActiveModel {
            id: Set(PortalAccessId::new().into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            engagement_id: Set(input.engagement_id.into_uuid()),
            contact_id: Set(contact.id.into_uuid()),
            contact_name: Set(contact.name),
            permissions: Set(permissions),
            expires_at: Set(input.expires_at.map(|t| t.get())),
            revoked_at: Set(None),
            last_used_at: Set(None),
            created_by: Set(Some(ctx.actor())),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        let row = access::Entity::insert(row).exec_with_returning(&txn).await?;
        publish(&txn, ctx, now, &PortalAccessGranted { access: state(&row)? }).await?;
        txn.commit().await?;
        out(row, now)
    }

    /// Grants, newest first, optionally of one engagement or one contact.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list(&self, ctx: &OrgCtx, f: &AccessFilter, req: PageRequest) -> Result<Page<AccessOut>, AppError> {
        let mut q = access::Entity::scoped(ctx.org_id);
        if let Some(e) = f.engagement_id {
            q = q.filter(access::Column::EngagementId.eq(e.into_uuid()));
        }
        if let Some(c) = f.contact_id {
            q = q.filter(access::Column::ContactId.eq(c.into_uuid()));
        }
        let rows = req.apply(q, access::Column::Id, SortOrder::Desc).all(&self.db).await?;
        let now = self.clock.now();
        let page = Page::from_rows(rows, &req, |r| r.id);
        let items = page.items.into_iter().map(|r| out(r, now)).collect::<Result<_, _>>()?;
        Ok(Page { items, next_after: page.next_after })
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, access_id = %id))]
    pub async fn get(&self, ctx: &OrgCtx, id: PortalAccessId) -> Result<AccessOut, AppError> {
        out(access::Entity::find_in(&self.db, ctx.org_id, id).await?, self.clock.now())
    }

    /// Changes a grant's permissions or expiry; a revoked grant is not changed (409).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, access_id = %id))]
    pub async fn update(
        &self,
        ctx: &OrgCtx,
        id: PortalAccessId,
        patch: AccessPatch,
        if_match: IfMatch,
    ) -> Result<AccessOut, AppError> {
        let now = self.clock.now();
        if let Some(t) = patch.expires_at.as_value()
            && t.get() <= now
        {
            return Err(AppError::invalid("expires_at", "must be in the future"));
        }
        let txn = begin_write(&self.db).await?;
        let current = access::Entity::find_in(&txn, ctx.org_id, id).await?;
        if_match.check(current.version)?;
        if current.revoked_at.is_some() {
            return Err(PortalError::Revoked.into());
        }
        let mut row = current.clone().into_active_model();
        let mut changed = Vec::new();
        if let Some(p) = patch.permissions {
            let (p, json) = permissions_json(p)?;
            if p != permissions_of(&current.permissions)? {
                row.permissions = Set(json);
                changed.push("permissions".to_owned());
            }
        }
        if let Some(e) = patch.expires_at.into_change().map(|e| e.map(|t| t.get()))
            && e != current.expires_at
        {
            row.expires_at = Set(e);
            changed.push("expires_at".to_owned());
        }
        if changed.is_empty() {
            return out(current, now);
        }
        row.updated_at = Set(now);
        let row = access::Entity::update_in(&txn, ctx.org_id, id, row, if_match).await?;
        publish(&txn, ctx, now, &PortalAccessUpdated { access: state(&row)?, changed }).await?;
        txn.commit().await?;
        out(row, now)
    }

    /// Revokes a grant: its unused links and open sessions stop working at once
    /// (every portal request reads the grant). Revoking again changes nothing.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, access_id = %id))]
    pub async fn revoke(&self, ctx: &OrgCtx, id: PortalAccessId) -> Result<AccessOut, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let current = access::Entity::find_in(&txn, ctx.org_id, id).await?;
        if current.revoked_at.is_some() {
            return out(current, now);
        }
        let mut row = current.into_active_model();
        row.revoked_at = Set(Some(now));
        row.updated_at = Set(now);
        let row = access::Entity::update_in(&txn, ctx.org_id, id, row, IfMatch(None)).await?;
        let ended = session::Entity::update_scoped(ctx.org_id)
            .col_expr(session::Column::EndedAt, Expr::value(now))
            .filter(session::Column::AccessId.eq(row.id))
            .filter(session::Column::EndedAt.is_null())
            .filter(session::Column::ExpiresAt.gt(now))
            .exec(&txn)
            .await?
            .rows_affected;
        publish(&txn, ctx, now, &PortalAccessRevoked { access: state(&row)?, sessions_ended: ended }).await?;
        txn.commit().await?;
        out(row, now)
    }

    /// Issues a single-use sign-in link (`PORTAL_LINK_TTL_MINUTES`) and has comms
    /// mail it to the contact. Only the token's hash is stored; the token is in the
    /// answer only when `return_link` asks for it.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, access_id = %id))]
    pub async fn issue_link(&self, ctx: &OrgCtx, id: PortalAccessId, return_link: bool) -> Result<LinkOut, AppError> {
        let now = self.clock.now();
        let grant = access::Entity::find_in(&self.db, ctx.org_id, id).await?;
        match status(&grant, now) {
            "revoked" => return Err(PortalError::Revoked.into()),
            "expired" => return Err(AppError::conflict("the grant has expired; extend its expires_at first")),
            _ => {}
        }
        let contact =
            self.contacts.contact(ctx, grant.contact_id.into()).await?.ok_or(AppError::NotFound("contact"))?;
        let address = contact.email.clone().ok_or(PortalError::ContactWithoutEmail)?;
        let token = new_token(LINK_PREFIX);
        let expires_at = now + self.cfg.link_ttl;
        let link_id = PortalLinkId::new();
        let row = link::ActiveModel {
            id: Set(link_id.into_uuid()),
            organization_id: Set(ctx.org_id.into_uuid()),
            access_id: Set(grant.id),
            token_hash: Set(digest(&token)),
            expires_at: Set(expires_at),
            used_at: Set(None),
            created_by: Set(Some(ctx.actor())),
            created_at: Set(now),
        };
        let txn = begin_write(&self.db).await?;
        link::Entity::insert(row).exec_without_returning(&txn).await?;
        let event = PortalLinkIssued {
            id: link_id,
            access_id: grant.id.into(),
            engagement_id: grant.engagement_id.into(),
            contact_id: grant.contact_id.into(),
            contact_name: grant.contact_name.clone(),
            expires_at,
        };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        let url = format!("{}/portal/sign-in?token={token}", self.cfg.base_url.trim_end_matches('/'));
        let mail = LinkMail {
            engagement_id: grant.engagement_id.into(),
            contact_id: contact.id,
            to_address: address,
            to_name: contact.name.clone(),
            subject: "Your sign-in link to the client portal".to_owned(),
            body_text: link_mail_body(&contact.name, &url, self.cfg.link_ttl.num_minutes()),
        };
        let message_id = self.mailer.send_link(ctx, mail).await?;
        Ok(LinkOut {
            id: link_id,
            access_id: grant.id.into(),
            expires_at,
            message_id,
            url: return_link.then(|| url.clone()),
            token: return_link.then_some(token),
        })
    }
}

fn link_mail_body(name: &str, url: &str, minutes: i64) -> String {
    let hello = if name.is_empty() { "Hello".to_owned() } else { format!("Hello {name}") };
    format!(
        "{hello},\n\nuse this link to sign in to the client portal:\n\n{url}\n\n\
         It works once and expires in {minutes} minutes. If you did not expect it, ignore this message.\n"
    )
}

/// `active`, `expired` or `revoked` at `now`.
pub(crate) fn status(row: &access::Model, now: DateTime<Utc>) -> &'static str {
    if row.revoked_at.is_some() {
        "revoked"
    } else if row.expires_at.is_some_and(|e| e <= now) {
        "expired"
    } else {
        "active"
    }
}

pub(crate) fn state(row: &access::Model) -> Result<PortalAccessState, AppError> {
    Ok(PortalAccessState {
        id: row.id.into(),
        engagement_id: row.engagement_id.into(),
        contact_id: row.contact_id.into(),
        contact_name: row.contact_name.clone(),
        permissions: permissions_of(&row.permissions)?.into_iter().map(|p| p.as_str().to_owned()).collect(),
        expires_at: row.expires_at,
        revoked_at: row.revoked_at,
    })
}

fn out(row: access::Model, now: DateTime<Utc>) -> Result<AccessOut, AppError> {
    Ok(AccessOut {
        id: row.id.into(),
        engagement_id: row.engagement_id.into(),
        contact_id: row.contact_id.into(),
        permissions: permissions_of(&row.permissions)?,
        status: status(&row, now).to_owned(),
        contact_name: row.contact_name,
        expires_at: row.expires_at,
        revoked_at: row.revoked_at,
        last_used_at: row.last_used_at,
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}
