use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_unique_violation;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, SortOrder};
use atrium_outbox::{NewEvent, append};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, QueryFilter,
};
use serde_json::json;

use super::{CrmService, emit, escape_like, normalize_email, normalize_phone, starts_with_literally};
use crate::dto::{ContactFilter, ContactId, ContactIn, ContactOut, ContactPatch};
use crate::entity::contact;

impl CrmService {
    pub async fn create_contact(&self, ctx: &OrgCtx, input: ContactIn) -> Result<ContactOut, AppError> {
        let txn = begin_write(&self.db).await?;
        if let Some(company) = input.client_company_id {
            self.require_company(&txn, ctx, company.into_uuid(), "client_company_id").await?;
        }
        if let Some(e) = input.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            self.email_free(&txn, ctx, &normalize_email(e), None).await?;
        }
        let out = insert_contact(&txn, ctx.org_id, &ctx.actor(), input, self.clock.now(), None).await?;
        txn.commit().await?;
        Ok(out)
    }

    pub async fn list_contacts(
        &self,
        ctx: &OrgCtx,
        f: &ContactFilter,
        req: PageRequest,
    ) -> Result<Page<ContactOut>, AppError> {
        let mut q = contact::Entity::scoped(ctx.org_id).filter(contact::Column::MergedIntoId.is_null());
        if let Some(c) = f.client_company_id {
            q = q.filter(contact::Column::ClientCompanyId.eq(c.into_uuid()));
        }
        if let Some(e) = &f.email {
            q = q.filter(contact::Column::EmailNormalized.eq(normalize_email(e)));
        }
        if let Some(text) = &f.q {
            let t = text.trim().to_lowercase();
            // Names are matched case-insensitively by prefix; emails by their normalized prefix.
            let pattern = format!("{}%", escape_like(&t));
            let lower = |c: contact::Column| Expr::expr(Func::lower(Expr::col(c)));
            q = q.filter(
                Condition::any()
                    .add(lower(contact::Column::FirstName).like(LikeExpr::new(pattern.clone()).escape('\\')))
                    .add(lower(contact::Column::LastName).like(LikeExpr::new(pattern).escape('\\')))
                    .add(starts_with_literally(contact::Column::EmailNormalized, &t)),
            );
        }
        let rows = req.apply(q, contact::Column::Id, SortOrder::Asc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(contact_out))
    }

    /// A contact; a merged one still resolves and names its survivor.
    pub async fn get_contact(&self, ctx: &OrgCtx, id: ContactId) -> Result<ContactOut, AppError> {
        Ok(contact_out(self.find_contact(&self.db, ctx, id.into_uuid()).await?))
    }

    pub async fn update_contact(
        &self,
        ctx: &OrgCtx,
        id: ContactId,
        patch: ContactPatch,
        if_match: IfMatch,
    ) -> Result<ContactOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_contact(&txn, ctx, id.into_uuid()).await?;
        if current.merged_into_id.is_some() {
            return Err(AppError::conflict("the contact was merged; change the survivor instead"));
        }
        if_match.check(current.version)?;
        if let Some(company) = patch.client_company_id.as_value() {
            self.require_company(&txn, ctx, company.into_uuid(), "client_company_id").await?;
        }
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(v) = patch.client_company_id.into_change() {
            row.client_company_id = Set(v.map(Into::into));
        }
        if let Some(v) = patch.first_name {
            row.first_name = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.last_name {
            row.last_name = Set(v.trim().to_owned());
        }
        if let Some(v) = patch.email.into_change() {
            if let Some(e) = &v
                && !validator::ValidateEmail::validate_email(e)
            {
                return Err(AppError::invalid("email", "must be a valid email address"));
            }
            if let Some(e) = &v {
                self.email_free(&txn, ctx, &normalize_email(e), Some(current.id)).await?;
            }
            row.email_normalized = Set(v.as_deref().map(normalize_email));
            row.email = Set(v.map(|e| e.trim().to_owned()));
        }
        if let Some(v) = patch.phone.into_change() {
            let v = v.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
            if v.as_ref().is_some_and(|p| p.chars().count() > 50) {
                return Err(AppError::invalid("phone", "must be at most 50 characters"));
            }
            row.phone_normalized = Set(v.as_deref().and_then(normalize_phone));
            row.phone = Set(v);
        }
        if let Some(v) = patch.title.into_change() {
            row.title = Set(v);
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let updated = email_race(row.update(&txn).await)?;
        let out = contact_out(updated);
        emit(&txn, ctx, now, "crm.contact.updated", "contact", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    pub async fn delete_contact(&self, ctx: &OrgCtx, id: ContactId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_contact(&txn, ctx, id.into_uuid()).await?;
        if_match.check(current.version)?;
        contact::Entity::delete_by_id(current.id).exec(&txn).await?;
        let data = json!({"email": current.email, "client_company_id": current.client_company_id});
        emit(&txn, ctx, self.clock.now(), "crm.contact.deleted", "contact", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    pub(super) async fn find_contact<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: uuid::Uuid,
    ) -> Result<contact::Model, AppError> {
        contact::Entity::scoped(ctx.org_id)
            .filter(contact::Column::Id.eq(id))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("contact"))
    }

    /// 409 naming the live contact that already has this email.
    pub(super) async fn email_free<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        email_normalized: &str,
        except: Option<uuid::Uuid>,
    ) -> Result<(), AppError> {
        let mut q = contact::Entity::scoped(ctx.org_id).filter(contact::Column::EmailNormalized.eq(email_normalized));
        if let Some(id) = except {
            q = q.filter(contact::Column::Id.ne(id));
        }
        match q.one(conn).await? {
            Some(existing) => Err(AppError::Conflict {
                detail: "another contact of this organization has this email".into(),
                existing_id: Some(existing.id.to_string()),
            }),
            None => Ok(()),
        }
    }
}

/// Inserts a contact with its normalized columns and appends `crm.contact.created`
/// (its data tagged with `source` when the contact did not come from the API). An
/// email taken meanwhile (the unique index) is a 409.
pub(crate) async fn insert_contact<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    input: ContactIn,
    now: chrono::DateTime<chrono::Utc>,
    source: Option<&str>,
) -> Result<ContactOut, AppError> {
    let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let (email, phone) = (clean(input.email), clean(input.phone));
    let row = contact::ActiveModel {
        id: Set(ContactId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        client_company_id: Set(input.client_company_id.map(Into::into)),
        first_name: Set(input.first_name.trim().to_owned()),
        last_name: Set(input.last_name.trim().to_owned()),
        email_normalized: Set(email.as_deref().map(normalize_email)),
        email: Set(email),
        phone_normalized: Set(phone.as_deref().and_then(normalize_phone)),
        phone: Set(phone),
        title: Set(input.title),
        merged_into_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let out = contact_out(email_race(contact::Entity::insert(row).exec_with_returning(conn).await)?);
    let mut data = json!(out);
    if let Some(source) = source {
        data["source"] = json!(source);
    }
    append(conn, org, actor, now, NewEvent::new("crm.contact.created", "contact", out.id.into_uuid(), data)).await?;
    Ok(out)
}

/// The live contact of `org` with this normalized email (tombstones release theirs).
pub(crate) async fn live_contact_by_email<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    email_normalized: &str,
) -> Result<Option<contact::Model>, AppError> {
    Ok(contact::Entity::scoped(org)
        .filter(contact::Column::EmailNormalized.eq(email_normalized))
        .filter(contact::Column::MergedIntoId.is_null())
        .one(conn)
        .await?)
}

/// The unique index still guards a concurrent insert of the same email.
fn email_race(res: Result<contact::Model, DbErr>) -> Result<contact::Model, AppError> {
    res.map_err(|e| {
        if is_unique_violation(&e) {
            AppError::conflict("another contact of this organization has this email")
        } else {
            e.into()
        }
    })
}

pub(crate) fn contact_out(r: contact::Model) -> ContactOut {
    ContactOut {
        id: r.id.into(),
        client_company_id: r.client_company_id.map(Into::into),
        first_name: r.first_name,
        last_name: r.last_name,
        email: r.email,
        phone: r.phone,
        title: r.title,
        merged_into_id: r.merged_into_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}
