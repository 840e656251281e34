use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_cards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub member_id: Uuid,
    /// `None`: the member's default; otherwise an override for this engagement.
    pub engagement_id: Option<Uuid>,
    pub effective_from: Date,
    /// ISO 4217 code of both rates.
    pub currency: String,
    /// Per hour, in minor units.
    pub billing_rate_minor: i64,
    pub cost_rate_minor: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

// Immutable: a change of rates is a new card from a later date.
atrium_kernel::tenant_entity!("rate card");
