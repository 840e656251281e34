//! Writes every event into the timeline, reading its payload only through the
//! event catalog's facets (engagement, label, origins, …), never by field name.

use async_trait::async_trait;
use atrium_events::Facets;
use atrium_kernel::db::begin_write;
use atrium_kernel::error::is_foreign_key_violation;
use atrium_outbox::{DeliveryError, Event, Subscriber};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::entity::{activity, link, refs};
use crate::summary::summarize;

/// Writes every event into the timeline. Idempotent: the entry's id is the event
/// id, so a redelivery inserts nothing.
pub struct TimelineSubscriber {
    db: DatabaseConnection,
}

/// An event with what the catalog reads from its payload.
struct Entry<'a> {
    event: &'a Event,
    facets: Facets,
}

impl<'a> Entry<'a> {
    /// Types outside the catalog (and payloads it cannot read, such as events
    /// stored before their type changed shape) get a generic entry: the timeline
    /// records what happened even when it cannot say more.
    fn of(event: &'a Event) -> Self {
        let facets = match atrium_events::find(&event.event_type) {
            None => Facets::default(),
            Some(known) => known.facets(&event.data).unwrap_or_else(|e| {
                tracing::warn!(event_id = %event.id, event_type = %event.event_type, error = %e,
                    "payload does not match the catalog; writing a generic timeline entry");
                Facets::default()
            }),
        };
        Self { event, facets }
    }

    fn row(&self, with_engagement: bool) -> activity::ActiveModel {
        let e = self.event;
        activity::ActiveModel {
            id: Set(e.id.into_uuid()),
            organization_id: Set(e.org_id.into_uuid()),
            engagement_id: Set(if with_engagement { self.facets.engagement_id } else { None }),
            entity_type: Set(e.aggregate_type.clone()),
            entity_id: Set(e.aggregate_id),
            event_type: Set(e.event_type.clone()),
            actor: Set(e.actor.clone()),
            summary: Set(summarize(&e.event_type, &e.aggregate_type, &self.facets)),
            data: Set(e.data.clone()),
            created_at: Set(e.occurred_at),
        }
    }
}

impl TimelineSubscriber {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// One multi-row INSERT; an entry that already exists is left alone. Then the
    /// entries of records an engagement was made from are filed under it (see
    /// [`Self::file_under_engagements`]).
    #[tracing::instrument(skip_all, fields(events = events.len()))]
    async fn write(&self, events: &[Event]) -> Result<(), DeliveryError> {
        let entries: Vec<Entry<'_>> = events.iter().map(Entry::of).collect();
        match self.insert(&entries, true).await {
            Ok(()) => {}
            // An entry naming an engagement that was deleted since (its own
            // `deleted` event, or a late one) cannot reference it: such entries go
            // in org-wide, one by one, so the rest of the batch keeps its link.
            Err(e) if is_foreign_key_violation(&e) => {
                for entry in &entries {
                    let one = std::slice::from_ref(entry);
                    match self.insert(one, true).await {
                        Err(e) if is_foreign_key_violation(&e) => self.insert(one, false).await,
                        other => other,
                    }
                    .map_err(DeliveryError::new)?;
                }
            }
            Err(e) => return Err(DeliveryError::new(e)),
        }
        self.write_refs(&entries).await.map_err(DeliveryError::new)?;
        self.file_under_engagements(&entries).await.map_err(DeliveryError::new)?;
        self.file_held(&entries).await.map_err(DeliveryError::new)
    }

    /// The contacts each entry concerns and the record it lives in, for the
    /// contact filter and for following that record's filing.
    async fn write_refs(&self, entries: &[Entry<'_>]) -> Result<(), DbErr> {
        let rows: Vec<refs::ActiveModel> = entries
            .iter()
            .flat_map(|entry| {
                let e = entry.event;
                let contacts = entry.facets.contact_ids.iter().map(|c| (*c, "contact"));
                let within = entry.facets.within.map(|w| (w, "within"));
                contacts.chain(within).map(move |(ref_id, kind)| refs::ActiveModel {
                    organization_id: Set(e.org_id.into_uuid()),
                    ref_id: Set(ref_id),
                    activity_id: Set(e.id.into_uuid()),
                    kind: Set(kind.to_owned()),
                    created_at: Set(e.occurred_at),
                })
            })
            .collect();
        if rows.is_empty() {
            return Ok(());
        }
        let txn = begin_write(&self.db).await?;
        for chunk in rows.chunks(500) {
            refs::Entity::insert_many(chunk.to_vec())
                .on_conflict(
                    OnConflict::columns([refs::Column::OrganizationId, refs::Column::RefId, refs::Column::ActivityId])
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
        }
        txn.commit().await
    }

    /// An event that files a record holding others (an email thread) under an
    /// engagement files the entries within it that have none yet.
    #[allow(clippy::disallowed_methods)]
    async fn file_held(&self, entries: &[Entry<'_>]) -> Result<(), DbErr> {
        let held: Vec<(Uuid, Uuid, Uuid)> = entries
            .iter()
            .filter(|entry| entry.facets.holds)
            .filter_map(|entry| {
                let e = entry.event;
                entry.facets.engagement_id.map(|g| (e.org_id.into_uuid(), e.aggregate_id, g))
            })
            .collect();
        if held.is_empty() {
            return Ok(());
        }
        let txn = begin_write(&self.db).await?;
        for (org, holder, engagement) in held {
            let within = Query::select()
                .column(refs::Column::ActivityId)
                .from(refs::Entity)
                .and_where(refs::Column::OrganizationId.eq(org))
                .and_where(refs::Column::RefId.eq(holder))
                .and_where(refs::Column::Kind.eq("within"))
                .to_owned();
            let filed = activity::Entity::update_many()
                .col_expr(activity::Column::EngagementId, Expr::value(engagement))
                .filter(activity::Column::OrganizationId.eq(org))
                .filter(activity::Column::EngagementId.is_null())
                .filter(activity::Column::Id.in_subquery(within))
                .exec(&txn)
                .await;
            match filed {
                // The engagement is gone already: nothing to file under.
                Err(e) if is_foreign_key_violation(&e) => return Ok(()),
                other => other?,
            };
        }
        txn.commit().await
    }

    async fn insert(&self, entries: &[Entry<'_>], with_engagement: bool) -> Result<(), DbErr> {
        // Every write takes its turn in the writer queue (SQLite has one writer).
        let txn = begin_write(&self.db).await?;
        activity::Entity::insert_many(entries.iter().map(|entry| entry.row(with_engagement)))
            .on_conflict(OnConflict::column(activity::Column::Id).do_nothing().to_owned())
            .exec_without_returning(&txn)
            .await?;
        txn.commit().await
    }

    /// An engagement made from a contract (and its proposal) names them as its
    /// origins; each becomes a link, and every entry of a linked record without
    /// an engagement then takes the link's. Both steps run on every batch, so the
    /// result is the same whether the proposal's late events arrive before or
    /// after the engagement's, even with two workers writing at once: whichever
    /// commits second sees the other.
    async fn file_under_engagements(&self, entries: &[Entry<'_>]) -> Result<(), DbErr> {
        // Entries that already name an engagement need no link.
        let mut records: Vec<(Uuid, Uuid)> = entries
            .iter()
            .filter(|entry| entry.facets.engagement_id.is_none())
            .map(|entry| (entry.event.org_id.into_uuid(), entry.event.aggregate_id))
            .collect();
        for entry in entries.iter().filter(|entry| !entry.facets.origins.is_empty()) {
            for origin in &entry.facets.origins {
                if self.link(entry.event, *origin).await? {
                    records.push((entry.event.org_id.into_uuid(), *origin));
                }
            }
        }
        records.sort_unstable();
        records.dedup();
        for chunk in records.chunks(200) {
            self.apply_links(chunk).await?;
        }
        Ok(())
    }

    /// Records that `origin`'s entries belong under the engagement `event` created;
    /// false when that engagement is gone already (nothing to file under).
    async fn link(&self, event: &Event, origin: Uuid) -> Result<bool, DbErr> {
        let row = link::ActiveModel {
            organization_id: Set(event.org_id.into_uuid()),
            entity_id: Set(origin),
            engagement_id: Set(event.aggregate_id),
            created_at: Set(event.occurred_at),
        };
        let txn = begin_write(&self.db).await?;
        let inserted = link::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([link::Column::OrganizationId, link::Column::EntityId]).do_nothing().to_owned(),
            )
            .exec_without_returning(&txn)
            .await;
        match inserted {
            Err(e) if is_foreign_key_violation(&e) => Ok(false),
            Err(e) => Err(e),
            Ok(_) => txn.commit().await.map(|()| true),
        }
    }

    /// Files the entries of `records` (organization, entity) that have a link and
    /// no engagement under the link's engagement. A batch spans organizations, so
    /// every condition names the organization itself.
    #[allow(clippy::disallowed_methods)]
    async fn apply_links(&self, records: &[(Uuid, Uuid)]) -> Result<(), DbErr> {
        let pairs = records.iter().fold(Condition::any(), |any, (org, entity)| {
            any.add(link::Column::OrganizationId.eq(*org).and(link::Column::EntityId.eq(*entity)))
        });
        let found = link::Entity::find().filter(pairs).all(&self.db).await?;
        if found.is_empty() {
            return Ok(());
        }
        let txn = begin_write(&self.db).await?;
        for found in found {
            activity::Entity::update_many()
                .col_expr(activity::Column::EngagementId, Expr::value(found.engagement_id))
                .filter(activity::Column::OrganizationId.eq(found.organization_id))
                .filter(activity::Column::EntityId.eq(found.entity_id))
                .filter(activity::Column::EngagementId.is_null())
                .exec(&txn)
                .await?;
        }
        txn.commit().await
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

    #[tracing::instrument(skip_all, fields(org_id = %event.org_id, event_id = %event.id))]
    async fn deliver(&self, _target: &str, event: &Event) -> Result<(), DeliveryError> {
        self.write(std::slice::from_ref(event)).await
    }

    async fn deliver_many(&self, items: &[(String, Event)]) -> Vec<Result<(), DeliveryError>> {
        let events: Vec<Event> = items.iter().map(|(_, e)| e.clone()).collect();
        let result = self.write(&events).await;
        vec![result; items.len()]
    }
}
