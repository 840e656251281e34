//! Wire types of the CRM API. These field names are the contract web clients use.
//! Inputs are built from the kernel's input types, so create, PATCH, the CSV import
//! and the booking subscriber apply one rule per field.

mod companies;
mod contacts;
mod csv;
mod deals;
mod merge;

pub use atrium_events::crm::{ClientCompanyId, CompanyStatus, ContactId, DealId, DealStage};
pub use companies::{CompanyFilter, CompanyIn, CompanyName, CompanyOut, CompanyPatch, Tag};
pub use contacts::{ContactFilter, ContactIn, ContactOut, ContactPatch, Name, Title};
pub use csv::{ImportOutcome, ImportParams, ImportReportOut, ImportRow, ImportRowOut};
pub use deals::{DealFilter, DealIn, DealName, DealOut, DealPatch, Probability};
pub use merge::{
    CompanyDuplicateGroupOut, CompanyDuplicateReason, CompanyMergeOut, ContactMergeOut, DuplicateGroupOut,
    DuplicateReason, MergeConflict, MergeIn,
};
