//! Contact merge. Precedence: the survivor keeps every non-empty field; an empty
//! one takes the first non-empty value among the sources, in the order given.
//! CRM's own references (deals) move to the survivor in the same transaction; the
//! sources become tombstones that still resolve. A dry run is the same merge,
//! rolled back, so it reports exactly what the merge would do.

use atrium_events::crm::ContactMerged;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrgCtx, OrganizationId, Scoped};
use atrium_outbox::publish;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, IntoActiveModel};
use uuid::Uuid;

use super::CrmService;
use super::state::{contact_out, contact_state};
use crate::dto::{ContactId, ContactMergeOut, MergeConflict, MergeIn};
use crate::entity::{contact, deal};
use crate::error::CrmError;

impl CrmService {
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id, contact_id = %survivor))]
    pub async fn merge_contacts(
        &self,
        ctx: &OrgCtx,
        survivor: ContactId,
        input: MergeIn,
    ) -> Result<ContactMergeOut, AppError> {
        let source_ids: Vec<ContactId> = input.sources();
        if source_ids.contains(&survivor) {
            return Err(CrmError::SurvivorAmongSources.into());
        }
        let txn = begin_write(&self.db).await?;
        let (keep, sources) = load_merge(&txn, ctx.org_id, survivor, &source_ids).await?;
        let (merged, conflicts) = fold_contacts(&keep, &sources);
        let now = self.clock.now();
        let from: Vec<Uuid> = source_ids.iter().map(|id| id.into_uuid()).collect();
        let repointed_deals =
            deal::Entity::repoint(&txn, ctx.org_id, deal::Column::ContactId, from, keep.id, now).await?;
        let written = write_merge(&txn, ctx.org_id, &merged, &source_ids, now).await?;
        let out = ContactMergeOut {
            survivor: contact_out(contact_state(&written)),
            merged_ids: source_ids.clone(),
            conflicts,
            repointed_deals,
            dry_run: input.dry_run,
        };
        if input.dry_run {
            txn.rollback().await?;
            return Ok(out);
        }
        let event = ContactMerged { survivor_id: survivor, merged_ids: source_ids, repointed_deals };
        publish(&txn, ctx, now, &event).await?;
        txn.commit().await?;
        Ok(out)
    }
}

/// The survivor and the sources, all live contacts of `org`.
async fn load_merge(
    txn: &DatabaseTransaction,
    org: OrganizationId,
    survivor: ContactId,
    source_ids: &[ContactId],
) -> Result<(contact::Model, Vec<contact::Model>), AppError> {
    let keep = contact::Entity::find_in(txn, org, survivor).await?;
    if keep.merged_into_id.is_some() {
        return Err(CrmError::SurvivorMerged.into());
    }
    let mut sources = Vec::with_capacity(source_ids.len());
    for id in source_ids {
        let src = contact::Entity::find_in(txn, org, *id).await?;
        if src.merged_into_id.is_some() {
            return Err(CrmError::AlreadyMerged { noun: "contact", id: id.into_uuid() }.into());
        }
        sources.push(src);
    }
    Ok((keep, sources))
}

/// The survivor with its gaps filled from the sources, and the values that lost.
fn fold_contacts(keep: &contact::Model, sources: &[contact::Model]) -> (contact::Model, Vec<MergeConflict>) {
    let mut merged = keep.clone();
    let mut conflicts = Vec::new();
    fold(&mut merged.email, "email", sources.iter().map(|s| &s.email), &mut conflicts);
    // The same number written differently is not a conflict.
    let source_phones: Vec<Option<String>> = sources
        .iter()
        .map(|s| match (&s.phone_normalized, &keep.phone_normalized) {
            (Some(a), Some(b)) if a == b => keep.phone.clone(),
            _ => s.phone.clone(),
        })
        .collect();
    fold(&mut merged.phone, "phone", source_phones.iter(), &mut conflicts);
    fold(&mut merged.title, "title", sources.iter().map(|s| &s.title), &mut conflicts);
    fold(
        &mut merged.client_company_id,
        "client_company_id",
        sources.iter().map(|s| &s.client_company_id),
        &mut conflicts,
    );
    let mut last = (!merged.last_name.is_empty()).then(|| merged.last_name.clone());
    let source_last: Vec<Option<String>> =
        sources.iter().map(|s| (!s.last_name.is_empty()).then(|| s.last_name.clone())).collect();
    fold(&mut last, "last_name", source_last.iter(), &mut conflicts);
    merged.last_name = last.unwrap_or_default();
    // The normalized copies come from the record whose value was kept.
    let all = || std::iter::once(keep).chain(sources);
    merged.email_normalized = all().find(|r| r.email == merged.email).and_then(|r| r.email_normalized.clone());
    merged.phone_normalized = all().find(|r| r.phone == merged.phone).and_then(|r| r.phone_normalized.clone());
    (merged, conflicts)
}

/// Tombstones the sources, then writes the folded survivor; returns the survivor.
async fn write_merge(
    txn: &DatabaseTransaction,
    org: OrganizationId,
    merged: &contact::Model,
    source_ids: &[ContactId],
    now: DateTime<Utc>,
) -> Result<contact::Model, AppError> {
    // Tombstones first: they release their email before the survivor takes it.
    for id in source_ids {
        let tombstone = contact::ActiveModel {
            merged_into_id: Set(Some(merged.id)),
            email_normalized: Set(None),
            updated_at: Set(now),
            ..Default::default()
        };
        contact::Entity::update_in(txn, org, *id, tombstone, IfMatch(None)).await?;
    }
    let mut row = merged.clone().into_active_model();
    row.email = Set(merged.email.clone());
    row.email_normalized = Set(merged.email_normalized.clone());
    row.phone = Set(merged.phone.clone());
    row.phone_normalized = Set(merged.phone_normalized.clone());
    row.title = Set(merged.title.clone());
    row.client_company_id = Set(merged.client_company_id);
    row.last_name = Set(merged.last_name.clone());
    row.updated_at = Set(now);
    contact::Entity::update_in(txn, org, merged.id, row, IfMatch(None)).await
}

/// Keeps `kept` if non-empty, else takes the first non-empty source; records the
/// differing non-empty values that lost.
pub(super) fn fold<'a, T>(
    kept: &mut Option<T>,
    field: &str,
    sources: impl Iterator<Item = &'a Option<T>>,
    conflicts: &mut Vec<MergeConflict>,
) where
    T: Clone + PartialEq + std::fmt::Display + 'a,
{
    let mut discarded = Vec::new();
    for value in sources.flatten() {
        match kept {
            None => *kept = Some(value.clone()),
            Some(k) if k != value => discarded.push(value.to_string()),
            Some(_) => {}
        }
    }
    if let (Some(k), false) = (kept.as_ref(), discarded.is_empty()) {
        conflicts.push(MergeConflict { field: field.to_owned(), kept: k.to_string(), discarded });
    }
}
