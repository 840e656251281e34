use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "time_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub member_id: Uuid,
    pub project_id: Uuid,
    /// The project's engagement (a project never changes engagement).
    pub engagement_id: Uuid,
    pub task_id: Option<Uuid>,
    pub date: Date,
    /// 1..=1440 (a CHECK holds it too).
    pub minutes: i32,
    pub billable: bool,
    pub note: Option<String>,
    /// draft | submitted | approved | rejected
    pub approval_state: String,
    /// Revenue's invoice that billed the entry.
    pub invoiced_by: Option<Uuid>,
    /// Who approved or rejected it last, and when.
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub rejection_reason: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("time entry", version = Version, updated_at = UpdatedAt);
