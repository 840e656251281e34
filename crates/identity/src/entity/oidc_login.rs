use sea_orm::entity::prelude::*;

/// A sign-in sent to an OpenID provider, waiting for its callback. Belongs to no
/// organization: nobody is signed in yet.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_logins")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub provider: String,
    /// SHA-256 of the `state` parameter, hex; the state itself lives only in the browser.
    pub state_hash: String,
    pub nonce: String,
    /// Sealed by the vault (`PKCE_VERIFIER_COLUMN`), bound to the row id.
    pub pkce_verifier: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// Set by the one callback that may use it; a second one finds it set.
    pub consumed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
