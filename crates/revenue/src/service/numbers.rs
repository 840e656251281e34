//! Gapless document numbers.
//!
//! A number is taken inside the transaction that issues the document: the
//! series row is incremented with one `UPDATE … RETURNING`, whose row lock is
//! held until that transaction ends. Concurrent issuers of the same organization
//! queue on the lock (and only they: other organizations have their own rows),
//! so no two get the same value; a transaction that rolls back releases its
//! increment with it, so no number is skipped. SQLite's single writer gives the
//! same guarantee.

use atrium_kernel::{AppError, OrganizationId};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, Iden};

use crate::entity::number_series;

pub const INVOICE_SERIES: &str = "invoice";
pub const CREDIT_NOTE_SERIES: &str = "credit_note";

/// The next value of `series` for `org` (1, 2, 3 …), consumed only if the
/// surrounding transaction commits.
pub(crate) async fn take<C: ConnectionTrait>(conn: &C, org: OrganizationId, series: &str) -> Result<i64, AppError> {
    use number_series::Column as C;
    let table = number_series::Entity;
    let create = Query::insert()
        .into_table(table)
        .columns([C::OrganizationId, C::Series, C::NextValue])
        .values_panic([org.into_uuid().into(), series.into(), 1_i64.into()])
        .on_conflict(OnConflict::columns([C::OrganizationId, C::Series]).do_nothing().to_owned())
        .to_owned();
    conn.execute(&create).await?;
    let bump = Query::update()
        .table(table)
        .value(C::NextValue, Expr::col(C::NextValue).add(1))
        .and_where(C::OrganizationId.eq(org.into_uuid()))
        .and_where(C::Series.eq(series))
        .returning(Query::returning().column(C::NextValue))
        .to_owned();
    let row = conn
        .query_one(&bump)
        .await?
        .ok_or_else(|| AppError::internal("number series row vanished inside its transaction"))?;
    let next: i64 = row.try_get("", &C::NextValue.to_string())?;
    Ok(next - 1)
}
