//! `activity_events.engagement_id` → `engagements` ON DELETE CASCADE, the FK the
//! timeline table could not have before engagements existed; and `timeline_links`,
//! which files a proposal's and contract's entries under the engagement made from
//! them, whatever order their events arrive in. PostgreSQL adds the constraint in
//! place; SQLite cannot, so the table is rebuilt with it (copied aside, recreated,
//! copied back) inside one transaction.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{json_binary, string_len, timestamp_with_time_zone, uuid, uuid_null};
use sea_orm_migration::sea_orm::{ConnectionTrait, TransactionTrait};

use crate::common::{fk, id};

#[derive(DeriveMigrationName)]
pub struct Migration;

const FK_NAME: &str = "fk_activity_events_engagement";

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
    Id,
}

#[derive(DeriveIden, Clone)]
enum ActivityEvents {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    EntityType,
    EntityId,
    EventType,
    Actor,
    Summary,
    Data,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum TimelineLinks {
    Table,
    OrganizationId,
    EntityId,
    EngagementId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TimelineLinks::Table)
                .col(uuid(TimelineLinks::OrganizationId))
                .col(uuid(TimelineLinks::EntityId))
                .col(uuid(TimelineLinks::EngagementId))
                .col(timestamp_with_time_zone(TimelineLinks::CreatedAt))
                .primary_key(Index::create().col(TimelineLinks::OrganizationId).col(TimelineLinks::EntityId))
                .foreign_key(&mut fk(
                    TimelineLinks::Table,
                    TimelineLinks::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    TimelineLinks::Table,
                    TimelineLinks::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        self.engagement_fk(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(TimelineLinks::Table).to_owned()).await?;
        if m.get_database_backend() == sea_orm::DbBackend::Sqlite {
            // SQLite cannot drop a constraint; the rebuilt table keeps it, which the
            // earlier schema tolerates (engagements are dropped by the next step down,
            // taking their entries with them, as the cascade intends).
            return Ok(());
        }
        m.drop_foreign_key(ForeignKey::drop().name(FK_NAME).table(ActivityEvents::Table).to_owned()).await
    }
}

impl Migration {
    async fn engagement_fk(&self, m: &SchemaManager<'_>) -> Result<(), DbErr> {
        // Entries naming an engagement that is gone would break the constraint.
        m.exec_stmt(
            Query::update()
                .table(ActivityEvents::Table)
                .value(ActivityEvents::EngagementId, Expr::null())
                .and_where(Expr::col(ActivityEvents::EngagementId).is_not_null())
                .and_where(
                    Expr::col(ActivityEvents::EngagementId)
                        .not_in_subquery(Query::select().column(Engagements::Id).from(Engagements::Table).to_owned()),
                )
                .to_owned(),
        )
        .await?;
        if m.get_database_backend() != sea_orm::DbBackend::Sqlite {
            return m
                .create_foreign_key(
                    ForeignKey::create()
                        .name(FK_NAME)
                        .from(ActivityEvents::Table, ActivityEvents::EngagementId)
                        .to(Engagements::Table, Engagements::Id)
                        .on_delete(ForeignKeyAction::Cascade)
                        .on_update(ForeignKeyAction::Cascade)
                        .to_owned(),
                )
                .await;
        }
        // One transaction, so every step runs on one connection: a pooled SQLite
        // connection still reading an older snapshot would see the dropped
        // table's indexes ("index ... already exists").
        let txn = m.get_connection().begin().await?;
        txn.execute_unprepared("CREATE TABLE activity_events_backup AS SELECT * FROM activity_events").await?;
        txn.execute(&Table::drop().table(ActivityEvents::Table).to_owned()).await?;
        txn.execute(
            &Table::create()
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
                .foreign_key(
                    ForeignKey::create()
                        .name(FK_NAME)
                        .from(ActivityEvents::Table, ActivityEvents::EngagementId)
                        .to(Engagements::Table, Engagements::Id)
                        .on_delete(ForeignKeyAction::Cascade)
                        .on_update(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        txn.execute_unprepared(
            "INSERT INTO activity_events (id, organization_id, engagement_id, entity_type, entity_id, event_type, \
             actor, summary, data, created_at) SELECT id, organization_id, engagement_id, entity_type, entity_id, \
             event_type, actor, summary, data, created_at FROM activity_events_backup",
        )
        .await?;
        txn.execute_unprepared("DROP TABLE activity_events_backup").await?;
        // The indexes went with the old table (same definitions as when it was created).
        for (name, first) in [
            ("ix_activity_events_engagement_created", ActivityEvents::EngagementId),
            ("ix_activity_events_org_created", ActivityEvents::OrganizationId),
        ] {
            txn.execute(
                &Index::create()
                    .name(name)
                    .table(ActivityEvents::Table)
                    .col(first)
                    .col((ActivityEvents::CreatedAt, IndexOrder::Desc))
                    .to_owned(),
            )
            .await?;
        }
        txn.execute(
            &Index::create()
                .name("ix_activity_events_entity")
                .table(ActivityEvents::Table)
                .col(ActivityEvents::OrganizationId)
                .col(ActivityEvents::EntityId)
                .col((ActivityEvents::CreatedAt, IndexOrder::Desc))
                .to_owned(),
        )
        .await?;
        txn.commit().await
    }
}
