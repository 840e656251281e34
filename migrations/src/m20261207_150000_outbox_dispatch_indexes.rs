//! Indexes shaped for the dispatcher's hot statements, and room for its lease.
//!
//! - The claim walks pending deliveries in position order: a partial index on
//!   `position WHERE status = 'pending'` replaces `(status, position)`.
//! - Dead letters are listed per organization, newest first: a partial index on
//!   `(organization_id, id) WHERE status = 'dead'` replaces `(organization_id, status)`,
//!   so a pending delivery is no longer written into it.
//! - The sequencer takes the oldest unsequenced events: a partial index on
//!   `id WHERE position IS NULL` replaces `(position, id)`; an event leaves it when
//!   it is sequenced instead of being rewritten into it.
//! - On PostgreSQL, deliveries leave half of each page free (`fillfactor`), so the
//!   claim's lease update stays on the page (a HOT update) and writes no index.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    "DROP INDEX IF EXISTS ix_outbox_deliveries_due",
    "CREATE INDEX ix_outbox_deliveries_pending ON outbox_deliveries (position) WHERE status = 'pending'",
    "DROP INDEX IF EXISTS ix_outbox_deliveries_org_status",
    "CREATE INDEX ix_outbox_deliveries_dead ON outbox_deliveries (organization_id, id) WHERE status = 'dead'",
    "DROP INDEX IF EXISTS ix_outbox_events_unsequenced",
    "CREATE INDEX ix_outbox_events_unsequenced_id ON outbox_events (id) WHERE position IS NULL",
];

const DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS ix_outbox_events_unsequenced_id",
    "CREATE INDEX ix_outbox_events_unsequenced ON outbox_events (position, id)",
    "DROP INDEX IF EXISTS ix_outbox_deliveries_dead",
    "CREATE INDEX ix_outbox_deliveries_org_status ON outbox_deliveries (organization_id, status)",
    "DROP INDEX IF EXISTS ix_outbox_deliveries_pending",
    "CREATE INDEX ix_outbox_deliveries_due ON outbox_deliveries (status, position)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for sql in UP {
            db.execute_unprepared(sql).await?;
        }
        if m.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("ALTER TABLE outbox_deliveries SET (fillfactor = 50)").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if m.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("ALTER TABLE outbox_deliveries RESET (fillfactor)").await?;
        }
        for sql in DOWN {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
