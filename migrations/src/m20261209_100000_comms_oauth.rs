//! Comms over OAuth (Gmail, Microsoft Graph): the pending authorizations (state
//! and PKCE verifier, bound to the organization and the user who started them,
//! short-lived and single use), the connections' sealed access and refresh
//! tokens with the access token's expiry, a provider cursor that is not a number
//! (Gmail `historyId`, Graph delta link), and each message's provider thread id
//! (Gmail `threadId`, Graph `conversationId`) so threading follows the provider's.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, string_len, text, timestamp_with_time_zone, uuid};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Users {
    Table,
}

#[derive(DeriveIden, Clone)]
enum MailboxOauthLogins {
    Table,
    Id,
    OrganizationId,
    UserId,
    /// `gmail` or `microsoft`.
    Provider,
    /// SHA-256 of the `state` parameter (the state itself is only in the URL).
    StateHash,
    /// The PKCE verifier, sealed by the vault, bound to the row id.
    PkceVerifier,
    SyncWindowDays,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Messages {
    Table,
    OrganizationId,
    ConnectionId,
    ProviderThreadId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let sqlite = m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Sqlite;
        let ts = if sqlite { "timestamp_with_timezone_text" } else { "TIMESTAMP WITH TIME ZONE" };
        let db = m.get_connection();
        // SQLite adds one column per statement.
        for (table, column) in [
            ("mailbox_connections", "access_token_ciphertext TEXT NULL".to_owned()),
            ("mailbox_connections", "refresh_token_ciphertext TEXT NULL".to_owned()),
            ("mailbox_connections", format!("token_expires_at {ts} NULL")),
            ("mailbox_sync_states", "cursor_token TEXT NULL".to_owned()),
            ("messages", "provider_thread_id VARCHAR(255) NULL".to_owned()),
        ] {
            db.execute_unprepared(&format!("ALTER TABLE {table} ADD COLUMN {column}")).await?;
        }
        m.create_index(index(
            "ix_messages_provider_thread",
            Messages::Table,
            vec![Messages::OrganizationId, Messages::ConnectionId, Messages::ProviderThreadId],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(MailboxOauthLogins::Table)
                .col(id(MailboxOauthLogins::Id))
                .col(uuid(MailboxOauthLogins::OrganizationId))
                .col(uuid(MailboxOauthLogins::UserId))
                .col(text_enum(MailboxOauthLogins::Provider, &["gmail", "microsoft"]))
                .col(string_len(MailboxOauthLogins::StateHash, 64))
                .col(text(MailboxOauthLogins::PkceVerifier))
                .col(integer(MailboxOauthLogins::SyncWindowDays))
                .col(timestamp_with_time_zone(MailboxOauthLogins::ExpiresAt))
                .col(created_at(MailboxOauthLogins::CreatedAt))
                .foreign_key(&mut fk(
                    MailboxOauthLogins::Table,
                    MailboxOauthLogins::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    MailboxOauthLogins::Table,
                    MailboxOauthLogins::UserId,
                    Users::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("ux_mailbox_oauth_logins_state", MailboxOauthLogins::Table, vec![MailboxOauthLogins::StateHash])
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(MailboxOauthLogins::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("ix_messages_provider_thread").table(Messages::Table).to_owned()).await?;
        let db = m.get_connection();
        for (table, column) in [
            ("messages", "provider_thread_id"),
            ("mailbox_sync_states", "cursor_token"),
            ("mailbox_connections", "token_expires_at"),
            ("mailbox_connections", "refresh_token_ciphertext"),
            ("mailbox_connections", "access_token_ciphertext"),
        ] {
            db.execute_unprepared(&format!("ALTER TABLE {table} DROP COLUMN {column}")).await?;
        }
        Ok(())
    }
}
