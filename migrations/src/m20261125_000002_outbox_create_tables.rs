use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, integer, json_binary, string_len, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid,
};

use crate::common::{created_at, fk, id, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum OutboxEvents {
    Table,
    Id,
    OrganizationId,
    EventType,
    AggregateType,
    AggregateId,
    Actor,
    Data,
    OccurredAt,
    Position,
}

#[derive(DeriveIden, Clone)]
enum OutboxDeliveries {
    Table,
    Id,
    EventId,
    OrganizationId,
    Subscriber,
    AggregateId,
    Position,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastError,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum OutboxCounters {
    Table,
    Name,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // `position` is assigned by the dispatcher's sequencer in commit order; it is
        // what the change feed and per-aggregate ordering follow.
        m.create_table(
            Table::create()
                .table(OutboxEvents::Table)
                .col(id(OutboxEvents::Id))
                .col(uuid(OutboxEvents::OrganizationId))
                .col(string_len(OutboxEvents::EventType, 100))
                .col(string_len(OutboxEvents::AggregateType, 50))
                .col(uuid(OutboxEvents::AggregateId))
                .col(string_len(OutboxEvents::Actor, 100))
                .col(json_binary(OutboxEvents::Data))
                .col(timestamp_with_time_zone(OutboxEvents::OccurredAt))
                .col(big_integer_null(OutboxEvents::Position).unique_key())
                .foreign_key(&mut fk(
                    OutboxEvents::Table,
                    OutboxEvents::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_events_unsequenced")
                .table(OutboxEvents::Table)
                .col(OutboxEvents::Position)
                .col(OutboxEvents::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_events_org_position")
                .table(OutboxEvents::Table)
                .col(OutboxEvents::OrganizationId)
                .col(OutboxEvents::Position)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OutboxDeliveries::Table)
                .col(id(OutboxDeliveries::Id))
                .col(uuid(OutboxDeliveries::EventId))
                .col(uuid(OutboxDeliveries::OrganizationId))
                .col(string_len(OutboxDeliveries::Subscriber, 100))
                .col(uuid(OutboxDeliveries::AggregateId))
                .col(big_integer(OutboxDeliveries::Position))
                .col(text_enum(OutboxDeliveries::Status, &["pending", "done", "dead"]))
                .col(integer(OutboxDeliveries::Attempts).default(0))
                .col(timestamp_with_time_zone(OutboxDeliveries::NextAttemptAt))
                .col(timestamp_with_time_zone_null(OutboxDeliveries::LockedUntil))
                .col(text_null(OutboxDeliveries::LastError))
                .col(created_at(OutboxDeliveries::CreatedAt))
                .col(timestamp_with_time_zone(OutboxDeliveries::UpdatedAt))
                .foreign_key(&mut fk(
                    OutboxDeliveries::Table,
                    OutboxDeliveries::EventId,
                    OutboxEvents::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_outbox_deliveries_event_subscriber")
                .table(OutboxDeliveries::Table)
                .col(OutboxDeliveries::EventId)
                .col(OutboxDeliveries::Subscriber)
                .unique()
                .to_owned(),
        )
        .await?;
        // The claim query: due pending deliveries in position order.
        m.create_index(
            Index::create()
                .name("ix_outbox_deliveries_due")
                .table(OutboxDeliveries::Table)
                .col(OutboxDeliveries::Status)
                .col(OutboxDeliveries::Position)
                .to_owned(),
        )
        .await?;
        // Per-aggregate ordering: "is an earlier delivery of this aggregate still pending?"
        m.create_index(
            Index::create()
                .name("ix_outbox_deliveries_aggregate")
                .table(OutboxDeliveries::Table)
                .col(OutboxDeliveries::Subscriber)
                .col(OutboxDeliveries::AggregateId)
                .col(OutboxDeliveries::Position)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_deliveries_org_status")
                .table(OutboxDeliveries::Table)
                .col(OutboxDeliveries::OrganizationId)
                .col(OutboxDeliveries::Status)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OutboxCounters::Table)
                .col(string_len(OutboxCounters::Name, 50).primary_key())
                .col(big_integer(OutboxCounters::Value))
                .to_owned(),
        )
        .await?;
        let seed = Query::insert()
            .into_table(OutboxCounters::Table)
            .columns([OutboxCounters::Name, OutboxCounters::Value])
            .values_panic(["position".into(), 0i64.into()])
            .to_owned();
        m.exec_stmt(seed).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in
            [OutboxCounters::Table.into_iden(), OutboxDeliveries::Table.into_iden(), OutboxEvents::Table.into_iden()]
        {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
