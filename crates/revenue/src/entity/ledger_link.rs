use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// customer | vendor | invoice | credit_note | payment | bill | bill_payment
    pub local_type: String,
    pub local_id: Uuid,
    /// `None` until the ledger answered the create.
    pub remote_id: Option<String>,
    /// QBO `SyncToken` or Xero `UpdatedDateUTC`, as last seen.
    pub remote_version: Option<String>,
    /// SHA-256 (hex) of the body last pushed (while in conflict: of the local body that conflicted).
    pub content_hash: Option<String>,
    /// Sent with the create, so a retry after a crash is the same request.
    pub request_id: String,
    /// Changed on both sides since the last push: left alone until resolved.
    pub conflict: bool,
    pub last_error: Option<String>,
    /// When the ledger's record was deleted because Atrium's was reversed.
    pub remote_deleted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("ledger link");
