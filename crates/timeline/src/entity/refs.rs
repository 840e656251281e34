//! What a timeline entry is about besides its own entity: a CRM contact
//! (`contact`) or the record it lives in (`within`). Keyed by organization, the
//! referenced record and the entry; written only by the subscriber, always naming
//! the organization.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_refs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organization_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub ref_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: Uuid,
    /// contact | within
    pub kind: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
