//! Signing secrets at rest: sealed by the vault (a key derived from the server
//! secret under [`KEY_LABEL`]) with the endpoint id as associated data, so the
//! database alone — a dump, a backup, a read replica — does not hold them.
//! Rows written before encryption hold the `whsec_` plaintext: they are read as
//! they are and sealed in place by [`SealSecretsJob`].

// The job seals rows of every organization: it is maintenance over the whole table, keyed by row id.
#![allow(clippy::disallowed_methods)]

use async_trait::async_trait;
use atrium_kernel::vault::VaultError;
use atrium_kernel::{AppError, Vault};
use atrium_outbox::Job;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::endpoint;

/// Label of the key that seals signing secrets.
pub const KEY_LABEL: &str = "webhook-signing-secrets";
/// Legacy rows sealed per job run.
const SEAL_BATCH: u64 = 500;

#[derive(Clone)]
pub struct SecretStore(Vault);

impl SecretStore {
    pub fn new(vault: Vault) -> Self {
        Self(vault)
    }

    /// The stored form of `secret` for endpoint `id`.
    pub fn seal(&self, id: Uuid, secret: &str) -> Result<String, AppError> {
        self.0.seal_str(id.as_bytes(), secret).map_err(AppError::internal)
    }

    /// The endpoint's signing secret in clear, to sign a delivery.
    pub fn open(&self, row: &endpoint::Model) -> Result<String, VaultError> {
        if Vault::is_sealed_str(&row.secret) {
            self.0.open_str(row.id.as_bytes(), &row.secret)
        } else {
            Ok(row.secret.clone())
        }
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
            .limit(SEAL_BATCH)
            .all(&self.db)
            .await
            .map_err(|e| e.to_string())?;
        let mut sealed = 0;
        for row in legacy {
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
