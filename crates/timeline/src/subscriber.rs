use async_trait::async_trait;
use atrium_outbox::{DeliveryError, Event, Subscriber};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::entity;
use crate::summary::summarize;

/// Writes every event into the timeline. Idempotent: the entry's id is the event
/// id, so a redelivery inserts nothing.
pub struct TimelineSubscriber {
    db: DatabaseConnection,
}

impl TimelineSubscriber {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// One multi-row INSERT; an entry that already exists is left alone.
    async fn write(&self, events: &[Event]) -> Result<(), DeliveryError> {
        let rows = events.iter().map(|event| {
            let engagement_id =
                event.data.get("engagement_id").and_then(|v| v.as_str()).and_then(|s| s.parse::<Uuid>().ok());
            entity::ActiveModel {
                id: Set(event.id.into_uuid()),
                organization_id: Set(event.org_id.into_uuid()),
                engagement_id: Set(engagement_id),
                entity_type: Set(event.aggregate_type.clone()),
                entity_id: Set(event.aggregate_id),
                event_type: Set(event.event_type.clone()),
                actor: Set(event.actor.clone()),
                summary: Set(summarize(&event.event_type, &event.aggregate_type, &event.data)),
                data: Set(event.data.clone()),
                created_at: Set(event.occurred_at),
            }
        });
        entity::Entity::insert_many(rows)
            .on_conflict(OnConflict::column(entity::Column::Id).do_nothing().to_owned())
            .exec_without_returning(&self.db)
            .await
            .map_err(DeliveryError::new)?;
        Ok(())
    }
}

#[async_trait]
impl Subscriber for TimelineSubscriber {
    fn name(&self) -> &'static str {
        "timeline"
    }

    fn accepts(&self, _event_type: &str) -> bool {
        true
    }

    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.write(std::slice::from_ref(event)).await
    }

    async fn deliver_many(&self, items: &[(String, Event)]) -> Vec<Result<(), DeliveryError>> {
        let events: Vec<Event> = items.iter().map(|(_, e)| e.clone()).collect();
        let result = self.write(&events).await;
        vec![result; items.len()]
    }
}
