use sea_orm::entity::prelude::*;

/// One period (or installment, or milestone) a schedule has processed. Unique per
/// schedule and `period_key`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_schedule_runs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub schedule_id: Uuid,
    pub period_key: String,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub invoice_id: Option<Uuid>,
    /// invoiced | nothing_to_bill
    pub outcome: String,
    pub detail: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("invoice schedule run");
