use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// 1, 2, 3… per organization.
    pub number: i64,
    pub title: String,
    pub client_company_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub deal_id: Option<Uuid>,
    pub currency: String,
    pub valid_until: Option<Date>,
    /// draft | sent | accepted | declined | expired
    pub status: String,
    pub subtotal_minor: i64,
    pub total_minor: i64,
    pub sent_at: Option<DateTimeUtc>,
    /// When it was accepted, declined or expired.
    pub decided_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("proposal", version = Version, updated_at = UpdatedAt);
