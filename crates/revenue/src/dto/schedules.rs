//! Invoice schedules: the terms on which an engagement is billed, and the record of
//! each period the runner processed.

use atrium_kernel::{Currency, Date, Money, Patch, Text};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{ContractId, EngagementId, InvoiceId, InvoiceScheduleId, LineDescription, MilestoneId, TaxRateId};

/// A schedule's name (`varchar(200)`).
pub type ScheduleName = Text<200>;

/// Most installments or milestone terms on one schedule.
pub const MAX_TERMS: u64 = 120;
/// Most included minutes per retainer period (a year of full-time work).
pub const MAX_INCLUDED_MINUTES: i32 = 60 * 24 * 366;

macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }

        impl $name {
            pub fn as_str(&self) -> &'static str {
                match self { $(Self::$v => $s),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok(Self::$v),)+
                    other => Err(format!("`{other}` is not a {}", stringify!($name))),
                }
            }
        }
    };
}

wire_enum!(
    /// How a schedule bills: `fixed` installments on dates, an amount per completed
    /// `milestone`, a `retainer` fee per period (with optional included hours and
    /// overage at the rate card), or `time_and_materials` per period at the rate card.
    ScheduleKind {
        Fixed => "fixed",
        Milestone => "milestone",
        Retainer => "retainer",
        TimeAndMaterials => "time_and_materials",
    }
);

wire_enum!(
    /// `active` schedules run; `paused` ones skip their due periods until resumed
    /// (then catch up); `ended` ones never run again.
    ScheduleStatus { Active => "active", Paused => "paused", Ended => "ended" }
);

wire_enum!(
    /// The length of a retainer or time-and-materials period, anchored on `starts_on`.
    BillingPeriod { Monthly => "monthly", Quarterly => "quarterly" }
);

wire_enum!(
    /// Time lines: one per member and rate, or one per task and rate.
    TimeGrouping { Member => "member", Task => "task" }
);

wire_enum!(
    /// What a run did.
    RunOutcome { Invoiced => "invoiced", NothingToBill => "nothing_to_bill" }
);

/// A fixed installment.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"description": "Deposit (30 %)", "amount": {"amount_minor": 900000, "currency": "EUR"}, "due_on": "2027-01-01"}))]
pub struct InstallmentIn {
    #[schema(inline)]
    pub description: LineDescription,
    /// In the schedule's currency; above zero.
    pub amount: Money,
    /// The day the runner drafts its invoice.
    #[schema(inline)]
    pub due_on: Date,
}

/// The amount billed when a milestone of the engagement is completed; the
/// description is printed on the invoice line.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"milestone_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a", "description": "Design sign-off", "amount": {"amount_minor": 1500000, "currency": "EUR"}}))]
pub struct MilestoneTermIn {
    pub milestone_id: MilestoneId,
    #[schema(inline)]
    pub description: LineDescription,
    /// In the schedule's currency; above zero.
    pub amount: Money,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "engagement_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "kind": "retainer",
    "name": "Monthly advisory retainer",
    "currency": "EUR",
    "period": "monthly",
    "starts_on": "2027-01-01",
    "amount": {"amount_minor": 500000, "currency": "EUR"},
    "included_minutes": 1200
}))]
pub struct ScheduleIn {
    pub engagement_id: EngagementId,
    /// Must be the engagement's contract. Default: the engagement's contract.
    pub contract_id: Option<ContractId>,
    pub kind: ScheduleKind,
    #[schema(inline)]
    pub name: ScheduleName,
    /// The invoices' currency. Default: the engagement's currency, else the base currency.
    pub currency: Option<Currency>,
    /// Put on every line the schedule writes.
    pub tax_rate_id: Option<TaxRateId>,
    /// `fixed` only: at least one.
    #[serde(default)]
    #[validate(length(max = MAX_TERMS), nested)]
    pub installments: Vec<InstallmentIn>,
    /// `milestone` only: at least one; each milestone once.
    #[serde(default)]
    #[validate(length(max = MAX_TERMS), nested)]
    pub milestones: Vec<MilestoneTermIn>,
    /// `retainer` and `time_and_materials`: required.
    pub period: Option<BillingPeriod>,
    /// `retainer` and `time_and_materials`: the first period starts here, and every
    /// period starts on this day of the month (the month's last day when shorter).
    #[schema(inline)]
    pub starts_on: Option<Date>,
    /// Last day billed (the final period stops there). Default: open-ended.
    #[schema(inline)]
    pub ends_on: Option<Date>,
    /// `retainer`: the fee per period.
    pub amount: Option<Money>,
    /// `retainer`: time included in the fee per period; approved billable time
    /// beyond it is billed at the rate card. Default: none (time is not billed).
    #[validate(range(min = 0, max = MAX_INCLUDED_MINUTES))]
    pub included_minutes: Option<i32>,
    /// `time_and_materials` and retainer overage lines. Default `member`.
    pub group_by: Option<TimeGrouping>,
}

/// A change to a schedule. Terms (`installments`, `milestones`) can be replaced
/// only while the schedule has not run.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "paused"}))]
pub struct SchedulePatch {
    #[schema(inline)]
    pub name: Option<ScheduleName>,
    pub status: Option<ScheduleStatus>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub ends_on: Patch<Date>,
    #[serde(default)]
    #[schema(value_type = Option<TaxRateId>)]
    pub tax_rate_id: Patch<TaxRateId>,
    /// `retainer`: the fee for periods not yet run.
    pub amount: Option<Money>,
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    pub included_minutes: Patch<i32>,
    pub group_by: Option<TimeGrouping>,
    #[validate(length(max = MAX_TERMS), nested)]
    pub installments: Option<Vec<InstallmentIn>>,
    #[validate(length(max = MAX_TERMS), nested)]
    pub milestones: Option<Vec<MilestoneTermIn>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct InstallmentOut {
    pub id: uuid::Uuid,
    pub description: String,
    pub amount: Money,
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MilestoneTermOut {
    pub id: uuid::Uuid,
    pub milestone_id: MilestoneId,
    pub description: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ScheduleOut {
    pub id: InvoiceScheduleId,
    pub engagement_id: EngagementId,
    pub contract_id: Option<ContractId>,
    pub kind: ScheduleKind,
    pub name: String,
    pub status: ScheduleStatus,
    pub currency: Currency,
    pub tax_rate_id: Option<TaxRateId>,
    pub installments: Vec<InstallmentOut>,
    pub milestones: Vec<MilestoneTermOut>,
    pub period: Option<BillingPeriod>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub amount: Option<Money>,
    pub included_minutes: Option<i32>,
    pub group_by: TimeGrouping,
    /// The next day the runner drafts something; `null` when nothing is left
    /// (milestone schedules bill when a milestone completes, not on a day).
    pub next_due_on: Option<NaiveDate>,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ScheduleFilter {
    pub engagement_id: Option<EngagementId>,
    #[param(inline)]
    pub kind: Option<ScheduleKind>,
    #[param(inline)]
    pub status: Option<ScheduleStatus>,
}

/// Run a schedule now: everything due up to `up_to` (default and at most today).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"up_to": "2027-01-31"}))]
pub struct RunIn {
    #[schema(inline)]
    pub up_to: Option<Date>,
}

/// One period, installment or milestone a schedule processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8b", "schedule_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a",
    "period_key": "period:2027-01-01", "period_start": "2027-01-01", "period_end": "2027-01-31",
    "outcome": "invoiced", "invoice_id": "01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8c", "detail": null,
    "created_at": "2027-02-01T00:05:00Z"
}))]
pub struct RunOut {
    pub id: uuid::Uuid,
    pub schedule_id: InvoiceScheduleId,
    /// Unique per schedule: `period:<start>`, `installment:<id>` or `milestone:<id>`.
    pub period_key: String,
    pub period_start: Option<NaiveDate>,
    /// Last day of the period (inclusive).
    pub period_end: Option<NaiveDate>,
    pub outcome: RunOutcome,
    /// The draft it wrote; `null` when nothing was billed or the draft was deleted.
    pub invoice_id: Option<InvoiceId>,
    /// What was left out and why (e.g. time without a rate in the schedule's currency).
    pub detail: Option<String>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub created_at: DateTime<Utc>,
}
