use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{date, integer, uuid};

use crate::common::{created_at, fk, id, index};

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
enum MemberCapacities {
    Table,
    Id,
    OrganizationId,
    MemberId,
    EffectiveFrom,
    /// 0..=10080 (a week of minutes).
    MinutesPerWeek,
    /// Bit 0 Monday … bit 6 Sunday; at least one day.
    WorkingDays,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum TimeEntries {
    Table,
    OrganizationId,
    MemberId,
    Date,
    ApprovalState,
    Billable,
    Minutes,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(MemberCapacities::Table)
                .col(id(MemberCapacities::Id))
                .col(uuid(MemberCapacities::OrganizationId))
                .col(uuid(MemberCapacities::MemberId))
                .col(date(MemberCapacities::EffectiveFrom))
                .col(
                    integer(MemberCapacities::MinutesPerWeek)
                        .check(Expr::col(MemberCapacities::MinutesPerWeek).between(0, 10_080)),
                )
                .col(
                    integer(MemberCapacities::WorkingDays)
                        .check(Expr::col(MemberCapacities::WorkingDays).between(1, 127)),
                )
                .col(created_at(MemberCapacities::CreatedAt))
                .foreign_key(&mut fk(
                    MemberCapacities::Table,
                    MemberCapacities::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    MemberCapacities::Table,
                    MemberCapacities::MemberId,
                    Users::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One capacity per member and start date; also serves "the member's
        // capacities up to a day" for the utilization report.
        m.create_index(
            index(
                "ux_member_capacities_member_from",
                MemberCapacities::Table,
                vec![MemberCapacities::OrganizationId, MemberCapacities::MemberId, MemberCapacities::EffectiveFrom],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // The utilization report sums a page of members' time over a date range:
        // equality on organization and member, a range on the date, and the
        // summed columns in the index so PostgreSQL can answer from it alone.
        m.create_index(index(
            "ix_time_entries_member_date",
            TimeEntries::Table,
            vec![
                TimeEntries::OrganizationId,
                TimeEntries::MemberId,
                TimeEntries::Date,
                TimeEntries::ApprovalState,
                TimeEntries::Billable,
                TimeEntries::Minutes,
            ],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_time_entries_member_date").table(TimeEntries::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(MemberCapacities::Table).to_owned()).await
    }
}
