//! Follows revenue's invoices: time entries an issued invoice names are marked as
//! billed by it, and a voided invoice's entries become unbilled again. Revenue
//! never writes projects' tables; this is the only writer of `invoiced_by`.

use std::sync::Arc;

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::projects::{ApprovalState, TimeEntriesInvoiced, TimeEntriesUninvoiced, TimeEntryId};
use atrium_events::revenue::{InvoiceIssued, InvoiceVoided};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Clock, OrganizationId, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::time_entry;

/// Sets and clears `time_entries.invoiced_by`. Idempotent per event: a redelivery
/// finds its entries already marked (or already cleared), changes nothing and
/// publishes nothing; the event it publishes names the event it follows.
pub struct InvoicingSubscriber {
    db: sea_orm::DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl InvoicingSubscriber {
    pub fn new(db: sea_orm::DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }

    /// Applies one invoice event; returns the ids of the entries it changed.
    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id, event_type = %event.event_type))]
    pub async fn apply(&self, event: &Event) -> Result<Vec<TimeEntryId>, DeliveryError> {
        let result = if event.event_type == InvoiceIssued::TYPE {
            let issued: InvoiceIssued = event.payload()?;
            self.mark(event, &issued).await
        } else if event.event_type == InvoiceVoided::TYPE {
            let voided: InvoiceVoided = event.payload()?;
            self.unmark(event, &voided).await
        } else {
            Ok(Vec::new())
        };
        result.map_err(DeliveryError::new)
    }

    /// Marks the named entries that are approved, billable, of the invoice's
    /// engagement and not billed yet. Others are left alone and logged: revenue
    /// asked to bill time that is not billable (or is billed elsewhere).
    async fn mark(&self, event: &Event, issued: &InvoiceIssued) -> Result<Vec<TimeEntryId>, AppError> {
        let named = uuids(&issued.time_entry_ids);
        if named.is_empty() {
            return Ok(Vec::new());
        }
        let txn = begin_write(&self.db).await?;
        let ids: Vec<Uuid> = select_locked(&txn, event.org_id, issued.engagement_id.into_uuid(), &named, |q| {
            q.filter(time_entry::Column::ApprovalState.eq(ApprovalState::Approved.as_str()))
                .filter(time_entry::Column::Billable.eq(true))
                .filter(time_entry::Column::InvoicedBy.is_null())
        })
        .await?;
        if ids.len() < named.len() {
            tracing::warn!(invoice_id = %issued.invoice_id, named = named.len(), marked = ids.len(),
                "an issued invoice names time entries that are not billable or are billed already");
        }
        if ids.is_empty() {
            txn.rollback().await?;
            return Ok(Vec::new());
        }
        set_invoiced_by(&txn, event.org_id, &ids, Some(issued.invoice_id.into_uuid()), self.clock.now()).await?;
        let out = TimeEntriesInvoiced {
            invoice_id: issued.invoice_id,
            engagement_id: issued.engagement_id,
            time_entry_ids: ids.iter().copied().map(Into::into).collect(),
            cause_event_id: event.id.into_uuid(),
        };
        publish_as(&txn, event.org_id, &format!("system:{}", self.name()), self.clock.now(), &out).await?;
        txn.commit().await?;
        Ok(out.time_entry_ids)
    }

    /// Clears the named entries this invoice billed (and no other invoice's).
    async fn unmark(&self, event: &Event, voided: &InvoiceVoided) -> Result<Vec<TimeEntryId>, AppError> {
        let named = uuids(&voided.time_entry_ids);
        if named.is_empty() {
            return Ok(Vec::new());
        }
        let invoice = voided.invoice_id.into_uuid();
        let txn = begin_write(&self.db).await?;
        let ids = select_locked(&txn, event.org_id, voided.engagement_id.into_uuid(), &named, |q| {
            q.filter(time_entry::Column::InvoicedBy.eq(invoice))
        })
        .await?;
        if ids.is_empty() {
            txn.rollback().await?;
            return Ok(Vec::new());
        }
        set_invoiced_by(&txn, event.org_id, &ids, None, self.clock.now()).await?;
        let out = TimeEntriesUninvoiced {
            invoice_id: voided.invoice_id,
            engagement_id: voided.engagement_id,
            time_entry_ids: ids.iter().copied().map(Into::into).collect(),
            cause_event_id: event.id.into_uuid(),
        };
        publish_as(&txn, event.org_id, &format!("system:{}", self.name()), self.clock.now(), &out).await?;
        txn.commit().await?;
        Ok(out.time_entry_ids)
    }
}

fn uuids(ids: &[TimeEntryId]) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = ids.iter().map(|i| i.into_uuid()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The ids among `named` of the organization's entries of `engagement` that pass
/// `narrow`, locked until the transaction ends.
async fn select_locked<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    engagement: Uuid,
    named: &[Uuid],
    narrow: impl Fn(sea_orm::Select<time_entry::Entity>) -> sea_orm::Select<time_entry::Entity>,
) -> Result<Vec<Uuid>, AppError> {
    let mut ids = Vec::new();
    // Bounded IN lists keep every backend under its bind-parameter limit.
    for chunk in named.chunks(500) {
        let q = time_entry::Entity::scoped(org)
            .filter(time_entry::Column::EngagementId.eq(engagement))
            .filter(time_entry::Column::Id.is_in(chunk.iter().copied()));
        let rows: Vec<Uuid> =
            narrow(q).select_only().column(time_entry::Column::Id).lock_exclusive().into_tuple().all(conn).await?;
        ids.extend(rows);
    }
    ids.sort_unstable();
    Ok(ids)
}

/// Billing is not an edit of the entry: the version stays, so a client's ETag
/// still matches (an approved entry cannot be edited anyway).
async fn set_invoiced_by<C: ConnectionTrait>(
    conn: &C,
    org: OrganizationId,
    ids: &[Uuid],
    invoice: Option<Uuid>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    for chunk in ids.chunks(500) {
        time_entry::Entity::update_scoped(org)
            .col_expr(time_entry::Column::InvoicedBy, Expr::value(invoice))
            .col_expr(time_entry::Column::UpdatedAt, Expr::value(now))
            .filter(time_entry::Column::Id.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
    }
    Ok(())
}

#[async_trait]
impl Subscriber for InvoicingSubscriber {
    fn name(&self) -> &'static str {
        "projects.invoicing"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == InvoiceIssued::TYPE || event_type == InvoiceVoided::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.apply(event).await.map(|_| ())
    }
}
