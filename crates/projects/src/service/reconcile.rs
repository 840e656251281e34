//! Repairs projects whose client company drifted from their engagement's (an event
//! lost or applied out of order, a manual fix in agreements). The engagement is the
//! source of truth; each repair is its own small transaction with its event.

use async_trait::async_trait;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, OrganizationId};
use atrium_outbox::{Job, NewEvent, append};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::ProjectsService;
use crate::entity::project;

/// Projects read (and engagements asked about) per round trip.
const BATCH: u64 = 500;
const ACTOR: &str = "system:projects.reconcile";

impl ProjectsService {
    /// Reconciles every organization's projects; returns how many were repaired.
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
    pub async fn reconcile_organization(&self, org: OrganizationId) -> Result<u64, AppError> {
        let mut repaired = 0;
        let mut after: Option<Uuid> = None;
        loop {
            let mut q = project::Entity::scoped(org);
            if let Some(a) = after {
                q = q.filter(project::Column::Id.gt(a));
            }
            let batch: Vec<(Uuid, Uuid, Option<Uuid>)> = q
                .select_only()
                .column(project::Column::Id)
                .column(project::Column::EngagementId)
                .column(project::Column::ClientCompanyId)
                .order_by_asc(project::Column::Id)
                .limit(BATCH)
                .into_tuple()
                .all(&self.db)
                .await?;
            let Some(last) = batch.last() else { break };
            after = Some(last.0);
            let mut engagements: Vec<Uuid> = batch.iter().map(|(_, e, _)| *e).collect();
            engagements.sort_unstable();
            engagements.dedup();
            let truth = self.engagements.client_companies(org, &engagements).await?;
            for (id, engagement, current) in &batch {
                // An engagement the port does not know is being deleted (and its
                // projects with it): nothing to align to.
                let Some(expected) = truth.get(engagement) else { continue };
                if expected != current && self.repair(org, *id, *engagement, *current, *expected).await? {
                    repaired += 1;
                }
            }
            if (batch.len() as u64) < BATCH {
                break;
            }
        }
        Ok(repaired)
    }

    /// Sets the project's client if it still holds `from` (a concurrent change wins).
    async fn repair(
        &self,
        org: OrganizationId,
        id: Uuid,
        engagement: Uuid,
        from: Option<Uuid>,
        to: Option<Uuid>,
    ) -> Result<bool, AppError> {
        let now = self.clock.now();
        let txn = begin_write(&self.db).await?;
        let still = match from {
            Some(f) => project::Column::ClientCompanyId.eq(f),
            None => project::Column::ClientCompanyId.is_null(),
        };
        let done = project::Entity::update_many()
            .col_expr(project::Column::ClientCompanyId, Expr::value(to))
            .col_expr(project::Column::Version, Expr::col(project::Column::Version).add(1))
            .col_expr(project::Column::UpdatedAt, Expr::value(now))
            .filter(project::Column::OrganizationId.eq(org.into_uuid()))
            .filter(project::Column::Id.eq(id))
            .filter(still)
            .exec(&txn)
            .await?;
        if done.rows_affected == 0 {
            txn.rollback().await?;
            return Ok(false);
        }
        let data = json!({"id": id, "engagement_id": engagement, "from": from, "to": to});
        append(&txn, org, ACTOR, now, NewEvent::new("projects.project.reconciled", "project", id, data)).await?;
        txn.commit().await?;
        tracing::info!(org_id = %org, project_id = %id, ?from, ?to, "project client company reconciled");
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
