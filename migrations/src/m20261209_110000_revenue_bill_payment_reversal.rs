//! Revenue, bill payment reversal: a payment recorded against a bill by mistake
//! (or bounced) is reversed with a reason, never deleted; the bill's paid amount
//! and status go back.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{text_null, timestamp_with_time_zone_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum BillPayments {
    Table,
    ReversedAt,
    ReversalReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        m.alter_table(
            Table::alter()
                .table(BillPayments::Table)
                .add_column(timestamp_with_time_zone_null(BillPayments::ReversedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table(BillPayments::Table).add_column(text_null(BillPayments::ReversalReason)).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [BillPayments::ReversalReason, BillPayments::ReversedAt] {
            m.alter_table(Table::alter().table(BillPayments::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
