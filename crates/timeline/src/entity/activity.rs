use sea_orm::entity::prelude::*;

/// One timeline entry; its id is the id of the event it came from.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub engagement_id: Option<Uuid>,
    pub entity_type: String,
    pub entity_id: Uuid,
    pub event_type: String,
    pub actor: String,
    pub summary: String,
    pub data: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("timeline entry");
