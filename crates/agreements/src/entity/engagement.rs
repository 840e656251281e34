use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "engagements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub contract_id: Option<Uuid>,
    pub deal_id: Option<Uuid>,
    pub client_company_id: Option<Uuid>,
    pub name: String,
    /// fixed | time_and_materials | retainer
    pub billing_model: String,
    pub budget_amount_minor: Option<i64>,
    pub budget_currency: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    /// planned | active | on_hold | completed | cancelled
    pub status: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("engagement", version = Version, updated_at = UpdatedAt);
