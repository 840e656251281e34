//! Records a timeline entry is about besides its own entity: the CRM contacts a
//! message was matched to (`contact`, for `GET /timeline?contact_id=`), and the
//! record it lives in (`within`, a message's thread), whose filing under an
//! engagement its entry follows. No foreign key to `activity_events`: that table
//! is range-partitioned on PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{timestamp_with_time_zone, uuid};

use crate::common::{index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum ActivityRefs {
    Table,
    OrganizationId,
    RefId,
    ActivityId,
    Kind,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ActivityRefs::Table)
                .col(uuid(ActivityRefs::OrganizationId))
                .col(uuid(ActivityRefs::RefId))
                .col(uuid(ActivityRefs::ActivityId))
                .col(text_enum(ActivityRefs::Kind, &["contact", "within"]))
                .col(timestamp_with_time_zone(ActivityRefs::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(ActivityRefs::OrganizationId)
                        .col(ActivityRefs::RefId)
                        .col(ActivityRefs::ActivityId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_activity_refs_activity",
            ActivityRefs::Table,
            vec![ActivityRefs::OrganizationId, ActivityRefs::ActivityId],
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ActivityRefs::Table).to_owned()).await
    }
}
