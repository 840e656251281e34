//! Portal: grants of client portal access (one contact, one engagement, what it
//! may do, expiry, revocation), the single-use sign-in links issued for them and
//! the portal sessions they opened. Links and sessions keep only the SHA-256 of
//! their token; a grant's deletion (its organization's, engagement's or
//! contact's) takes its links and sessions with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, json, string_len, string_len_null, timestamp_with_time_zone, timestamp_with_time_zone_null, uuid,
};

use crate::common::{created_at, fk, id, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Contacts {
    Table,
}

#[derive(DeriveIden, Clone)]
enum ClientPortalAccess {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    ContactId,
    /// The contact's name when granted (for summaries and the portal's greeting).
    ContactName,
    /// A JSON list of what the contact may do.
    Permissions,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
    /// The actor who granted it (`user:<id>` or `api_key:<id>`).
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum PortalLinks {
    Table,
    Id,
    OrganizationId,
    AccessId,
    /// Hex SHA-256 of the token; the token itself is never stored.
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum PortalSessions {
    Table,
    Id,
    OrganizationId,
    AccessId,
    LinkId,
    TokenHash,
    ExpiresAt,
    EndedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ClientPortalAccess::Table)
                .col(id(ClientPortalAccess::Id))
                .col(uuid(ClientPortalAccess::OrganizationId))
                .col(uuid(ClientPortalAccess::EngagementId))
                .col(uuid(ClientPortalAccess::ContactId))
                .col(string_len(ClientPortalAccess::ContactName, 400))
                .col(json(ClientPortalAccess::Permissions))
                .col(timestamp_with_time_zone_null(ClientPortalAccess::ExpiresAt))
                .col(timestamp_with_time_zone_null(ClientPortalAccess::RevokedAt))
                .col(timestamp_with_time_zone_null(ClientPortalAccess::LastUsedAt))
                .col(string_len_null(ClientPortalAccess::CreatedBy, 80))
                .col(integer(ClientPortalAccess::Version))
                .col(created_at(ClientPortalAccess::CreatedAt))
                .col(timestamp_with_time_zone(ClientPortalAccess::UpdatedAt))
                .foreign_key(&mut fk(
                    ClientPortalAccess::Table,
                    ClientPortalAccess::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ClientPortalAccess::Table,
                    ClientPortalAccess::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ClientPortalAccess::Table,
                    ClientPortalAccess::ContactId,
                    Contacts::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Staff list grants by engagement or by contact, newest first by id.
        m.create_index(index(
            "ix_client_portal_access_engagement",
            ClientPortalAccess::Table,
            vec![ClientPortalAccess::OrganizationId, ClientPortalAccess::EngagementId, ClientPortalAccess::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_client_portal_access_contact",
            ClientPortalAccess::Table,
            vec![ClientPortalAccess::OrganizationId, ClientPortalAccess::ContactId, ClientPortalAccess::Id],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PortalLinks::Table)
                .col(id(PortalLinks::Id))
                .col(uuid(PortalLinks::OrganizationId))
                .col(uuid(PortalLinks::AccessId))
                .col(string_len(PortalLinks::TokenHash, 64))
                .col(timestamp_with_time_zone(PortalLinks::ExpiresAt))
                .col(timestamp_with_time_zone_null(PortalLinks::UsedAt))
                .col(string_len_null(PortalLinks::CreatedBy, 80))
                .col(created_at(PortalLinks::CreatedAt))
                .foreign_key(&mut fk(
                    PortalLinks::Table,
                    PortalLinks::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    PortalLinks::Table,
                    PortalLinks::AccessId,
                    ClientPortalAccess::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("ux_portal_links_token", PortalLinks::Table, vec![PortalLinks::TokenHash]).unique().to_owned(),
        )
        .await?;
        m.create_index(index("ix_portal_links_access", PortalLinks::Table, vec![PortalLinks::AccessId])).await?;

        m.create_table(
            Table::create()
                .table(PortalSessions::Table)
                .col(id(PortalSessions::Id))
                .col(uuid(PortalSessions::OrganizationId))
                .col(uuid(PortalSessions::AccessId))
                .col(uuid(PortalSessions::LinkId))
                .col(string_len(PortalSessions::TokenHash, 64))
                .col(timestamp_with_time_zone(PortalSessions::ExpiresAt))
                .col(timestamp_with_time_zone_null(PortalSessions::EndedAt))
                .col(created_at(PortalSessions::CreatedAt))
                .foreign_key(&mut fk(
                    PortalSessions::Table,
                    PortalSessions::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    PortalSessions::Table,
                    PortalSessions::AccessId,
                    ClientPortalAccess::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    PortalSessions::Table,
                    PortalSessions::LinkId,
                    PortalLinks::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("ux_portal_sessions_token", PortalSessions::Table, vec![PortalSessions::TokenHash])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_portal_sessions_access", PortalSessions::Table, vec![PortalSessions::AccessId])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PortalSessions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(PortalLinks::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ClientPortalAccess::Table).to_owned()).await
    }
}
