//! Projects, client visibility: a project, milestone or task shows in the client
//! portal only when staff mark it `client_visible` (default off, so everything
//! that exists today stays internal).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::boolean;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Projects {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Milestones {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tasks {
    Table,
}

#[derive(DeriveIden, Clone, Copy)]
enum Col {
    ClientVisible,
}

fn tables() -> [TableRef; 3] {
    [Projects::Table.into_table_ref(), Milestones::Table.into_table_ref(), Tasks::Table.into_table_ref()]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            m.alter_table(
                Table::alter().table(table).add_column(boolean(Col::ClientVisible).default(false)).to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            m.alter_table(Table::alter().table(table).drop_column(Col::ClientVisible).to_owned()).await?;
        }
        Ok(())
    }
}
