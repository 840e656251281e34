//! Revenue, ledger link removals: a payment reversed in Atrium after it was pushed
//! is deleted in the ledger (QBO `operation=delete`, Xero `Status: DELETED`); the
//! link records when, so a rerun after a crash sends nothing twice.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::timestamp_with_time_zone_null;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum LedgerLinks {
    Table,
    RemoteDeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(LedgerLinks::Table)
                .add_column(timestamp_with_time_zone_null(LedgerLinks::RemoteDeletedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(LedgerLinks::Table).drop_column(LedgerLinks::RemoteDeletedAt).to_owned())
            .await
    }
}
