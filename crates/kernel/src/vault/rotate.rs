//! `atrium secrets rotate` and `status`: every registered [`ProtectedColumn`]
//! walked by id in batches, each batch its own transaction.
//!
//! A value not under the ring's current key is opened and sealed again under it;
//! the row is written only if its value is still the one read (a concurrent
//! writer's newer value, already under the current key, is left alone). A run
//! killed at any point has committed whole batches only, and a rerun finds those
//! rows current: rotation is resumable and idempotent.

// Maintenance over whole tables of every organization, by row id.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, Order, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, QueryResult};
use uuid::Uuid;

use super::column::operator_message;
use super::{ColumnVault, Form, KeyRing, ProtectedColumn, StoredKey, Vault, VaultError};
use crate::db::begin_write;

/// Rows read and rewritten per transaction by default.
pub const DEFAULT_BATCH: u64 = 500;

#[derive(Debug, Clone, Copy)]
pub struct RotateOptions {
    pub batch_size: u64,
    /// Stop after this many batches (per column); a later run continues.
    pub max_batches: Option<u64>,
}

impl Default for RotateOptions {
    fn default() -> Self {
        Self { batch_size: DEFAULT_BATCH, max_batches: None }
    }
}

/// What a rotation did to one column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnReport {
    /// `table.column`.
    pub column: String,
    /// Sealed again under the current key (legacy plaintext sealed included).
    pub rotated: u64,
    /// Already under the current key (or rewritten meanwhile by the application).
    pub current: u64,
    /// Could not be opened (an unknown key id, another key, an altered value):
    /// left as they are, each logged with its row id and key id.
    pub failed: u64,
    /// The run stopped at `max_batches` before the end of the table.
    pub incomplete: bool,
}

impl std::fmt::Display for ColumnReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} rotated, {} already current, {} failed{}",
            self.column,
            self.rotated,
            self.current,
            self.failed,
            if self.incomplete { " (stopped early: run again to continue)" } else { "" }
        )
    }
}

enum Stored {
    Text(String),
    Bytes(Vec<u8>),
}

/// One batch of `(id, value)` after `after`, in id order.
async fn batch<C: ConnectionTrait>(
    conn: &C,
    column: &ProtectedColumn,
    after: Option<Uuid>,
    size: u64,
) -> Result<Vec<(Uuid, Stored)>, DbErr> {
    let (id, value) = (Alias::new(column.id_column), Alias::new(column.value_column));
    let mut q = Query::select();
    q.column(id.clone())
        .column(value.clone())
        .from(Alias::new(column.table))
        .and_where(Expr::col(value.clone()).is_not_null())
        .order_by(id.clone(), Order::Asc)
        .limit(size);
    if let Some(after) = after {
        q.and_where(Expr::col(id).gt(after));
    }
    let rows = conn.query_all(&q).await?;
    rows.iter().map(|r| read_row(r, column)).collect()
}

fn read_row(row: &QueryResult, column: &ProtectedColumn) -> Result<(Uuid, Stored), DbErr> {
    let id: Uuid = row.try_get("", column.id_column)?;
    let value = match column.form {
        Form::Text => Stored::Text(row.try_get("", column.value_column)?),
        Form::Bytes => Stored::Bytes(row.try_get("", column.value_column)?),
    };
    Ok((id, value))
}

/// What the value's key is, or why it names none.
enum Found {
    Key(StoredKey),
    Plaintext,
    Unsealed,
}

fn found(column: &ProtectedColumn, value: &Stored) -> Found {
    let key = match value {
        Stored::Text(s) => Vault::key_of_str(s),
        Stored::Bytes(b) => Vault::key_of(b),
    };
    match key {
        Ok(k) => Found::Key(k),
        Err(_) if column.plaintext_legacy && matches!(value, Stored::Text(_)) => Found::Plaintext,
        Err(_) => Found::Unsealed,
    }
}

/// Re-encrypts every value of `column` not under the ring's current key.
pub async fn rotate_column(
    db: &DatabaseConnection,
    ring: &KeyRing,
    column: &'static ProtectedColumn,
    options: RotateOptions,
) -> Result<ColumnReport, DbErr> {
    let cv = ColumnVault::new(ring, column);
    let vault = cv.vault();
    let mut report = ColumnReport { column: column.name(), ..ColumnReport::default() };
    let mut after = None;
    let mut batches = 0;
    loop {
        if options.max_batches.is_some_and(|max| batches >= max) {
            // Whether anything is left is only known by looking.
            report.incomplete = !batch(db, column, after, 1).await?.is_empty();
            break;
        }
        let txn = begin_write(db).await?;
        let rows = batch(&*txn, column, after, std::cmp::max(options.batch_size, 1)).await?;
        let Some((last, _)) = rows.last() else {
            txn.commit().await?;
            break;
        };
        after = Some(*last);
        for (id, value) in rows {
            let plaintext = match found(column, &value) {
                Found::Key(key) if vault.is_current(&key) => {
                    report.current += 1;
                    continue;
                }
                Found::Key(_) => match &value {
                    Stored::Text(s) => vault.open_str(&column.aad(id), s).map(String::into_bytes),
                    Stored::Bytes(b) => vault.open(&column.aad(id), b),
                },
                Found::Plaintext => match &value {
                    Stored::Text(s) => Ok(s.clone().into_bytes()),
                    Stored::Bytes(_) => Err(VaultError::UnknownFormat),
                },
                Found::Unsealed => Err(VaultError::UnknownFormat),
            };
            let plaintext = match plaintext {
                Ok(p) => p,
                Err(e) => {
                    report.failed += 1;
                    tracing::error!(table = column.table, column = column.value_column, row_id = %id,
                        "{}", operator_message(column, id, &e));
                    continue;
                }
            };
            let (new, old) = match value {
                Stored::Text(old) => {
                    let text = String::from_utf8(plaintext).map_err(|_| DbErr::Custom("not UTF-8".into()));
                    let sealed = vault.seal_str(&column.aad(id), &text?).map_err(|e| DbErr::Custom(e.to_string()))?;
                    (sea_orm::Value::from(sealed), sea_orm::Value::from(old))
                }
                Stored::Bytes(old) => {
                    let sealed = vault.seal(&column.aad(id), &plaintext).map_err(|e| DbErr::Custom(e.to_string()))?;
                    (sea_orm::Value::from(sealed), sea_orm::Value::from(old))
                }
            };
            let update = Query::update()
                .table(Alias::new(column.table))
                .value(Alias::new(column.value_column), new)
                .and_where(Expr::col(Alias::new(column.id_column)).eq(id))
                .and_where(Expr::col(Alias::new(column.value_column)).eq(old))
                .to_owned();
            if txn.execute(&update).await?.rows_affected() == 1 {
                report.rotated += 1;
            } else {
                // Rewritten (under the current key) or deleted since it was read.
                report.current += 1;
            }
        }
        txn.commit().await?;
        batches += 1;
    }
    Ok(report)
}

/// Rotates every column, in order.
pub async fn rotate_all(
    db: &DatabaseConnection,
    ring: &KeyRing,
    columns: &[&'static ProtectedColumn],
    options: RotateOptions,
) -> Result<Vec<ColumnReport>, DbErr> {
    let mut reports = Vec::with_capacity(columns.len());
    for column in columns {
        let report = rotate_column(db, ring, column, options).await?;
        tracing::info!(%report, "vault rotation");
        reports.push(report);
    }
    Ok(reports)
}

/// How many values of a column are under each key (`v1`: the format before
/// key ids; `plaintext`: legacy plaintext; `unsealed`: not a sealed value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnStatus {
    pub column: String,
    pub by_key: BTreeMap<String, u64>,
}

pub async fn status_column(
    db: &DatabaseConnection,
    column: &'static ProtectedColumn,
    batch_size: u64,
) -> Result<ColumnStatus, DbErr> {
    let mut status = ColumnStatus { column: column.name(), ..ColumnStatus::default() };
    let mut after = None;
    loop {
        let rows = batch(db, column, after, std::cmp::max(batch_size, 1)).await?;
        let Some((last, _)) = rows.last() else { break };
        after = Some(*last);
        for (_, value) in &rows {
            let label = match found(column, value) {
                Found::Key(key) => key.label().to_owned(),
                Found::Plaintext => "plaintext".to_owned(),
                Found::Unsealed => "unsealed".to_owned(),
            };
            *status.by_key.entry(label).or_default() += 1;
        }
    }
    Ok(status)
}
