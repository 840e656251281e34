//! Company dedup and merge, with the same precedence as contacts: the survivor
//! keeps every non-empty field, an empty one takes the first non-empty value among
//! the sources in the order given, and tags are the union. Contacts and deals move
//! to the survivor in the same transaction; the sources become tombstones (status
//! `merged`) that still resolve. Other domains repoint their copies on
//! `crm.company.merged`.

use std::collections::BTreeSet;

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

use super::companies::company_out;
use super::merge::fold;
use super::{CrmService, emit};
use crate::dto::{
    ClientCompanyId, CompanyDuplicateGroupOut, CompanyDuplicateReason, CompanyMergeOut, CompanyStatus, MergeIn,
};
use crate::entity::{company, contact, deal};

impl CrmService {
    pub async fn merge_companies(
        &self,
        ctx: &OrgCtx,
        survivor: ClientCompanyId,
        input: MergeIn,
    ) -> Result<CompanyMergeOut, AppError> {
        if input.source_ids.contains(&survivor.into_uuid()) {
            return Err(AppError::invalid("source_ids", "must not contain the survivor"));
        }
        let txn = begin_write(&self.db).await?;
        let keep = self.find_company(&txn, ctx, survivor).await?;
        if keep.merged_into_id.is_some() {
            return Err(AppError::conflict("the survivor was itself merged; merge into its survivor"));
        }
        let mut sources = Vec::new();
        for id in &input.source_ids {
            let src = self.find_company(&txn, ctx, (*id).into()).await?;
            if src.merged_into_id.is_some() {
                return Err(AppError::conflict(format!("client company {id} was already merged")));
            }
            sources.push(src);
        }

        let mut merged = keep.clone();
        let mut conflicts = Vec::new();
        fold(&mut merged.domain, "domain", sources.iter().map(|s| &s.domain), &mut conflicts);
        fold(&mut merged.address, "address", sources.iter().map(|s| &s.address), &mut conflicts);
        fold(&mut merged.owner_id, "owner_id", sources.iter().map(|s| &s.owner_id), &mut conflicts);
        fold(&mut merged.notes, "notes", sources.iter().map(|s| &s.notes), &mut conflicts);
        let mut tags: Vec<String> = serde_json::from_value(keep.tags.clone()).unwrap_or_default();
        let mut seen: BTreeSet<String> = tags.iter().cloned().collect();
        for s in &sources {
            for t in serde_json::from_value::<Vec<String>>(s.tags.clone()).unwrap_or_default() {
                if seen.insert(t.clone()) {
                    tags.push(t);
                }
            }
        }
        merged.tags = json!(tags);

        let source_ids: Vec<Uuid> = sources.iter().map(|s| s.id).collect();
        let repointed_contacts = contact::Entity::scoped(ctx.org_id)
            .filter(contact::Column::ClientCompanyId.is_in(source_ids.clone()))
            .count(&txn)
            .await?;
        let repointed_deals = deal::Entity::scoped(ctx.org_id)
            .filter(deal::Column::ClientCompanyId.is_in(source_ids.clone()))
            .count(&txn)
            .await?;
        let now = self.clock.now();
        let mut out = CompanyMergeOut {
            survivor: company_out(merged.clone()),
            merged_ids: source_ids.iter().copied().map(Into::into).collect(),
            conflicts,
            repointed_contacts,
            repointed_deals,
            dry_run: input.dry_run,
        };
        if input.dry_run {
            txn.rollback().await?;
            return Ok(out);
        }

        contact::Entity::update_many()
            .col_expr(contact::Column::ClientCompanyId, Expr::value(keep.id))
            .col_expr(contact::Column::Version, Expr::col(contact::Column::Version).add(1))
            .col_expr(contact::Column::UpdatedAt, Expr::value(now))
            .filter(contact::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(contact::Column::ClientCompanyId.is_in(source_ids.clone()))
            .exec(&txn)
            .await?;
        deal::Entity::update_many()
            .col_expr(deal::Column::ClientCompanyId, Expr::value(keep.id))
            .col_expr(deal::Column::Version, Expr::col(deal::Column::Version).add(1))
            .col_expr(deal::Column::UpdatedAt, Expr::value(now))
            .filter(deal::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(deal::Column::ClientCompanyId.is_in(source_ids.clone()))
            .exec(&txn)
            .await?;
        company::Entity::update_many()
            .col_expr(company::Column::MergedIntoId, Expr::value(keep.id))
            .col_expr(company::Column::Status, Expr::value(CompanyStatus::Merged.as_str()))
            .col_expr(company::Column::UpdatedAt, Expr::value(now))
            .filter(company::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(company::Column::Id.is_in(source_ids.clone()))
            .exec(&txn)
            .await?;
        let mut row = keep.clone().into_active_model();
        row.domain = Set(merged.domain.clone());
        row.address = Set(merged.address.clone());
        row.owner_id = Set(merged.owner_id);
        row.notes = Set(merged.notes.clone());
        row.tags = Set(merged.tags.clone());
        row.version = Set(keep.version + 1);
        row.updated_at = Set(now);
        out.survivor = company_out(row.update(&txn).await?);
        let data = json!({
            "survivor_id": keep.id,
            "merged_ids": source_ids,
            "repointed_contacts": repointed_contacts,
            "repointed_deals": repointed_deals,
        });
        emit(&txn, ctx, now, "crm.company.merged", "client_company", keep.id, data).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Candidate duplicate companies among live ones: same normalized name, or
    /// same domain (at most 100 groups per reason).
    pub async fn company_duplicates(&self, ctx: &OrgCtx) -> Result<Vec<CompanyDuplicateGroupOut>, AppError> {
        let mut groups = Vec::new();
        for (reason, key) in
            [(CompanyDuplicateReason::SameName, "name_normalized"), (CompanyDuplicateReason::SameDomain, "domain")]
        {
            for (key, ids) in self.duplicate_groups(ctx, "client_companies", key, false).await? {
                groups.push(CompanyDuplicateGroupOut {
                    reason,
                    key,
                    company_ids: ids.into_iter().map(Into::into).collect(),
                });
            }
        }
        Ok(groups)
    }
}
