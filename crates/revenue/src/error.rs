//! The cases callers of the revenue domain act on, mapped to problems in one place.

use atrium_kernel::AppError;

use crate::calc::CalcError;
use crate::numbering::FormatError;

#[derive(Debug, thiserror::Error)]
pub enum RevenueError {
    #[error("no such engagement in this organization")]
    NoSuchEngagement,
    #[error("no such tax rate in this organization")]
    NoSuchTaxRate,
    #[error("the tax rate is archived")]
    TaxRateArchived,
    /// Only drafts change; an issued invoice is corrected by a credit note.
    #[error("invoice is {0}: only a draft can be changed; correct an issued invoice with a credit note")]
    NotDraft(String),
    #[error("invoice is {0}: only an issued invoice without payments or credits can be voided")]
    NotVoidable(String),
    #[error("invoice is {0}: payments and credit notes apply to issued invoices only")]
    NotOpen(String),
    #[error("an invoice needs at least one line before it is issued")]
    NoLines,
    #[error("no exchange rate from {currency} to {base} for {date}; enter one under /fx-rates")]
    NoRate { field: &'static str, currency: String, base: String, date: chrono::NaiveDate },
    #[error("exceeds the invoice balance of {balance}")]
    Overpayment { balance: String },
    #[error("exceeds what remains creditable on the invoice ({remaining})")]
    OverCredit { remaining: String },
    #[error("must be in the invoice's currency {0}")]
    WrongCurrency(String),
    #[error("the payment is already reversed")]
    AlreadyReversed,
    #[error(
        "base currency cannot change once invoices are issued, bills submitted or approval rules have amounts in it"
    )]
    BaseCurrencyLocked,
    #[error("{0}")]
    Calc(CalcError, &'static str),
    #[error("{0}")]
    Format(FormatError, &'static str),
    #[error("{0}")]
    Field(&'static str, String),
    #[error("no such vendor in this organization")]
    NoSuchVendor,
    /// Dedup: another vendor already has this normalized name or email.
    #[error("a vendor with this {field} already exists ({existing_id})")]
    VendorTaken { field: &'static str, existing_id: uuid::Uuid },
    #[error("bill is {0}: only a draft can be changed, submitted or deleted")]
    BillNotDraft(String),
    #[error("bill is {0}: only a bill pending approval can be approved or rejected")]
    BillNotPending(String),
    #[error("bill is {0}: payments apply to approved bills only")]
    BillNotPayable(String),
    #[error("bill is {0}: only a bill without payments that is not void can be voided")]
    BillNotVoidable(String),
    #[error("the submitter cannot approve their own bill")]
    SelfApproval,
    #[error("you are not an approver of this bill's current step")]
    NotApprover,
}

impl From<RevenueError> for AppError {
    fn from(e: RevenueError) -> Self {
        use RevenueError as E;
        let message = e.to_string();
        match e {
            // Another organization's ids are 404 wherever they appear, as if they did not exist.
            E::NoSuchEngagement => AppError::NotFound("engagement"),
            E::NoSuchTaxRate => AppError::NotFound("tax rate"),
            E::NoSuchVendor => AppError::NotFound("vendor"),
            E::VendorTaken { existing_id, .. } => {
                AppError::Conflict { detail: message, existing_id: Some(existing_id.to_string()) }
            }
            E::SelfApproval | E::NotApprover => AppError::Forbidden(message),
            E::TaxRateArchived => AppError::invalid("tax_rate_id", message),
            E::NoLines => AppError::invalid("lines", message),
            E::NoRate { field, .. } => AppError::invalid(field, message),
            E::Overpayment { .. } => AppError::invalid("amount", message),
            E::OverCredit { .. } => AppError::invalid("lines", message),
            E::WrongCurrency(_) => AppError::invalid("amount.currency", message),
            E::Calc(_, field) | E::Format(_, field) | E::Field(field, _) => AppError::invalid(field, message),
            E::NotDraft(_)
            | E::NotVoidable(_)
            | E::NotOpen(_)
            | E::AlreadyReversed
            | E::BaseCurrencyLocked
            | E::BillNotDraft(_)
            | E::BillNotPending(_)
            | E::BillNotPayable(_)
            | E::BillNotVoidable(_) => AppError::conflict(message),
        }
    }
}
