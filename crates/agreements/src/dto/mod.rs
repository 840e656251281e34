//! Wire types of the agreements API. These field names are the contract web clients use.
//! Inputs are built from the kernel's input types (bounded `Text`, `Date`, `Email`),
//! so a bad value is a 422 naming the field before the service runs.

mod contract;
mod engagement;
mod proposal;

pub use contract::*;
pub use engagement::*;
pub use proposal::*;

pub use atrium_events::agreements::{
    BillingModel, ContractId, ContractStatus, EngagementId, EngagementStatus, ProposalId, ProposalStatus, Quantity,
};
pub use atrium_events::crm::{ClientCompanyId, ContactId, DealId};

use atrium_kernel::{Date, Patch, Text};

/// A proposal's or contract's title, an engagement's name, a signer's name (`varchar(200)`).
pub type Title = Text<200>;
/// A line item's description (`varchar(1000)`).
pub type LineDescription = Text<1000>;
/// Contract terms: a `text` column, bounded so one request cannot store megabytes.
pub type Terms = Text<100_000>;
/// Signature data (e.g. a drawn signature as a data URL), stored encrypted.
pub type SignatureData = Text<200_000>;
// PATCH fields by alias: the schema derive documents a named `Patch<T>` through
// its own schema (`T | null`) only when it does not see the type argument.
/// A date in a PATCH: absent, `null` (clears) or a date.
pub type DatePatch = Patch<Date>;
/// Terms in a PATCH: absent, `null` (clears) or the new text.
pub type TermsPatch = Patch<Terms>;

/// `end_date` may not precede `start_date`.
pub(crate) fn check_dates(
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> Result<(), atrium_kernel::AppError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => {
            Err(atrium_kernel::AppError::invalid("end_date", "must not be before start_date"))
        }
        _ => Ok(()),
    }
}
