use sea_orm::entity::prelude::*;

/// An account at an OpenID provider linked to a user (one user may have several).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_identities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// The provider's name in `OIDC_PROVIDERS`.
    pub provider: String,
    /// The ID token's `sub`: stable for the account at that provider.
    pub subject: String,
    /// The verified email the provider asserted when the identity was linked.
    pub email: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
