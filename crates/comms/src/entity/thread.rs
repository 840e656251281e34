use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "threads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// `None` while unfiled.
    pub engagement_id: Option<Uuid>,
    /// The connection whose sync started it.
    pub connection_id: Option<Uuid>,
    pub subject: String,
    pub subject_normalized: String,
    /// Sorted, lower-case addresses.
    pub participants: Json,
    pub participants_key: String,
    pub provider_thread_ids: Json,
    pub shared_with_client: bool,
    pub message_count: i32,
    pub last_message_at: DateTimeUtc,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("thread", version = Version, updated_at = UpdatedAt);
