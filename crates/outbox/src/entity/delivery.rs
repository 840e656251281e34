use sea_orm::entity::prelude::*;

/// One event for one target: its own retry state, so a failing subscriber never
/// holds up the others. Deleted once delivered; what remains is pending or dead.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub organization_id: Uuid,
    pub subscriber: String,
    pub aggregate_id: Uuid,
    pub position: i64,
    /// `pending` or `dead` (a dead letter).
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// Lease of the worker handling it; an expired lease is taken over.
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::event::Entity", from = "Column::EventId", to = "super::event::Column::Id")]
    Event,
}

impl Related<super::event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Event.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("dead letter");

pub const PENDING: &str = "pending";
pub const DEAD: &str = "dead";
