use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "file_objects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub engagement_id: Uuid,
    pub attached_type: Option<String>,
    pub attached_id: Option<Uuid>,
    pub name: String,
    /// 0 while the first direct upload is pending.
    pub current_version: i32,
    /// internal | client
    pub visibility: String,
    pub pending_key: Option<String>,
    pub pending_size: Option<i64>,
    pub pending_sha256: Option<String>,
    pub pending_since: Option<DateTimeUtc>,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("file");
