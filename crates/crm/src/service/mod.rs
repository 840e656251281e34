//! The CRM service: the only writer of companies, contacts and deals. Every method
//! takes `&OrgCtx` first; every write publishes its typed event in the same
//! transaction.

pub(crate) mod companies;
mod company_merge;
mod contact_merge;
pub(crate) mod contacts;
mod deals;
mod duplicates;
mod import;
mod refs;
mod state;

pub use import::{IMPORT_COLUMNS, IMPORT_MAX_ROWS};
pub use refs::{ContactRef, DealRef};

use std::sync::Arc;

use atrium_kernel::{AppError, Clock, OrgCtx, OrganizationId, Scoped, UserId};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, QueryFilter};
use serde::Serialize;

use crate::dto::{ClientCompanyId, ContactId};
use crate::entity::{company, contact};
use crate::error::CrmError;
use crate::ports::Members;

#[derive(Clone)]
pub struct CrmService {
    pub(crate) db: DatabaseConnection,
    pub(crate) clock: Arc<dyn Clock>,
    members: Arc<dyn Members>,
}

impl CrmService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, members: Arc<dyn Members>) -> Self {
        Self { db, clock, members }
    }

    async fn require_member(&self, ctx: &OrgCtx, user: UserId, field: &'static str) -> Result<(), AppError> {
        if self.members.is_member(ctx.org_id, user).await? {
            Ok(())
        } else {
            Err(CrmError::NotAMember { field }.into())
        }
    }
}

/// The live (not merged) company `id` of `org`, if there is one.
pub(crate) async fn live_company<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: ClientCompanyId,
) -> Result<Option<company::Model>, AppError> {
    Ok(company::Entity::scoped(org)
        .filter(company::Column::Id.eq(id.into_uuid()))
        .filter(company::Column::MergedIntoId.is_null())
        .one(conn)
        .await?)
}

/// A live company of `org`, or a 422 on `field`.
pub(crate) async fn require_company<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: ClientCompanyId,
    field: &'static str,
) -> Result<(), AppError> {
    match live_company(conn, org, id).await? {
        Some(_) => Ok(()),
        None => Err(CrmError::CompanyNotFound { field }.into()),
    }
}

/// A live contact of `org`, or a 422 on `field`.
async fn require_contact<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    id: ContactId,
    field: &'static str,
) -> Result<(), AppError> {
    let found = contact::Entity::scoped(org)
        .filter(contact::Column::Id.eq(id.into_uuid()))
        .filter(contact::Column::MergedIntoId.is_null())
        .one(conn)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(CrmError::ContactNotFound { field }.into()),
    }
}

/// The fields of a record's state that differ between `before` and `after`, for
/// an update event's `changed`, sorted (the version and timestamp always move).
pub(crate) fn changed<T: Serialize>(before: &T, after: &T) -> Vec<String> {
    use serde_json::{Value, to_value};
    let (Ok(Value::Object(before)), Ok(Value::Object(after))) = (to_value(before), to_value(after)) else {
        return Vec::new();
    };
    let mut fields: Vec<String> = after
        .iter()
        .filter(|(k, v)| !matches!(k.as_str(), "version" | "updated_at") && before.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    fields.sort();
    fields
}

/// `column LIKE 'prefix%'` with `%`, `_` and `\` in the prefix taken literally.
pub(crate) fn starts_with_literally(
    column: impl sea_orm::sea_query::IntoColumnRef,
    prefix: &str,
) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
    Expr::col(column).like(LikeExpr::new(format!("{}%", escape_like(prefix))).escape('\\'))
}

pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Lower-case with single spaces, for name prefixes and duplicate detection.
pub fn normalize_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization() {
        assert_eq!(escape_like(r"50%_a\b"), r"50\%\_a\\b");
        assert_eq!(normalize_name("  Globex   Corp "), "globex corp");
    }

    #[test]
    fn changed_names_the_fields_that_moved() {
        let before = serde_json::json!({"id": 1, "name": "a", "tags": [], "version": 1, "updated_at": "t0"});
        let after = serde_json::json!({"id": 1, "name": "b", "tags": ["x"], "version": 2, "updated_at": "t1"});
        assert_eq!(changed(&before, &after), ["name", "tags"], "sorted");
        assert!(changed(&before, &before).is_empty());
    }
}
