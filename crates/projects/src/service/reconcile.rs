//! Repairs projects whose client company drifted from their engagement's (an event
//! lost or applied out of order, a manual fix in agreements). The engagement is the
//! source of truth; each repair is its own small transaction with its event.

use async_trait::async_trait;
use atrium_events::projects::ProjectReconciled;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, IfMatch, OrganizationId, Scoped};
use atrium_outbox::{Job, publish_as};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::ProjectsService;
use crate::dto::{ClientCompanyId, EngagementId, ProjectId};
use crate::entity::project;

/// Projects read (and engagements asked about) per round trip.
const BATCH: u64 = 500;
const ACTOR: &str = "system:projects.reconcile";

/// A project as reconciliation reads it.
struct Held {
    id: ProjectId,
    engagement: EngagementId,
    client: Option<ClientCompanyId>,
    version: i32,
}

impl ProjectsService {
    /// Reconciles every organization's projects; returns how many were repaired.
    #[tracing::instrument(skip_all)]
    #[allow(clippy::disallowed_methods)]
    pub async fn reconcile_client_companies(&self) -> Result<u64, AppError> {
        // The one unscoped read: a system job walks every organization that has projects.
        let orgs: Vec<Uuid> = project::Entity::find()
            .select_only()
            .column(project::Column::OrganizationId)
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

    /// One organization, in batches of projects keyed by id.
    #[tracing::instrument(skip_all, fields(org_id = %org))]
    pub async fn reconcile_organization(&self, org: OrganizationId) -> Result<u64, AppError> {
        let mut repaired = 0;
        let mut after: Option<Uuid> = None;
        loop {
            let batch = self.batch(org, after).await?;
            let Some(last) = batch.last() else { break };
            after = Some(last.id.into_uuid());
            let mut engagements: Vec<EngagementId> = batch.iter().map(|p| p.engagement).collect();
            engagements.sort_unstable();
            engagements.dedup();
            let truth = self.engagements.client_companies(org, &engagements).await?;
            for held in &batch {
                // An engagement the port does not know is being deleted (and its
                // projects with it): nothing to align to.
                let Some(expected) = truth.get(&held.engagement) else { continue };
                if *expected != held.client && self.repair(org, held, *expected).await? {
                    repaired += 1;
                }
            }
            if (batch.len() as u64) < BATCH {
                break;
            }
        }
        Ok(repaired)
    }

    async fn batch(&self, org: OrganizationId, after: Option<Uuid>) -> Result<Vec<Held>, AppError> {
        let mut q = project::Entity::scoped(org);
        if let Some(a) = after {
            q = q.filter(project::Column::Id.gt(a));
        }
        let rows: Vec<(Uuid, Uuid, Option<Uuid>, i32)> = q
            .select_only()
            .column(project::Column::Id)
            .column(project::Column::EngagementId)
            .column(project::Column::ClientCompanyId)
            .column(project::Column::Version)
            .order_by_asc(project::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, engagement, client, version)| Held {
                id: id.into(),
                engagement: engagement.into(),
                client: client.map(Into::into),
                version,
            })
            .collect())
    }

    /// Sets the project's client if the project is still as read (a concurrent
    /// change wins: the version check fails and the next run looks again).
    async fn repair(&self, org: OrganizationId, held: &Held, to: Option<ClientCompanyId>) -> Result<bool, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let changes = project::ActiveModel {
            client_company_id: Set(to.map(Into::into)),
            updated_at: Set(now),
            ..Default::default()
        };
        match project::Entity::update_in(&txn, org, held.id, changes, IfMatch(Some(held.version))).await {
            Ok(_) => {}
            Err(AppError::Conflict { .. } | AppError::NotFound(_)) => {
                txn.rollback().await?;
                return Ok(false);
            }
            Err(e) => return Err(e),
        }
        let event = ProjectReconciled { id: held.id, engagement_id: held.engagement, from: held.client, to };
        publish_as(&txn, org, ACTOR, now, &event).await?;
        txn.commit().await?;
        tracing::info!(org_id = %org, project_id = %held.id, from = ?held.client, to = ?to, "project client company reconciled");
        Ok(true)
    }
}

/// Daily [`ProjectsService::reconcile_client_companies`].
pub struct ReconcileJob(pub ProjectsService);

#[async_trait]
impl Job for ReconcileJob {
    fn name(&self) -> &'static str {
        "projects.reconcile_client_companies"
    }

    fn schedule(&self) -> &'static str {
        "43 4 * * *"
    }

    async fn run(&self, _now: DateTime<Utc>) -> Result<String, String> {
        let repaired = self.0.reconcile_client_companies().await.map_err(|e| e.to_string())?;
        tracing::info!(repaired, "projects reconciliation finished");
        Ok(format!("repaired {repaired} projects"))
    }
}
