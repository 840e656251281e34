use atrium_kernel::Money;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::{InvoiceId, InvoiceReminderId};

/// Where a reminder stands: drafted by the daily job, sent by comms, or dismissed
/// by a person (it will not be sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReminderStatus {
    Drafted,
    Sent,
    Dismissed,
}

impl ReminderStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Drafted => "drafted",
            Self::Sent => "sent",
            Self::Dismissed => "dismissed",
        }
    }
}

impl std::str::FromStr for ReminderStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "drafted" => Self::Drafted,
            "sent" => Self::Sent,
            "dismissed" => Self::Dismissed,
            other => return Err(format!("`{other}` is not a reminder status")),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"id": "01938f4e-7a10-7cc3-a3de-1f0c4d9e2b11", "invoice_id": "01938f4e-5b20-7d41-9b0a-2c6e1f0a9d42",
    "invoice_number": "INV-2027-0007", "step_days": 14, "days_overdue": 20,
    "balance": {"amount_minor": 125000, "currency": "EUR"}, "status": "drafted", "version": 1,
    "drafted_at": "2027-02-20T06:15:00Z", "updated_at": "2027-02-20T06:15:00Z"}))]
pub struct ReminderOut {
    pub id: InvoiceReminderId,
    pub invoice_id: InvoiceId,
    pub invoice_number: Option<String>,
    /// The configured step reached, in days past due.
    pub step_days: i32,
    /// Days past due when drafted; more than `step_days` when the job caught up.
    pub days_overdue: i32,
    /// What remained to be paid when drafted.
    pub balance: Money,
    pub status: ReminderStatus,
    pub version: i32,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub drafted_at: DateTime<Utc>,
    #[serde(serialize_with = "atrium_kernel::wire::utc")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct ReminderFilter {
    /// Only this invoice's reminders (another organization's invoice is 404).
    pub invoice_id: Option<InvoiceId>,
    #[param(inline)]
    pub status: Option<ReminderStatus>,
}

/// What an exchange-rate import did: every row was written, or none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"created": 2, "replaced": 1, "unchanged": 0}))]
pub struct FxImportOut {
    /// Rates for a currency and day that had none.
    pub created: u64,
    /// Rates that replaced the one entered earlier for the same currency and day.
    pub replaced: u64,
    /// Rows equal to the rate already stored: nothing written, no event.
    pub unchanged: u64,
}
