use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, integer, integer_null, json_binary, string_len, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
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
}

/// Created by the agreements migration (000008).
#[derive(DeriveIden, Clone)]
enum Engagements {
    Table,
}

#[derive(DeriveIden, Clone)]
enum Projects {
    Table,
    Id,
    OrganizationId,
    EngagementId,
    /// A copy of the engagement's client, kept in step by the merge subscriber
    /// and the reconciliation job; it lets lists filter by client without a join
    /// into another domain's table.
    ClientCompanyId,
    Name,
    Description,
    Status,
    StartDate,
    DueDate,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Milestones {
    Table,
    Id,
    OrganizationId,
    ProjectId,
    Name,
    DueDate,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Tasks {
    Table,
    Id,
    OrganizationId,
    ProjectId,
    MilestoneId,
    Title,
    Description,
    Status,
    AssigneeId,
    DueDate,
    EstimateMinutes,
    Position,
    CompletedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum ProjectTemplates {
    Table,
    Id,
    OrganizationId,
    Name,
    Description,
    /// `{"milestones": [{key, name, offset_days}], "tasks": [{title, milestone_key, ...}]}`.
    Body,
    Version,
    CreatedAt,
    UpdatedAt,
}

fn index<T: IntoIden + Clone + 'static, C: IntoIden + 'static>(
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
                .table(Projects::Table)
                .col(id(Projects::Id))
                .col(uuid(Projects::OrganizationId))
                .col(uuid(Projects::EngagementId))
                .col(uuid_null(Projects::ClientCompanyId))
                .col(string_len(Projects::Name, 200))
                .col(text_null(Projects::Description))
                .col(text_enum(Projects::Status, &["planned", "active", "on_hold", "completed", "cancelled"]))
                .col(date_null(Projects::StartDate))
                .col(date_null(Projects::DueDate))
                .col(integer(Projects::Version).default(1))
                .col(created_at(Projects::CreatedAt))
                .col(timestamp_with_time_zone(Projects::UpdatedAt))
                .foreign_key(&mut fk(
                    Projects::Table,
                    Projects::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Projects::Table,
                    Projects::EngagementId,
                    Engagements::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Projects::Table,
                    Projects::ClientCompanyId,
                    ClientCompanies::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_projects_org_status", vec![Projects::OrganizationId, Projects::Status]),
            ("ix_projects_engagement", vec![Projects::EngagementId]),
            ("ix_projects_company", vec![Projects::ClientCompanyId]),
        ] {
            m.create_index(index(name, Projects::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(Milestones::Table)
                .col(id(Milestones::Id))
                .col(uuid(Milestones::OrganizationId))
                .col(uuid(Milestones::ProjectId))
                .col(string_len(Milestones::Name, 200))
                .col(date_null(Milestones::DueDate))
                .col(text_enum(Milestones::Status, &["open", "done"]))
                .col(integer(Milestones::Version).default(1))
                .col(created_at(Milestones::CreatedAt))
                .col(timestamp_with_time_zone(Milestones::UpdatedAt))
                .foreign_key(&mut fk(
                    Milestones::Table,
                    Milestones::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Milestones::Table,
                    Milestones::ProjectId,
                    Projects::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_milestones_project", Milestones::Table, vec![Milestones::ProjectId])).await?;

        m.create_table(
            Table::create()
                .table(Tasks::Table)
                .col(id(Tasks::Id))
                .col(uuid(Tasks::OrganizationId))
                .col(uuid(Tasks::ProjectId))
                .col(uuid_null(Tasks::MilestoneId))
                .col(string_len(Tasks::Title, 300))
                .col(text_null(Tasks::Description))
                .col(text_enum(Tasks::Status, &["todo", "in_progress", "blocked", "done"]))
                .col(uuid_null(Tasks::AssigneeId))
                .col(date_null(Tasks::DueDate))
                .col(integer_null(Tasks::EstimateMinutes))
                .col(integer(Tasks::Position))
                .col(timestamp_with_time_zone_null(Tasks::CompletedAt))
                .col(integer(Tasks::Version).default(1))
                .col(created_at(Tasks::CreatedAt))
                .col(timestamp_with_time_zone(Tasks::UpdatedAt))
                .foreign_key(&mut fk(
                    Tasks::Table,
                    Tasks::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(Tasks::Table, Tasks::ProjectId, Projects::Table, ForeignKeyAction::Cascade))
                .foreign_key(&mut fk(Tasks::Table, Tasks::MilestoneId, Milestones::Table, ForeignKeyAction::SetNull))
                .foreign_key(&mut fk(Tasks::Table, Tasks::AssigneeId, Users::Table, ForeignKeyAction::SetNull))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_tasks_project_status", vec![Tasks::ProjectId, Tasks::Status]),
            ("ix_tasks_project_position", vec![Tasks::ProjectId, Tasks::Position]),
            ("ix_tasks_org_assignee_status", vec![Tasks::OrganizationId, Tasks::AssigneeId, Tasks::Status]),
            ("ix_tasks_milestone", vec![Tasks::MilestoneId]),
        ] {
            m.create_index(index(name, Tasks::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(ProjectTemplates::Table)
                .col(id(ProjectTemplates::Id))
                .col(uuid(ProjectTemplates::OrganizationId))
                .col(string_len(ProjectTemplates::Name, 200))
                .col(text_null(ProjectTemplates::Description))
                .col(json_binary(ProjectTemplates::Body))
                .col(integer(ProjectTemplates::Version).default(1))
                .col(created_at(ProjectTemplates::CreatedAt))
                .col(timestamp_with_time_zone(ProjectTemplates::UpdatedAt))
                .foreign_key(&mut fk(
                    ProjectTemplates::Table,
                    ProjectTemplates::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_project_templates_org",
            ProjectTemplates::Table,
            vec![ProjectTemplates::OrganizationId],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProjectTemplates::Table.into_iden(),
            Tasks::Table.into_iden(),
            Milestones::Table.into_iden(),
            Projects::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
