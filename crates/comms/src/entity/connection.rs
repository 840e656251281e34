use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mailbox_connections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// imap | gmail | microsoft
    pub provider: String,
    pub email_address: String,
    /// Provider settings without secrets.
    pub settings: Json,
    /// Sealed by the kernel's vault (`v2:<key id>:…`), bound to the row id; never plaintext.
    pub credentials_ciphertext: String,
    /// OAuth connections: the access token, sealed (`crate::ACCESS_TOKEN_COLUMN`).
    pub access_token_ciphertext: Option<String>,
    /// OAuth connections: the refresh token, sealed (`crate::REFRESH_TOKEN_COLUMN`).
    pub refresh_token_ciphertext: Option<String>,
    /// When the access token expires; it is refreshed a minute before.
    pub token_expires_at: Option<DateTimeUtc>,
    pub sync_window_days: i32,
    pub paused: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("mailbox connection", version = Version, updated_at = UpdatedAt);
