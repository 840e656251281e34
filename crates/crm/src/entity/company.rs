use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "client_companies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    /// Lower-case, single-spaced name: prefix filter and duplicate detection.
    pub name_normalized: String,
    pub domain: Option<String>,
    /// lead | active | inactive | archived, or `merged` for a tombstone.
    pub status: String,
    pub address: Option<String>,
    pub owner_id: Option<Uuid>,
    pub tags: Json,
    pub notes: Option<String>,
    pub merged_into_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("client company", version = Version, updated_at = UpdatedAt);
