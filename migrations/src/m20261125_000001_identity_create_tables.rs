use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, string_len, string_len_null, string_len_uniq, timestamp_with_time_zone, timestamp_with_time_zone_null,
    uuid, uuid_null,
};

use crate::common::{created_at, fk, id, text_enum};

const ROLES: &[&str] = &["owner", "admin", "member", "billing", "viewer"];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
    Id,
    Name,
    Slug,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum OrganizationMembers {
    Table,
    Id,
    OrganizationId,
    UserId,
    Role,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    ActiveOrganizationId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone)]
enum ApiKeys {
    Table,
    Id,
    OrganizationId,
    Name,
    Prefix,
    KeyHash,
    Role,
    CreatedByUserId,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone)]
enum Invitations {
    Table,
    Id,
    OrganizationId,
    Email,
    Role,
    TokenHash,
    InvitedByUserId,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
    AcceptedByUserId,
    RevokedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organizations::Table)
                .col(id(Organizations::Id))
                .col(string_len(Organizations::Name, 200))
                .col(string_len_uniq(Organizations::Slug, 80))
                .col(integer(Organizations::Version).default(1))
                .col(created_at(Organizations::CreatedAt))
                .col(timestamp_with_time_zone(Organizations::UpdatedAt))
                .to_owned(),
        )
        .await?;

        // Emails are stored normalized (trimmed, lower-case), so a plain unique
        // index is a case-insensitive one on both backends.
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(id(Users::Id))
                .col(string_len_uniq(Users::Email, 320))
                .col(string_len(Users::Name, 200))
                .col(string_len_null(Users::PasswordHash, 255))
                .col(created_at(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OrganizationMembers::Table)
                .col(id(OrganizationMembers::Id))
                .col(uuid(OrganizationMembers::OrganizationId))
                .col(uuid(OrganizationMembers::UserId))
                .col(text_enum(OrganizationMembers::Role, ROLES))
                .col(integer(OrganizationMembers::Version).default(1))
                .col(created_at(OrganizationMembers::CreatedAt))
                .col(timestamp_with_time_zone(OrganizationMembers::UpdatedAt))
                .foreign_key(&mut fk(
                    OrganizationMembers::Table,
                    OrganizationMembers::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    OrganizationMembers::Table,
                    OrganizationMembers::UserId,
                    Users::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Serves "members of an org" (leading column) and forbids double membership.
        m.create_index(
            Index::create()
                .name("ux_organization_members_org_user")
                .table(OrganizationMembers::Table)
                .col(OrganizationMembers::OrganizationId)
                .col(OrganizationMembers::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_organization_members_user")
                .table(OrganizationMembers::Table)
                .col(OrganizationMembers::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(id(Sessions::Id))
                .col(string_len_uniq(Sessions::TokenHash, 64))
                .col(uuid(Sessions::UserId))
                .col(uuid_null(Sessions::ActiveOrganizationId))
                .col(created_at(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .foreign_key(&mut fk(Sessions::Table, Sessions::UserId, Users::Table, ForeignKeyAction::Cascade))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::ActiveOrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ApiKeys::Table)
                .col(id(ApiKeys::Id))
                .col(uuid(ApiKeys::OrganizationId))
                .col(string_len(ApiKeys::Name, 200))
                .col(string_len(ApiKeys::Prefix, 24))
                .col(string_len_uniq(ApiKeys::KeyHash, 64))
                .col(text_enum(ApiKeys::Role, ROLES))
                .col(uuid_null(ApiKeys::CreatedByUserId))
                .col(created_at(ApiKeys::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                .foreign_key(&mut fk(
                    ApiKeys::Table,
                    ApiKeys::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(ApiKeys::Table, ApiKeys::CreatedByUserId, Users::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_api_keys_org").table(ApiKeys::Table).col(ApiKeys::OrganizationId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Invitations::Table)
                .col(id(Invitations::Id))
                .col(uuid(Invitations::OrganizationId))
                .col(string_len(Invitations::Email, 320))
                .col(text_enum(Invitations::Role, ROLES))
                .col(string_len_uniq(Invitations::TokenHash, 64))
                .col(uuid_null(Invitations::InvitedByUserId))
                .col(created_at(Invitations::CreatedAt))
                .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                .col(uuid_null(Invitations::AcceptedByUserId))
                .col(timestamp_with_time_zone_null(Invitations::RevokedAt))
                .foreign_key(&mut fk(
                    Invitations::Table,
                    Invitations::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Invitations::Table,
                    Invitations::InvitedByUserId,
                    Users::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Invitations::Table,
                    Invitations::AcceptedByUserId,
                    Users::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_invitations_org")
                .table(Invitations::Table)
                .col(Invitations::OrganizationId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Invitations::Table.into_iden(),
            ApiKeys::Table.into_iden(),
            Sessions::Table.into_iden(),
            OrganizationMembers::Table.into_iden(),
            Users::Table.into_iden(),
            Organizations::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
