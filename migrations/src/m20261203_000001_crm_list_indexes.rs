//! The list pages of contacts, client companies and deals walk one organization's
//! rows in id order (keyset on `id`). Without an index that leads with the
//! organization, PostgreSQL walks the primary key of every tenant's rows and
//! filters: a page of 50 in an organization holding a tenth of the table reads
//! about 500 rows, and a smaller tenant's page reads far more.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Contacts {
    Table,
    OrganizationId,
    Id,
}

#[derive(DeriveIden)]
enum ClientCompanies {
    Table,
    OrganizationId,
    Id,
}

#[derive(DeriveIden)]
enum Deals {
    Table,
    OrganizationId,
    Id,
}

fn indexes() -> [(&'static str, IndexCreateStatement); 3] {
    [
        (
            "ix_contacts_org_id",
            Index::create()
                .name("ix_contacts_org_id")
                .table(Contacts::Table)
                .col(Contacts::OrganizationId)
                .col(Contacts::Id)
                .to_owned(),
        ),
        (
            "ix_client_companies_org_id",
            Index::create()
                .name("ix_client_companies_org_id")
                .table(ClientCompanies::Table)
                .col(ClientCompanies::OrganizationId)
                .col(ClientCompanies::Id)
                .to_owned(),
        ),
        (
            "ix_deals_org_id",
            Index::create()
                .name("ix_deals_org_id")
                .table(Deals::Table)
                .col(Deals::OrganizationId)
                .col(Deals::Id)
                .to_owned(),
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (_, index) in indexes() {
            m.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let tables = ["contacts", "client_companies", "deals"];
        for ((name, _), table) in indexes().into_iter().zip(tables) {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned()).await?;
        }
        Ok(())
    }
}
