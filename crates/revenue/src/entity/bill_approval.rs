use sea_orm::entity::prelude::*;

/// One seat on a bill's approval route: an approver of one step of one submission.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bill_approvals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub bill_id: Uuid,
    pub round: i32,
    pub step: i32,
    /// any_of | all_of
    pub mode: String,
    pub approver_id: Uuid,
    pub source: String,
    /// approved | rejected; none while undecided.
    pub decision: Option<String>,
    pub comment: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

atrium_kernel::tenant_entity!("bill approval");
