//! Follows CRM merges: projects pointing at a merged company point at its survivor.

use std::sync::Arc;

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::crm::CompanyMerged;
use atrium_events::projects::ReferencesRepointed;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Clock, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::entity::project;

/// Repoints `client_company_id` on `crm.company.merged`. Idempotent: a redelivery
/// finds nothing left pointing at the merged ids, changes nothing and publishes nothing.
pub struct CrmMergeSubscriber {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

impl CrmMergeSubscriber {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Self {
        Self { db, clock }
    }

    /// Repoints the organization's projects; returns how many moved.
    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    pub async fn apply(&self, event: &Event) -> Result<u64, DeliveryError> {
        let merged: CompanyMerged = event.payload()?;
        self.repoint_merged(event, &merged).await.map_err(DeliveryError::new)
    }

    /// The projects of the event's organization naming a merged company, locked,
    /// then moved to the survivor in one statement, with one event listing them.
    async fn repoint_merged(&self, event: &Event, merged: &CompanyMerged) -> Result<u64, AppError> {
        let from: Vec<Uuid> = merged.merged_ids.iter().map(|c| c.into_uuid()).collect();
        if from.is_empty() {
            return Ok(0);
        }
        let txn = begin_write(&self.db).await?;
        let project_ids: Vec<Uuid> = project::Entity::scoped(event.org_id)
            .filter(project::Column::ClientCompanyId.is_in(from.clone()))
            .select_only()
            .column(project::Column::Id)
            .lock_exclusive()
            .into_tuple()
            .all(&txn)
            .await?;
        if project_ids.is_empty() {
            txn.rollback().await?;
            return Ok(0);
        }
        let now = self.clock.now();
        let column = project::Column::ClientCompanyId;
        let count =
            project::Entity::repoint(&txn, event.org_id, column, from, merged.survivor_id.into_uuid(), now).await?;
        let out = ReferencesRepointed {
            survivor_id: merged.survivor_id,
            merged_ids: merged.merged_ids.clone(),
            count,
            project_ids: project_ids.into_iter().map(Into::into).collect(),
            cause_event_id: event.id.into_uuid(),
        };
        publish_as(&txn, event.org_id, &format!("system:{}", self.name()), now, &out).await?;
        txn.commit().await?;
        Ok(count)
    }
}

#[async_trait]
impl Subscriber for CrmMergeSubscriber {
    fn name(&self) -> &'static str {
        "projects.crm_merges"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == CompanyMerged::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.apply(event).await.map(|_| ())
    }
}
