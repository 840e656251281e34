//! Shared set-up: the subscriber and service over the test database, seeded
//! organizations and engagements, events built from typed payloads, and readers
//! of the stored entries.

use atrium_events::EventPayload;
use atrium_events::agreements::{
    BillingModel, ContractCreated, ContractId, ContractState, ContractStatus, EngagementCreated, EngagementId,
    EngagementState, EngagementStatus, ProposalId, ProposalSent, ProposalState, ProposalStatus,
};
use atrium_kernel::{Currency, Money, OrganizationId};
use atrium_outbox::{Event, EventId, Subscriber};
use atrium_testkit::TestDb;
use atrium_timeline::entity::activity;
use atrium_timeline::{TimelineService, TimelineSubscriber};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use sea_orm::sea_query::{Alias, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub struct Harness {
    pub subscriber: TimelineSubscriber,
    pub svc: TimelineService,
    pub conn: DatabaseConnection,
    /// When the story starts; each event of a test is a second later than the last.
    pub start: DateTime<Utc>,
}

pub fn harness(db: &TestDb) -> Harness {
    Harness {
        subscriber: TimelineSubscriber::new(db.conn.clone()),
        svc: TimelineService::new(db.conn.clone()),
        conn: db.conn.clone(),
        // Whole microseconds (what PostgreSQL keeps), with a sub-second part.
        start: (Utc::now() - Duration::days(1)).trunc_subsecs(0) + Duration::microseconds(123_457),
    }
}

impl Harness {
    pub async fn org(&self) -> OrganizationId {
        atrium_testkit::seed_organization(&self.conn).await.into()
    }

    /// An engagements row of `org` (entries and links reference it).
    pub async fn engagement(&self, org: OrganizationId) -> EngagementId {
        let id = EngagementId::new();
        let columns =
            ["id", "organization_id", "name", "billing_model", "status", "version", "created_at", "updated_at"];
        let stmt = Query::insert()
            .into_table(Alias::new("engagements"))
            .columns(columns.map(Alias::new))
            .values_panic([
                id.into_uuid().into(),
                org.into_uuid().into(),
                "Relaunch delivery".into(),
                "fixed".into(),
                "planned".into(),
                1i32.into(),
                self.start.into(),
                self.start.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id
    }

    /// The event envelope of `payload`, `second` seconds into the story.
    pub fn event<E: EventPayload>(&self, org: OrganizationId, second: i64, payload: &E) -> Event {
        Event {
            id: EventId::new(),
            org_id: org,
            event_type: E::TYPE.to_owned(),
            aggregate_type: E::AGGREGATE.to_owned(),
            aggregate_id: payload.aggregate_id(),
            occurred_at: self.start + Duration::seconds(second),
            actor: "user:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8d".to_owned(),
            data: serde_json::to_value(payload).expect("payload serializes"),
        }
    }

    /// Delivers each event on its own, as the dispatcher does for one target.
    pub async fn deliver(&self, events: &[Event]) {
        for e in events {
            self.subscriber.deliver("timeline", e).await.expect("delivered");
        }
    }

    /// Delivers the events as one batch, as the dispatcher does with many due.
    pub async fn deliver_batch(&self, events: &[Event]) {
        let items: Vec<(String, Event)> = events.iter().map(|e| ("timeline".to_owned(), e.clone())).collect();
        for result in self.subscriber.deliver_many(&items).await {
            result.expect("delivered");
        }
    }

    /// Every stored entry of `org`, oldest first.
    pub async fn entries(&self, org: OrganizationId) -> Vec<activity::Model> {
        activity::Entity::find()
            .filter(activity::Column::OrganizationId.eq(org.into_uuid()))
            .order_by_asc(activity::Column::CreatedAt)
            .order_by_asc(activity::Column::Id)
            .all(&self.conn)
            .await
            .expect("entries")
    }

    /// The engagement each event's entry is filed under.
    pub async fn filed(&self, org: OrganizationId, events: &[&Event]) -> Vec<Option<Uuid>> {
        let entries = self.entries(org).await;
        events
            .iter()
            .map(|e| entries.iter().find(|r| r.id == e.id.into_uuid()).expect("an entry per event").engagement_id)
            .collect()
    }
}

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR".parse::<Currency>().expect("EUR"))
}

/// A proposal as its events carry it; `engagement` is what it names once delivered.
pub fn proposal(id: ProposalId, engagement: Option<EngagementId>, at: DateTime<Utc>) -> ProposalState {
    ProposalState {
        id,
        number: 1,
        title: "Relaunch".into(),
        client_company_id: None,
        contact_id: None,
        deal_id: None,
        currency: "EUR".parse().expect("EUR"),
        valid_until: None,
        status: ProposalStatus::Sent,
        line_items: Vec::new(),
        subtotal: eur(0),
        total: eur(0),
        sent_at: Some(at),
        decided_at: None,
        contract_id: None,
        engagement_id: engagement,
        version: 2,
        created_at: at,
        updated_at: at,
    }
}

pub fn contract(id: ContractId, proposal: ProposalId, at: DateTime<Utc>) -> ContractState {
    ContractState {
        id,
        proposal_id: Some(proposal),
        title: "Relaunch".into(),
        client_company_id: None,
        contact_id: None,
        deal_id: None,
        currency: "EUR".parse().expect("EUR"),
        total: Some(eur(120_000)),
        start_date: None,
        end_date: None,
        terms: None,
        status: ContractStatus::Draft,
        signature: None,
        engagement_id: None,
        version: 1,
        created_at: at,
        updated_at: at,
    }
}

pub fn engagement_created(
    id: EngagementId,
    contract: Option<ContractId>,
    proposal: Option<ProposalId>,
    at: DateTime<Utc>,
) -> EngagementCreated {
    EngagementCreated {
        engagement: EngagementState {
            id,
            name: "Relaunch delivery".into(),
            client_company_id: None,
            contract_id: contract,
            deal_id: None,
            billing_model: BillingModel::Fixed,
            budget: None,
            start_date: None,
            end_date: None,
            status: EngagementStatus::Planned,
            version: 1,
            created_at: at,
            updated_at: at,
            engagement_id: id,
            proposal_id: proposal,
        },
    }
}

/// A deal won into a proposal and contract, and the engagement made from them:
/// `[proposal.sent, contract.created, engagement.created]`.
pub fn story(h: &Harness, org: OrganizationId, engagement: EngagementId) -> [Event; 3] {
    let (p, c) = (ProposalId::new(), ContractId::new());
    [
        h.event(org, 1, &ProposalSent { proposal: proposal(p, None, h.start) }),
        h.event(org, 2, &ContractCreated { contract: contract(c, p, h.start) }),
        h.event(org, 3, &engagement_created(engagement, Some(c), Some(p), h.start)),
    ]
}
