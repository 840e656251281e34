use async_trait::async_trait;
use atrium_kernel::error::is_foreign_key_violation;
use atrium_outbox::{DeliveryError, Event, Subscriber};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{self, links};
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

    /// One multi-row INSERT; an entry that already exists is left alone. Then the
    /// entries of a proposal and contract are filed under the engagement made from
    /// them (see [`Self::file_under_engagements`]).
    async fn write(&self, events: &[Event]) -> Result<(), DeliveryError> {
        match self.insert(events, true).await {
            Ok(()) => {}
            // An entry naming an engagement that was deleted since (its own
            // `deleted` event, or a late one) cannot reference it: such entries go
            // in org-wide, one by one, so the rest of the batch keeps its link.
            Err(e) if is_foreign_key_violation(&e) => {
                for event in events {
                    match self.insert(std::slice::from_ref(event), true).await {
                        Err(e) if is_foreign_key_violation(&e) => self.insert(std::slice::from_ref(event), false).await,
                        other => other,
                    }
                    .map_err(DeliveryError::new)?;
                }
            }
            Err(e) => return Err(DeliveryError::new(e)),
        }
        self.file_under_engagements(events).await.map_err(DeliveryError::new)
    }

    /// An engagement made from a contract (and its proposal) records a link per
    /// origin; every entry of a linked entity without an engagement then takes the
    /// link's. Both steps run on every batch, so the result is the same whether
    /// the proposal's late events arrive before or after the engagement's, even
    /// with two workers writing at once: whichever commits second sees the other.
    async fn file_under_engagements(&self, events: &[Event]) -> Result<(), DbErr> {
        // Only proposals and contracts are ever linked; other entries need no look.
        let mut entities: Vec<(Uuid, Uuid)> = events
            .iter()
            .filter(|e| LINKED_TYPES.contains(&e.aggregate_type.as_str()))
            .map(|e| (e.org_id.into_uuid(), e.aggregate_id))
            .collect();
        for event in events.iter().filter(|e| e.event_type == ENGAGEMENT_CREATED) {
            for origin in ["contract_id", "proposal_id"].iter().filter_map(|k| uuid_at(&event.data, k)) {
                let link = links::ActiveModel {
                    organization_id: Set(event.org_id.into_uuid()),
                    entity_id: Set(origin),
                    engagement_id: Set(event.aggregate_id),
                    created_at: Set(event.occurred_at),
                };
                let inserted = links::Entity::insert(link)
                    .on_conflict(
                        OnConflict::columns([links::Column::OrganizationId, links::Column::EntityId])
                            .do_nothing()
                            .to_owned(),
                    )
                    .exec_without_returning(&self.db)
                    .await;
                match inserted {
                    // The engagement is gone already: nothing to file under.
                    Err(e) if is_foreign_key_violation(&e) => continue,
                    other => other?,
                };
                entities.push((event.org_id.into_uuid(), origin));
            }
        }
        entities.sort_unstable();
        entities.dedup();
        for chunk in entities.chunks(200) {
            let pairs = chunk.iter().fold(Condition::any(), |any, (org, entity)| {
                any.add(links::Column::OrganizationId.eq(*org).and(links::Column::EntityId.eq(*entity)))
            });
            for link in links::Entity::find().filter(pairs).all(&self.db).await? {
                entity::Entity::update_many()
                    .col_expr(entity::Column::EngagementId, Expr::value(link.engagement_id))
                    .filter(entity::Column::OrganizationId.eq(link.organization_id))
                    .filter(entity::Column::EntityId.eq(link.entity_id))
                    .filter(entity::Column::EngagementId.is_null())
                    .exec(&self.db)
                    .await?;
            }
        }
        Ok(())
    }

    async fn insert(&self, events: &[Event], with_engagement: bool) -> Result<(), DbErr> {
        let rows = events.iter().map(|event| {
            let engagement_id = if with_engagement { uuid_at(&event.data, "engagement_id") } else { None };
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
            .await?;
        Ok(())
    }
}

const ENGAGEMENT_CREATED: &str = "agreements.engagement.created";
/// Aggregates whose entries follow them into the engagement made from them.
const LINKED_TYPES: [&str; 2] = ["proposal", "contract"];

fn uuid_at(data: &serde_json::Value, key: &str) -> Option<Uuid> {
    data.get(key).and_then(|v| v.as_str()).and_then(|s| s.parse::<Uuid>().ok())
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
