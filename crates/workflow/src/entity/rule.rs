use sea_orm::entity::prelude::*;

/// A rule: its name, whether it fires, and which version is current.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub enabled: bool,
    /// The version new events run with.
    pub current_version_id: Option<Uuid>,
    /// Its number (1, 2, …).
    pub current_version: i32,
    /// Optimistic-locking version of the row (the `ETag`), bumped by every change.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("workflow rule", version = Version, updated_at = UpdatedAt);
