//! The CRM service: the only writer of companies, contacts and deals. Every method
//! takes `&OrgCtx` first; every write emits its event in the same transaction.

pub(crate) mod companies;
mod company_merge;
pub(crate) mod contacts;
mod deals;
mod import;
mod merge;
mod refs;

pub use import::{IMPORT_COLUMNS, IMPORT_MAX_ROWS};
pub use refs::{ContactRef, DealRef};

use std::sync::Arc;

use atrium_kernel::{AppError, Clock, OrgCtx, UserId};
use atrium_outbox::{NewEvent, append_for};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, QueryFilter};
use uuid::Uuid;

use crate::entity::{company, contact};
use crate::ports::Members;

#[derive(Clone)]
pub struct CrmService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    members: Arc<dyn Members>,
}

impl CrmService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, members: Arc<dyn Members>) -> Self {
        Self { db, clock, members }
    }

    /// A live (not merged) company of the caller's organization, or a 422 on `field`.
    async fn require_company<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: Uuid,
        field: &str,
    ) -> Result<(), AppError> {
        let found = company::Entity::scoped(ctx.org_id)
            .filter(company::Column::Id.eq(id))
            .filter(company::Column::MergedIntoId.is_null())
            .one(conn)
            .await?;
        found.map(|_| ()).ok_or_else(|| AppError::invalid(field, "no such client company in this organization"))
    }

    async fn require_contact<C: ConnectionTrait>(
        &self,
        conn: &C,
        ctx: &OrgCtx,
        id: Uuid,
        field: &str,
    ) -> Result<(), AppError> {
        let found = contact::Entity::scoped(ctx.org_id)
            .filter(contact::Column::Id.eq(id))
            .filter(contact::Column::MergedIntoId.is_null())
            .one(conn)
            .await?;
        found.map(|_| ()).ok_or_else(|| AppError::invalid(field, "no such contact in this organization"))
    }

    async fn require_member(&self, ctx: &OrgCtx, user: UserId, field: &str) -> Result<(), AppError> {
        if self.members.is_member(ctx.org_id, user).await? {
            Ok(())
        } else {
            Err(AppError::invalid(field, "is not a member of this organization"))
        }
    }
}

async fn emit<C: ConnectionTrait>(
    conn: &C,
    ctx: &OrgCtx,
    now: chrono::DateTime<chrono::Utc>,
    event_type: &str,
    aggregate_type: &str,
    id: Uuid,
    data: serde_json::Value,
) -> Result<(), AppError> {
    append_for(conn, ctx, now, NewEvent::new(event_type, aggregate_type, id, data)).await?;
    Ok(())
}

/// Trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Digits, with a leading `+` kept: "+49 (30) 123-456" → "+4930123456". `None`
/// for a value without digits ("n/a"), so such placeholders never look alike.
pub fn normalize_phone(phone: &str) -> Option<String> {
    let trimmed = phone.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        None
    } else if trimmed.starts_with('+') {
        Some(format!("+{digits}"))
    } else {
        Some(digits)
    }
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
        assert_eq!(normalize_email("  Ada@Example.COM "), "ada@example.com");
        assert_eq!(normalize_phone("+49 (30) 123-456").as_deref(), Some("+4930123456"));
        assert_eq!(normalize_phone("030 123 456").as_deref(), Some("030123456"));
        assert_eq!(normalize_phone("n/a"), None);
        assert_eq!(escape_like(r"50%_a\b"), r"50\%\_a\\b");
        assert_eq!(normalize_name("  Globex   Corp "), "globex corp");
    }
}
