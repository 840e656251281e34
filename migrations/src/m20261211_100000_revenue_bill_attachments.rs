//! Revenue, bill attachments: files of the files domain (the vendor's invoice, a
//! receipt) attached to a bill. The file stays the files domain's; revenue keeps
//! only which file is on which bill. A bill deleted (a draft) or a file purged by
//! the files collector takes its attachments with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{string_len, uuid};

use crate::common::{created_at, fk, id, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Bills {
    Table,
}

#[derive(DeriveIden, Clone)]
enum FileObjects {
    Table,
}

#[derive(DeriveIden, Clone)]
enum BillAttachments {
    Table,
    Id,
    OrganizationId,
    BillId,
    FileId,
    AttachedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(BillAttachments::Table)
                .col(id(BillAttachments::Id))
                .col(uuid(BillAttachments::OrganizationId))
                .col(uuid(BillAttachments::BillId))
                .col(uuid(BillAttachments::FileId))
                .col(string_len(BillAttachments::AttachedBy, 64))
                .col(created_at(BillAttachments::CreatedAt))
                .foreign_key(&mut fk(
                    BillAttachments::Table,
                    BillAttachments::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    BillAttachments::Table,
                    BillAttachments::BillId,
                    Bills::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    BillAttachments::Table,
                    BillAttachments::FileId,
                    FileObjects::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // A file is on a bill once; the bill's attachments are read in attachment order.
        m.create_index(
            index(
                "ux_bill_attachments_file",
                BillAttachments::Table,
                vec![BillAttachments::BillId, BillAttachments::FileId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_bill_attachments_bill",
            BillAttachments::Table,
            vec![BillAttachments::BillId, BillAttachments::Id],
        ))
        .await?;
        // The file's side of the FK (purges cascade through it).
        m.create_index(index("ix_bill_attachments_file_id", BillAttachments::Table, vec![BillAttachments::FileId]))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(BillAttachments::Table).to_owned()).await
    }
}
