use sea_orm::entity::prelude::*;

/// One row per organization, created with defaults on first use.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "revenue_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    pub base_currency: String,
    pub invoice_number_format: String,
    pub credit_note_number_format: String,
    pub payment_terms_days: i32,
    pub reminder_steps: String,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
