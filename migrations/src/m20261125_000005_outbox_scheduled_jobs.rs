use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, string_len, text_null, timestamp_with_time_zone, timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ScheduledJobs {
    Table,
    Name,
    Schedule,
    NextRunAt,
    LockedUntil,
    LastStartedAt,
    LastFinishedAt,
    LastError,
    LastReport,
    Runs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ScheduledJobs::Table)
                .col(string_len(ScheduledJobs::Name, 100).primary_key())
                .col(string_len(ScheduledJobs::Schedule, 100))
                .col(timestamp_with_time_zone(ScheduledJobs::NextRunAt))
                .col(timestamp_with_time_zone_null(ScheduledJobs::LockedUntil))
                .col(timestamp_with_time_zone_null(ScheduledJobs::LastStartedAt))
                .col(timestamp_with_time_zone_null(ScheduledJobs::LastFinishedAt))
                .col(text_null(ScheduledJobs::LastError))
                .col(text_null(ScheduledJobs::LastReport))
                .col(big_integer(ScheduledJobs::Runs).default(0))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ScheduledJobs::Table).to_owned()).await
    }
}
