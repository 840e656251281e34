use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_connections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// quickbooks | xero
    pub provider: String,
    /// pending | connected | auth_failed
    pub status: String,
    /// QBO realm id or Xero tenant id.
    pub tenant_ref: Option<String>,
    /// Sealed by the kernel vault (`crate::LEDGER_ACCESS_TOKEN_COLUMN`); never plaintext.
    pub access_token_ciphertext: Option<String>,
    /// Sealed by the kernel vault (`crate::LEDGER_REFRESH_TOKEN_COLUMN`); never plaintext.
    pub refresh_token_ciphertext: Option<String>,
    pub access_expires_at: Option<DateTimeUtc>,
    pub oauth_state_hash: Option<String>,
    pub pull_watermark: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub version: i32,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("ledger connection", version = Version, updated_at = UpdatedAt);
