use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_sync_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub provider: String,
    /// manual | schedule
    pub trigger: String,
    /// running | completed | partial | failed
    pub status: String,
    pub pushed: i32,
    pub pulled: i32,
    pub skipped: i32,
    pub conflicts: i32,
    /// JSON array of `{record_type, record_id, message}`.
    pub errors: String,
    pub started_by: String,
    pub started_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("ledger sync run");
