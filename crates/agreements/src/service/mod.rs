//! The agreements service: the only writer of proposals, contracts and
//! engagements. Every method takes `&OrgCtx` first; every write publishes its
//! typed event in the same transaction, so a failed write leaves neither row nor event.

mod client;
mod contract_flow;
mod contracts;
mod engagements;
mod links;
mod merges;
mod parties;
mod pricing;
mod proposal_flow;
mod proposals;
mod refs;

pub use client::ClientScope;
pub use merges::MERGE_ACTOR;
pub use proposal_flow::EXPIRY_JOB;
pub use refs::EngagementRef;
pub use refs::{EngagementBudgetRef, EngagementSelection};

use std::str::FromStr;
use std::sync::Arc;

use atrium_kernel::vault::ColumnVault;
use atrium_kernel::{AppError, Clock, Currency, Money};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::error::AgreementsError;
use crate::ports::Crm;

#[derive(Clone)]
pub struct AgreementsService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    crm: Arc<dyn Crm>,
    signatures: ColumnVault,
}

impl AgreementsService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, crm: Arc<dyn Crm>, signatures: ColumnVault) -> Self {
        Self { db, clock, crm, signatures }
    }
}

/// A value read back from a column (a status, a currency code); one this build
/// cannot parse means a corrupt row.
pub(crate) fn stored<T: FromStr>(s: &str) -> Result<T, AppError>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e| AgreementsError::Corrupt(format!("stored value `{s}`: {e}")).into())
}

pub(crate) fn stored_currency(code: &str) -> Result<Currency, AppError> {
    stored(code)
}

pub(crate) fn stored_money(amount: Option<i64>, code: Option<&str>) -> Result<Option<Money>, AppError> {
    match (amount, code) {
        (Some(amount), Some(code)) => Ok(Some(Money::new(amount, stored_currency(code)?))),
        _ => Ok(None),
    }
}

/// Publishes as the portal contact when `client` is set (a client's own decision),
/// else as the caller.
pub(crate) async fn publish_by<C: sea_orm::ConnectionTrait, E: atrium_events::EventPayload>(
    conn: &C,
    ctx: &atrium_kernel::OrgCtx,
    client: Option<&atrium_events::agreements::ClientParty>,
    now: chrono::DateTime<chrono::Utc>,
    payload: &E,
) -> Result<atrium_outbox::EventId, AppError> {
    match client {
        Some(c) => atrium_outbox::publish_as(conn, ctx.org_id, &c.actor(), now, payload).await,
        None => atrium_outbox::publish(conn, ctx, now, payload).await,
    }
}

/// The 409 of a change the current status does not allow; it names the status.
pub(crate) fn wrong_status(
    what: &'static str,
    current: &str,
    action: &'static str,
    needs: &[&'static str],
) -> AppError {
    AgreementsError::WrongStatus { what, current: current.to_owned(), action, needs: needs.to_vec() }.into()
}

/// Fields an update event reports as changed: the top-level fields of the state
/// whose value differs, leaving out the bookkeeping every write touches.
pub(crate) fn changed_fields<T: Serialize>(before: &T, after: &T) -> Vec<String> {
    const BOOKKEEPING: [&str; 2] = ["version", "updated_at"];
    let (Ok(serde_json::Value::Object(before)), Ok(serde_json::Value::Object(after))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(k, v)| !BOOKKEEPING.contains(&k.as_str()) && before.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_fields_leave_out_bookkeeping() {
        let before = serde_json::json!({"title": "a", "version": 1, "updated_at": "x", "total": 5});
        let after = serde_json::json!({"title": "b", "version": 2, "updated_at": "y", "total": 5});
        assert_eq!(changed_fields(&before, &after), ["title"]);
    }
}
