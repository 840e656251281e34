//! Revenue: payment reminders drafted for overdue invoices, one per invoice and
//! configured step (days past due).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, integer, string_len, timestamp_with_time_zone, uuid};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Invoices {
    Table,
}

#[derive(DeriveIden, Clone)]
enum InvoiceReminders {
    Table,
    Id,
    OrganizationId,
    InvoiceId,
    /// The configured step, in days past due.
    StepDays,
    /// Days past due when drafted (a catch-up drafts a step later than it fell due).
    DaysOverdue,
    /// The invoice balance when drafted, in its currency's minor units.
    Balance,
    Currency,
    Status,
    Version,
    DraftedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(InvoiceReminders::Table)
                .col(id(InvoiceReminders::Id))
                .col(uuid(InvoiceReminders::OrganizationId))
                .col(uuid(InvoiceReminders::InvoiceId))
                .col(integer(InvoiceReminders::StepDays))
                .col(integer(InvoiceReminders::DaysOverdue))
                .col(big_integer(InvoiceReminders::Balance))
                .col(string_len(InvoiceReminders::Currency, 3))
                .col(text_enum(InvoiceReminders::Status, &["drafted", "sent", "dismissed"]))
                .col(integer(InvoiceReminders::Version))
                .col(created_at(InvoiceReminders::DraftedAt))
                .col(timestamp_with_time_zone(InvoiceReminders::UpdatedAt))
                .foreign_key(&mut fk(
                    InvoiceReminders::Table,
                    InvoiceReminders::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    InvoiceReminders::Table,
                    InvoiceReminders::InvoiceId,
                    Invoices::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Never two reminders for one invoice and step: two workers or a rerun insert
        // the same key and one of them does nothing.
        m.create_index(
            index(
                "ux_invoice_reminders_step",
                InvoiceReminders::Table,
                vec![InvoiceReminders::InvoiceId, InvoiceReminders::StepDays],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // Lists: all of an organization's, by invoice, by status; keyset on id.
        m.create_index(index(
            "ix_invoice_reminders_org",
            InvoiceReminders::Table,
            vec![InvoiceReminders::OrganizationId, InvoiceReminders::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_invoice_reminders_invoice",
            InvoiceReminders::Table,
            vec![InvoiceReminders::OrganizationId, InvoiceReminders::InvoiceId, InvoiceReminders::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_invoice_reminders_status",
            InvoiceReminders::Table,
            vec![InvoiceReminders::OrganizationId, InvoiceReminders::Status, InvoiceReminders::Id],
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(InvoiceReminders::Table).to_owned()).await
    }
}
