//! Company merge, with the same precedence as contacts: the survivor keeps every
//! non-empty field, an empty one takes the first non-empty value among the sources
//! in the order given, and tags are the union. Contacts and deals move to the
//! survivor in the same transaction; the sources become tombstones (status
//! `merged`) that still resolve. Other domains repoint their copies on
//! `crm.company.merged`. A dry run is the same merge, rolled back.

use std::collections::BTreeSet;

use atrium_events::crm::CompanyMerged;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, IntoActiveModel};
use serde_json::json;
use uuid::Uuid;

use super::CrmService;
use super::contact_merge::fold;
use super::state::{company_out, company_state};
use crate::dto::{ClientCompanyId, CompanyMergeOut, CompanyStatus, MergeConflict, MergeIn};
use crate::entity::{company, contact, deal};
use crate::error::CrmError;

impl CrmService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, company_id = %survivor))]
    pub async fn merge_companies(
        &self,
        ctx: &OrgCtx,
        survivor: ClientCompanyId,
        input: MergeIn,
    ) -> Result<CompanyMergeOut, AppError> {
        let source_ids: Vec<ClientCompanyId> = input.sources();
        if source_ids.contains(&survivor) {
            return Err(CrmError::SurvivorAmongSources.into());
        }
        let txn = begin_write(&self.db).await?;
        let (keep, sources) = load_merge(&txn, ctx.org_id, survivor, &source_ids).await?;
        let (merged, conflicts) = fold_companies(&keep, &sources);
        let now = self.clock.now();
        let from: Vec<Uuid> = source_ids.iter().map(|id| id.into_uuid()).collect();
        let column = contact::Column::ClientCompanyId;
        let repointed_contacts = contact::Entity::repoint(&txn, ctx.org_id, column, from.clone(), keep.id, now).await?;
        let column = deal::Column::ClientCompanyId;
        let repointed_deals = deal::Entity::repoint(&txn, ctx.org_id, column, from, keep.id, now).await?;
        let written = write_merge(&txn, ctx.org_id, &merged, &source_ids, now).await?;
        let out = CompanyMergeOut {
            survivor: company_out(company_state(&written)),
            merged_ids: source_ids.clone(),
            conflicts,
            repointed_contacts,
            repointed_deals,
            dry_run: input.dry_run,
        };
        if input.dry_run {
            txn.rollback().await?;
            return Ok(out);
        }
        let event =
            CompanyMerged { survivor_id: survivor, merged_ids: source_ids, repointed_contacts, repointed_deals };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(out)
    }
}

/// The survivor and the sources, all live companies of `org`.
async fn load_merge(
    txn: &DatabaseTransaction,
    org: OrganizationId,
    survivor: ClientCompanyId,
    source_ids: &[ClientCompanyId],
) -> Result<(company::Model, Vec<company::Model>), AppError> {
    let keep = company::Entity::find_in(txn, org, survivor).await?;
    if keep.merged_into_id.is_some() {
        return Err(CrmError::SurvivorMerged.into());
    }
    let mut sources = Vec::with_capacity(source_ids.len());
    for id in source_ids {
        let src = company::Entity::find_in(txn, org, *id).await?;
        if src.merged_into_id.is_some() {
            return Err(CrmError::AlreadyMerged { noun: "client company", id: id.into_uuid() }.into());
        }
        sources.push(src);
    }
    Ok((keep, sources))
}

/// The survivor with its gaps filled from the sources and the union of all tags
/// (the survivor's first), and the values that lost.
fn fold_companies(keep: &company::Model, sources: &[company::Model]) -> (company::Model, Vec<MergeConflict>) {
    let mut merged = keep.clone();
    let mut conflicts = Vec::new();
    fold(&mut merged.domain, "domain", sources.iter().map(|s| &s.domain), &mut conflicts);
    fold(&mut merged.address, "address", sources.iter().map(|s| &s.address), &mut conflicts);
    fold(&mut merged.owner_id, "owner_id", sources.iter().map(|s| &s.owner_id), &mut conflicts);
    fold(&mut merged.notes, "notes", sources.iter().map(|s| &s.notes), &mut conflicts);
    let mut tags: Vec<String> = serde_json::from_value(keep.tags.clone()).unwrap_or_default();
    let mut seen: BTreeSet<String> = tags.iter().cloned().collect();
    for s in sources {
        for t in serde_json::from_value::<Vec<String>>(s.tags.clone()).unwrap_or_default() {
            if seen.insert(t.clone()) {
                tags.push(t);
            }
        }
    }
    merged.tags = json!(tags);
    (merged, conflicts)
}

/// Tombstones the sources, then writes the folded survivor; returns the survivor.
async fn write_merge(
    txn: &DatabaseTransaction,
    org: OrganizationId,
    merged: &company::Model,
    source_ids: &[ClientCompanyId],
    now: DateTime<Utc>,
) -> Result<company::Model, AppError> {
    for id in source_ids {
        let tombstone = company::ActiveModel {
            merged_into_id: Set(Some(merged.id)),
            status: Set(CompanyStatus::Merged.as_str().to_owned()),
            updated_at: Set(now),
            ..Default::default()
        };
        company::Entity::update_in(txn, org, *id, tombstone, IfMatch(None)).await?;
    }
    let mut row = merged.clone().into_active_model();
    row.domain = Set(merged.domain.clone());
    row.address = Set(merged.address.clone());
    row.owner_id = Set(merged.owner_id);
    row.notes = Set(merged.notes.clone());
    row.tags = Set(merged.tags.clone());
    row.updated_at = Set(now);
    company::Entity::update_in(txn, org, merged.id, row, IfMatch(None)).await
}
