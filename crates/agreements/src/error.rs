//! The cases callers of the agreements service act on, mapped to problems in one place.

use atrium_kernel::AppError;
use chrono::NaiveDate;

use crate::dto::{ContractId, EngagementStatus};

#[derive(Debug, thiserror::Error)]
pub enum AgreementsError {
    /// The record's status does not allow this; the message names the status.
    #[error("{what} is `{current}`; {action} needs it to be {}", quoted(needs))]
    WrongStatus { what: &'static str, current: String, action: &'static str, needs: Vec<&'static str> },
    /// One contract per proposal.
    #[error("this proposal already has a contract")]
    AlreadyContracted { existing_id: ContractId },
    /// Another writer changed the record between the checks outside the
    /// transaction and the write.
    #[error("the {0} changed while this request was checked; retry")]
    ChangedMeanwhile(&'static str),
    /// A signed contract is a record to keep.
    #[error("contract is `{status}` and was signed; a signed contract is kept (terminate it instead)")]
    SignedContractKept { status: String },
    /// The hourly job may not have expired it yet; the offer has lapsed all the same.
    #[error("proposal is `{status}` but its validity ended on {until}; it can no longer be accepted")]
    ProposalLapsed { status: String, until: NaiveDate },
    /// An engagement move its lifecycle does not allow.
    #[error("engagement is `{from}`; it can move to {} (not `{to}`)", allowed_moves(allowed))]
    EngagementMove { from: EngagementStatus, to: EngagementStatus, allowed: &'static [EngagementStatus] },
    /// A contract without a signature has none to show.
    #[error("signature not found")]
    Unsigned,
    /// A stored value this build cannot read (a corrupt row, a signature under another key).
    #[error("{0}")]
    Corrupt(String),
}

fn quoted(needs: &[&str]) -> String {
    needs.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
}

fn allowed_moves(allowed: &[EngagementStatus]) -> String {
    if allowed.is_empty() {
        "nothing: the status is final".to_owned()
    } else {
        allowed.iter().map(EngagementStatus::as_str).collect::<Vec<_>>().join(", ")
    }
}

impl From<AgreementsError> for AppError {
    fn from(e: AgreementsError) -> Self {
        match e {
            AgreementsError::AlreadyContracted { existing_id } => {
                AppError::Conflict { detail: e.to_string(), existing_id: Some(existing_id.to_string()) }
            }
            AgreementsError::WrongStatus { .. }
            | AgreementsError::ChangedMeanwhile(_)
            | AgreementsError::SignedContractKept { .. }
            | AgreementsError::ProposalLapsed { .. }
            | AgreementsError::EngagementMove { .. } => AppError::conflict(e.to_string()),
            AgreementsError::Unsigned => AppError::NotFound("signature"),
            AgreementsError::Corrupt(detail) => AppError::internal(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_name_the_status_and_carry_the_existing_id() {
        let e = AgreementsError::WrongStatus {
            what: "proposal",
            current: "sent".into(),
            action: "a change",
            needs: vec!["draft"],
        };
        assert_eq!(e.to_string(), "proposal is `sent`; a change needs it to be `draft`");
        let id = ContractId::new();
        match AppError::from(AgreementsError::AlreadyContracted { existing_id: id }) {
            AppError::Conflict { existing_id, .. } => assert_eq!(existing_id, Some(id.to_string())),
            other => panic!("{other:?}"),
        }
        let done = AgreementsError::EngagementMove {
            from: EngagementStatus::Completed,
            to: EngagementStatus::Active,
            allowed: &[],
        };
        assert!(done.to_string().contains("final"));
        assert!(matches!(AppError::from(AgreementsError::Unsigned), AppError::NotFound("signature")));
    }
}
