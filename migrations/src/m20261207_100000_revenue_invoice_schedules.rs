//! Revenue: invoice schedules (fixed installments, milestones, retainers, time and
//! materials), the record of each period a schedule has processed (its unique key
//! is what makes the daily runner idempotent), and which time entries each
//! invoice line bills (unique per entry, so two live invoices never bill the same
//! minute).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, date_null, integer, integer_null, string_len, string_len_null, text, text_null,
    timestamp_with_time_zone, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Contracts {
    Table,
}

#[derive(DeriveIden, Clone)]
enum TaxRates {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Invoices {
    Table,
    OrganizationId,
    ScheduleId,
}

#[derive(DeriveIden, Clone)]
enum InvoiceLines {
    Table,
}

#[derive(DeriveIden, Clone)]
enum InvoiceSchedules {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    ContractId,
    Kind,
    Name,
    Currency,
    Status,
    Period,
    StartsOn,
    EndsOn,
    /// The retainer's fee per period, in minor units of `currency`.
    Amount,
    IncludedMinutes,
    /// T&M and overage lines: one per member and rate, or per task and rate.
    GroupBy,
    TaxRateId,
    /// The first day the runner has something to do for this schedule.
    NextDueOn,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum InvoiceScheduleItems {
    Table,
    Id,
    OrganizationId,
    ScheduleId,
    Position,
    Description,
    Amount,
    DueOn,
    MilestoneId,
}

#[derive(DeriveIden, Clone)]
enum InvoiceScheduleRuns {
    Table,
    Id,
    OrganizationId,
    ScheduleId,
    PeriodKey,
    PeriodStart,
    PeriodEnd,
    InvoiceId,
    Outcome,
    Detail,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum InvoiceTimeEntries {
    Table,
    TimeEntryId,
    OrganizationId,
    InvoiceId,
    LineId,
    Minutes,
}

fn org_fk<T: IntoIden + Clone + 'static, C: IntoIden + Clone + 'static>(table: T, col: C) -> ForeignKeyCreateStatement {
    fk(table, col, Organizations::Table, ForeignKeyAction::Cascade)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        schedules(m).await?;
        runs(m).await?;
        time_links(m).await?;
        invoice_schedule_column(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_invoices_schedule").table(Invoices::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Invoices::Table).drop_column(Invoices::ScheduleId).to_owned()).await?;
        for t in [
            InvoiceTimeEntries::Table.into_iden(),
            InvoiceScheduleRuns::Table.into_iden(),
            InvoiceScheduleItems::Table.into_iden(),
            InvoiceSchedules::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn schedules(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(InvoiceSchedules::Table)
            .col(id(InvoiceSchedules::Id))
            .col(uuid(InvoiceSchedules::OrganizationId))
            .col(uuid(InvoiceSchedules::EngagementId))
            .col(uuid_null(InvoiceSchedules::ContractId))
            .col(text_enum(InvoiceSchedules::Kind, &["fixed", "milestone", "retainer", "time_and_materials"]))
            .col(string_len(InvoiceSchedules::Name, 200))
            .col(string_len(InvoiceSchedules::Currency, 3))
            .col(text_enum(InvoiceSchedules::Status, &["active", "paused", "ended"]))
            .col(string_len_null(InvoiceSchedules::Period, 32))
            .col(date_null(InvoiceSchedules::StartsOn))
            .col(date_null(InvoiceSchedules::EndsOn))
            .col(ColumnDef::new(InvoiceSchedules::Amount).big_integer().null())
            .col(integer_null(InvoiceSchedules::IncludedMinutes))
            .col(text_enum(InvoiceSchedules::GroupBy, &["member", "task"]))
            .col(uuid_null(InvoiceSchedules::TaxRateId))
            .col(date_null(InvoiceSchedules::NextDueOn))
            .col(integer(InvoiceSchedules::Version))
            .col(string_len(InvoiceSchedules::CreatedBy, 100))
            .col(created_at(InvoiceSchedules::CreatedAt))
            .col(timestamp_with_time_zone(InvoiceSchedules::UpdatedAt))
            .foreign_key(&mut org_fk(InvoiceSchedules::Table, InvoiceSchedules::OrganizationId))
            .foreign_key(&mut fk(
                InvoiceSchedules::Table,
                InvoiceSchedules::EngagementId,
                Engagements::Table,
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                InvoiceSchedules::Table,
                InvoiceSchedules::ContractId,
                Contracts::Table,
                ForeignKeyAction::SetNull,
            ))
            .foreign_key(&mut fk(
                InvoiceSchedules::Table,
                InvoiceSchedules::TaxRateId,
                TaxRates::Table,
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_invoice_schedules_engagement",
        InvoiceSchedules::Table,
        vec![InvoiceSchedules::OrganizationId, InvoiceSchedules::EngagementId, InvoiceSchedules::Id],
    ))
    .await?;
    m.create_index(index(
        "ix_invoice_schedules_org",
        InvoiceSchedules::Table,
        vec![InvoiceSchedules::OrganizationId, InvoiceSchedules::Id],
    ))
    .await?;
    // The daily runner, across organizations: active schedules due by today.
    m.create_index(index(
        "ix_invoice_schedules_due",
        InvoiceSchedules::Table,
        vec![InvoiceSchedules::Status, InvoiceSchedules::NextDueOn, InvoiceSchedules::Id],
    ))
    .await?;
    m.create_table(
        Table::create()
            .table(InvoiceScheduleItems::Table)
            .col(id(InvoiceScheduleItems::Id))
            .col(uuid(InvoiceScheduleItems::OrganizationId))
            .col(uuid(InvoiceScheduleItems::ScheduleId))
            .col(integer(InvoiceScheduleItems::Position))
            .col(text(InvoiceScheduleItems::Description))
            .col(big_integer(InvoiceScheduleItems::Amount))
            .col(date_null(InvoiceScheduleItems::DueOn))
            // No FK to milestones: a deleted milestone leaves a term that never comes due.
            .col(uuid_null(InvoiceScheduleItems::MilestoneId))
            .foreign_key(&mut org_fk(InvoiceScheduleItems::Table, InvoiceScheduleItems::OrganizationId))
            .foreign_key(&mut fk(
                InvoiceScheduleItems::Table,
                InvoiceScheduleItems::ScheduleId,
                InvoiceSchedules::Table,
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_invoice_schedule_items_schedule",
        InvoiceScheduleItems::Table,
        vec![InvoiceScheduleItems::ScheduleId, InvoiceScheduleItems::Position],
    ))
    .await?;
    // A completed milestone finds the terms that bill it.
    m.create_index(index(
        "ix_invoice_schedule_items_milestone",
        InvoiceScheduleItems::Table,
        vec![InvoiceScheduleItems::OrganizationId, InvoiceScheduleItems::MilestoneId],
    ))
    .await
}

async fn runs(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(InvoiceScheduleRuns::Table)
            .col(id(InvoiceScheduleRuns::Id))
            .col(uuid(InvoiceScheduleRuns::OrganizationId))
            .col(uuid(InvoiceScheduleRuns::ScheduleId))
            .col(string_len(InvoiceScheduleRuns::PeriodKey, 64))
            .col(date_null(InvoiceScheduleRuns::PeriodStart))
            .col(date_null(InvoiceScheduleRuns::PeriodEnd))
            .col(uuid_null(InvoiceScheduleRuns::InvoiceId))
            .col(text_enum(InvoiceScheduleRuns::Outcome, &["invoiced", "nothing_to_bill"]))
            .col(text_null(InvoiceScheduleRuns::Detail))
            .col(created_at(InvoiceScheduleRuns::CreatedAt))
            .foreign_key(&mut org_fk(InvoiceScheduleRuns::Table, InvoiceScheduleRuns::OrganizationId))
            .foreign_key(&mut fk(
                InvoiceScheduleRuns::Table,
                InvoiceScheduleRuns::ScheduleId,
                InvoiceSchedules::Table,
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                InvoiceScheduleRuns::Table,
                InvoiceScheduleRuns::InvoiceId,
                Invoices::Table,
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
    )
    .await?;
    // The runner's idempotency: one run per schedule and period, whoever gets there first.
    m.create_index(
        index(
            "ux_invoice_schedule_runs_period",
            InvoiceScheduleRuns::Table,
            vec![InvoiceScheduleRuns::ScheduleId, InvoiceScheduleRuns::PeriodKey],
        )
        .unique()
        .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_invoice_schedule_runs_org",
        InvoiceScheduleRuns::Table,
        vec![InvoiceScheduleRuns::OrganizationId, InvoiceScheduleRuns::ScheduleId, InvoiceScheduleRuns::Id],
    ))
    .await
}

async fn time_links(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(InvoiceTimeEntries::Table)
            // One live invoice per time entry: the key itself forbids double billing.
            .col(uuid(InvoiceTimeEntries::TimeEntryId).primary_key())
            .col(uuid(InvoiceTimeEntries::OrganizationId))
            .col(uuid(InvoiceTimeEntries::InvoiceId))
            .col(uuid(InvoiceTimeEntries::LineId))
            .col(integer(InvoiceTimeEntries::Minutes))
            .foreign_key(&mut org_fk(InvoiceTimeEntries::Table, InvoiceTimeEntries::OrganizationId))
            .foreign_key(&mut fk(
                InvoiceTimeEntries::Table,
                InvoiceTimeEntries::InvoiceId,
                Invoices::Table,
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                InvoiceTimeEntries::Table,
                InvoiceTimeEntries::LineId,
                InvoiceLines::Table,
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_invoice_time_entries_invoice",
        InvoiceTimeEntries::Table,
        vec![InvoiceTimeEntries::InvoiceId, InvoiceTimeEntries::LineId],
    ))
    .await
}

/// `invoices.schedule_id` (SET NULL when the schedule goes). SQLite cannot add a
/// constraint to an existing table through sea-query, but it accepts a
/// REFERENCES clause on ADD COLUMN when the column defaults to NULL, as
/// PostgreSQL does: one statement, with each backend's UUID column type.
async fn invoice_schedule_column(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let uuid_type = match m.get_database_backend() {
        sea_orm_migration::sea_orm::DatabaseBackend::Sqlite => "uuid_text",
        _ => "uuid",
    };
    m.get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE invoices ADD COLUMN schedule_id {uuid_type} NULL \
             REFERENCES invoice_schedules (id) ON DELETE SET NULL ON UPDATE CASCADE"
        ))
        .await?;
    m.create_index(index("ix_invoices_schedule", Invoices::Table, vec![Invoices::OrganizationId, Invoices::ScheduleId]))
        .await
}
