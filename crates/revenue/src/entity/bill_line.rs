use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bill_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub bill_id: Uuid,
    pub position: i32,
    pub description: String,
    pub account: Option<String>,
    /// Thousandths.
    pub quantity: i64,
    pub unit_price: i64,
    pub tax_name: Option<String>,
    pub tax_basis_points: i32,
    pub tax_inclusive: bool,
    pub net: i64,
    pub tax: i64,
    pub gross: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("bill line");
