//! The cases CRM's callers act on, mapped to problems in one place.

use atrium_kernel::{AppError, FieldError};
use uuid::Uuid;

use crate::dto::ContactId;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    /// A live contact of the organization already has this email (also when the
    /// unique index caught a concurrent write).
    #[error("another contact of this organization has this email")]
    EmailTaken { existing_id: ContactId },
    /// A reference in the input (`field`) names no live company of the organization.
    #[error("no such client company in this organization")]
    CompanyNotFound { field: &'static str },
    /// A reference in the input (`field`) names no live contact of the organization.
    #[error("no such contact in this organization")]
    ContactNotFound { field: &'static str },
    /// An owner (`field`) who is not a member of the organization.
    #[error("is not a member of this organization")]
    NotAMember { field: &'static str },
    /// A tombstone is read-only.
    #[error("the {noun} was merged; change the survivor instead")]
    MergedRecord { noun: &'static str },
    #[error("the survivor was itself merged; merge into its survivor")]
    SurvivorMerged,
    #[error("{noun} {id} was already merged")]
    AlreadyMerged { noun: &'static str, id: Uuid },
    #[error("must not contain the survivor")]
    SurvivorAmongSources,
    #[error("unknown column(s) {unknown}; known: {known}")]
    UnknownColumns { unknown: String, known: String },
    #[error("needs a first_name or an email column")]
    NoKeyColumn,
    #[error("more than {max} rows; split the file")]
    TooManyRows { max: u64 },
    /// A file that is not CSV (or not UTF-8) at `row`.
    #[error("CSV row {row}: {detail}")]
    MalformedCsv { row: u64, detail: String },
}

impl From<CrmError> for AppError {
    fn from(e: CrmError) -> Self {
        let invalid = |field: &str| AppError::Validation(vec![FieldError::new(field, e.to_string())]);
        match &e {
            CrmError::EmailTaken { existing_id } => {
                AppError::Conflict { detail: e.to_string(), existing_id: Some(existing_id.to_string()) }
            }
            CrmError::CompanyNotFound { field }
            | CrmError::ContactNotFound { field }
            | CrmError::NotAMember { field } => invalid(field),
            CrmError::SurvivorAmongSources => invalid("source_ids"),
            CrmError::UnknownColumns { .. } | CrmError::NoKeyColumn => invalid("header"),
            CrmError::TooManyRows { .. } => invalid("body"),
            CrmError::MergedRecord { .. } | CrmError::SurvivorMerged | CrmError::AlreadyMerged { .. } => {
                AppError::conflict(e.to_string())
            }
            CrmError::MalformedCsv { .. } => AppError::BadRequest(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_case_has_its_status() {
        let id = ContactId::new();
        let taken = AppError::from(CrmError::EmailTaken { existing_id: id }).to_problem();
        assert_eq!((taken.status, taken.existing_id), (409, Some(id.to_string())));
        let p = AppError::from(CrmError::CompanyNotFound { field: "client_company_id" }).to_problem();
        assert_eq!((p.status, p.errors[0].field.as_str()), (422, "client_company_id"));
        assert_eq!(AppError::from(CrmError::MergedRecord { noun: "contact" }).status().as_u16(), 409);
        assert_eq!(AppError::from(CrmError::MalformedCsv { row: 2, detail: "x".into() }).status().as_u16(), 400);
    }
}
