use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_endpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub url: String,
    pub description: String,
    /// JSON array of patterns: `*`, `crm.*`, or exact types.
    pub event_types: Json,
    /// The `whsec_…` signing secret, sealed (`v1:…`, see `secrets`); rows from
    /// before encryption at rest hold the plaintext until the seal job runs.
    pub secret: String,
    pub enabled: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("webhook", version = Version, updated_at = UpdatedAt);
