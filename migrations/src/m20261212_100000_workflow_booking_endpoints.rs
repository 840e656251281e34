//! Workflow: inbound booking endpoints (Cal.com, Calendly) with their signing
//! secret sealed by the vault, and the receipts of the bookings they took in —
//! unique per (endpoint, provider booking uid), so a redelivered booking is
//! recognised and publishes nothing.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{boolean, integer, string_len, text, timestamp_with_time_zone, uuid};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum BookingEndpoints {
    Table,
    Id,
    OrganizationId,
    /// The random id in the inbound URL.
    IngestId,
    Name,
    Provider,
    SecretCiphertext,
    Enabled,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum BookingReceipts {
    Table,
    Id,
    OrganizationId,
    EndpointId,
    BookingUid,
    EventId,
    CreatedAt,
}

const PROVIDERS: &[&str] = &["cal_com", "calendly"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(BookingEndpoints::Table)
                .col(id(BookingEndpoints::Id))
                .col(uuid(BookingEndpoints::OrganizationId))
                .col(uuid(BookingEndpoints::IngestId))
                .col(string_len(BookingEndpoints::Name, 200))
                .col(text_enum(BookingEndpoints::Provider, PROVIDERS))
                .col(text(BookingEndpoints::SecretCiphertext))
                .col(boolean(BookingEndpoints::Enabled))
                .col(integer(BookingEndpoints::Version).default(1))
                .col(created_at(BookingEndpoints::CreatedAt))
                .col(timestamp_with_time_zone(BookingEndpoints::UpdatedAt))
                .foreign_key(&mut fk(
                    BookingEndpoints::Table,
                    BookingEndpoints::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_booking_endpoints_org",
            BookingEndpoints::Table,
            vec![BookingEndpoints::OrganizationId, BookingEndpoints::Id],
        ))
        .await?;
        m.create_index(
            index("ux_booking_endpoints_ingest", BookingEndpoints::Table, vec![BookingEndpoints::IngestId])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BookingReceipts::Table)
                .col(id(BookingReceipts::Id))
                .col(uuid(BookingReceipts::OrganizationId))
                .col(uuid(BookingReceipts::EndpointId))
                .col(string_len(BookingReceipts::BookingUid, 500))
                .col(uuid(BookingReceipts::EventId))
                .col(created_at(BookingReceipts::CreatedAt))
                .foreign_key(&mut fk(
                    BookingReceipts::Table,
                    BookingReceipts::EndpointId,
                    BookingEndpoints::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // Once only: a redelivered booking finds its receipt.
        m.create_index(
            index(
                "ux_booking_receipts_endpoint_uid",
                BookingReceipts::Table,
                vec![BookingReceipts::EndpointId, BookingReceipts::BookingUid],
            )
            .unique()
            .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(BookingReceipts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(BookingEndpoints::Table).to_owned()).await
    }
}
