use sea_orm::entity::prelude::*;

/// What one rule did with one event.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub rule_id: Uuid,
    pub rule_version_id: Uuid,
    pub rule_version: i32,
    pub event_id: Uuid,
    pub event_type: String,
    /// `running`, `succeeded`, `failed`, `conditions_not_met` or `depth_limited`.
    pub outcome: String,
    pub conditions_result: Option<bool>,
    /// One entry per action: `{index, kind, status, output?, error?}`.
    pub actions: Json,
    pub error: Option<String>,
    pub depth: Option<i32>,
    pub attempts: i32,
    pub duration_ms: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("workflow run");
