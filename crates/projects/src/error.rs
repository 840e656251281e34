//! The cases callers of the projects domain act on, mapped to problems in one place.

use atrium_kernel::{AppError, FieldError};

use crate::dto::{MAX_ESTIMATE_MINUTES, MAX_OFFSET_DAYS, MAX_RATE_MINOR};

#[derive(Debug, thiserror::Error)]
pub enum ProjectsError {
    /// The engagement is not one of the caller's organization.
    #[error("no such engagement in this organization")]
    NoSuchEngagement,
    /// A milestone or task named a project of another organization, or none.
    #[error("no such project in this organization")]
    NoSuchProject,
    /// A task named a milestone of another project.
    #[error("no such milestone in this project")]
    NoSuchMilestone,
    /// An assignee that is not a member of the organization.
    #[error("is not a member of this organization")]
    NotAMember,
    /// A referenced milestone or user was deleted between the check and the write.
    #[error("a referenced milestone or user was deleted meanwhile; retry")]
    ReferenceVanished,
    #[error("must not be before start_date")]
    DueBeforeStart,
    #[error("must be between 0 and {MAX_ESTIMATE_MINUTES}")]
    EstimateOutOfRange,
    /// `assignee_id=me` from an API key.
    #[error("`me` needs a user session, not an API key")]
    MeWithoutUser,
    /// A position-ordered page continued after a task that is gone.
    #[error("the task at the cursor was deleted; start from the first page")]
    CursorGone,
    /// A move request that does not name exactly one valid target.
    #[error("{message}")]
    InvalidMove { field: &'static str, message: &'static str },
    /// A template's items break the field or cross-item rules (all of them listed).
    #[error("the template is invalid")]
    InvalidTemplate(Vec<FieldError>),
    /// Instantiating at this start date puts a due date past the calendar.
    #[error("puts a due date out of range")]
    StartDateOutOfRange,
    /// A project's item falls too far after its start for a template.
    #[error("{what} is due {days} days after the project's start; a template allows at most {MAX_OFFSET_DAYS}")]
    OffsetTooLarge { what: String, days: i64 },
    /// A project's item holds a value a template refuses (data stored before the rules).
    #[error("{what} cannot be saved in a template: {problem}")]
    Unsavable { what: String, problem: String },
    /// A project that has logged time cannot be deleted: the time is a record.
    #[error("the project has time entries; it cannot be deleted")]
    ProjectHasTime,
    /// Time logged for someone who is not a member of the organization.
    #[error("is not a member of this organization")]
    MemberNotInOrg,
    /// A time entry's task is not a task of its project.
    #[error("no such task in this project")]
    NoSuchTask,
    #[error("must be a day in years 2000 to 2100")]
    DateOutOfRange,
    #[error("must not be before date_from")]
    DateRangeReversed,
    /// A member acting on another member's time.
    #[error("a member may only log and change their own time")]
    NotOwnEntry,
    #[error("the time entry is approved and locked")]
    EntryLocked,
    /// An approval step from the wrong state (approving a draft, editing a submitted entry).
    #[error("the time entry is {state}; it cannot be {action}")]
    WrongState { state: &'static str, action: &'static str },
    #[error("must be in the engagement's currency {expected}")]
    NotEngagementCurrency { expected: String },
    #[error("must be in the billing rate's currency")]
    RateCurrenciesDiffer,
    #[error("must be between 0 and {MAX_RATE_MINOR} minor units")]
    RateOutOfRange { field: &'static str },
    /// A card of the same member, engagement and start date exists.
    #[error("a rate card for this member, engagement and date exists: {existing_id}")]
    RateCardExists { existing_id: uuid::Uuid },
    #[error("must be between 0 and 10080 (the minutes of a week)")]
    WeekMinutesOutOfRange,
    #[error("must be at most 1440 per working day")]
    MoreThanADayPerDay,
    #[error("must name at least one weekday, each once")]
    BadWorkingDays,
    /// A capacity of the same member and start date exists.
    #[error("a capacity for this member and date exists: {existing_id}")]
    CapacityExists { existing_id: uuid::Uuid },
    #[error("is required")]
    Required { field: &'static str },
    /// A report period that ends before it starts.
    #[error("must not be before from")]
    PeriodReversed,
}

impl From<ProjectsError> for AppError {
    fn from(e: ProjectsError) -> Self {
        use ProjectsError as E;
        let message = e.to_string();
        match e {
            E::NoSuchEngagement => AppError::invalid("engagement_id", message),
            E::NoSuchProject => AppError::invalid("project_id", message),
            E::NoSuchMilestone => AppError::invalid("milestone_id", message),
            E::NotAMember | E::MeWithoutUser => AppError::invalid("assignee_id", message),
            E::DueBeforeStart => AppError::invalid("due_date", message),
            E::EstimateOutOfRange => AppError::invalid("estimate_minutes", message),
            E::CursorGone => AppError::invalid("cursor", message),
            E::InvalidMove { field, .. } => AppError::invalid(field, message),
            E::StartDateOutOfRange => AppError::invalid("start_date", message),
            E::InvalidTemplate(fields) => AppError::Validation(fields),
            E::ReferenceVanished
            | E::OffsetTooLarge { .. }
            | E::Unsavable { .. }
            | E::ProjectHasTime
            | E::EntryLocked
            | E::WrongState { .. } => AppError::conflict(message),
            E::MemberNotInOrg => AppError::invalid("member_id", message),
            E::NoSuchTask => AppError::invalid("task_id", message),
            E::DateOutOfRange => AppError::invalid("date", message),
            E::DateRangeReversed => AppError::invalid("date_to", message),
            E::NotOwnEntry => AppError::Forbidden(message),
            E::NotEngagementCurrency { .. } => AppError::invalid("billing_rate", message),
            E::RateCurrenciesDiffer => AppError::invalid("cost_rate", message),
            E::RateOutOfRange { field } => AppError::invalid(field, message),
            E::RateCardExists { existing_id } => {
                AppError::Conflict { detail: message, existing_id: Some(existing_id.to_string()) }
            }
            E::WeekMinutesOutOfRange | E::MoreThanADayPerDay => AppError::invalid("minutes_per_week", message),
            E::BadWorkingDays => AppError::invalid("working_days", message),
            E::CapacityExists { existing_id } => {
                AppError::Conflict { detail: message, existing_id: Some(existing_id.to_string()) }
            }
            E::Required { field } => AppError::invalid(field, message),
            E::PeriodReversed => AppError::invalid("to", message),
        }
    }
}
