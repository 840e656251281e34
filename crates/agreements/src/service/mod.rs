//! The agreements service: the only writer of proposals, contracts and
//! engagements. Every method takes `&OrgCtx` first; every write appends its event
//! in the same transaction, so a failed write leaves neither row nor event.

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

pub use merges::{MERGE_ACTOR, MergedKind, Repointed};
pub use proposal_flow::EXPIRY_JOB;
pub use refs::EngagementRef;

use std::sync::Arc;

use atrium_kernel::{AppError, Clock, Currency, Money, OrgCtx, OrganizationId};
use atrium_outbox::{NewEvent, append, append_for};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

use crate::crypto::SignatureKey;
use crate::ports::Crm;

#[derive(Clone)]
pub struct AgreementsService {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    crm: Arc<dyn Crm>,
    signatures: SignatureKey,
}

impl AgreementsService {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>, crm: Arc<dyn Crm>, signatures: SignatureKey) -> Self {
        Self { db, clock, crm, signatures }
    }
}

/// Who writes an event: the caller, or a background actor such as `system:<job>`.
pub(crate) enum Actor<'a> {
    Caller(&'a OrgCtx),
    System { org: OrganizationId, name: &'a str },
}

pub(crate) async fn emit<C: ConnectionTrait>(
    conn: &C,
    actor: Actor<'_>,
    now: DateTime<Utc>,
    event_type: &str,
    aggregate_type: &str,
    id: Uuid,
    data: serde_json::Value,
) -> Result<(), AppError> {
    let event = NewEvent::new(event_type, aggregate_type, id, data);
    match actor {
        Actor::Caller(ctx) => append_for(conn, ctx, now, event).await?,
        Actor::System { org, name } => append(conn, org, &format!("system:{name}"), now, event).await?,
    };
    Ok(())
}

/// A currency code read back from a row.
pub(crate) fn stored_currency(code: &str) -> Result<Currency, AppError> {
    code.parse().map_err(|e| AppError::internal(format!("stored currency: {e}")))
}

pub(crate) fn stored_money(amount: Option<i64>, code: Option<&str>) -> Result<Option<Money>, AppError> {
    match (amount, code) {
        (Some(amount), Some(code)) => Ok(Some(Money::new(amount, stored_currency(code)?))),
        _ => Ok(None),
    }
}

/// The 409 of a transition the current status does not allow; it names the status.
pub(crate) fn wrong_status(what: &str, current: &str, action: &str, needs: &[&str]) -> AppError {
    let needs = needs.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ");
    AppError::conflict(format!("{what} is `{current}`; {action} needs it to be {needs}"))
}

/// Read outside the transaction, re-read inside: another writer got in between.
pub(crate) fn changed_meanwhile(what: &str) -> AppError {
    AppError::conflict(format!("the {what} changed while this request was checked; retry"))
}
