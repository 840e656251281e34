use sea_orm::entity::prelude::*;

/// One immutable version of a rule's definition; runs point at the one they used.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_rule_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub rule_id: Uuid,
    pub number: i32,
    pub trigger: String,
    pub conditions: Json,
    pub actions: Json,
    /// Who saved it (`user:<id>` or `api_key:<id>`): actions run as this principal.
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("workflow rule version");
