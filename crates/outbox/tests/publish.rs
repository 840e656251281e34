//! Typed publishing: the catalog is the contract, so an event type that is not in
//! it cannot be sent, and subscribers read payloads back by type.

use atrium_kernel::{OrgCtx, OrganizationId, Principal, Role, UserId};
use atrium_outbox::entity::event;
use atrium_outbox::{Event, publish};
use atrium_testkit::{TestDb, backend_tests, seed_organization};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Not in the catalog on purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
struct Uncatalogued {
    id: Uuid,
}

atrium_events::event!(Uncatalogued, "test.thing.uncatalogued", "thing", "A type outside the catalog.", |e| e.id);

fn ctx(org: Uuid) -> OrgCtx {
    OrgCtx { org_id: OrganizationId::from(org), principal: Principal::User(UserId::new()), role: Role::Owner }
}

async fn an_event_type_outside_the_catalog_is_refused(db: &TestDb) {
    let org = seed_organization(&db.conn).await;
    let payload = Uncatalogued { id: Uuid::now_v7() };
    let refused = publish(&db.conn, &ctx(org), chrono::Utc::now(), &payload).await;
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("not in the event catalog"), "{message}");
    #[allow(clippy::disallowed_methods)] // counting every row is the point
    let stored = event::Entity::find().count(&db.conn).await.expect("count");
    assert_eq!(stored, 0, "nothing was appended");
}

async fn every_catalogued_type_round_trips_its_schema(_db: &TestDb) {
    for t in atrium_events::catalog() {
        assert!(atrium_events::find(t.name).is_some());
        assert!(t.json_schema().is_object(), "{}", t.name);
    }
    let foreign = Event {
        id: atrium_outbox::EventId::new(),
        org_id: OrganizationId::new(),
        event_type: "crm.contact.created".into(),
        aggregate_type: "contact".into(),
        aggregate_id: Uuid::now_v7(),
        occurred_at: chrono::Utc::now(),
        actor: "system:test".into(),
        data: serde_json::json!({}),
    };
    assert!(foreign.payload::<Uncatalogued>().is_err(), "a payload is read only as its own type");
    assert_eq!(foreign.payload_if::<Uncatalogued>().ok(), Some(None));
}

backend_tests!(an_event_type_outside_the_catalog_is_refused, every_catalogued_type_round_trips_its_schema);
