//! Webhook signing secrets are stored encrypted (`v1:` + base64, longer than the
//! `whsec_` plaintext): PostgreSQL widens the column; SQLite does not enforce
//! `varchar` lengths. Existing plaintext secrets stay readable and are sealed in
//! place by the `webhooks.seal-secrets` job (a migration has no server secret).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::string_len;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WebhookEndpoints {
    Table,
    Secret,
}

async fn resize(m: &SchemaManager<'_>, len: u32) -> Result<(), DbErr> {
    if m.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    let alter = Table::alter()
        .table(WebhookEndpoints::Table)
        .modify_column(string_len(WebhookEndpoints::Secret, len))
        .to_owned();
    m.alter_table(alter).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        resize(m, 255).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        resize(m, 100).await
    }
}
