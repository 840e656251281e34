use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub project_id: Uuid,
    pub milestone_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    /// todo | in_progress | blocked | done
    pub status: String,
    pub assignee_id: Option<Uuid>,
    pub due_date: Option<Date>,
    pub estimate_minutes: Option<i32>,
    /// 0-based rank within the project, kept dense (0..n) by create, move and delete.
    pub position: i32,
    pub completed_at: Option<DateTimeUtc>,
    /// Shown in the client portal (with its project, when the project is too).
    pub client_visible: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("task", version = Version, updated_at = UpdatedAt);
