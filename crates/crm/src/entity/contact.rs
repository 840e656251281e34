use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub client_company_id: Option<Uuid>,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    /// Trimmed, lower-case; unique per organization; cleared on tombstones.
    pub email_normalized: Option<String>,
    pub phone: Option<String>,
    /// Digits only (with a leading `+` when given).
    pub phone_normalized: Option<String>,
    pub title: Option<String>,
    /// Set on a merged contact (a tombstone): the survivor.
    pub merged_into_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("contact", version = Version, updated_at = UpdatedAt);

/// A contact as lists show it: the columns `ContactOut` needs, read by position
/// ([`atrium_kernel::row`]) — the contacts list is the hottest read.
#[derive(Debug)]
pub struct Listed {
    pub id: Uuid,
    pub client_company_id: Option<Uuid>,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub title: Option<String>,
    pub merged_into_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl Listed {
    /// The select list, in the order [`FromQueryResult`] reads it.
    pub const COLUMNS: [Column; 11] = [
        Column::Id,
        Column::ClientCompanyId,
        Column::FirstName,
        Column::LastName,
        Column::Email,
        Column::Phone,
        Column::Title,
        Column::MergedIntoId,
        Column::Version,
        Column::CreatedAt,
        Column::UpdatedAt,
    ];
}

impl sea_orm::FromQueryResult for Listed {
    fn from_query_result(res: &QueryResult, _pre: &str) -> Result<Self, DbErr> {
        use atrium_kernel::row::cell;
        Ok(Self {
            id: cell(res, 0)?,
            client_company_id: cell(res, 1)?,
            first_name: cell(res, 2)?,
            last_name: cell(res, 3)?,
            email: cell(res, 4)?,
            phone: cell(res, 5)?,
            title: cell(res, 6)?,
            merged_into_id: cell(res, 7)?,
            version: cell(res, 8)?,
            created_at: cell(res, 9)?,
            updated_at: cell(res, 10)?,
        })
    }
}
