use sea_orm::entity::prelude::*;

/// One per connection (same id), written only by the sync and the
/// pause/resume/resync operations.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mailbox_sync_states")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// active | backing_off | auth_failed | paused
    pub state: String,
    pub cursor_uidvalidity: Option<i64>,
    pub cursor_last_uid: Option<i64>,
    /// Gmail: the `historyId` to list history from; Graph: the delta link.
    pub cursor_token: Option<String>,
    pub resync_requested: bool,
    pub next_run_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub lease_token: Option<Uuid>,
    pub last_run_at: Option<DateTimeUtc>,
    pub last_success_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTimeUtc>,
    pub consecutive_failures: i32,
    pub imported_last_run: i32,
    pub skipped_last_run: i32,
    pub imported_total: i64,
    /// `[{"uid": …, "reason": …}]` of the last run.
    pub last_skips: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("mailbox connection");
