use sea_orm::entity::prelude::*;

/// An inbound booking webhook endpoint of the organization.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "booking_endpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// The random id the inbound URL names (`/api/v1/integrations/bookings/{ingest_id}`).
    pub ingest_id: Uuid,
    pub name: String,
    /// `cal_com` or `calendly`.
    pub provider: String,
    /// The signing secret, sealed by the vault (`BOOKING_SECRET_COLUMN`) and bound to the id.
    pub secret_ciphertext: String,
    pub enabled: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("booking endpoint", version = Version, updated_at = UpdatedAt);
