//! Wire types of the revenue API. Amounts are `Money` (integer minor units and an
//! ISO 4217 code); quantities are exact decimals with up to 3 places (as on
//! proposals); tax rates are basis points; exchange rates are decimal strings — no
//! float anywhere on the wire either.

mod approval_rules;
mod bills;
mod invoices;
mod ledger;
mod payments;
mod reminders;
mod reports;
mod schedules;
mod settings;
mod vendors;

pub use approval_rules::*;
pub use bills::*;
pub use invoices::*;
pub use ledger::*;
pub use payments::*;
pub use reminders::*;
pub use reports::*;
pub use schedules::*;
pub use settings::*;
pub use vendors::*;

pub use atrium_events::agreements::{ContractId, EngagementId, Quantity};
pub use atrium_events::crm::ClientCompanyId;
pub use atrium_events::files::FileId;
pub use atrium_events::projects::{MilestoneId, TimeEntryId};
pub use atrium_events::revenue::InvoiceReminderId;
pub use atrium_events::revenue::payables::{ApprovalRuleId, BillId, BillPaymentId, VendorId};
pub use atrium_events::revenue::{CreditNoteId, FxRateId, InvoiceId, InvoiceScheduleId, PaymentId, TaxRateId};

use std::str::FromStr;

use atrium_kernel::{AppError, Text};

/// A line's description (`varchar(500)`).
pub type LineDescription = Text<500>;
/// Notes printed on an invoice, or a reason.
pub type Note = Text<5_000>;
/// A short label: a tax rate's name, a payment method or reference.
pub type Label = Text<100>;
/// A reason given for a credit note or a reversal (`varchar(500)`).
pub type Reason = Text<500>;

/// Largest unit price, in minor units (10^15: ten trillion of a 2-digit currency).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;
/// Longest payment terms, in days.
pub const MAX_TERMS_DAYS: i32 = 3_650;
/// Most lines on one document.
pub const MAX_LINES: u64 = 500;

/// A status read back from its column; the CHECK constraints make a miss a bug.
pub(crate) fn stored<T: FromStr<Err = String>>(s: &str) -> Result<T, AppError> {
    s.parse().map_err(|e| AppError::internal(format!("stored value: {e}")))
}

/// A currency read back from its column.
pub(crate) fn stored_currency(s: &str) -> Result<atrium_kernel::Currency, AppError> {
    s.parse().map_err(|e| AppError::internal(format!("stored currency: {e}")))
}
