use atrium_events::crm::{CompanyCreated, CompanyDeleted, CompanyState, CompanyUpdated, Source};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Page, PageRequest, Scoped, SortOrder};
use atrium_outbox::{publish, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::state::{company_out, company_state};
use super::{CrmService, changed, normalize_name, starts_with_literally};
use crate::dto::{ClientCompanyId, CompanyFilter, CompanyIn, CompanyName, CompanyOut, CompanyPatch, CompanyStatus};
use crate::entity::{company, contact};
use crate::error::CrmError;

impl CrmService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn create_company(&self, ctx: &OrgCtx, input: CompanyIn) -> Result<CompanyOut, AppError> {
        if let Some(owner) = input.owner_id {
            self.require_member(ctx, owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let state = insert_company(&txn, ctx.org_id, &ctx.actor(), input, self.clock.now(), None).await?;
        txn.commit().await?;
        Ok(company_out(state))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
    pub async fn list_companies(
        &self,
        ctx: &OrgCtx,
        f: &CompanyFilter,
        req: PageRequest,
    ) -> Result<Page<CompanyOut>, AppError> {
        let mut q = company::Entity::scoped(ctx.org_id).filter(company::Column::MergedIntoId.is_null());
        if let Some(status) = f.status {
            q = q.filter(company::Column::Status.eq(status.as_str()));
        }
        if let Some(prefix) = &f.name_prefix {
            q = q.filter(starts_with_literally(company::Column::NameNormalized, &normalize_name(prefix)));
        }
        let rows = req.apply(q, company::Column::Id, SortOrder::Asc).all(&self.db).await?;
        Ok(Page::from_rows(rows, &req, |r| r.id).map(|r| company_out(company_state(&r))))
    }

    /// A company; a merged one still resolves and names its survivor.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, company_id = %id))]
    pub async fn get_company(&self, ctx: &OrgCtx, id: ClientCompanyId) -> Result<CompanyOut, AppError> {
        let row = company::Entity::find_in(&self.db, ctx.org_id, id).await?;
        Ok(company_out(company_state(&row)))
    }

    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, company_id = %id))]
    pub async fn update_company(
        &self,
        ctx: &OrgCtx,
        id: ClientCompanyId,
        patch: CompanyPatch,
        if_match: IfMatch,
    ) -> Result<CompanyOut, AppError> {
        if let Some(owner) = patch.owner_id.as_value() {
            self.require_member(ctx, *owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let current = company::Entity::find_in(&txn, ctx.org_id, id).await?;
        if current.merged_into_id.is_some() {
            return Err(CrmError::MergedRecord { noun: "company" }.into());
        }
        let now = self.clock.now();
        let changes = company_changes(&current, patch, now);
        let updated = company::Entity::update_in(&txn, ctx.org_id, id, changes, if_match).await?;
        let state = company_state(&updated);
        let event = CompanyUpdated { changed: changed(&company_state(&current), &state), company: state };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(company_out(event.company))
    }

    /// Deletes a company; its contacts go with it and deals keep no reference
    /// (the foreign keys cascade and set null). The event lists the contacts.
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, company_id = %id))]
    pub async fn delete_company(&self, ctx: &OrgCtx, id: ClientCompanyId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = company::Entity::find_in(&txn, ctx.org_id, id).await?;
        let contact_ids: Vec<Uuid> = contact::Entity::scoped(ctx.org_id)
            .filter(contact::Column::ClientCompanyId.eq(current.id))
            .select_only()
            .column(contact::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        company::Entity::delete_in(&txn, ctx.org_id, id, if_match).await?;
        let event = CompanyDeleted {
            id,
            name: current.name,
            deleted_contact_ids: contact_ids.into_iter().map(Into::into).collect(),
        };
        publish(&txn, ctx, self.clock.now(), &event).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The `Set` columns a patch changes, with the normalized name.
fn company_changes(current: &company::Model, patch: CompanyPatch, now: DateTime<Utc>) -> company::ActiveModel {
    let mut row = current.clone().into_active_model();
    if let Some(name) = patch.name {
        row.name_normalized = Set(normalize_name(&name));
        row.name = Set(name.into_inner());
    }
    if let Some(v) = patch.domain.into_change() {
        row.domain = Set(v.map(|d| d.to_lowercase()));
    }
    if let Some(s) = patch.status {
        row.status = Set(s.as_str().to_owned());
    }
    if let Some(v) = patch.address.into_change() {
        row.address = Set(v.map(|a| a.into_inner()));
    }
    if let Some(v) = patch.owner_id.into_change() {
        row.owner_id = Set(v.map(Into::into));
    }
    if let Some(tags) = patch.tags {
        row.tags = Set(json!(tags));
    }
    if let Some(v) = patch.notes.into_change() {
        row.notes = Set(v.map(|n| n.into_inner()));
    }
    row.updated_at = Set(now);
    row
}

/// The live company of the organization with this name (compared normalized),
/// created (with its event, under `actor`, marked with `source`) when there is
/// none. Used where a company arrives by name: appointment bookings and CSV imports.
pub(crate) async fn company_named<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    source: Source,
    name: CompanyName,
    now: DateTime<Utc>,
) -> Result<ClientCompanyId, AppError> {
    let found = company::Entity::scoped(org)
        .filter(company::Column::NameNormalized.eq(normalize_name(&name)))
        .filter(company::Column::MergedIntoId.is_null())
        .one(conn)
        .await?;
    if let Some(c) = found {
        return Ok(c.id.into());
    }
    Ok(insert_company(conn, org, actor, CompanyIn::named(name), now, Some(source)).await?.id)
}

/// Inserts a company with its normalized columns and publishes
/// `crm.company.created` (with `source` when it did not come from the API).
async fn insert_company<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    actor: &str,
    input: CompanyIn,
    now: DateTime<Utc>,
    source: Option<Source>,
) -> Result<CompanyState, AppError> {
    let row = company::ActiveModel {
        id: Set(ClientCompanyId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        name_normalized: Set(normalize_name(&input.name)),
        name: Set(input.name.into_inner()),
        domain: Set(input.domain.map(|d| d.to_lowercase())),
        status: Set(input.status.unwrap_or(CompanyStatus::Lead).as_str().to_owned()),
        address: Set(input.address.map(|a| a.into_inner())),
        owner_id: Set(input.owner_id.map(Into::into)),
        tags: Set(json!(input.tags)),
        notes: Set(input.notes.map(|n| n.into_inner())),
        merged_into_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let inserted = company::Entity::insert(row).exec_with_returning(conn).await?;
    let event = CompanyCreated { company: company_state(&inserted), source };
    publish_as(conn, org, actor, now, &event).await?;
    Ok(event.company)
}
