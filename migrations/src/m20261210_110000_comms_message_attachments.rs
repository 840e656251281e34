//! Email attachments kept through the files domain: one row per attachment of a
//! message. Files belong to an engagement, so the bytes of an attachment of an
//! unfiled thread wait in `content` until the thread is filed; then the files
//! domain keeps them as the file whose id is the row's id, and `content` is
//! cleared. A unique (message, position) makes a re-import write nothing twice.
//! Messages get a version, so a draft edited by two people at once is a 409
//! (`If-Match`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, blob_null, integer, string_len, text_null, timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Messages {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Threads {
    Table,
}

#[derive(DeriveIden, Clone)]
enum MessageAttachments {
    Table,
    Id,
    OrganizationId,
    MessageId,
    ThreadId,
    PartIndex,
    Filename,
    MediaType,
    Size,
    Content,
    Status,
    FileId,
    Reason,
    CreatedAt,
    StoredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("ALTER TABLE messages ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
            .await?;
        m.create_table(
            Table::create()
                .table(MessageAttachments::Table)
                .col(id(MessageAttachments::Id))
                .col(uuid(MessageAttachments::OrganizationId))
                .col(uuid(MessageAttachments::MessageId))
                .col(uuid(MessageAttachments::ThreadId))
                .col(integer(MessageAttachments::PartIndex))
                .col(text_null(MessageAttachments::Filename))
                .col(string_len(MessageAttachments::MediaType, 255))
                .col(big_integer(MessageAttachments::Size))
                .col(blob_null(MessageAttachments::Content))
                .col(text_enum(MessageAttachments::Status, &["pending", "stored", "skipped"]))
                .col(uuid_null(MessageAttachments::FileId))
                .col(text_null(MessageAttachments::Reason))
                .col(created_at(MessageAttachments::CreatedAt))
                .col(timestamp_with_time_zone_null(MessageAttachments::StoredAt))
                .foreign_key(&mut fk(
                    MessageAttachments::Table,
                    MessageAttachments::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    MessageAttachments::Table,
                    MessageAttachments::MessageId,
                    Messages::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    MessageAttachments::Table,
                    MessageAttachments::ThreadId,
                    Threads::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_message_attachments_part",
                MessageAttachments::Table,
                vec![MessageAttachments::MessageId, MessageAttachments::PartIndex],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_message_attachments_thread",
            MessageAttachments::Table,
            vec![MessageAttachments::OrganizationId, MessageAttachments::ThreadId, MessageAttachments::Status],
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(MessageAttachments::Table).to_owned()).await?;
        m.get_connection().execute_unprepared("ALTER TABLE messages DROP COLUMN version").await?;
        Ok(())
    }
}
