use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub client_company_id: Option<Uuid>,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    /// Trimmed, lower-case; unique per organization; cleared on tombstones.
    pub email_normalized: Option<String>,
    pub phone: Option<String>,
    /// Digits only (with a leading `+` when given).
    pub phone_normalized: Option<String>,
    pub title: Option<String>,
    /// Set on a merged contact (a tombstone): the survivor.
    pub merged_into_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("contact", version = Version, updated_at = UpdatedAt);
