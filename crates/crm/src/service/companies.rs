use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, Page, PageRequest, SortOrder};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

use super::{CrmService, emit, normalize_name, starts_with_literally};
use crate::dto::{ClientCompanyId, CompanyFilter, CompanyIn, CompanyOut, CompanyPatch, CompanyStatus};
use crate::entity::{company, contact};

impl CrmService {
    pub async fn create_company(&self, ctx: &OrgCtx, input: CompanyIn) -> Result<CompanyOut, AppError> {
        if let Some(owner) = input.owner_id {
            self.require_member(ctx, owner, "owner_id").await?;
        }
        let txn = begin_write(&self.db).await?;
        let out = insert_company(&txn, ctx.org_id, &ctx.actor(), input, self.clock.now(), None).await?;
        txn.commit().await?;
        Ok(out)
    }

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
        Ok(Page::from_rows(rows, &req, |r| r.id).map(company_out))
    }

    /// A company; a merged one still resolves and names its survivor.
    pub async fn get_company(&self, ctx: &OrgCtx, id: ClientCompanyId) -> Result<CompanyOut, AppError> {
        Ok(company_out(self.find_company(&self.db, ctx, id).await?))
    }

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
        let current = self.find_company(&txn, ctx, id).await?;
        if current.merged_into_id.is_some() {
            return Err(AppError::conflict("the company was merged; change the survivor instead"));
        }
        if_match.check(current.version)?;
        let now = self.clock.now();
        let mut row = current.clone().into_active_model();
        if let Some(name) = patch.name {
            row.name_normalized = Set(normalize_name(&name));
            row.name = Set(name.trim().to_owned());
        }
        if let Some(v) = patch.domain.into_change() {
            row.domain = Set(v.map(|d| d.trim().to_lowercase()));
        }
        if let Some(s) = patch.status {
            row.status = Set(s.as_str().to_owned());
        }
        if let Some(v) = patch.address.into_change() {
            row.address = Set(v);
        }
        if let Some(v) = patch.owner_id.into_change() {
            row.owner_id = Set(v.map(Into::into));
        }
        if let Some(tags) = patch.tags {
            row.tags = Set(json!(tags));
        }
        if let Some(v) = patch.notes.into_change() {
            row.notes = Set(v);
        }
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        let out = company_out(row.update(&txn).await?);
        emit(&txn, ctx, now, "crm.company.updated", "client_company", current.id, json!(out)).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Deletes a company; its contacts go with it and deals keep no reference
    /// (the foreign keys cascade and set null). The event lists the contacts.
    pub async fn delete_company(&self, ctx: &OrgCtx, id: ClientCompanyId, if_match: IfMatch) -> Result<(), AppError> {
        let txn = begin_write(&self.db).await?;
        let current = self.find_company(&txn, ctx, id).await?;
        if_match.check(current.version)?;
        let contact_ids: Vec<Uuid> = contact::Entity::scoped(ctx.org_id)
            .filter(contact::Column::ClientCompanyId.eq(current.id))
            .select_only()
            .column(contact::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        company::Entity::delete_by_id(current.id).exec(&txn).await?;
        let data = json!({"name": current.name, "deleted_contact_ids": contact_ids});
        emit(&txn, ctx, self.clock.now(), "crm.company.deleted", "client_company", current.id, data).await?;
        txn.commit().await?;
        Ok(())
    }

    pub(super) async fn find_company<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: ClientCompanyId,
    ) -> Result<company::Model, AppError> {
        company::Entity::scoped(ctx.org_id)
            .filter(company::Column::Id.eq(id.into_uuid()))
            .one(conn)
            .await?
            .ok_or(AppError::NotFound("client company"))
    }
}

pub(crate) fn company_out(r: company::Model) -> CompanyOut {
    let status = match r.status.as_str() {
        "active" => CompanyStatus::Active,
        "inactive" => CompanyStatus::Inactive,
        "archived" => CompanyStatus::Archived,
        "merged" => CompanyStatus::Merged,
        _ => CompanyStatus::Lead,
    };
    CompanyOut {
        id: r.id.into(),
        name: r.name,
        domain: r.domain,
        status,
        address: r.address,
        owner_id: r.owner_id.map(Into::into),
        tags: serde_json::from_value(r.tags).unwrap_or_default(),
        notes: r.notes,
        merged_into_id: r.merged_into_id.map(Into::into),
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

/// The live company of the organization with this name (compared normalized),
/// created (with its event, under `actor`) when there is none. Used where a company
/// arrives by name: appointment bookings and CSV imports.
pub(crate) async fn company_named<C: sea_orm::ConnectionTrait>(
    conn: &C,
    org: atrium_kernel::OrganizationId,
    actor: &str,
    source: &str,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Uuid, AppError> {
    let name: String = name.trim().chars().take(200).collect();
    let normalized = normalize_name(&name);
    let found = company::Entity::scoped(org)
        .filter(company::Column::NameNormalized.eq(normalized.clone()))
        .filter(company::Column::MergedIntoId.is_null())
        .one(conn)
        .await?;
    if let Some(c) = found {
        return Ok(c.id);
    }
    let input =
        CompanyIn { name, domain: None, status: None, address: None, owner_id: None, tags: Vec::new(), notes: None };
    Ok(insert_company(conn, org, actor, input, now, Some(source)).await?.id.into_uuid())
}

/// Inserts a company with its normalized columns and appends `crm.company.created`
/// (its data tagged with `source` when the company did not come from the API).
async fn insert_company<C: sea_orm::ConnectionTrait>(
    conn: &C,
    org: atrium_kernel::OrganizationId,
    actor: &str,
    input: CompanyIn,
    now: chrono::DateTime<chrono::Utc>,
    source: Option<&str>,
) -> Result<CompanyOut, AppError> {
    let row = company::ActiveModel {
        id: Set(ClientCompanyId::new().into_uuid()),
        organization_id: Set(org.into_uuid()),
        name_normalized: Set(normalize_name(&input.name)),
        name: Set(input.name.trim().to_owned()),
        domain: Set(input.domain.map(|d| d.trim().to_lowercase())),
        status: Set(input.status.unwrap_or(CompanyStatus::Lead).as_str().to_owned()),
        address: Set(input.address),
        owner_id: Set(input.owner_id.map(Into::into)),
        tags: Set(json!(input.tags)),
        notes: Set(input.notes),
        merged_into_id: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let out = company_out(company::Entity::insert(row).exec_with_returning(conn).await?);
    let mut data = json!(out);
    if let Some(source) = source {
        data["source"] = json!(source);
    }
    let event = atrium_outbox::NewEvent::new("crm.company.created", "client_company", out.id.into_uuid(), data);
    atrium_outbox::append(conn, org, actor, now, event).await?;
    Ok(out)
}
