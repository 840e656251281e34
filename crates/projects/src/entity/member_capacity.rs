use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member_capacities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub member_id: Uuid,
    pub effective_from: Date,
    /// 0..=10080 (a CHECK holds it too).
    pub minutes_per_week: i32,
    /// Bit 0 Monday … bit 6 Sunday; 1..=127.
    pub working_days: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

// Immutable, like rate cards: a change of capacity is a new row from a later date.
atrium_kernel::tenant_entity!("member capacity");
