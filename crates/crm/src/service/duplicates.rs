//! Candidate duplicates among live records, grouped by the value they share.

use atrium_kernel::{AppError, OrgCtx};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use uuid::Uuid;

use super::CrmService;
use crate::dto::{CompanyDuplicateGroupOut, CompanyDuplicateReason, DuplicateGroupOut, DuplicateReason};

/// Groups listed per reason at most.
const MAX_GROUPS: usize = 100;

impl CrmService {
    /// Candidate duplicate groups among live contacts, with the reason (at most
    /// 100 groups per reason).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
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

    /// Candidate duplicate companies among live ones: same normalized name, or
    /// same domain (at most 100 groups per reason).
    #[tracing::instrument(skip_all, fields(org_id = %ctx.org_id))]
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

    /// Live rows of `table` sharing the value of `key` (and, with `per_company`, the
    /// client company), as (value, ids) groups ordered by value, then id: at most
    /// 100 groups, fetched in one query scoped to the caller's organization.
    async fn duplicate_groups(
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

    async fn query(&self, sql: &str, values: Vec<sea_orm::Value>) -> Result<Vec<sea_orm::QueryResult>, AppError> {
        let backend = self.db.get_database_backend();
        let sql = if backend == DbBackend::Postgres { sql.to_owned() } else { sql.replace('$', "?") };
        Ok(self.db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await?)
    }
}
