use sea_orm::entity::prelude::*;

/// A time entry billed by an invoice line. Keyed by the entry: one live invoice
/// per entry (the link goes when the draft is deleted or the invoice voided).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invoice_time_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub time_entry_id: Uuid,
    pub organization_id: Uuid,
    pub invoice_id: Uuid,
    pub line_id: Uuid,
    pub minutes: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

#[allow(clippy::disallowed_methods)]
impl atrium_kernel::tenant::TenantEntity for Entity {
    const NOUN: &'static str = "invoiced time entry";
    fn organization_column() -> Column {
        Column::OrganizationId
    }
    fn id_column() -> Column {
        Column::TimeEntryId
    }
}
