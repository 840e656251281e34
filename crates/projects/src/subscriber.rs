//! Follows CRM merges: projects pointing at a merged company point at its survivor.

use std::sync::Arc;

use async_trait::async_trait;
use atrium_kernel::Clock;
use atrium_kernel::db::begin_write;
use atrium_outbox::{DeliveryError, Event, NewEvent, Subscriber, append};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::entity::project;

const MERGED: &str = "crm.company.merged";

#[derive(Deserialize)]
struct Merged {
    survivor_id: Uuid,
    merged_ids: Vec<Uuid>,
}

/// Repoints `client_company_id` on `crm.company.merged`. Idempotent: a redelivery
/// finds nothing left pointing at the merged ids, changes nothing and emits nothing.
pub struct CrmMergeSubscriber {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl CrmMergeSubscriber {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }

    /// Repoints the organization's projects; returns how many moved.
    pub async fn apply(&self, event: &Event) -> Result<u64, DeliveryError> {
        let merged: Merged = serde_json::from_value(event.data.clone())
            .map_err(|e| DeliveryError::new(format!("{MERGED} {}: {e}", event.id)))?;
        if merged.merged_ids.is_empty() {
            return Ok(0);
        }
        let org = event.org_id.into_uuid();
        let now = self.clock.now();
        let txn = begin_write(&self.db).await.map_err(DeliveryError::new)?;
        let moved: Vec<(Uuid, Uuid)> = project::Entity::scoped(event.org_id)
            .filter(project::Column::ClientCompanyId.is_in(merged.merged_ids.clone()))
            .select_only()
            .column(project::Column::Id)
            .column(project::Column::EngagementId)
            .into_tuple()
            .all(&txn)
            .await
            .map_err(DeliveryError::new)?;
        if moved.is_empty() {
            txn.rollback().await.map_err(DeliveryError::new)?;
            return Ok(0);
        }
        let ids: Vec<Uuid> = moved.iter().map(|(id, _)| *id).collect();
        project::Entity::update_many()
            .col_expr(project::Column::ClientCompanyId, Expr::value(merged.survivor_id))
            .col_expr(project::Column::Version, Expr::col(project::Column::Version).add(1))
            .col_expr(project::Column::UpdatedAt, Expr::value(now))
            .filter(project::Column::OrganizationId.eq(org))
            .filter(project::Column::Id.is_in(ids.clone()))
            .exec(&txn)
            .await
            .map_err(DeliveryError::new)?;
        let data = json!({
            "survivor_id": merged.survivor_id,
            "merged_ids": merged.merged_ids,
            "count": ids.len(),
            "project_ids": ids,
            "cause_event_id": event.id,
        });
        let out = NewEvent::new("projects.references.repointed", "client_company", merged.survivor_id, data);
        append(&txn, event.org_id, &format!("system:{}", self.name()), now, out).await.map_err(DeliveryError::new)?;
        txn.commit().await.map_err(DeliveryError::new)?;
        Ok(ids.len() as u64)
    }
}

#[async_trait]
impl Subscriber for CrmMergeSubscriber {
    fn name(&self) -> &'static str {
        "projects.crm_merges"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == MERGED
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.apply(event).await.map(|_| ())
    }
}
