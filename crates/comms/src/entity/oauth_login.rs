use sea_orm::entity::prelude::*;

/// An OAuth authorization in progress: started by one user of one organization,
/// finished (and deleted) by the callback of that same user, or expired.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mailbox_oauth_logins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub user_id: Uuid,
    /// gmail | microsoft
    pub provider: String,
    /// SHA-256 (hex) of the `state` sent to the provider.
    pub state_hash: String,
    /// Sealed by the vault (`crate::PKCE_VERIFIER_COLUMN`), bound to the row id.
    pub pkce_verifier: String,
    pub sync_window_days: i32,
    pub expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("oauth authorization");
