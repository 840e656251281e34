use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{json_binary, string_len, timestamp_with_time_zone, uuid, uuid_null};

use crate::common::{fk, id};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum ActivityEvents {
    Table,
    Id,
    OrganizationId,
    /// The FK to engagements is added by the migration that creates engagements.
    EngagementId,
    EntityType,
    EntityId,
    EventType,
    Actor,
    Summary,
    Data,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ActivityEvents::Table)
                .col(id(ActivityEvents::Id))
                .col(uuid(ActivityEvents::OrganizationId))
                .col(uuid_null(ActivityEvents::EngagementId))
                .col(string_len(ActivityEvents::EntityType, 50))
                .col(uuid(ActivityEvents::EntityId))
                .col(string_len(ActivityEvents::EventType, 100))
                .col(string_len(ActivityEvents::Actor, 100))
                .col(string_len(ActivityEvents::Summary, 500))
                .col(json_binary(ActivityEvents::Data))
                .col(timestamp_with_time_zone(ActivityEvents::CreatedAt))
                .foreign_key(&mut fk(
                    ActivityEvents::Table,
                    ActivityEvents::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        for (name, first) in [
            ("ix_activity_events_engagement_created", ActivityEvents::EngagementId),
            ("ix_activity_events_org_created", ActivityEvents::OrganizationId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(ActivityEvents::Table)
                    .col(first)
                    .col((ActivityEvents::CreatedAt, IndexOrder::Desc))
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("ix_activity_events_entity")
                .table(ActivityEvents::Table)
                .col(ActivityEvents::OrganizationId)
                .col(ActivityEvents::EntityId)
                .col((ActivityEvents::CreatedAt, IndexOrder::Desc))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ActivityEvents::Table).to_owned()).await
    }
}
