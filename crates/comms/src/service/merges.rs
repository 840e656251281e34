//! Follows CRM contact merges: thread links and message senders that name a
//! merged contact name its survivor.

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_events::comms::ContactsRepointed;
use atrium_events::crm::ContactMerged;
use atrium_kernel::db::begin_write;
use atrium_kernel::{AppError, Scoped};
use atrium_outbox::{DeliveryError, Event, Subscriber, publish_as};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::CommsService;
use crate::entity::{message, thread_contact};

/// The actor of what the merge subscriber writes.
pub const MERGE_ACTOR: &str = "system:comms-crm-merges";

/// Repoints comms' contact links on `crm.contact.merged`. Idempotent: a
/// redelivery finds nothing naming the merged ids, changes nothing and publishes
/// nothing.
pub struct ContactMergeSubscriber(pub CommsService);

#[async_trait]
impl Subscriber for ContactMergeSubscriber {
    fn name(&self) -> &'static str {
        "comms.crm_merges"
    }

    fn accepts(&self, event_type: &str) -> bool {
        event_type == ContactMerged::TYPE
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        let merged: ContactMerged = event.payload()?;
        self.0.repoint_contacts(event, &merged).await.map(|_| ()).map_err(DeliveryError::new)
    }
}

impl CommsService {
    /// Moves the links of the merged contacts to the survivor in one transaction
    /// with one event; answers the threads whose links moved.
    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    pub async fn repoint_contacts(&self, event: &Event, merged: &ContactMerged) -> Result<Vec<Uuid>, AppError> {
        let org = event.org_id;
        let from: Vec<Uuid> = merged.merged_ids.iter().map(|c| c.into_uuid()).collect();
        let survivor = merged.survivor_id.into_uuid();
        if from.is_empty() {
            return Ok(Vec::new());
        }
        let txn = begin_write(&self.db).await?;
        let links = thread_contact::Entity::scoped(org)
            .filter(thread_contact::Column::ContactId.is_in(from.clone()))
            .all(&txn)
            .await?;
        let mut threads: Vec<Uuid> = links.iter().map(|l| l.thread_id).collect();
        threads.sort_unstable();
        threads.dedup();
        let now = self.clock.now();
        if !threads.is_empty() {
            // A thread linked to the survivor already keeps that one link.
            let rows = threads.iter().map(|t| thread_contact::ActiveModel {
                id: Set(Uuid::now_v7()),
                organization_id: Set(org.into_uuid()),
                thread_id: Set(*t),
                contact_id: Set(survivor),
                created_at: Set(now),
            });
            thread_contact::Entity::insert_many(rows)
                .on_conflict(
                    OnConflict::columns([thread_contact::Column::ThreadId, thread_contact::Column::ContactId])
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
            thread_contact::Entity::delete_scoped(org)
                .filter(thread_contact::Column::ContactId.is_in(from.clone()))
                .exec(&txn)
                .await?;
        }
        let messages = message::Entity::repoint(&txn, org, message::Column::FromContactId, from, survivor, now).await?;
        if threads.is_empty() && messages == 0 {
            txn.rollback().await?;
            return Ok(Vec::new());
        }
        let out = ContactsRepointed {
            survivor_id: merged.survivor_id,
            merged_ids: merged.merged_ids.clone(),
            thread_ids: threads.iter().copied().map(Into::into).collect(),
            messages,
            cause_event_id: event.id.into_uuid(),
        };
        publish_as(&txn, org, MERGE_ACTOR, now, &out).await?;
        txn.commit().await?;
        Ok(threads)
    }
}
