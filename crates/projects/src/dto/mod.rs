//! Wire types of the projects API. These field names are the contract web clients
//! use. Inputs are built from the kernel's input types (`Text<N>` with the column's
//! size, `Date`), so create and PATCH refuse the same values.

mod capacity;
mod milestones;
mod projects;
mod rates;
mod tasks;
mod templates;
mod time;
mod utilization;

pub use capacity::*;
pub use milestones::*;
pub use projects::*;
pub use rates::*;
pub use tasks::*;
pub use templates::*;
pub use time::*;
pub use utilization::*;

pub use atrium_events::agreements::EngagementId;
pub use atrium_events::crm::ClientCompanyId;
pub use atrium_events::projects::{
    MilestoneId, MilestoneStatus, ProjectId, ProjectStatus, ProjectTemplateId, TaskId, TaskStatus,
};

use std::str::FromStr;

use atrium_kernel::{AppError, Date, Patch, Text};

/// A project's, milestone's or template's name (`varchar(200)`).
pub type Name = Text<200>;
/// A task's title (`tasks.title` is `varchar(300)`).
pub type Title = Text<300>;
/// A template milestone's key, which tasks' `milestone_key` names.
pub type Key = Text<50>;
/// A description (a `text` column; a sane limit for a paragraph or a brief).
pub type Description = Text<20_000>;
// PATCH fields go by alias: the schema derive uses `Patch<T>`'s own schema
// (`T | null`) only when it does not see the type argument.
/// A date in a PATCH: absent, `null` (clears) or a date.
pub type DatePatch = Patch<Date>;
/// A description in a PATCH: absent, `null` (clears) or the new text.
pub type DescriptionPatch = Patch<Description>;

/// A status read back from its column; the CHECK constraints make a miss a bug.
pub(crate) fn stored<T: FromStr<Err = String>>(s: &str) -> Result<T, AppError> {
    s.parse().map_err(|e| AppError::internal(format!("stored status: {e}")))
}
