use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contracts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// The accepted proposal it was made from (at most one contract each).
    pub proposal_id: Option<Uuid>,
    pub title: String,
    pub client_company_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub deal_id: Option<Uuid>,
    pub currency: String,
    pub total_amount_minor: Option<i64>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub terms: Option<String>,
    /// draft | sent | signed | active | completed | terminated
    pub status: String,
    pub signer_name: Option<String>,
    pub signer_email: Option<String>,
    pub signer_ip: Option<String>,
    pub signed_at: Option<DateTimeUtc>,
    /// Sealed by the kernel vault (`v2:<key id>:<base64>`, or `v1:` before key ids); never plaintext.
    pub signature_ciphertext: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("contract", version = Version, updated_at = UpdatedAt);
