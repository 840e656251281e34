//! What revenue needs from other domains, implemented by the gateway.

use std::collections::HashMap;

use async_trait::async_trait;
use atrium_events::agreements::{ContractId, EngagementId};
use atrium_events::crm::ClientCompanyId;
use atrium_events::projects::{MilestoneId, TaskId, TimeEntryId};
use atrium_kernel::{AppError, Currency, Money, OrgCtx, OrganizationId, UserId};
use chrono::NaiveDate;

/// An engagement as revenue sees it: whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRef {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    /// The engagement's currency (its budget's), when it has one.
    pub currency: Option<Currency>,
    pub contract_id: Option<ContractId>,
}

/// Agreements' engagements. Another organization's id answers `None`, so it
/// cannot be probed through revenue.
#[async_trait]
pub trait Engagements: Send + Sync + 'static {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError>;

    /// The client company of each engagement of `org` among `ids`; missing ids are
    /// absent. Reconciliation asks in batches: implementations should answer in
    /// one query (this default asks one engagement at a time).
    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        let mut found = HashMap::new();
        for id in ids {
            if let Some(e) = self.engagement(org, *id).await? {
                found.insert(e.id, e.client_company_id);
            }
        }
        Ok(found)
    }
}

/// Names printed on documents: the issuing organization (identity) and the
/// client company (CRM).
#[async_trait]
pub trait Parties: Send + Sync + 'static {
    async fn organization_name(&self, ctx: &OrgCtx) -> Result<String, AppError>;
    /// `None` when the company is gone.
    async fn company_name(&self, ctx: &OrgCtx, id: ClientCompanyId) -> Result<Option<String>, AppError>;
}

/// One approved, billable, not yet billed time entry, priced on its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillableTime {
    pub entry_id: TimeEntryId,
    pub member_id: UserId,
    pub task_id: Option<TaskId>,
    pub date: NaiveDate,
    pub minutes: i32,
    /// `None` when no rate card prices it.
    pub billing_rate: Option<Money>,
}

/// Projects' delivery data: the time an engagement has to bill, the names printed
/// on the lines that bill it, and whose milestones a schedule may bill.
#[async_trait]
pub trait Projects: Send + Sync + 'static {
    /// Approved, billable, unbilled entries of `engagement` dated up to `up_to`,
    /// oldest first. Another organization's engagement answers an empty list.
    async fn billable_time(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError>;
    /// Display names of members; ids not found are absent.
    async fn member_names(&self, org: OrganizationId, ids: &[UserId]) -> Result<HashMap<UserId, String>, AppError>;
    /// Titles of tasks; ids not found are absent.
    async fn task_titles(&self, org: OrganizationId, ids: &[TaskId]) -> Result<HashMap<TaskId, String>, AppError>;
    /// The engagement of each milestone found in `org`; ids not found are absent.
    async fn milestone_engagements(
        &self,
        org: OrganizationId,
        ids: &[MilestoneId],
    ) -> Result<HashMap<MilestoneId, EngagementId>, AppError>;
}

/// An engagement with its budget, as the profitability report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementBudget {
    pub id: EngagementId,
    pub client_company_id: Option<ClientCompanyId>,
    pub name: String,
    /// In the engagement's currency; `None` when it has no budget.
    pub budget: Option<atrium_kernel::Money>,
}

/// Which engagements a page of the report covers: id order after `after`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EngagementPage {
    pub engagement_id: Option<EngagementId>,
    pub client_company_id: Option<ClientCompanyId>,
    pub after: Option<EngagementId>,
    pub limit: u64,
}

/// Agreements' engagements with their budgets, a page at a time.
#[async_trait]
pub trait EngagementBudgets: Send + Sync + 'static {
    async fn engagements(&self, org: OrganizationId, page: &EngagementPage) -> Result<Vec<EngagementBudget>, AppError>;
}

/// What an engagement's approved time cost (projects prices it with rate cards).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeCost {
    pub engagement_id: EngagementId,
    pub minutes: i64,
    /// Minutes no rate card prices (they add nothing to the cost).
    pub unpriced_minutes: i64,
    /// One amount per currency of the cards that priced the time.
    pub costs: Vec<atrium_kernel::Money>,
}

/// Projects' time, costed: approved minutes × the member's cost rate on each day.
#[async_trait]
pub trait TimeCosts: Send + Sync + 'static {
    /// Each engagement comes with its currency (a member's default card prices
    /// its time only in that currency, or when it has none).
    async fn time_costs(
        &self,
        ctx: &OrgCtx,
        engagements: &[(EngagementId, Option<atrium_kernel::Currency>)],
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Result<Vec<TimeCost>, AppError>;
}

/// Identity's members, for bill approval routes: who holds a role now, and
/// whether a person named by a rule still belongs to the organization.
#[async_trait]
pub trait Members: Send + Sync + 'static {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError>;
    /// Every member of `org` holding `role`, in a stable order.
    async fn members_with_role(&self, org: OrganizationId, role: atrium_kernel::Role) -> Result<Vec<UserId>, AppError>;
}

/// A file of the files domain, as a bill's attachment shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachableFile {
    pub id: atrium_events::files::FileId,
    pub engagement_id: EngagementId,
    pub name: String,
    /// `internal` files are seen by members only; `client` ones also by the
    /// engagement's client contacts (the portal).
    pub internal: bool,
    /// The current version's size and media type; `None` while its first upload is pending.
    pub size: Option<i64>,
    pub media_type: Option<String>,
}

/// The files domain, for bill attachments: revenue never reads files' tables.
#[async_trait]
pub trait BillFiles: Send + Sync + 'static {
    /// A live (not deleted) file of the caller's organization; another
    /// organization's or a deleted one answers `None`.
    async fn file(&self, ctx: &OrgCtx, id: atrium_events::files::FileId) -> Result<Option<AttachableFile>, AppError>;
}
