use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_integer_null, date_null, integer, string_len, string_len_null, text_null,
    timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum ClientCompanies {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Contacts {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Deals {
    Table,
}

/// One row per organization; the UPDATE of it serializes concurrent proposal
/// creations so numbers stay gapless-ish and unique without a retry loop.
#[derive(DeriveIden, Clone)]
enum AgreementCounters {
    Table,
    OrganizationId,
    LastProposalNumber,
}

#[derive(DeriveIden, Clone)]
enum Proposals {
    Table,
    Id,
    OrganizationId,
    Number,
    Title,
    ClientCompanyId,
    ContactId,
    DealId,
    Currency,
    ValidUntil,
    Status,
    SubtotalMinor,
    TotalMinor,
    SentAt,
    DecidedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum ProposalLineItems {
    Table,
    Id,
    OrganizationId,
    ProposalId,
    Position,
    Description,
    QuantityMilli,
    UnitPriceMinor,
    AmountMinor,
}

#[derive(DeriveIden, Clone)]
enum Contracts {
    Table,
    Id,
    OrganizationId,
    ProposalId,
    Title,
    ClientCompanyId,
    ContactId,
    DealId,
    Currency,
    TotalAmountMinor,
    StartDate,
    EndDate,
    Terms,
    Status,
    SignerName,
    SignerEmail,
    SignerIp,
    SignedAt,
    SignatureCiphertext,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
    Id,
    OrganizationId,
    ContractId,
    DealId,
    ClientCompanyId,
    Name,
    BillingModel,
    BudgetAmountMinor,
    BudgetCurrency,
    StartDate,
    EndDate,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

fn index<T: IntoIden + Clone + 'static, C: IntoIden + Clone + 'static>(
    name: &str,
    table: T,
    cols: Vec<C>,
) -> IndexCreateStatement {
    let mut idx = Index::create().name(name).table(table).to_owned();
    for c in cols {
        idx.col(c);
    }
    idx
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AgreementCounters::Table)
                .col(uuid(AgreementCounters::OrganizationId).primary_key())
                .col(big_integer(AgreementCounters::LastProposalNumber).default(0))
                .foreign_key(&mut fk(
                    AgreementCounters::Table,
                    AgreementCounters::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Proposals::Table)
                .col(id(Proposals::Id))
                .col(uuid(Proposals::OrganizationId))
                .col(big_integer(Proposals::Number))
                .col(string_len(Proposals::Title, 200))
                .col(uuid_null(Proposals::ClientCompanyId))
                .col(uuid_null(Proposals::ContactId))
                .col(uuid_null(Proposals::DealId))
                .col(string_len(Proposals::Currency, 3))
                .col(date_null(Proposals::ValidUntil))
                .col(text_enum(Proposals::Status, &["draft", "sent", "accepted", "declined", "expired"]))
                .col(big_integer(Proposals::SubtotalMinor))
                .col(big_integer(Proposals::TotalMinor))
                .col(timestamp_with_time_zone_null(Proposals::SentAt))
                .col(timestamp_with_time_zone_null(Proposals::DecidedAt))
                .col(integer(Proposals::Version).default(1))
                .col(created_at(Proposals::CreatedAt))
                .col(timestamp_with_time_zone(Proposals::UpdatedAt))
                .foreign_key(&mut fk(
                    Proposals::Table,
                    Proposals::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Proposals::Table,
                    Proposals::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Proposals::Table,
                    Proposals::ContactId,
                    Contacts::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(Proposals::Table, Proposals::DealId, Deals::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        // The safety net under the counter: a number can never be issued twice.
        m.create_index(
            index("ux_proposals_org_number", Proposals::Table, vec![Proposals::OrganizationId, Proposals::Number])
                .unique()
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_proposals_org_status", vec![Proposals::OrganizationId, Proposals::Status]),
            ("ix_proposals_company", vec![Proposals::ClientCompanyId]),
            ("ix_proposals_contact", vec![Proposals::ContactId]),
            ("ix_proposals_deal", vec![Proposals::DealId]),
        ] {
            m.create_index(index(name, Proposals::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(ProposalLineItems::Table)
                .col(id(ProposalLineItems::Id))
                .col(uuid(ProposalLineItems::OrganizationId))
                .col(uuid(ProposalLineItems::ProposalId))
                .col(integer(ProposalLineItems::Position))
                .col(string_len(ProposalLineItems::Description, 1000))
                .col(big_integer(ProposalLineItems::QuantityMilli))
                .col(big_integer(ProposalLineItems::UnitPriceMinor))
                .col(big_integer(ProposalLineItems::AmountMinor))
                .foreign_key(&mut fk(
                    ProposalLineItems::Table,
                    ProposalLineItems::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ProposalLineItems::Table,
                    ProposalLineItems::ProposalId,
                    Proposals::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_proposal_line_items_position",
                ProposalLineItems::Table,
                vec![ProposalLineItems::ProposalId, ProposalLineItems::Position],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Contracts::Table)
                .col(id(Contracts::Id))
                .col(uuid(Contracts::OrganizationId))
                .col(uuid_null(Contracts::ProposalId))
                .col(string_len(Contracts::Title, 200))
                .col(uuid_null(Contracts::ClientCompanyId))
                .col(uuid_null(Contracts::ContactId))
                .col(uuid_null(Contracts::DealId))
                .col(string_len(Contracts::Currency, 3))
                .col(big_integer_null(Contracts::TotalAmountMinor))
                .col(date_null(Contracts::StartDate))
                .col(date_null(Contracts::EndDate))
                .col(text_null(Contracts::Terms))
                .col(text_enum(Contracts::Status, &["draft", "sent", "signed", "active", "completed", "terminated"]))
                .col(string_len_null(Contracts::SignerName, 200))
                .col(string_len_null(Contracts::SignerEmail, 320))
                .col(string_len_null(Contracts::SignerIp, 45))
                .col(timestamp_with_time_zone_null(Contracts::SignedAt))
                .col(text_null(Contracts::SignatureCiphertext))
                .col(integer(Contracts::Version).default(1))
                .col(created_at(Contracts::CreatedAt))
                .col(timestamp_with_time_zone(Contracts::UpdatedAt))
                .foreign_key(&mut fk(
                    Contracts::Table,
                    Contracts::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Contracts::Table,
                    Contracts::ProposalId,
                    Proposals::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Contracts::Table,
                    Contracts::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Contracts::Table,
                    Contracts::ContactId,
                    Contacts::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(Contracts::Table, Contracts::DealId, Deals::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        // One contract per proposal; NULLs (direct contracts) never clash.
        m.create_index(
            index("ux_contracts_proposal", Contracts::Table, vec![Contracts::ProposalId]).unique().to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_contracts_org_status", vec![Contracts::OrganizationId, Contracts::Status]),
            ("ix_contracts_company", vec![Contracts::ClientCompanyId]),
            ("ix_contracts_contact", vec![Contracts::ContactId]),
            ("ix_contracts_deal", vec![Contracts::DealId]),
        ] {
            m.create_index(index(name, Contracts::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(Engagements::Table)
                .col(id(Engagements::Id))
                .col(uuid(Engagements::OrganizationId))
                .col(uuid_null(Engagements::ContractId))
                .col(uuid_null(Engagements::DealId))
                .col(uuid_null(Engagements::ClientCompanyId))
                .col(string_len(Engagements::Name, 200))
                .col(text_enum(Engagements::BillingModel, &["fixed", "time_and_materials", "retainer"]))
                .col(big_integer_null(Engagements::BudgetAmountMinor))
                .col(string_len_null(Engagements::BudgetCurrency, 3))
                .col(date_null(Engagements::StartDate))
                .col(date_null(Engagements::EndDate))
                .col(text_enum(Engagements::Status, &["planned", "active", "on_hold", "completed", "cancelled"]))
                .col(integer(Engagements::Version).default(1))
                .col(created_at(Engagements::CreatedAt))
                .col(timestamp_with_time_zone(Engagements::UpdatedAt))
                .foreign_key(&mut fk(
                    Engagements::Table,
                    Engagements::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Engagements::Table,
                    Engagements::ContractId,
                    Contracts::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(Engagements::Table, Engagements::DealId, Deals::Table, ForeignKeyAction::SetNull))
                .foreign_key(&mut fk(
                    Engagements::Table,
                    Engagements::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_engagements_org_status", vec![Engagements::OrganizationId, Engagements::Status]),
            ("ix_engagements_company", vec![Engagements::ClientCompanyId]),
            ("ix_engagements_contract", vec![Engagements::ContractId]),
        ] {
            m.create_index(index(name, Engagements::Table, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Engagements::Table.into_iden(),
            Contracts::Table.into_iden(),
            ProposalLineItems::Table.into_iden(),
            Proposals::Table.into_iden(),
            AgreementCounters::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
