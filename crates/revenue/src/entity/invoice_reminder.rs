use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub invoice_id: Uuid,
    /// The configured step, in days past due.
    pub step_days: i32,
    pub days_overdue: i32,
    /// The invoice balance when drafted, in minor units of `currency`.
    pub balance: i64,
    pub currency: String,
    /// drafted | sent | dismissed
    pub status: String,
    pub version: i32,
    pub drafted_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("invoice reminder", version = Version, updated_at = UpdatedAt);
