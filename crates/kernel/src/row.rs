//! Decoding list rows by position.
//!
//! SeaORM's derived `FromQueryResult` looks every cell up by name, building the
//! name with `format!` first, and turns each NULL cell into an error carrying a
//! formatted message before mapping it to `None`: 38 % of a 50-row list request
//! (callgrind, `bench/RESULTS.md`). For the hot lists, a row type implements
//! `FromQueryResult` with [`cell`], which reads by position straight from the
//! driver's row — the same decoding SeaORM does for PostgreSQL and SQLite, minus
//! the lookups, the strings and the error round trip.

use sea_orm::sqlx::{self, Postgres, Row, Sqlite};
use sea_orm::{DbErr, QueryResult, TryGetable};

/// A value both backends decode (all SeaORM column types Atrium uses: integers,
/// text, UUIDs, timestamps, booleans, JSON, and their `Option`s).
pub trait Cell:
    TryGetable
    + sqlx::Type<Postgres>
    + for<'r> sqlx::Decode<'r, Postgres>
    + sqlx::Type<Sqlite>
    + for<'r> sqlx::Decode<'r, Sqlite>
{
}

impl<T> Cell for T where
    T: TryGetable
        + sqlx::Type<Postgres>
        + for<'r> sqlx::Decode<'r, Postgres>
        + sqlx::Type<Sqlite>
        + for<'r> sqlx::Decode<'r, Sqlite>
{
}

/// The cell at position `idx` of the select list (0-based, in the order the
/// query's columns were added).
pub fn cell<T: Cell>(res: &QueryResult, idx: usize) -> Result<T, DbErr> {
    if let Some(row) = res.try_as_pg_row() {
        // Unchecked: the select list and the schema fix each column's type, so sqlx's
        // per-cell compatibility check (type-info clones and comparisons, ~8 % of a list
        // request) proves nothing; a wrong width or a NULL is still a decode error.
        return row.try_get_unchecked(idx).map_err(|e| DbErr::Type(format!("column {idx}: {e}")));
    }
    if let Some(row) = res.try_as_sqlite_row() {
        return row.try_get(idx).map_err(|e| DbErr::Type(format!("column {idx}: {e}")));
    }
    res.try_get_by_index(idx)
}
