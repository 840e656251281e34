use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub engagement_id: Uuid,
    /// The engagement's client, copied so lists filter by client without asking
    /// agreements; never taken from a request.
    pub client_company_id: Option<Uuid>,
    pub name: String,
    pub description: Option<String>,
    /// planned | active | on_hold | completed | cancelled
    pub status: String,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    /// Shown in the client portal.
    pub client_visible: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("project", version = Version, updated_at = UpdatedAt);
