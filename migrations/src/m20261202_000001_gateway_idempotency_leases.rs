//! Idempotency keys survive crashes: an in-progress key holds a lease
//! (`lease_until`) after which a retry runs again, and the writer's transaction
//! marks the key committed (`committed_at`, with the resource it touched) so a
//! retry never runs a committed write twice, even when the response was never
//! stored. Stored response bodies are encrypted from now on; the bodies stored
//! before were plaintext (one-time secrets included), so they are dropped here:
//! a retry of such a key is answered from its stored status and `Location` (the
//! resource as it is now). Keys still in progress have no lease, which counts as
//! expired: their request died with the server that ran the old version.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{string_len_null, timestamp_with_time_zone_null, uuid_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    Body,
    LeaseUntil,
    CommittedAt,
    ResourceType,
    ResourceId,
}

fn columns() -> [ColumnDef; 4] {
    [
        timestamp_with_time_zone_null(IdempotencyKeys::LeaseUntil),
        timestamp_with_time_zone_null(IdempotencyKeys::CommittedAt),
        string_len_null(IdempotencyKeys::ResourceType, 100),
        uuid_null(IdempotencyKeys::ResourceId),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for mut col in columns() {
            m.alter_table(Table::alter().table(IdempotencyKeys::Table).add_column(&mut col).to_owned()).await?;
        }
        let wipe = Query::update()
            .table(IdempotencyKeys::Table)
            .value(IdempotencyKeys::Body, Option::<Vec<u8>>::None)
            .to_owned();
        m.exec_stmt(wipe).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            IdempotencyKeys::LeaseUntil,
            IdempotencyKeys::CommittedAt,
            IdempotencyKeys::ResourceType,
            IdempotencyKeys::ResourceId,
        ] {
            m.alter_table(Table::alter().table(IdempotencyKeys::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
