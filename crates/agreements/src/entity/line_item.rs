use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal_line_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub proposal_id: Uuid,
    /// 0-based order within the proposal.
    pub position: i32,
    pub description: String,
    /// Quantity in thousandths: 1.5 is 1500.
    pub quantity_milli: i64,
    /// In the proposal's currency.
    pub unit_price_minor: i64,
    /// quantity × unit price, rounded half away from zero to a minor unit.
    pub amount_minor: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("line item");
