//! Contact dedup and merge. Precedence: the survivor keeps every non-empty field;
//! an empty one takes the first non-empty value among the sources, in the order
//! given. CRM's own references (deals) move to the survivor in the same
//! transaction; the sources become tombstones that still resolve.

use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrgCtx};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, Statement,
};
use serde_json::json;
use uuid::Uuid;

use super::contacts::contact_out;
use super::{CrmService, emit};
use crate::dto::{ContactId, ContactMergeOut, DuplicateGroupOut, DuplicateReason, MergeConflict, MergeIn};
use crate::entity::{contact, deal};

/// Groups listed per reason at most.
const MAX_GROUPS: usize = 100;

impl CrmService {
    pub async fn merge_contacts(
        &self,
        ctx: &OrgCtx,
        survivor: ContactId,
        input: MergeIn,
    ) -> Result<ContactMergeOut, AppError> {
        if input.source_ids.contains(&survivor.into_uuid()) {
            return Err(AppError::invalid("source_ids", "must not contain the survivor"));
        }
        let txn = begin_write(&self.db).await?;
        let keep = self.find_contact(&txn, ctx, survivor.into_uuid()).await?;
        if keep.merged_into_id.is_some() {
            return Err(AppError::conflict("the survivor was itself merged; merge into its survivor"));
        }
        let mut sources = Vec::new();
        for id in &input.source_ids {
            let src = self.find_contact(&txn, ctx, *id).await?;
            if src.merged_into_id.is_some() {
                return Err(AppError::conflict(format!("contact {id} was already merged")));
            }
            sources.push(src);
        }

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
        merged.email_normalized = merged.email.as_deref().map(super::normalize_email);
        merged.phone_normalized = merged.phone.as_deref().and_then(super::normalize_phone);

        let source_ids: Vec<Uuid> = sources.iter().map(|s| s.id).collect();
        let repointed = deal::Entity::scoped(ctx.org_id)
            .filter(deal::Column::ContactId.is_in(source_ids.clone()))
            .count(&txn)
            .await?;
        let now = self.clock.now();
        let mut out = ContactMergeOut {
            survivor: contact_out(merged.clone()),
            merged_ids: source_ids.iter().copied().map(Into::into).collect(),
            conflicts,
            repointed_deals: repointed,
            dry_run: input.dry_run,
        };
        if input.dry_run {
            txn.rollback().await?;
            return Ok(out);
        }

        deal::Entity::update_many()
            .col_expr(deal::Column::ContactId, Expr::value(keep.id))
            .col_expr(deal::Column::Version, Expr::col(deal::Column::Version).add(1))
            .col_expr(deal::Column::UpdatedAt, Expr::value(now))
            .filter(deal::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(deal::Column::ContactId.is_in(source_ids.clone()))
            .exec(&txn)
            .await?;
        // Tombstones first: they release their email before the survivor takes it.
        contact::Entity::update_many()
            .col_expr(contact::Column::MergedIntoId, Expr::value(keep.id))
            .col_expr(contact::Column::EmailNormalized, Expr::value(Option::<String>::None))
            .col_expr(contact::Column::UpdatedAt, Expr::value(now))
            .filter(contact::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(contact::Column::Id.is_in(source_ids.clone()))
            .exec(&txn)
            .await?;
        let mut row = keep.clone().into_active_model();
        row.email = Set(merged.email.clone());
        row.email_normalized = Set(merged.email_normalized.clone());
        row.phone = Set(merged.phone.clone());
        row.phone_normalized = Set(merged.phone_normalized.clone());
        row.title = Set(merged.title.clone());
        row.client_company_id = Set(merged.client_company_id);
        row.last_name = Set(merged.last_name.clone());
        row.version = Set(keep.version + 1);
        row.updated_at = Set(now);
        out.survivor = contact_out(row.update(&txn).await?);
        let data = json!({"survivor_id": keep.id, "merged_ids": source_ids, "repointed_deals": repointed});
        emit(&txn, ctx, now, "crm.contact.merged", "contact", keep.id, data).await?;
        txn.commit().await?;
        Ok(out)
    }

    /// Candidate duplicate groups among live contacts, with the reason (at most
    /// 100 groups per reason).
    pub async fn contact_duplicates(&self, ctx: &OrgCtx) -> Result<Vec<DuplicateGroupOut>, AppError> {
        let name = "lower(trim(first_name)) || ' ' || lower(trim(last_name))";
        let mut groups = Vec::new();
        for (reason, key, per_company) in [
            (DuplicateReason::SameEmail, "email_normalized", false),
            (DuplicateReason::SamePhone, "phone_normalized", false),
            (DuplicateReason::SameNameInCompany, name, true),
        ] {
            for (key, ids) in self.duplicate_groups(ctx, "contacts", key, per_company).await? {
                groups.push(DuplicateGroupOut { reason, key, contact_ids: ids.into_iter().map(Into::into).collect() });
            }
        }
        Ok(groups)
    }

    /// Live rows of `table` sharing the value of `key` (and, with `per_company`, the
    /// client company), as (value, ids) groups ordered by value, then id: at most
    /// 100 groups, fetched in one query.
    pub(super) async fn duplicate_groups(
        &self,
        ctx: &OrgCtx,
        table: &str,
        key: &str,
        per_company: bool,
    ) -> Result<Vec<(String, Vec<Uuid>)>, AppError> {
        let (cols, with_company, company) = if per_company {
            (format!("({key}, client_company_id)"), " AND client_company_id IS NOT NULL", "client_company_id")
        } else {
            (key.to_owned(), "", "NULL")
        };
        let group_by = if per_company { format!("{key}, client_company_id") } else { key.to_owned() };
        let sql = format!(
            "SELECT {key} AS k, {company} AS c, id FROM {table} \
             WHERE organization_id = $1 AND merged_into_id IS NULL AND {cols} IN (\
               SELECT {group_by} FROM {table} \
               WHERE organization_id = $2 AND merged_into_id IS NULL AND {key} IS NOT NULL{with_company} \
               GROUP BY {group_by} HAVING COUNT(*) > 1 ORDER BY {group_by} LIMIT {MAX_GROUPS}) \
             ORDER BY k, c, id"
        );
        let org = ctx.org_id.into_uuid();
        let mut groups: Vec<(String, Option<Uuid>, Vec<Uuid>)> = Vec::new();
        for row in self.query(&sql, vec![org.into(), org.into()]).await? {
            let (k, c, id): (String, Option<Uuid>, Uuid) =
                (row.try_get("", "k")?, if per_company { row.try_get("", "c")? } else { None }, row.try_get("", "id")?);
            match groups.last_mut() {
                Some((gk, gc, ids)) if *gk == k && *gc == c => ids.push(id),
                _ => groups.push((k, c, vec![id])),
            }
        }
        Ok(groups.into_iter().map(|(k, _, ids)| (k, ids)).collect())
    }

    pub(super) async fn query(
        &self,
        sql: &str,
        values: Vec<sea_orm::Value>,
    ) -> Result<Vec<sea_orm::QueryResult>, AppError> {
        let backend = self.db.get_database_backend();
        let sql = if backend == DbBackend::Postgres { sql.to_owned() } else { sql.replace('$', "?") };
        Ok(self.db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await?)
    }
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
