use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, boolean, integer, integer_null, json_binary, string_len, text, text_null, timestamp_with_time_zone,
    uuid,
};

use crate::common::{created_at, fk, id};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum WebhookEndpoints {
    Table,
    Id,
    OrganizationId,
    Url,
    Description,
    EventTypes,
    Secret,
    Enabled,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum WebhookAttempts {
    Table,
    Id,
    OrganizationId,
    EndpointId,
    EventId,
    EventType,
    StatusCode,
    Error,
    DurationMs,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(WebhookEndpoints::Table)
                .col(id(WebhookEndpoints::Id))
                .col(uuid(WebhookEndpoints::OrganizationId))
                .col(text(WebhookEndpoints::Url))
                .col(string_len(WebhookEndpoints::Description, 500))
                .col(json_binary(WebhookEndpoints::EventTypes))
                .col(string_len(WebhookEndpoints::Secret, 100))
                .col(boolean(WebhookEndpoints::Enabled))
                .col(integer(WebhookEndpoints::Version).default(1))
                .col(created_at(WebhookEndpoints::CreatedAt))
                .col(timestamp_with_time_zone(WebhookEndpoints::UpdatedAt))
                .foreign_key(&mut fk(
                    WebhookEndpoints::Table,
                    WebhookEndpoints::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_webhook_endpoints_org")
                .table(WebhookEndpoints::Table)
                .col(WebhookEndpoints::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebhookAttempts::Table)
                .col(id(WebhookAttempts::Id))
                .col(uuid(WebhookAttempts::OrganizationId))
                .col(uuid(WebhookAttempts::EndpointId))
                .col(uuid(WebhookAttempts::EventId))
                .col(string_len(WebhookAttempts::EventType, 100))
                .col(integer_null(WebhookAttempts::StatusCode))
                .col(text_null(WebhookAttempts::Error))
                .col(big_integer(WebhookAttempts::DurationMs))
                .col(created_at(WebhookAttempts::CreatedAt))
                .foreign_key(&mut fk(
                    WebhookAttempts::Table,
                    WebhookAttempts::EndpointId,
                    WebhookEndpoints::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_webhook_attempts_endpoint")
                .table(WebhookAttempts::Table)
                .col(WebhookAttempts::EndpointId)
                .col(WebhookAttempts::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WebhookAttempts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WebhookEndpoints::Table).to_owned()).await
    }
}
