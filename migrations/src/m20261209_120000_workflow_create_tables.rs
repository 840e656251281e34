//! Workflow: trigger rules, their immutable versions (what a run used stays as it
//! was), the run log (one run per (rule, event)), and which organizations got
//! their default rules (so a deleted default is not brought back).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, boolean, integer, integer_null, json_binary, string_len, text_null, timestamp_with_time_zone, uuid,
    uuid_null,
};

use crate::common::{created_at, fk, id, index, text_enum};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone)]
enum Organizations {
    Table,
}

#[derive(DeriveIden, Clone)]
enum WorkflowRules {
    Table,
    Id,
    OrganizationId,
    Name,
    Enabled,
    CurrentVersionId,
    CurrentVersion,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum WorkflowRuleVersions {
    Table,
    Id,
    OrganizationId,
    RuleId,
    Number,
    Trigger,
    Conditions,
    Actions,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum WorkflowRuns {
    Table,
    Id,
    OrganizationId,
    RuleId,
    RuleVersionId,
    RuleVersion,
    EventId,
    EventType,
    Outcome,
    ConditionsResult,
    Actions,
    Error,
    Depth,
    Attempts,
    DurationMs,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum WorkflowDefaults {
    Table,
    OrganizationId,
    SeededAt,
}

const OUTCOMES: &[&str] = &["running", "succeeded", "failed", "conditions_not_met", "depth_limited"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(WorkflowRules::Table)
                .col(id(WorkflowRules::Id))
                .col(uuid(WorkflowRules::OrganizationId))
                .col(string_len(WorkflowRules::Name, 200))
                .col(boolean(WorkflowRules::Enabled))
                .col(uuid_null(WorkflowRules::CurrentVersionId))
                .col(integer(WorkflowRules::CurrentVersion))
                .col(integer(WorkflowRules::Version).default(1))
                .col(created_at(WorkflowRules::CreatedAt))
                .col(timestamp_with_time_zone(WorkflowRules::UpdatedAt))
                .foreign_key(&mut fk(
                    WorkflowRules::Table,
                    WorkflowRules::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_workflow_rules_org",
            WorkflowRules::Table,
            vec![WorkflowRules::OrganizationId, WorkflowRules::Id],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(WorkflowRuleVersions::Table)
                .col(id(WorkflowRuleVersions::Id))
                .col(uuid(WorkflowRuleVersions::OrganizationId))
                .col(uuid(WorkflowRuleVersions::RuleId))
                .col(integer(WorkflowRuleVersions::Number))
                .col(string_len(WorkflowRuleVersions::Trigger, 120))
                .col(json_binary(WorkflowRuleVersions::Conditions))
                .col(json_binary(WorkflowRuleVersions::Actions))
                .col(string_len(WorkflowRuleVersions::CreatedBy, 100))
                .col(created_at(WorkflowRuleVersions::CreatedAt))
                .foreign_key(&mut fk(
                    WorkflowRuleVersions::Table,
                    WorkflowRuleVersions::RuleId,
                    WorkflowRules::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_workflow_rule_versions_number",
                WorkflowRuleVersions::Table,
                vec![WorkflowRuleVersions::RuleId, WorkflowRuleVersions::Number],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WorkflowRuns::Table)
                .col(id(WorkflowRuns::Id))
                .col(uuid(WorkflowRuns::OrganizationId))
                .col(uuid(WorkflowRuns::RuleId))
                .col(uuid(WorkflowRuns::RuleVersionId))
                .col(integer(WorkflowRuns::RuleVersion))
                // No foreign key: delivered outbox events are pruned, their runs stay.
                .col(uuid(WorkflowRuns::EventId))
                .col(string_len(WorkflowRuns::EventType, 100))
                .col(text_enum(WorkflowRuns::Outcome, OUTCOMES))
                .col(ColumnDef::new(WorkflowRuns::ConditionsResult).boolean().null().take())
                .col(json_binary(WorkflowRuns::Actions))
                .col(text_null(WorkflowRuns::Error))
                .col(integer_null(WorkflowRuns::Depth))
                .col(integer(WorkflowRuns::Attempts))
                .col(big_integer(WorkflowRuns::DurationMs))
                .col(created_at(WorkflowRuns::CreatedAt))
                .col(timestamp_with_time_zone(WorkflowRuns::UpdatedAt))
                .foreign_key(&mut fk(
                    WorkflowRuns::Table,
                    WorkflowRuns::RuleId,
                    WorkflowRules::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    WorkflowRuns::Table,
                    WorkflowRuns::RuleVersionId,
                    WorkflowRuleVersions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One run per (rule, event): a redelivery finds it.
        m.create_index(
            index(
                "ux_workflow_runs_rule_event",
                WorkflowRuns::Table,
                vec![WorkflowRuns::RuleId, WorkflowRuns::EventId],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_workflow_runs_rule",
            WorkflowRuns::Table,
            vec![WorkflowRuns::RuleId, WorkflowRuns::Id],
        ))
        .await?;
        m.create_index(index(
            "ix_workflow_runs_event",
            WorkflowRuns::Table,
            vec![WorkflowRuns::OrganizationId, WorkflowRuns::EventId],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(WorkflowDefaults::Table)
                .col(uuid(WorkflowDefaults::OrganizationId).primary_key())
                .col(timestamp_with_time_zone(WorkflowDefaults::SeededAt))
                .foreign_key(&mut fk(
                    WorkflowDefaults::Table,
                    WorkflowDefaults::OrganizationId,
                    Organizations::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WorkflowDefaults::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WorkflowRuns::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WorkflowRuleVersions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(WorkflowRules::Table).to_owned()).await
    }
}
