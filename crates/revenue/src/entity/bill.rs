use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bills")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub vendor_id: Option<Uuid>,
    pub engagement_id: Option<Uuid>,
    pub vendor_reference: Option<String>,
    pub bill_date: Date,
    pub due_date: Option<Date>,
    pub currency: String,
    pub base_currency: String,
    /// Fixed at submission: base-currency units per unit of `currency`, in billionths.
    pub fx_rate: Option<i64>,
    pub base_total: Option<i64>,
    pub subtotal: i64,
    pub tax_total: i64,
    pub total: i64,
    pub paid: i64,
    /// draft | pending_approval | approved | partially_paid | paid | void
    pub status: String,
    pub notes: Option<String>,
    pub approval_round: i32,
    pub current_step: Option<i32>,
    pub rule_id: Option<Uuid>,
    pub rule_name: Option<String>,
    pub submitted_by: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub approved_at: Option<DateTimeUtc>,
    pub rejection_reason: Option<String>,
    pub rejected_by: Option<String>,
    pub rejected_at: Option<DateTimeUtc>,
    pub voided_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("bill", version = Version, updated_at = UpdatedAt);
