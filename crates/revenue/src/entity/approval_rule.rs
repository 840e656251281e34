use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bill_approval_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub priority: i32,
    pub active: bool,
    pub min_base_amount: Option<i64>,
    pub max_base_amount: Option<i64>,
    pub vendor_id: Option<Uuid>,
    pub engagement_id: Option<Uuid>,
    pub currency: Option<String>,
    pub account: Option<String>,
    /// JSON of `Vec<crate::dto::ApprovalStep>`.
    pub steps: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("approval rule", version = Version, updated_at = UpdatedAt);
