//! Invoices follow their client company: a CRM merge repoints them to the survivor
//! (the subscriber), and a daily reconciliation realigns any invoice whose client
//! company drifted from its engagement's (a lost or reordered event, a manual fix
//! in agreements). The engagement is the source of truth. Credit notes name their
//! invoice only, so they follow it.

use atrium_events::crm::CompanyMerged;
use atrium_events::revenue::{InvoiceReconciled, InvoicesRepointed};
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrganizationId, Scoped};
use atrium_outbox::{Event, publish_as};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::RevenueService;
use crate::dto::{ClientCompanyId, EngagementId, InvoiceId};
use crate::entity::invoice;

/// The subscriber's name, and its actor on the events it publishes (`system:…`).
pub const MERGE_SUBSCRIBER: &str = "revenue.crm_merges";
/// The reconciliation job's name and actor.
pub const RECONCILE_JOB: &str = "revenue.reconcile_client_companies";
/// Invoices read (and engagements asked about) per round trip.
const BATCH: u64 = 500;

/// An invoice's (id, engagement, client company, number, version), as read.
type HeldRow = (Uuid, Uuid, Option<Uuid>, Option<String>, i32);

/// An invoice as reconciliation reads it.
struct Held {
    id: InvoiceId,
    engagement: EngagementId,
    client: Option<ClientCompanyId>,
    number: Option<String>,
    version: i32,
}

impl RevenueService {
    /// Moves the event's organization's invoices from the merged companies to the
    /// survivor in one statement, with one event listing them; returns how many.
    /// Idempotent: a redelivery finds none left, changes nothing, publishes nothing.
    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    pub async fn repoint_merged_invoices(&self, event: &Event, merged: &CompanyMerged) -> Result<u64, AppError> {
        let from: Vec<Uuid> =
            merged.merged_ids.iter().filter(|c| **c != merged.survivor_id).map(|c| c.into_uuid()).collect();
        if from.is_empty() {
            return Ok(0);
        }
        let txn = begin_write(&self.db).await?;
        let ids: Vec<Uuid> = invoice::Entity::scoped(event.org_id)
            .filter(invoice::Column::ClientCompanyId.is_in(from.clone()))
            .select_only()
            .column(invoice::Column::Id)
            .order_by_asc(invoice::Column::Id)
            .lock_exclusive()
            .into_tuple()
            .all(&txn)
            .await?;
        if ids.is_empty() {
            txn.rollback().await?;
            return Ok(0);
        }
        let now = self.clock.now();
        let to = merged.survivor_id.into_uuid();
        let count =
            invoice::Entity::repoint(&txn, event.org_id, invoice::Column::ClientCompanyId, from, to, now).await?;
        let out = InvoicesRepointed {
            survivor_id: merged.survivor_id,
            merged_ids: merged.merged_ids.clone(),
            count,
            invoice_ids: ids.into_iter().map(Into::into).collect(),
            cause_event_id: event.id.into_uuid(),
        };
        publish_as(&txn, event.org_id, &format!("system:{MERGE_SUBSCRIBER}"), now, &out).await?;
        txn.commit().await?;
        Ok(count)
    }

    /// Reconciles every organization's invoices; returns how many were repaired.
    #[tracing::instrument(skip_all)]
    #[allow(clippy::disallowed_methods)]
    pub async fn reconcile_client_companies(&self) -> Result<u64, AppError> {
        // The one unscoped read: a system job walks every organization that has invoices.
        let orgs: Vec<Uuid> = invoice::Entity::find()
            .select_only()
            .column(invoice::Column::OrganizationId)
            .distinct()
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut repaired = 0;
        for org in orgs {
            repaired += self.reconcile_organization(org.into()).await?;
        }
        Ok(repaired)
    }

    /// One organization, in batches of invoices keyed by id.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn reconcile_organization(&self, org: OrganizationId) -> Result<u64, AppError> {
        let mut repaired = 0;
        let mut after: Option<Uuid> = None;
        loop {
            let batch = self.held_batch(org, after).await?;
            let Some(last) = batch.last() else { break };
            after = Some(last.id.into_uuid());
            let mut engagements: Vec<EngagementId> = batch.iter().map(|i| i.engagement).collect();
            engagements.sort_unstable();
            engagements.dedup();
            let truth = self.engagements.client_companies(org, &engagements).await?;
            for held in &batch {
                // An engagement the port does not know is being deleted (and its
                // invoices with it): nothing to align to.
                let Some(expected) = truth.get(&held.engagement) else { continue };
                if *expected != held.client && self.realign(org, held, *expected).await? {
                    repaired += 1;
                }
            }
            if (batch.len() as u64) < BATCH {
                break;
            }
        }
        Ok(repaired)
    }

    async fn held_batch(&self, org: OrganizationId, after: Option<Uuid>) -> Result<Vec<Held>, AppError> {
        let mut q = invoice::Entity::scoped(org);
        if let Some(a) = after {
            q = q.filter(invoice::Column::Id.gt(a));
        }
        let rows: Vec<HeldRow> = q
            .select_only()
            .column(invoice::Column::Id)
            .column(invoice::Column::EngagementId)
            .column(invoice::Column::ClientCompanyId)
            .column(invoice::Column::Number)
            .column(invoice::Column::Version)
            .order_by_asc(invoice::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, engagement, client, number, version)| Held {
                id: id.into(),
                engagement: engagement.into(),
                client: client.map(Into::into),
                number,
                version,
            })
            .collect())
    }

    /// Sets the invoice's client if the invoice is still as read (a concurrent
    /// change wins: the version check fails and the next run looks again).
    async fn realign(&self, org: OrganizationId, held: &Held, to: Option<ClientCompanyId>) -> Result<bool, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let changes = invoice::ActiveModel {
            client_company_id: Set(to.map(Into::into)),
            updated_at: Set(now),
            ..Default::default()
        };
        match invoice::Entity::update_in(&txn, org, held.id, changes, IfMatch(Some(held.version))).await {
            Ok(_) => {}
            Err(AppError::Conflict { .. } | AppError::NotFound(_)) => {
                txn.rollback().await?;
                return Ok(false);
            }
            Err(e) => return Err(e),
        }
        let event = InvoiceReconciled {
            id: held.id,
            engagement_id: held.engagement,
            number: held.number.clone(),
            from: held.client,
            to,
        };
        publish_as(&txn, org, &format!("system:{RECONCILE_JOB}"), now, &event).await?;
        txn.commit().await?;
        tracing::info!(org_id = %org, invoice_id = %held.id, from = ?held.client, to = ?to, "invoice client company reconciled");
        Ok(true)
    }
}
