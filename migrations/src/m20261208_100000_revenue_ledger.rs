//! Revenue, ledger sync: one connection to QuickBooks Online or Xero per
//! organization (OAuth tokens sealed by the vault), the admin's mapping of tax
//! rates and accounts to ledger ids, the link of each pushed or pulled record to
//! its ledger twin (the idempotency key of every push), and a report per sync run.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, integer, string_len, string_len_null, text, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum LedgerConnections {
    Table,
    Id,
    OrganizationId,
    Provider,
    Status,
    /// QBO realm id or Xero tenant id, once connected.
    TenantRef,
    /// Sealed by the kernel's vault, bound to the row id.
    AccessTokenCiphertext,
    RefreshTokenCiphertext,
    AccessExpiresAt,
    /// SHA-256 of the OAuth `state` of the authorization in progress.
    OauthStateHash,
    /// Payments changed in the ledger after this instant are pulled next.
    PullWatermark,
    LastError,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum LedgerMappings {
    Table,
    Id,
    OrganizationId,
    Kind,
    /// A tax rate id, or `default` for accounts.
    LocalKey,
    RemoteId,
    RemoteName,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum LedgerLinks {
    Table,
    Id,
    OrganizationId,
    LocalType,
    LocalId,
    /// Null until the ledger answered the create.
    RemoteId,
    /// QBO `SyncToken`, Xero `UpdatedDateUTC`, as last seen.
    RemoteVersion,
    /// SHA-256 of what was last pushed.
    ContentHash,
    /// Sent with the create (QBO `requestid`, Xero reference), so a retry is the same request.
    RequestId,
    Conflict,
    LastError,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum LedgerSyncRuns {
    Table,
    Id,
    OrganizationId,
    Provider,
    Trigger,
    Status,
    Pushed,
    Pulled,
    Skipped,
    Conflicts,
    /// JSON: `[{record_type, record_id, message}]`.
    Errors,
    StartedBy,
    StartedAt,
    FinishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LedgerConnections::Table)
                .col(id(LedgerConnections::Id))
                .col(uuid(LedgerConnections::OrganizationId))
                .col(text_enum(LedgerConnections::Provider, &["quickbooks", "xero"]))
                .col(text_enum(LedgerConnections::Status, &["pending", "connected", "auth_failed"]))
                .col(string_len_null(LedgerConnections::TenantRef, 100))
                .col(text_null(LedgerConnections::AccessTokenCiphertext))
                .col(text_null(LedgerConnections::RefreshTokenCiphertext))
                .col(timestamp_with_time_zone_null(LedgerConnections::AccessExpiresAt))
                .col(string_len_null(LedgerConnections::OauthStateHash, 64))
                .col(timestamp_with_time_zone_null(LedgerConnections::PullWatermark))
                .col(text_null(LedgerConnections::LastError))
                .col(integer(LedgerConnections::Version))
                .col(string_len(LedgerConnections::CreatedBy, 64))
                .col(created_at(LedgerConnections::CreatedAt))
                .col(timestamp_with_time_zone(LedgerConnections::UpdatedAt))
                .foreign_key(&mut fk(
                    LedgerConnections::Table,
                    LedgerConnections::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One ledger per organization.
        m.create_index(
            index("ux_ledger_connections_org", LedgerConnections::Table, vec![LedgerConnections::OrganizationId])
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LedgerMappings::Table)
                .col(id(LedgerMappings::Id))
                .col(uuid(LedgerMappings::OrganizationId))
                .col(text_enum(
                    LedgerMappings::Kind,
                    &["tax_rate", "income_account", "expense_account", "bank_account"],
                ))
                .col(string_len(LedgerMappings::LocalKey, 64))
                .col(string_len(LedgerMappings::RemoteId, 100))
                .col(string_len_null(LedgerMappings::RemoteName, 200))
                .col(integer(LedgerMappings::Version))
                .col(created_at(LedgerMappings::CreatedAt))
                .col(timestamp_with_time_zone(LedgerMappings::UpdatedAt))
                .foreign_key(&mut fk(
                    LedgerMappings::Table,
                    LedgerMappings::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_ledger_mappings_key",
                LedgerMappings::Table,
                vec![LedgerMappings::OrganizationId, LedgerMappings::Kind, LedgerMappings::LocalKey],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LedgerLinks::Table)
                .col(id(LedgerLinks::Id))
                .col(uuid(LedgerLinks::OrganizationId))
                .col(text_enum(
                    LedgerLinks::LocalType,
                    &["customer", "vendor", "invoice", "credit_note", "payment", "bill", "bill_payment"],
                ))
                .col(uuid(LedgerLinks::LocalId))
                .col(string_len_null(LedgerLinks::RemoteId, 100))
                .col(string_len_null(LedgerLinks::RemoteVersion, 100))
                .col(string_len_null(LedgerLinks::ContentHash, 64))
                .col(string_len(LedgerLinks::RequestId, 64))
                .col(boolean(LedgerLinks::Conflict))
                .col(text_null(LedgerLinks::LastError))
                .col(created_at(LedgerLinks::CreatedAt))
                .col(timestamp_with_time_zone(LedgerLinks::UpdatedAt))
                .foreign_key(&mut fk(
                    LedgerLinks::Table,
                    LedgerLinks::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_ledger_links_local",
                LedgerLinks::Table,
                vec![LedgerLinks::OrganizationId, LedgerLinks::LocalType, LedgerLinks::LocalId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        // A pulled record is found by its ledger id; one local record per ledger record.
        m.create_index(
            index(
                "ux_ledger_links_remote",
                LedgerLinks::Table,
                vec![LedgerLinks::OrganizationId, LedgerLinks::LocalType, LedgerLinks::RemoteId],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LedgerSyncRuns::Table)
                .col(id(LedgerSyncRuns::Id))
                .col(uuid(LedgerSyncRuns::OrganizationId))
                .col(text_enum(LedgerSyncRuns::Provider, &["quickbooks", "xero"]))
                .col(text_enum(LedgerSyncRuns::Trigger, &["manual", "schedule"]))
                .col(text_enum(LedgerSyncRuns::Status, &["running", "completed", "partial", "failed"]))
                .col(integer(LedgerSyncRuns::Pushed))
                .col(integer(LedgerSyncRuns::Pulled))
                .col(integer(LedgerSyncRuns::Skipped))
                .col(integer(LedgerSyncRuns::Conflicts))
                .col(text(LedgerSyncRuns::Errors))
                .col(string_len(LedgerSyncRuns::StartedBy, 64))
                .col(timestamp_with_time_zone(LedgerSyncRuns::StartedAt))
                .col(timestamp_with_time_zone_null(LedgerSyncRuns::FinishedAt))
                .foreign_key(&mut fk(
                    LedgerSyncRuns::Table,
                    LedgerSyncRuns::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_ledger_sync_runs_org",
            LedgerSyncRuns::Table,
            vec![LedgerSyncRuns::OrganizationId, LedgerSyncRuns::Id],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            LedgerSyncRuns::Table.into_iden(),
            LedgerLinks::Table.into_iden(),
            LedgerMappings::Table.into_iden(),
            LedgerConnections::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
