use sea_orm::entity::prelude::*;

/// One attachment of a message. Its bytes wait here (`content`) until the thread
/// is filed under an engagement — files belong to an engagement — and are then
/// kept by the files domain as the file `id`; `content` is cleared then.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "message_attachments")]
pub struct Model {
    /// Also the id of its file once stored.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub message_id: Uuid,
    pub thread_id: Uuid,
    /// Its position among the message's attachments.
    pub part_index: i32,
    pub filename: Option<String>,
    pub media_type: String,
    pub size: i64,
    pub content: Option<Vec<u8>>,
    /// pending (waits for the thread's engagement) | stored | skipped
    pub status: String,
    pub file_id: Option<Uuid>,
    /// Why it was skipped.
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub stored_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("message attachment");
