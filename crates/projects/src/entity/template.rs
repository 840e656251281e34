use atrium_kernel::OrganizationId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "project_templates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    /// `{"milestones": [...], "tasks": [...]}` as in `TemplateBody`: a template is
    /// read and replaced whole, and nothing references its parts.
    pub body: Json,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Entity {
    pub fn scoped(org: OrganizationId) -> Select<Entity> {
        Self::find().filter(Column::OrganizationId.eq(org.into_uuid()))
    }
}
