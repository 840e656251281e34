use sea_orm::entity::prelude::*;

/// A fixed installment (`due_on`) or a milestone's amount (`milestone_id`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_schedule_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub schedule_id: Uuid,
    pub position: i32,
    pub description: String,
    pub amount: i64,
    pub due_on: Option<Date>,
    pub milestone_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("invoice schedule item");
