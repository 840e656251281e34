use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, integer, string_len, string_len_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

/// Created by the agreements migration (000008).
#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum FileObjects {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    AttachedType,
    AttachedId,
    Name,
    /// 0 while a direct upload is pending and no version exists yet.
    CurrentVersion,
    Visibility,
    /// A direct upload in flight: its storage key, declared size and checksum.
    PendingKey,
    PendingSize,
    PendingSha256,
    PendingSince,
    CreatedBy,
    CreatedAt,
    DeletedAt,
}

#[derive(DeriveIden, Clone)]
enum FileVersions {
    Table,
    Id,
    OrganizationId,
    FileId,
    Version,
    StorageKey,
    Size,
    Sha256,
    MediaType,
    UploadedBy,
    UploadedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(FileObjects::Table)
                .col(id(FileObjects::Id))
                .col(uuid(FileObjects::OrganizationId))
                .col(uuid(FileObjects::EngagementId))
                .col(string_len_null(FileObjects::AttachedType, 50))
                .col(uuid_null(FileObjects::AttachedId))
                .col(string_len(FileObjects::Name, 255))
                .col(integer(FileObjects::CurrentVersion).default(0))
                .col(text_enum(FileObjects::Visibility, &["internal", "client"]))
                .col(string_len_null(FileObjects::PendingKey, 300))
                .col(big_integer_null(FileObjects::PendingSize))
                .col(string_len_null(FileObjects::PendingSha256, 64))
                .col(timestamp_with_time_zone_null(FileObjects::PendingSince))
                .col(string_len(FileObjects::CreatedBy, 100))
                .col(created_at(FileObjects::CreatedAt))
                .col(timestamp_with_time_zone_null(FileObjects::DeletedAt))
                .foreign_key(&mut fk(
                    FileObjects::Table,
                    FileObjects::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    FileObjects::Table,
                    FileObjects::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Keyset pages go by id within each filter.
        m.create_index(index(
            "ix_file_objects_engagement",
            FileObjects::Table,
            vec![FileObjects::OrganizationId, FileObjects::EngagementId, FileObjects::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_file_objects_attached",
            FileObjects::Table,
            vec![FileObjects::OrganizationId, FileObjects::AttachedType, FileObjects::AttachedId, FileObjects::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(FileVersions::Table)
                .col(id(FileVersions::Id))
                .col(uuid(FileVersions::OrganizationId))
                .col(uuid(FileVersions::FileId))
                .col(integer(FileVersions::Version))
                .col(string_len(FileVersions::StorageKey, 300))
                .col(big_integer(FileVersions::Size))
                .col(string_len(FileVersions::Sha256, 64))
                .col(string_len(FileVersions::MediaType, 100))
                .col(string_len(FileVersions::UploadedBy, 100))
                .col(timestamp_with_time_zone(FileVersions::UploadedAt))
                .foreign_key(&mut fk(
                    FileVersions::Table,
                    FileVersions::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    FileVersions::Table,
                    FileVersions::FileId,
                    FileObjects::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_file_versions_file_version",
                FileVersions::Table,
                vec![FileVersions::FileId, FileVersions::Version],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index("ix_file_versions_key", FileVersions::Table, vec![FileVersions::StorageKey])).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(FileVersions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(FileObjects::Table).to_owned()).await
    }
}
