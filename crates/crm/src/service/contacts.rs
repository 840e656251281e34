use atrium_events::crm::{ContactCreated, ContactDeleted, ContactState, ContactUpdated, Source};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Email, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Phone, Scoped, SortOrder};
use atrium_outbox::{publish, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, TransactionTrait,
};

use super::state::{contact_out, contact_state};
use super::{CrmService, changed, escape_like, require_company, starts_with_literally};
use crate::dto::{ContactFilter, ContactId, ContactIn, ContactOut, ContactPatch};
use crate::entity::contact;
use crate::error::CrmError;

impl CrmService {
    /// Creates a contact. An email already used in the organization is a 409
    /// naming that contact.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_contact(&self, ctx: &OrgCtx, input: ContactIn) -> Result<ContactOut, AppError> {
        let txn = begin_write(&self.db).await?;
        if let Some(company) = input.client_company_id {
            require_company(&txn, ctx.org_id, company, "client_company_id").await?;
        }
        let state = insert_contact(&txn, ctx.org_id, &ctx.actor(), input, self.clock.now(), None).await?;
        txn.commit().await?;
        Ok(contact_out(state))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
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
            q = q.filter(contact::Column::EmailNormalized.eq(e.normalized()));
        }
        if let Some(text) = &f.q {
            let t = text.to_lowercase();
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
        let rows = req
            .apply(q, contact::Column::Id, SortOrder::Asc)
            .select_only()
            .columns(contact::Listed::COLUMNS)
            .into_model::<contact::Listed>()
            .all(&self.db)
            .await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(listed_out))
    }

    /// A contact; a merged one still resolves and names its survivor.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contact_id = %id))]
    pub async fn get_contact(&self, ctx: &OrgCtx, id: ContactId) -> Result<ContactOut, AppError> {
        let row = contact::Entity::find_in(&self.db, ctx.org_id, id).await?;
        Ok(contact_out(contact_state(&row)))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contact_id = %id))]
    pub async fn update_contact(
        &self,
        ctx: &OrgCtx,
        id: ContactId,
        patch: ContactPatch,
        if_match: IfMatch,
    ) -> Result<ContactOut, AppError> {
        let txn = begin_write(&self.db).await?;
        let current = contact::Entity::find_in(&txn, ctx.org_id, id).await?;
        if current.merged_into_id.is_some() {
            return Err(CrmError::MergedRecord { noun: "contact" }.into());
        }
        if let Some(company) = patch.client_company_id.as_value() {
            require_company(&txn, ctx.org_id, *company, "client_company_id").await?;
        }
        let now = self.clock.now();
        let email = patch.email.as_value().map(Email::normalized);
        let changes = contact_changes(&current, patch, now);
        let savepoint = txn.begin().await?;
        let written = contact::Entity::update_in(&savepoint, ctx.org_id, id, changes, if_match).await;
        let updated = settle_email(&txn, savepoint, written, ctx.org_id, email.as_deref(), Some(id)).await?;
        let state = contact_state(&updated);
        let event = ContactUpdated { changed: changed(&contact_state(&current), &state), contact: state };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(contact_out(event.contact))
    }

    /// Deletes a contact; deals keep no reference to it (the foreign key sets null).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contact_id = %id))]
    pub async fn delete_contact(&self, ctx: &OrgCtx, id: ContactId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = contact::Entity::find_in(&txn, ctx.org_id, id).await?;
        contact::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let event =
            ContactDeleted { id, email: current.email, client_company_id: current.client_company_id.map(Into::into) };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The `Set` columns a patch changes, with their normalized copies.
fn contact_changes(current: &contact::Model, patch: ContactPatch, now: DateTime<Utc>) -> contact::ActiveModel {
    let mut row = current.clone().into_active_model();
    if let Some(v) = patch.client_company_id.into_change() {
        row.client_company_id = Set(v.map(Into::into));
    }
    if let Some(v) = patch.first_name {
        row.first_name = Set(v.into_inner());
    }
    if let Some(v) = patch.last_name.into_change() {
        row.last_name = Set(v.map(|n| n.into_inner()).unwrap_or_default());
    }
    if let Some(v) = patch.email.into_change() {
        row.email_normalized = Set(v.as_ref().map(Email::normalized));
        row.email = Set(v.map(Email::into_inner));
    }
    if let Some(v) = patch.phone.into_change() {
        row.phone_normalized = Set(v.as_ref().and_then(Phone::normalized));
        row.phone = Set(v.map(Phone::into_inner));
    }
    if let Some(v) = patch.title.into_change() {
        row.title = Set(v.map(|t| t.into_inner()));
    }
    row.updated_at = Set(now);
    row
}

/// Inserts a contact with its normalized columns and publishes
/// `crm.contact.created` (with `source` when the contact did not come from the
/// API). An email another contact holds is [`CrmError::EmailTaken`].
pub(crate) async fn insert_contact(
    txn: &DatabaseTransaction,
    org: OrganizationId,
    actor: &str,
    input: ContactIn,
    now: DateTime<Utc>,
    source: Option<Source>,
) -> Result<ContactState, AppError> {
    let email = input.email.as_ref().map(Email::normalized);
    let row = contact::ActiveModel {
        id: Set(ContactId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        client_company_id: Set(input.client_company_id.map(Into::into)),
        first_name: Set(input.first_name.into_inner()),
        last_name: Set(input.last_name.map(|n| n.into_inner()).unwrap_or_default()),
        email_normalized: Set(email.clone()),
        email: Set(input.email.map(Email::into_inner)),
        phone_normalized: Set(input.phone.as_ref().and_then(Phone::normalized)),
        phone: Set(input.phone.map(Phone::into_inner)),
        title: Set(input.title.map(|t| t.into_inner())),
        merged_into_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let savepoint = txn.begin().await?;
    let written = contact::Entity::insert(row).exec_with_returning(&savepoint).await.map_err(AppError::from);
    let inserted = settle_email(txn, savepoint, written, org, email.as_deref(), None).await?;
    let event = ContactCreated { contact: contact_state(&inserted), source };
    publish_as(txn, org, actor, now, &event).await?;
    Ok(event.contact)
}

/// Ends a write that may take an email, run under `savepoint`: kept when it
/// worked; undone when it failed, and then, if another contact (not `except`)
/// holds `email`, the unique index caught a concurrent writer: that is
/// [`CrmError::EmailTaken`] naming the holder. Without the savepoint PostgreSQL
/// would refuse the lookup in the failed transaction.
async fn settle_email<T>(
    txn: &DatabaseTransaction,
    savepoint: DatabaseTransaction,
    written: Result<T, AppError>,
    org: OrganizationId,
    email: Option<&str>,
    except: Option<ContactId>,
) -> Result<T, AppError> {
    match written {
        Ok(v) => {
            savepoint.commit().await?;
            Ok(v)
        }
        Err(e) => {
            savepoint.rollback().await?;
            // Only a failed statement can be the index; 404 and a stale If-Match are not.
            let (AppError::Internal(_), Some(email)) = (&e, email) else {
                return Err(e);
            };
            match email_holder(txn, org, email, except).await? {
                Some(holder) => Err(CrmError::EmailTaken { existing_id: holder }.into()),
                None => Err(e),
            }
        }
    }
}

/// The contact of `org` holding this normalized email, other than `except`.
async fn email_holder<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    email_normalized: &str,
    except: Option<ContactId>,
) -> Result<Option<ContactId>, AppError> {
    let mut q = contact::Entity::scoped(org).filter(contact::Column::EmailNormalized.eq(email_normalized));
    if let Some(id) = except {
        q = q.filter(contact::Column::Id.ne(id.into_uuid()));
    }
    Ok(q.one(conn).await?.map(|c| c.id.into()))
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

fn listed_out(r: contact::Listed) -> ContactOut {
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
