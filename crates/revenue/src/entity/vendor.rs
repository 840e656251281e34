use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vendors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub name_normalized: String,
    pub email: Option<String>,
    pub email_normalized: Option<String>,
    /// Sealed by the kernel vault (`crate::VENDOR_TAX_ID_COLUMN`); never plaintext.
    pub tax_id_ciphertext: Option<String>,
    pub default_currency: Option<String>,
    pub payment_terms_days: Option<i32>,
    /// active | archived
    pub status: String,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("vendor", version = Version, updated_at = UpdatedAt);
