//! Signing secrets at rest: sealed by the kernel's vault (the protected column
//! [`SECRET_COLUMN`], bound to the endpoint id), so the database alone — a dump,
//! a backup, a read replica — does not hold them. Rows written before encryption
//! hold the `whsec_` plaintext: they are read as they are and sealed in place by
//! [`SealSecretsJob`] (and by `atrium secrets rotate`).

// The job seals rows of every organization: it is maintenance over the whole table, keyed by row id.
#![allow(clippy::disallowed_methods)]

use async_trait::async_trait;
use atrium_kernel::AppError;
use atrium_kernel::vault::{ColumnVault, ProtectedColumn, Vault};
use atrium_outbox::Job;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::endpoint;

/// The vault purpose of signing secrets (the label their key was derived under
/// before key ids: never change it).
pub const KEY_LABEL: &str = "webhook-signing-secrets";
/// The encrypted column of signing secrets.
pub const SECRET_COLUMN: ProtectedColumn =
    ProtectedColumn::text("webhook_endpoints", "secret", KEY_LABEL).with_plaintext_legacy();
/// Legacy rows sealed per job run.
const SEAL_BATCH: u64 = 500;

#[derive(Clone)]
pub struct SecretStore(ColumnVault);

impl SecretStore {
    /// Over the vault of [`SECRET_COLUMN`] (`platform.protect(&SECRET_COLUMN)`).
    pub fn new(vault: ColumnVault) -> Self {
        Self(vault)
    }

    /// The stored form of `secret` for endpoint `id`.
    pub fn seal(&self, id: Uuid, secret: &str) -> Result<String, AppError> {
        self.0.seal_str(id, secret)
    }

    /// The endpoint's signing secret in clear, to sign a delivery (a legacy
    /// plaintext as it is). A secret that does not open is logged for the
    /// operator with the endpoint id and key id.
    pub fn open(&self, row: &endpoint::Model) -> Result<String, AppError> {
        self.0.open_str(row.id, &row.secret)
    }
}

/// Seals the signing secrets stored in plaintext before encryption at rest.
pub struct SealSecretsJob {
    pub db: DatabaseConnection,
    pub secrets: SecretStore,
}

#[async_trait]
impl Job for SealSecretsJob {
    fn name(&self) -> &'static str {
        "webhooks.seal-secrets"
    }

    fn schedule(&self) -> &'static str {
        "*/10 * * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let legacy = endpoint::Entity::find()
            .filter(endpoint::Column::Secret.not_like("v1:%"))
            .filter(endpoint::Column::Secret.not_like("v2:%"))
            .limit(SEAL_BATCH)
            .all(&self.db)
            .await
            .map_err(|e| e.to_string())?;
        let mut sealed = 0;
        for row in legacy.into_iter().filter(|r| !Vault::is_sealed_str(&r.secret)) {
            let stored = self.secrets.seal(row.id, &row.secret).map_err(|e| e.to_string())?;
            // Only if unchanged since read: the row is never sealed twice.
            let done = endpoint::Entity::update_many()
                .col_expr(endpoint::Column::Secret, Expr::value(stored))
                .filter(endpoint::Column::Id.eq(row.id))
                .filter(endpoint::Column::Secret.eq(row.secret.as_str()))
                .exec(&self.db)
                .await
                .map_err(|e| e.to_string())?;
            sealed += done.rows_affected;
        }
        Ok(format!("sealed {sealed} webhook signing secrets"))
    }
}
