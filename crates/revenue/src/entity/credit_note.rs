use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "credit_notes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub invoice_id: Uuid,
    pub number: String,
    pub issue_date: Date,
    pub reason: Option<String>,
    pub currency: String,
    pub fx_rate: Option<i64>,
    pub subtotal: i64,
    pub tax_total: i64,
    pub total: i64,
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("credit note");
