//! Comms sending: a message's delivery status (`received` for imported mail;
//! `draft`, `queued`, `retrying`, `sent` or `failed` for mail written in Atrium),
//! the last failure's reason, the attempts so far, and the revenue reminder a
//! draft was written for (one draft per reminder).

use sea_orm_migration::prelude::*;

use crate::common::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Messages {
    Table,
    OrganizationId,
    ReminderId,
    Status,
}

const COLUMNS: &[&str] = &[
    "status VARCHAR(32) NOT NULL DEFAULT 'received' \
     CHECK (status IN ('received', 'draft', 'queued', 'retrying', 'sent', 'failed'))",
    "status_reason TEXT NULL",
    "send_attempts INTEGER NOT NULL DEFAULT 0",
    "status_changed_at TIMESTAMP WITH TIME ZONE NULL",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Sqlite;
        let db = m.get_connection();
        // SQLite adds one column per statement.
        for c in COLUMNS {
            let c = if sqlite {
                c.replace("TIMESTAMP WITH TIME ZONE", "timestamp_with_timezone_text")
            } else {
                (*c).to_owned()
            };
            db.execute_unprepared(&format!("ALTER TABLE messages ADD COLUMN {c}")).await?;
        }
        let uuid_type = if sqlite { "uuid_text" } else { "uuid" };
        db.execute_unprepared(&format!("ALTER TABLE messages ADD COLUMN reminder_id {uuid_type} NULL")).await?;
        m.create_index(
            index("ux_messages_reminder", Messages::Table, vec![Messages::OrganizationId, Messages::ReminderId])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_messages_status", Messages::Table, vec![Messages::OrganizationId, Messages::Status]))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_messages_status").table(Messages::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("ux_messages_reminder").table(Messages::Table).to_owned()).await?;
        for c in ["reminder_id", "status_changed_at", "send_attempts", "status_reason", "status"] {
            m.get_connection().execute_unprepared(&format!("ALTER TABLE messages DROP COLUMN {c}")).await?;
        }
        Ok(())
    }
}
