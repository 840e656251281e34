//! Encrypted columns. A domain declares each one as a [`ProtectedColumn`] const
//! and gets its [`ColumnVault`] from the platform (which registers it), so
//! `atrium secrets rotate` knows every encrypted column without a list to keep:
//!
//! ```
//! use atrium_kernel::vault::ProtectedColumn;
//! pub const TOKENS: ProtectedColumn = ProtectedColumn::text("mailbox_accounts", "token", "mailbox-tokens");
//! // let tokens = platform.protect(&TOKENS);   // seal_str / open_str by row id
//! ```

use std::sync::{Arc, Mutex, PoisonError};

use uuid::Uuid;

use super::{KeyRing, StoredKey, Vault, VaultError};
use crate::AppError;

/// How the column stores a sealed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A text column: `v2:<key id>:<base64>`.
    Text,
    /// A binary column (`BLOB`/`BYTEA`): the bytes form.
    Bytes,
}

/// What a value is bound to (the associated data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aad {
    /// The 16 bytes of the row's UUID id: a value copied onto another row does not open.
    RowId,
}

/// An encrypted column: where it is, how it is sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtectedColumn {
    pub table: &'static str,
    /// The UUID primary key (rotation walks the table by it).
    pub id_column: &'static str,
    pub value_column: &'static str,
    /// The use its key is derived for (and, for values sealed before key ids,
    /// the label their key was derived under). Never change it.
    pub purpose: &'static str,
    pub form: Form,
    pub aad: Aad,
    /// Rows written before encryption hold plaintext, read as it is; a rotation
    /// seals it. Otherwise an unsealed value is an error.
    pub plaintext_legacy: bool,
}

impl ProtectedColumn {
    /// A text column keyed by `id`, bound to its row id.
    pub const fn text(table: &'static str, value_column: &'static str, purpose: &'static str) -> Self {
        Self {
            table,
            id_column: "id",
            value_column,
            purpose,
            form: Form::Text,
            aad: Aad::RowId,
            plaintext_legacy: false,
        }
    }

    /// A binary column keyed by `id`, bound to its row id.
    pub const fn bytes(table: &'static str, value_column: &'static str, purpose: &'static str) -> Self {
        Self { form: Form::Bytes, ..Self::text(table, value_column, purpose) }
    }

    /// Rows may still hold plaintext from before encryption (text columns).
    pub const fn with_plaintext_legacy(self) -> Self {
        Self { plaintext_legacy: true, ..self }
    }

    /// `table.column`, as reports and logs name it.
    pub fn name(&self) -> String {
        format!("{}.{}", self.table, self.value_column)
    }

    pub fn aad(&self, row: Uuid) -> Vec<u8> {
        match self.aad {
            Aad::RowId => row.as_bytes().to_vec(),
        }
    }
}

/// The registered encrypted columns, shared by every clone of the platform.
#[derive(Clone, Default)]
pub struct ProtectedColumns(Arc<Mutex<Vec<&'static ProtectedColumn>>>);

impl ProtectedColumns {
    pub fn register(&self, column: &'static ProtectedColumn) {
        let mut list = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !list.iter().any(|c| c.table == column.table && c.value_column == column.value_column) {
            list.push(column);
        }
    }

    /// In registration order.
    pub fn list(&self) -> Vec<&'static ProtectedColumn> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl std::fmt::Debug for ProtectedColumns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.list().iter().map(|c| c.name())).finish()
    }
}

/// Seals and opens the values of one column, by row id. A value that does not
/// open is an operator error: logged with the column, the row and the key id
/// (never the value), and a 500 whose problem detail says nothing of it.
#[derive(Clone, Debug)]
pub struct ColumnVault {
    column: &'static ProtectedColumn,
    vault: Vault,
}

impl ColumnVault {
    pub fn new(ring: &KeyRing, column: &'static ProtectedColumn) -> Self {
        Self { column, vault: ring.vault(column.purpose) }
    }

    pub fn column(&self) -> &'static ProtectedColumn {
        self.column
    }

    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    pub fn seal(&self, row: Uuid, plaintext: &[u8]) -> Result<Vec<u8>, AppError> {
        self.vault.seal(&self.column.aad(row), plaintext).map_err(|e| self.error(row, &e))
    }

    pub fn open(&self, row: Uuid, stored: &[u8]) -> Result<Vec<u8>, AppError> {
        self.vault.open(&self.column.aad(row), stored).map_err(|e| self.error(row, &e))
    }

    pub fn seal_str(&self, row: Uuid, plaintext: &str) -> Result<String, AppError> {
        self.vault.seal_str(&self.column.aad(row), plaintext).map_err(|e| self.error(row, &e))
    }

    /// The plaintext of a text value (a legacy plaintext as it is, when the
    /// column allows it).
    pub fn open_str(&self, row: Uuid, stored: &str) -> Result<String, AppError> {
        if self.column.plaintext_legacy && !Vault::is_sealed_str(stored) {
            return Ok(stored.to_owned());
        }
        self.vault.open_str(&self.column.aad(row), stored).map_err(|e| self.error(row, &e))
    }

    /// Logs the operator error and returns the 500 to answer with.
    pub fn error(&self, row: Uuid, err: &VaultError) -> AppError {
        let message = operator_message(self.column, row, err);
        let key_id = match err {
            VaultError::UnknownKey(id) | VaultError::Open(id) => id.as_str(),
            VaultError::Seal | VaultError::UnknownFormat => "-",
        };
        tracing::error!(
            table = self.column.table,
            column = self.column.value_column,
            row_id = %row,
            key_id,
            "{message}"
        );
        AppError::Internal(message)
    }
}

/// What the operator reads: the column, the row, the key id and what to do.
pub(super) fn operator_message(column: &ProtectedColumn, row: Uuid, err: &VaultError) -> String {
    let hint = match err {
        VaultError::UnknownKey(_) => {
            " — add that key back to ATRIUM_VAULT_KEYS (or restore ATRIUM_SECRET for a `secret-` key); \
             remove a key only after `atrium secrets rotate` reports nothing under it"
        }
        VaultError::Open(id) if id == StoredKey::Legacy.label() => {
            " — it was sealed before key ids, under a key derived from ATRIUM_SECRET: was ATRIUM_SECRET changed?"
        }
        VaultError::Open(_) => " — the key under that id differs from the one that sealed it, or the row was altered",
        VaultError::Seal | VaultError::UnknownFormat => "",
    };
    format!("vault: {} row {row}: {err}{hint}", column.name())
}
