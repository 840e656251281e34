//! Revenue: the organization's billing settings and tax rates, gapless number
//! series, exchange rates, invoices with their lines, payments and credit notes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, boolean, date, date_null, integer, string_len, string_len_null, text_null,
    timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null,
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
enum ClientCompanies {
    Table,
}

#[derive(DeriveIden, Clone)]
enum RevenueSettings {
    Table,
    OrganizationId,
    BaseCurrency,
    InvoiceNumberFormat,
    CreditNoteNumberFormat,
    PaymentTermsDays,
    /// Days past due at which reminders are drafted, e.g. "1,7,14,30".
    ReminderSteps,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum TaxRates {
    Table,
    Id,
    OrganizationId,
    Name,
    BasisPoints,
    Inclusive,
    ArchivedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum NumberSeries {
    Table,
    OrganizationId,
    Series,
    /// The next value to hand out; taken and bumped in the issuing transaction.
    NextValue,
}

#[derive(DeriveIden, Clone)]
enum FxRates {
    Table,
    Id,
    OrganizationId,
    Currency,
    BaseCurrency,
    RateDate,
    /// Units of the base currency per unit of `currency`, in billionths.
    Rate,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Invoices {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    ClientCompanyId,
    Currency,
    Status,
    Number,
    IssueDate,
    DueDate,
    PaymentTermsDays,
    BaseCurrency,
    FxRate,
    Subtotal,
    TaxTotal,
    Total,
    Paid,
    Credited,
    Notes,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    IssuedAt,
    VoidedAt,
}

#[derive(DeriveIden, Clone)]
enum InvoiceLines {
    Table,
    Id,
    OrganizationId,
    InvoiceId,
    Position,
    Description,
    /// Thousandths.
    Quantity,
    UnitPrice,
    TaxName,
    TaxBasisPoints,
    TaxInclusive,
    Net,
    Tax,
    Gross,
}

#[derive(DeriveIden, Clone)]
enum Payments {
    Table,
    Id,
    OrganizationId,
    InvoiceId,
    Amount,
    Currency,
    ReceivedOn,
    Method,
    Reference,
    FxRate,
    BaseAmount,
    ReversedAt,
    ReversalReason,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum CreditNotes {
    Table,
    Id,
    OrganizationId,
    InvoiceId,
    Number,
    IssueDate,
    Reason,
    Currency,
    FxRate,
    Subtotal,
    TaxTotal,
    Total,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum CreditNoteLines {
    Table,
    CreditNoteId,
    Position,
}

fn org_fk<T: IntoIden + Clone + 'static, C: IntoIden + Clone + 'static>(table: T, col: C) -> ForeignKeyCreateStatement {
    fk(table, col, Organizations::Table, ForeignKeyAction::Cascade)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        settings(m).await?;
        invoices(m).await?;
        payments(m).await?;
        credit_notes(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CreditNoteLines::Table.into_iden(),
            CreditNotes::Table.into_iden(),
            Payments::Table.into_iden(),
            InvoiceLines::Table.into_iden(),
            Invoices::Table.into_iden(),
            FxRates::Table.into_iden(),
            NumberSeries::Table.into_iden(),
            TaxRates::Table.into_iden(),
            RevenueSettings::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn settings(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(RevenueSettings::Table)
            .col(uuid(RevenueSettings::OrganizationId).primary_key())
            .col(string_len(RevenueSettings::BaseCurrency, 3))
            .col(string_len(RevenueSettings::InvoiceNumberFormat, 40))
            .col(string_len(RevenueSettings::CreditNoteNumberFormat, 40))
            .col(integer(RevenueSettings::PaymentTermsDays))
            .col(string_len(RevenueSettings::ReminderSteps, 100))
            .col(integer(RevenueSettings::Version))
            .col(timestamp_with_time_zone(RevenueSettings::UpdatedAt))
            .foreign_key(&mut org_fk(RevenueSettings::Table, RevenueSettings::OrganizationId))
            .to_owned(),
    )
    .await?;
    m.create_table(
        Table::create()
            .table(TaxRates::Table)
            .col(id(TaxRates::Id))
            .col(uuid(TaxRates::OrganizationId))
            .col(string_len(TaxRates::Name, 100))
            .col(integer(TaxRates::BasisPoints))
            .col(boolean(TaxRates::Inclusive))
            .col(timestamp_with_time_zone_null(TaxRates::ArchivedAt))
            .col(integer(TaxRates::Version))
            .col(created_at(TaxRates::CreatedAt))
            .col(timestamp_with_time_zone(TaxRates::UpdatedAt))
            .foreign_key(&mut org_fk(TaxRates::Table, TaxRates::OrganizationId))
            .to_owned(),
    )
    .await?;
    m.create_index(index("ix_tax_rates_org", TaxRates::Table, vec![TaxRates::OrganizationId, TaxRates::Id])).await?;
    m.create_table(
        Table::create()
            .table(NumberSeries::Table)
            .col(uuid(NumberSeries::OrganizationId))
            .col(string_len(NumberSeries::Series, 32))
            .col(big_integer(NumberSeries::NextValue))
            .primary_key(Index::create().col(NumberSeries::OrganizationId).col(NumberSeries::Series))
            .foreign_key(&mut org_fk(NumberSeries::Table, NumberSeries::OrganizationId))
            .to_owned(),
    )
    .await?;
    m.create_table(
        Table::create()
            .table(FxRates::Table)
            .col(id(FxRates::Id))
            .col(uuid(FxRates::OrganizationId))
            .col(string_len(FxRates::Currency, 3))
            .col(string_len(FxRates::BaseCurrency, 3))
            .col(date(FxRates::RateDate))
            .col(big_integer(FxRates::Rate))
            .col(created_at(FxRates::CreatedAt))
            .foreign_key(&mut org_fk(FxRates::Table, FxRates::OrganizationId))
            .to_owned(),
    )
    .await?;
    // One rate per currency pair and day; the lookup takes the latest on or before a date.
    m.create_index(
        index(
            "ux_fx_rates_pair_date",
            FxRates::Table,
            vec![FxRates::OrganizationId, FxRates::Currency, FxRates::BaseCurrency, FxRates::RateDate],
        )
        .unique()
        .to_owned(),
    )
    .await
}

async fn invoices(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Invoices::Table)
            .col(id(Invoices::Id))
            .col(uuid(Invoices::OrganizationId))
            .col(uuid(Invoices::EngagementId))
            .col(uuid_null(Invoices::ClientCompanyId))
            .col(string_len(Invoices::Currency, 3))
            .col(text_enum(Invoices::Status, &["draft", "issued", "partially_paid", "paid", "void"]))
            .col(string_len_null(Invoices::Number, 64))
            .col(date_null(Invoices::IssueDate))
            .col(date_null(Invoices::DueDate))
            .col(integer(Invoices::PaymentTermsDays))
            .col(string_len(Invoices::BaseCurrency, 3))
            .col(big_integer_null(Invoices::FxRate))
            .col(big_integer(Invoices::Subtotal))
            .col(big_integer(Invoices::TaxTotal))
            .col(big_integer(Invoices::Total))
            .col(big_integer(Invoices::Paid))
            .col(big_integer(Invoices::Credited))
            .col(text_null(Invoices::Notes))
            .col(integer(Invoices::Version))
            .col(string_len(Invoices::CreatedBy, 100))
            .col(created_at(Invoices::CreatedAt))
            .col(timestamp_with_time_zone(Invoices::UpdatedAt))
            .col(timestamp_with_time_zone_null(Invoices::IssuedAt))
            .col(timestamp_with_time_zone_null(Invoices::VoidedAt))
            .foreign_key(&mut org_fk(Invoices::Table, Invoices::OrganizationId))
            .foreign_key(&mut fk(
                Invoices::Table,
                Invoices::EngagementId,
                Engagements::Table,
                ForeignKeyAction::Cascade,
            ))
            .foreign_key(&mut fk(
                Invoices::Table,
                Invoices::ClientCompanyId,
                ClientCompanies::Table,
                ForeignKeyAction::SetNull,
            ))
            .to_owned(),
    )
    .await?;
    // Lists: by status, by engagement, by client; AR aging scans open invoices by due date.
    m.create_index(index(
        "ix_invoices_status",
        Invoices::Table,
        vec![Invoices::OrganizationId, Invoices::Status, Invoices::Id],
    ))
    .await?;
    m.create_index(index(
        "ix_invoices_engagement",
        Invoices::Table,
        vec![Invoices::OrganizationId, Invoices::EngagementId, Invoices::Id],
    ))
    .await?;
    m.create_index(index(
        "ix_invoices_client_due",
        Invoices::Table,
        vec![Invoices::OrganizationId, Invoices::ClientCompanyId, Invoices::DueDate],
    ))
    .await?;
    // Numbers are unique per organization (drafts have none; NULLs never collide).
    m.create_index(
        index("ux_invoices_number", Invoices::Table, vec![Invoices::OrganizationId, Invoices::Number])
            .unique()
            .to_owned(),
    )
    .await?;
    m.create_table(lines_table(InvoiceLines::Table, InvoiceLines::InvoiceId, Invoices::Table)).await?;
    m.create_index(index(
        "ix_invoice_lines_invoice",
        InvoiceLines::Table,
        vec![InvoiceLines::InvoiceId, InvoiceLines::Position],
    ))
    .await
}

/// Invoice and credit-note lines share one shape.
fn lines_table<T, P>(table: T, parent_col: impl IntoIden + Clone + 'static, parent: P) -> TableCreateStatement
where
    T: IntoIden + Clone + 'static,
    P: IntoIden + Clone + 'static,
{
    Table::create()
        .table(table.clone())
        .col(id(InvoiceLines::Id))
        .col(uuid(InvoiceLines::OrganizationId))
        .col(uuid(parent_col.clone()))
        .col(integer(InvoiceLines::Position))
        .col(string_len(InvoiceLines::Description, 500))
        .col(big_integer(InvoiceLines::Quantity))
        .col(big_integer(InvoiceLines::UnitPrice))
        .col(string_len_null(InvoiceLines::TaxName, 100))
        .col(integer(InvoiceLines::TaxBasisPoints))
        .col(boolean(InvoiceLines::TaxInclusive))
        .col(big_integer(InvoiceLines::Net))
        .col(big_integer(InvoiceLines::Tax))
        .col(big_integer(InvoiceLines::Gross))
        .foreign_key(&mut org_fk(table.clone(), InvoiceLines::OrganizationId))
        .foreign_key(&mut fk(table, parent_col, parent, ForeignKeyAction::Cascade))
        .to_owned()
}

async fn payments(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Payments::Table)
            .col(id(Payments::Id))
            .col(uuid(Payments::OrganizationId))
            .col(uuid(Payments::InvoiceId))
            .col(big_integer(Payments::Amount))
            .col(string_len(Payments::Currency, 3))
            .col(date(Payments::ReceivedOn))
            .col(string_len_null(Payments::Method, 50))
            .col(string_len_null(Payments::Reference, 200))
            .col(big_integer_null(Payments::FxRate))
            .col(big_integer(Payments::BaseAmount))
            .col(timestamp_with_time_zone_null(Payments::ReversedAt))
            .col(string_len_null(Payments::ReversalReason, 500))
            .col(integer(Payments::Version))
            .col(string_len(Payments::CreatedBy, 100))
            .col(created_at(Payments::CreatedAt))
            .col(timestamp_with_time_zone(Payments::UpdatedAt))
            .foreign_key(&mut org_fk(Payments::Table, Payments::OrganizationId))
            .foreign_key(&mut fk(Payments::Table, Payments::InvoiceId, Invoices::Table, ForeignKeyAction::Cascade))
            .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_payments_invoice",
        Payments::Table,
        vec![Payments::OrganizationId, Payments::InvoiceId, Payments::Id],
    ))
    .await?;
    m.create_index(index("ix_payments_org", Payments::Table, vec![Payments::OrganizationId, Payments::Id])).await
}

async fn credit_notes(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(CreditNotes::Table)
            .col(id(CreditNotes::Id))
            .col(uuid(CreditNotes::OrganizationId))
            .col(uuid(CreditNotes::InvoiceId))
            .col(string_len(CreditNotes::Number, 64))
            .col(date(CreditNotes::IssueDate))
            .col(string_len_null(CreditNotes::Reason, 500))
            .col(string_len(CreditNotes::Currency, 3))
            .col(big_integer_null(CreditNotes::FxRate))
            .col(big_integer(CreditNotes::Subtotal))
            .col(big_integer(CreditNotes::TaxTotal))
            .col(big_integer(CreditNotes::Total))
            .col(string_len(CreditNotes::CreatedBy, 100))
            .col(created_at(CreditNotes::CreatedAt))
            .foreign_key(&mut org_fk(CreditNotes::Table, CreditNotes::OrganizationId))
            .foreign_key(&mut fk(
                CreditNotes::Table,
                CreditNotes::InvoiceId,
                Invoices::Table,
                ForeignKeyAction::Cascade,
            ))
            .to_owned(),
    )
    .await?;
    m.create_index(
        index("ux_credit_notes_number", CreditNotes::Table, vec![CreditNotes::OrganizationId, CreditNotes::Number])
            .unique()
            .to_owned(),
    )
    .await?;
    m.create_index(index(
        "ix_credit_notes_invoice",
        CreditNotes::Table,
        vec![CreditNotes::OrganizationId, CreditNotes::InvoiceId, CreditNotes::Id],
    ))
    .await?;
    m.create_table(lines_table(CreditNoteLines::Table, CreditNoteLines::CreditNoteId, CreditNotes::Table)).await?;
    m.create_index(index(
        "ix_credit_note_lines_note",
        CreditNoteLines::Table,
        vec![CreditNoteLines::CreditNoteId, CreditNoteLines::Position],
    ))
    .await
}
