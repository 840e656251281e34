use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, boolean, date, integer, string_len, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Users {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Projects {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Tasks {
    Table,
}

#[derive(DeriveIden, Clone)]
enum TimeEntries {
    Table,
    Id,
    OrganizationId,
    MemberId,
    ProjectId,
    /// The project's engagement, copied so billing's query needs no join.
    EngagementId,
    TaskId,
    Date,
    Minutes,
    Billable,
    Note,
    ApprovalState,
    /// Revenue's invoice that billed the entry (set from its events; no foreign key
    /// into another domain's table).
    InvoicedBy,
    DecidedBy,
    DecidedAt,
    RejectionReason,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum RateCards {
    Table,
    Id,
    OrganizationId,
    MemberId,
    EngagementId,
    EffectiveFrom,
    Currency,
    BillingRateMinor,
    CostRateMinor,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let minutes = Expr::col(TimeEntries::Minutes).between(1, 1440);
        m.create_table(
            Table::create()
                .table(TimeEntries::Table)
                .col(id(TimeEntries::Id))
                .col(uuid(TimeEntries::OrganizationId))
                .col(uuid(TimeEntries::MemberId))
                .col(uuid(TimeEntries::ProjectId))
                .col(uuid(TimeEntries::EngagementId))
                .col(uuid_null(TimeEntries::TaskId))
                .col(date(TimeEntries::Date))
                .col(integer(TimeEntries::Minutes).check(minutes))
                .col(boolean(TimeEntries::Billable))
                .col(text_null(TimeEntries::Note))
                .col(text_enum(TimeEntries::ApprovalState, &["draft", "submitted", "approved", "rejected"]))
                .col(uuid_null(TimeEntries::InvoicedBy))
                .col(uuid_null(TimeEntries::DecidedBy))
                .col(timestamp_with_time_zone_null(TimeEntries::DecidedAt))
                .col(text_null(TimeEntries::RejectionReason))
                .col(integer(TimeEntries::Version).default(1))
                .col(created_at(TimeEntries::CreatedAt))
                .col(timestamp_with_time_zone(TimeEntries::UpdatedAt))
                .foreign_key(&mut fk(
                    TimeEntries::Table,
                    TimeEntries::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                // Logged time is a record: neither its member nor its project may
                // vanish under it. A deleted task leaves the time on the project.
                .foreign_key(&mut fk(
                    TimeEntries::Table,
                    TimeEntries::MemberId,
                    Users::Table,
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk(
                    TimeEntries::Table,
                    TimeEntries::ProjectId,
                    Projects::Table,
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk(TimeEntries::Table, TimeEntries::TaskId, Tasks::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            // "Unbilled approved billable time of an engagement up to a date":
            // equality on the first five columns, a range on the date.
            (
                "ix_time_entries_unbilled",
                vec![
                    TimeEntries::OrganizationId,
                    TimeEntries::EngagementId,
                    TimeEntries::ApprovalState,
                    TimeEntries::Billable,
                    TimeEntries::InvoicedBy,
                    TimeEntries::Date,
                ],
            ),
            ("ix_time_entries_member", vec![TimeEntries::OrganizationId, TimeEntries::MemberId, TimeEntries::Id]),
            ("ix_time_entries_project", vec![TimeEntries::ProjectId, TimeEntries::Id]),
            ("ix_time_entries_task", vec![TimeEntries::TaskId]),
        ] {
            m.create_index(index(name, TimeEntries::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(RateCards::Table)
                .col(id(RateCards::Id))
                .col(uuid(RateCards::OrganizationId))
                .col(uuid(RateCards::MemberId))
                .col(uuid_null(RateCards::EngagementId))
                .col(date(RateCards::EffectiveFrom))
                .col(string_len(RateCards::Currency, 3))
                .col(big_integer(RateCards::BillingRateMinor).check(Expr::col(RateCards::BillingRateMinor).gte(0)))
                .col(big_integer(RateCards::CostRateMinor).check(Expr::col(RateCards::CostRateMinor).gte(0)))
                .col(created_at(RateCards::CreatedAt))
                .foreign_key(&mut fk(
                    RateCards::Table,
                    RateCards::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(RateCards::Table, RateCards::MemberId, Users::Table, ForeignKeyAction::Cascade))
                .foreign_key(&mut fk(
                    RateCards::Table,
                    RateCards::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One card per member, engagement (or default) and start date. NULLs are
        // distinct in a unique index, so the defaults get their own partial one.
        m.create_index(
            index(
                "ux_rate_cards_override",
                RateCards::Table,
                vec![RateCards::OrganizationId, RateCards::MemberId, RateCards::EngagementId, RateCards::EffectiveFrom],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_rate_cards_default",
                RateCards::Table,
                vec![RateCards::OrganizationId, RateCards::MemberId, RateCards::EffectiveFrom],
            )
            .unique()
            .and_where(Expr::col(RateCards::EngagementId).is_null())
            .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RateCards::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TimeEntries::Table).to_owned()).await
    }
}
