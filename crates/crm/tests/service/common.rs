//! Shared set-up: a CRM service over the test database with a frozen clock and a
//! fake membership port, organizations with a seeded owner, input builders, and
//! snapshots of every CRM row and outbox event to prove a refused write wrote nothing.

use std::collections::HashSet;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use atrium_crm::dto::{ContactIn, DealIn, Probability};
use atrium_crm::entity::{company, contact, deal};
use atrium_crm::{CrmService, Members};
use atrium_kernel::{
    AppError, Clock, Email, FrozenClock, OrgCtx, OrganizationId, Page, PageRequest, Phone, Principal, Role, Text,
    UserId,
};
use atrium_outbox::entity::event;
use atrium_testkit::TestDb;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// Membership as identity would report it: a set of (organization, user) pairs.
#[derive(Default)]
pub struct FakeMembers(Mutex<HashSet<(Uuid, Uuid)>>);

impl FakeMembers {
    pub fn add(&self, org: OrganizationId, user: UserId) {
        self.0.lock().expect("members lock").insert((org.into_uuid(), user.into_uuid()));
    }
}

#[async_trait]
impl Members for FakeMembers {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        Ok(self.0.lock().expect("members lock").contains(&(org.into_uuid(), user.into_uuid())))
    }
}

pub struct Harness {
    pub svc: CrmService,
    pub clock: Arc<FrozenClock>,
    pub members: Arc<FakeMembers>,
    pub conn: DatabaseConnection,
}

/// A start time with a sub-second part, so stored timestamps are not all round.
pub fn start_time() -> DateTime<Utc> {
    Utc::now() - Duration::days(1) + Duration::microseconds(123_457)
}

pub fn harness(db: &TestDb) -> Harness {
    let clock = Arc::new(FrozenClock::at(start_time()));
    let members = Arc::new(FakeMembers::default());
    let svc = CrmService::new(db.conn.clone(), clock.clone() as Arc<dyn Clock>, members.clone() as Arc<dyn Members>);
    Harness { svc, clock, members, conn: db.conn.clone() }
}

impl Harness {
    /// A fresh organization whose owner (a seeded user and a member) is the caller.
    pub async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let owner = self.member_of(org).await;
        OrgCtx { org_id: org, principal: Principal::User(owner), role: Role::Owner }
    }

    /// A seeded user who is a member of `org`.
    pub async fn member_of(&self, org: OrganizationId) -> UserId {
        let user = seed_user(&self.conn).await;
        self.members.add(org, user);
        user
    }
}

/// Inserts a users row (deals' and companies' `owner_id` reference users).
pub async fn seed_user(conn: &DatabaseConnection) -> UserId {
    atrium_testkit::seed_user(conn).await.into()
}

/// Valid text of any bound (the field's type picks it).
pub fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

pub fn email(s: &str) -> Email {
    Email::parse(s).expect("valid email")
}

pub fn phone(s: &str) -> Phone {
    Phone::parse(s).expect("valid phone")
}

pub fn pct(p: i32) -> Probability {
    Probability::new(p).expect("valid probability")
}

/// A contact input; an empty `last` is no last name.
pub fn contact_in(first: &str, last: &str, mail: Option<&str>) -> ContactIn {
    let last = (!last.trim().is_empty()).then(|| text(last));
    ContactIn { email: mail.map(email), ..ContactIn::named(text(first), last) }
}

pub fn deal_in(name: &str) -> DealIn {
    DealIn::named(text(name))
}

/// Every CRM row and outbox event, ordered by id.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub companies: Vec<company::Model>,
    pub contacts: Vec<contact::Model>,
    pub deals: Vec<deal::Model>,
    pub events: Vec<event::Model>,
}

pub async fn snapshot(conn: &DatabaseConnection) -> Snapshot {
    Snapshot {
        companies: company::Entity::find().order_by_asc(company::Column::Id).all(conn).await.expect("companies"),
        contacts: contact::Entity::find().order_by_asc(contact::Column::Id).all(conn).await.expect("contacts"),
        deals: deal::Entity::find().order_by_asc(deal::Column::Id).all(conn).await.expect("deals"),
        events: event::Entity::find().order_by_asc(event::Column::Id).all(conn).await.expect("events"),
    }
}

/// The events about one aggregate, oldest first.
pub async fn events_of(conn: &DatabaseConnection, aggregate: impl Into<Uuid>) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::AggregateId.eq(aggregate.into()))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
}

pub fn types(events: &[event::Model]) -> Vec<&str> {
    events.iter().map(|e| e.event_type.as_str()).collect()
}

pub async fn contact_row(conn: &DatabaseConnection, id: impl Into<Uuid>) -> Option<contact::Model> {
    contact::Entity::find_by_id(id.into()).one(conn).await.expect("query contact")
}

pub async fn deal_row(conn: &DatabaseConnection, id: impl Into<Uuid>) -> Option<deal::Model> {
    deal::Entity::find_by_id(id.into()).one(conn).await.expect("query deal")
}

/// The error of a call that must fail.
pub fn fails<T: Debug>(result: Result<T, AppError>, what: &str) -> AppError {
    match result {
        Ok(v) => panic!("{what}: expected an error, got Ok({v:?})"),
        Err(e) => e,
    }
}

/// The single field a 422 names.
pub fn invalid_field(err: &AppError) -> &str {
    match err {
        AppError::Validation(fields) if fields.len() == 1 => &fields[0].field,
        other => panic!("expected a validation error on one field, got {other:?}"),
    }
}

#[macro_export]
macro_rules! assert_err {
    ($result:expr, $pattern:pat, $what:expr) => {{
        let err = $crate::common::fails($result, $what);
        assert!(matches!(err, $pattern), "{}: unexpected error {err:?}", $what);
        err
    }};
}

/// Walks a keyset-paginated list to the end and returns the ids page by page,
/// checking that every full page names its last id as the continuation.
pub async fn all_pages<T, F, Fut>(limit: u64, fetch: F, id_of: impl Fn(&T) -> Uuid) -> Vec<Vec<Uuid>>
where
    F: Fn(PageRequest) -> Fut,
    Fut: Future<Output = Result<Page<T>, AppError>>,
{
    let mut pages = Vec::new();
    let mut after = None;
    loop {
        let page = fetch(PageRequest { limit, after }).await.expect("list page");
        let ids: Vec<Uuid> = page.items.iter().map(&id_of).collect();
        assert!(ids.len() as u64 <= limit, "a page holds at most `limit` items");
        pages.push(ids);
        let Some(next) = page.next_after else { break };
        let ids = pages.last().expect("page");
        assert_eq!(ids.len() as u64, limit, "only a full page has a continuation");
        assert_eq!(ids.last(), Some(&next), "the continuation is the last id on the page");
        after = Some(next);
        assert!(pages.len() <= 100, "pagination does not terminate");
    }
    pages
}
