use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bill_payments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub bill_id: Uuid,
    pub amount: i64,
    pub currency: String,
    pub paid_on: Date,
    pub method: Option<String>,
    pub reference: Option<String>,
    /// Base-currency units per unit of `currency` on the day paid, in billionths.
    pub fx_rate: Option<i64>,
    pub base_amount: i64,
    pub reversed_at: Option<DateTimeUtc>,
    pub reversal_reason: Option<String>,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("bill payment", version = Version, updated_at = UpdatedAt);
