use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_schedules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub engagement_id: Uuid,
    pub contract_id: Option<Uuid>,
    /// fixed | milestone | retainer | time_and_materials
    pub kind: String,
    pub name: String,
    pub currency: String,
    /// active | paused | ended
    pub status: String,
    /// monthly | quarterly (retainer, time and materials)
    pub period: Option<String>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    /// The retainer's fee per period, in minor units.
    pub amount: Option<i64>,
    pub included_minutes: Option<i32>,
    /// member | task
    pub group_by: String,
    pub tax_rate_id: Option<Uuid>,
    /// The first day the runner has something to do (None: nothing ever again).
    pub next_due_on: Option<Date>,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("invoice schedule", version = Version, updated_at = UpdatedAt);
