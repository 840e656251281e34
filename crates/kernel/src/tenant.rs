//! Tenant scoping by type. Every entity of a tenant table implements
//! [`TenantEntity`] once (with [`tenant_entity!`]) and gets, from [`Scoped`], the
//! organization-scoped select, the find that answers 404, update and delete whose
//! statement carries `organization_id = … AND id = …` (and the version check of
//! `If-Match`), and the repoint used by merges. Services use these instead of
//! `Entity::find()`; a bare query on a tenant table is a clippy error
//! (`disallowed-methods` in `clippy.toml`), allowed only where it is deliberate.

use std::future::Future;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DeleteMany, EntityTrait, ModelTrait, QueryFilter, Select,
    UpdateMany, Value,
};
use uuid::Uuid;

use crate::ctx::OrganizationId;
use crate::error::AppError;
use crate::etag::IfMatch;

/// A table whose rows belong to one organization.
pub trait TenantEntity: EntityTrait {
    /// The singular noun of a 404: "contact not found".
    const NOUN: &'static str;
    fn organization_column() -> Self::Column;
    fn id_column() -> Self::Column;
    /// The optimistic-locking version, bumped by every scoped update.
    fn version_column() -> Option<Self::Column> {
        None
    }
    /// Stamped by [`Scoped::repoint`] on the rows it moves.
    fn updated_at_column() -> Option<Self::Column> {
        None
    }
}

/// Implements [`TenantEntity`] for the `Entity` of the module it is called in.
/// Columns are the conventional `OrganizationId`, `Id`, `Version`, `UpdatedAt`.
#[macro_export]
macro_rules! tenant_entity {
    ($noun:literal $(, version = $version:ident)? $(, updated_at = $updated:ident)?) => {
        #[allow(clippy::disallowed_methods)]
        impl $crate::tenant::TenantEntity for Entity {
            const NOUN: &'static str = $noun;
            fn organization_column() -> Column {
                Column::OrganizationId
            }
            fn id_column() -> Column {
                Column::Id
            }
            $(fn version_column() -> Option<Column> {
                Some(Column::$version)
            })?
            $(fn updated_at_column() -> Option<Column> {
                Some(Column::$updated)
            })?
        }
    };
}

/// What every tenant entity can do; scoped by construction.
pub trait Scoped: TenantEntity {
    /// `SELECT … WHERE organization_id = org`.
    #[allow(clippy::disallowed_methods)]
    fn scoped(org: OrganizationId) -> Select<Self> {
        Self::find().filter(Self::organization_column().eq(org.into_uuid()))
    }

    /// `UPDATE … WHERE organization_id = org`, for bulk changes inside one tenant;
    /// add the filters that pick the rows.
    #[allow(clippy::disallowed_methods)]
    fn update_scoped(org: OrganizationId) -> UpdateMany<Self> {
        Self::update_many().filter(Self::organization_column().eq(org.into_uuid()))
    }

    /// `DELETE … WHERE organization_id = org`, for bulk deletes inside one tenant.
    #[allow(clippy::disallowed_methods)]
    fn delete_scoped(org: OrganizationId) -> DeleteMany<Self> {
        Self::delete_many().filter(Self::organization_column().eq(org.into_uuid()))
    }

    /// The row `id` of `org`, or 404: another tenant's row does not exist.
    fn find_in<C: ConnectionTrait>(
        conn: &C,
        org: OrganizationId,
        id: impl Into<Uuid> + Send,
    ) -> impl Future<Output = Result<Self::Model, AppError>> + Send {
        let id = id.into();
        async move {
            Self::scoped(org).filter(Self::id_column().eq(id)).one(conn).await?.ok_or(AppError::NotFound(Self::NOUN))
        }
    }

    /// Applies the `Set` fields of `changes` to row `id` of `org` in one statement
    /// that also bumps the version and, with `If-Match`, requires the expected one.
    /// 404 when the row is not the caller's, 409 when the version is stale.
    #[allow(clippy::disallowed_methods)]
    fn update_in<C, A>(
        conn: &C,
        org: OrganizationId,
        id: impl Into<Uuid> + Send,
        changes: A,
        if_match: IfMatch,
    ) -> impl Future<Output = Result<Self::Model, AppError>> + Send
    where
        C: ConnectionTrait,
        A: ActiveModelTrait<Entity = Self> + Send,
    {
        let id = id.into();
        async move {
            let mut q = Self::update_many()
                .set(changes)
                .filter(Self::organization_column().eq(org.into_uuid()))
                .filter(Self::id_column().eq(id));
            if let Some(version) = Self::version_column() {
                q = q.col_expr(version, Expr::col(version).add(1));
                if let Some(expected) = if_match.0 {
                    q = q.filter(version.eq(expected));
                }
            }
            let rows = q.exec_with_returning(conn).await.map_err(|e| {
                // A row this update points at vanished between the caller's check
                // and this statement: a retry sees the current state.
                if crate::error::is_foreign_key_violation(&e) {
                    AppError::conflict("a record this change refers to was removed meanwhile; read again and retry")
                } else {
                    e.into()
                }
            })?;
            match rows.into_iter().next() {
                Some(row) => Ok(row),
                None => Err(Self::miss(conn, org, id, if_match).await),
            }
        }
    }

    /// Deletes row `id` of `org` (with the `If-Match` version in the statement).
    #[allow(clippy::disallowed_methods)]
    fn delete_in<C: ConnectionTrait>(
        conn: &C,
        org: OrganizationId,
        id: impl Into<Uuid> + Send,
        if_match: IfMatch,
    ) -> impl Future<Output = Result<(), AppError>> + Send {
        let id = id.into();
        async move {
            let mut q = Self::delete_many()
                .filter(Self::organization_column().eq(org.into_uuid()))
                .filter(Self::id_column().eq(id));
            if let (Some(version), Some(expected)) = (Self::version_column(), if_match.0) {
                q = q.filter(version.eq(expected));
            }
            if q.exec(conn).await?.rows_affected == 0 {
                return Err(Self::miss(conn, org, id, if_match).await);
            }
            Ok(())
        }
    }

    /// Moves every row of `org` whose `column` is one of `from` to `to`, bumping
    /// their version and `updated_at` (a merge changes what those rows point at).
    /// Returns how many rows moved.
    #[allow(clippy::disallowed_methods)]
    fn repoint<C: ConnectionTrait>(
        conn: &C,
        org: OrganizationId,
        column: Self::Column,
        from: Vec<Uuid>,
        to: Uuid,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<u64, AppError>> + Send {
        async move {
            if from.is_empty() {
                return Ok(0);
            }
            let mut q = Self::update_many()
                .col_expr(column, Expr::value(to))
                .filter(Self::organization_column().eq(org.into_uuid()))
                .filter(column.is_in(from));
            if let Some(version) = Self::version_column() {
                q = q.col_expr(version, Expr::col(version).add(1));
            }
            if let Some(updated) = Self::updated_at_column() {
                q = q.col_expr(updated, Expr::value(now));
            }
            Ok(q.exec(conn).await?.rows_affected)
        }
    }

    /// Why a scoped write touched no row: not the caller's (404) or stale (409).
    fn miss<C: ConnectionTrait>(
        conn: &C,
        org: OrganizationId,
        id: Uuid,
        if_match: IfMatch,
    ) -> impl Future<Output = AppError> + Send {
        async move {
            match Self::find_in(conn, org, id).await {
                Ok(row) => {
                    let current = Self::version_column().map(|c| row.get(c)).and_then(|v| match v {
                        Value::Int(Some(v)) => Some(v),
                        Value::BigInt(Some(v)) => i32::try_from(v).ok(),
                        _ => None,
                    });
                    match current {
                        Some(current) => if_match.check(current).err().unwrap_or_else(|| {
                            AppError::conflict("the resource changed meanwhile; read it again and retry")
                        }),
                        None => AppError::conflict("the resource changed meanwhile; read it again and retry"),
                    }
                }
                Err(e) => e,
            }
        }
    }
}

impl<E: TenantEntity> Scoped for E {}
