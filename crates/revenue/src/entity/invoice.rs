use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub engagement_id: Uuid,
    /// The schedule that drafted it, if any.
    pub schedule_id: Option<Uuid>,
    pub client_company_id: Option<Uuid>,
    pub currency: String,
    /// draft | issued | partially_paid | paid | void
    pub status: String,
    pub number: Option<String>,
    pub issue_date: Option<Date>,
    pub due_date: Option<Date>,
    pub payment_terms_days: i32,
    pub base_currency: String,
    /// Fixed at issue: base-currency units per unit of `currency`, in billionths.
    pub fx_rate: Option<i64>,
    pub subtotal: i64,
    pub tax_total: i64,
    pub total: i64,
    pub paid: i64,
    pub credited: i64,
    pub notes: Option<String>,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub issued_at: Option<DateTimeUtc>,
    pub voided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("invoice", version = Version, updated_at = UpdatedAt);
