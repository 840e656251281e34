use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer_null, date_null, integer, integer_null, json_binary, string_len, string_len_null, text_null,
    timestamp_with_time_zone, uuid, uuid_null,
};

use crate::common::{created_at, fk, id, text_enum};

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
enum ClientCompanies {
    Table,
    Id,
    OrganizationId,
    Name,
    NameNormalized,
    Domain,
    Status,
    Address,
    OwnerId,
    Tags,
    Notes,
    MergedIntoId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Contacts {
    Table,
    Id,
    OrganizationId,
    ClientCompanyId,
    FirstName,
    LastName,
    Email,
    EmailNormalized,
    Phone,
    PhoneNormalized,
    Title,
    MergedIntoId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Deals {
    Table,
    Id,
    OrganizationId,
    Name,
    Stage,
    ValueAmountMinor,
    ValueCurrency,
    Probability,
    ExpectedCloseDate,
    ClientCompanyId,
    ContactId,
    OwnerId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ClientCompanies::Table)
                .col(id(ClientCompanies::Id))
                .col(uuid(ClientCompanies::OrganizationId))
                .col(string_len(ClientCompanies::Name, 200))
                .col(string_len(ClientCompanies::NameNormalized, 200))
                .col(string_len_null(ClientCompanies::Domain, 253))
                .col(text_enum(ClientCompanies::Status, &["lead", "active", "inactive", "archived", "merged"]))
                .col(text_null(ClientCompanies::Address))
                .col(uuid_null(ClientCompanies::OwnerId))
                .col(json_binary(ClientCompanies::Tags))
                .col(text_null(ClientCompanies::Notes))
                .col(uuid_null(ClientCompanies::MergedIntoId))
                .col(integer(ClientCompanies::Version).default(1))
                .col(created_at(ClientCompanies::CreatedAt))
                .col(timestamp_with_time_zone(ClientCompanies::UpdatedAt))
                .foreign_key(&mut fk(
                    ClientCompanies::Table,
                    ClientCompanies::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ClientCompanies::Table,
                    ClientCompanies::OwnerId,
                    Users::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_client_companies_org_status", vec![ClientCompanies::OrganizationId, ClientCompanies::Status]),
            ("ix_client_companies_org_name", vec![ClientCompanies::OrganizationId, ClientCompanies::NameNormalized]),
        ] {
            let mut idx = Index::create().name(name).table(ClientCompanies::Table).to_owned();
            for c in cols {
                idx.col(c);
            }
            m.create_index(idx).await?;
        }

        m.create_table(
            Table::create()
                .table(Contacts::Table)
                .col(id(Contacts::Id))
                .col(uuid(Contacts::OrganizationId))
                .col(uuid_null(Contacts::ClientCompanyId))
                .col(string_len(Contacts::FirstName, 100))
                .col(string_len(Contacts::LastName, 100))
                .col(string_len_null(Contacts::Email, 320))
                .col(string_len_null(Contacts::EmailNormalized, 320))
                .col(string_len_null(Contacts::Phone, 50))
                .col(string_len_null(Contacts::PhoneNormalized, 50))
                .col(string_len_null(Contacts::Title, 200))
                .col(uuid_null(Contacts::MergedIntoId))
                .col(integer(Contacts::Version).default(1))
                .col(created_at(Contacts::CreatedAt))
                .col(timestamp_with_time_zone(Contacts::UpdatedAt))
                .foreign_key(&mut fk(
                    Contacts::Table,
                    Contacts::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Contacts::Table,
                    Contacts::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Unique per organization when present; tombstones clear it (NULLs never clash).
        m.create_index(
            Index::create()
                .name("ux_contacts_org_email")
                .table(Contacts::Table)
                .col(Contacts::OrganizationId)
                .col(Contacts::EmailNormalized)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_contacts_company")
                .table(Contacts::Table)
                .col(Contacts::ClientCompanyId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_contacts_org_phone")
                .table(Contacts::Table)
                .col(Contacts::OrganizationId)
                .col(Contacts::PhoneNormalized)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Deals::Table)
                .col(id(Deals::Id))
                .col(uuid(Deals::OrganizationId))
                .col(string_len(Deals::Name, 200))
                .col(text_enum(Deals::Stage, &["lead", "qualified", "proposal", "negotiation", "won", "lost"]))
                .col(big_integer_null(Deals::ValueAmountMinor))
                .col(string_len_null(Deals::ValueCurrency, 3))
                .col(integer_null(Deals::Probability))
                .col(date_null(Deals::ExpectedCloseDate))
                .col(uuid_null(Deals::ClientCompanyId))
                .col(uuid_null(Deals::ContactId))
                .col(uuid_null(Deals::OwnerId))
                .col(integer(Deals::Version).default(1))
                .col(created_at(Deals::CreatedAt))
                .col(timestamp_with_time_zone(Deals::UpdatedAt))
                .foreign_key(&mut fk(
                    Deals::Table,
                    Deals::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Deals::Table,
                    Deals::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(Deals::Table, Deals::ContactId, Contacts::Table, ForeignKeyAction::SetNull))
                .foreign_key(&mut fk(Deals::Table, Deals::OwnerId, Users::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_deals_org_stage", vec![Deals::OrganizationId, Deals::Stage]),
            ("ix_deals_company", vec![Deals::ClientCompanyId]),
            ("ix_deals_contact", vec![Deals::ContactId]),
        ] {
            let mut idx = Index::create().name(name).table(Deals::Table).to_owned();
            for c in cols {
                idx.col(c);
            }
            m.create_index(idx).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [Deals::Table.into_iden(), Contacts::Table.into_iden(), ClientCompanies::Table.into_iden()] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
