use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    string_len, string_len_uniq, text, timestamp_with_time_zone, timestamp_with_time_zone_null, uuid,
};

use crate::common::{created_at, fk, id};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Users {
    Table,
}

/// A sign-in started at an OpenID provider and not yet come back: single use,
/// short-lived. The PKCE verifier is sealed by the vault.
#[derive(DeriveIden, Clone)]
enum OidcLogins {
    Table,
    Id,
    Provider,
    /// SHA-256 of the `state` parameter, hex.
    StateHash,
    Nonce,
    PkceVerifier,
    CreatedAt,
    ExpiresAt,
    ConsumedAt,
}

/// An account at an OpenID provider (`provider`, `subject`) linked to a user.
#[derive(DeriveIden, Clone)]
enum UserIdentities {
    Table,
    Id,
    UserId,
    Provider,
    Subject,
    /// The verified email the provider asserted when the identity was linked.
    Email,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OidcLogins::Table)
                .col(id(OidcLogins::Id))
                .col(string_len(OidcLogins::Provider, 64))
                .col(string_len_uniq(OidcLogins::StateHash, 64))
                .col(string_len(OidcLogins::Nonce, 128))
                .col(text(OidcLogins::PkceVerifier))
                .col(created_at(OidcLogins::CreatedAt))
                .col(timestamp_with_time_zone(OidcLogins::ExpiresAt))
                .col(timestamp_with_time_zone_null(OidcLogins::ConsumedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_oidc_logins_expires")
                .table(OidcLogins::Table)
                .col(OidcLogins::ExpiresAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UserIdentities::Table)
                .col(id(UserIdentities::Id))
                .col(uuid(UserIdentities::UserId))
                .col(string_len(UserIdentities::Provider, 64))
                .col(string_len(UserIdentities::Subject, 255))
                .col(string_len(UserIdentities::Email, 320))
                .col(created_at(UserIdentities::CreatedAt))
                .foreign_key(&mut fk(
                    UserIdentities::Table,
                    UserIdentities::UserId,
                    Users::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_user_identities_provider_subject")
                .table(UserIdentities::Table)
                .col(UserIdentities::Provider)
                .col(UserIdentities::Subject)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_user_identities_user")
                .table(UserIdentities::Table)
                .col(UserIdentities::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(UserIdentities::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(OidcLogins::Table).to_owned()).await
    }
}
