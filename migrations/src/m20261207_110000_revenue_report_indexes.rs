//! The finance reports read one organization's documents by issue date (revenue
//! by client and month, profitability over a period): without these indexes
//! PostgreSQL reads every one of the organization's invoices and credit notes
//! for a single month. AR aging walks open invoices through `ix_invoices_status`.

use sea_orm_migration::prelude::*;

use crate::common::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Invoices {
    Table,
    OrganizationId,
    IssueDate,
}

#[derive(DeriveIden, Clone)]
enum CreditNotes {
    Table,
    OrganizationId,
    IssueDate,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index(
            "ix_invoices_issue_date",
            Invoices::Table,
            vec![Invoices::OrganizationId, Invoices::IssueDate],
        ))
        .await?;
        m.create_index(index(
            "ix_credit_notes_issue_date",
            CreditNotes::Table,
            vec![CreditNotes::OrganizationId, CreditNotes::IssueDate],
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_credit_notes_issue_date").table(CreditNotes::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("ix_invoices_issue_date").table(Invoices::Table).to_owned()).await
    }
}
