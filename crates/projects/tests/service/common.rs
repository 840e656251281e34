//! Shared set-up: a projects service over the test database with a frozen clock,
//! fake ports (membership in memory, engagements read from the seeded rows as
//! agreements would), raw seeds of other domains' rows, and snapshots of every
//! projects row and outbox event to prove a refused write wrote nothing.

use std::collections::{HashMap, HashSet};
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use atrium_events::EventPayload;
use atrium_kernel::{AppError, Clock, Date, FrozenClock, OrgCtx, OrganizationId, Principal, Role, Text, UserId};
use atrium_outbox::entity::event;
use atrium_projects::dto::{ClientCompanyId, EngagementId, ProjectIn, TaskIn};
use atrium_projects::entity::{member_capacity, milestone, project, rate_card, task, template, time_entry};
use atrium_projects::{EngagementRef, Engagements, Members, ProjectsService};
use atrium_testkit::TestDb;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

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

/// Agreements as the gateway wires it: the engagements table, scoped by organization.
pub struct FakeEngagements(pub DatabaseConnection);

#[async_trait]
impl Engagements for FakeEngagements {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError> {
        let stmt = Query::select()
            .columns(["client_company_id", "budget_currency"].map(Alias::new))
            .from(Alias::new("engagements"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        let Some(row) = self.0.query_one(&stmt).await? else { return Ok(None) };
        let company: Option<Uuid> = row.try_get("", "client_company_id")?;
        let currency: Option<String> = row.try_get("", "budget_currency")?;
        let currency = currency.map(|c| c.parse().expect("stored currency"));
        Ok(Some(EngagementRef { id, client_company_id: company.map(Into::into), currency }))
    }

    async fn client_companies(
        &self,
        org: OrganizationId,
        ids: &[EngagementId],
    ) -> Result<HashMap<EngagementId, Option<ClientCompanyId>>, AppError> {
        let stmt = Query::select()
            .columns(["id", "client_company_id"].map(Alias::new))
            .from(Alias::new("engagements"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).is_in(ids.iter().map(|e| e.into_uuid())))
            .to_owned();
        let rows = self.0.query_all(&stmt).await?;
        rows.iter()
            .map(|r| {
                let id: Uuid = r.try_get("", "id")?;
                let company: Option<Uuid> = r.try_get("", "client_company_id")?;
                Ok((id.into(), company.map(Into::into)))
            })
            .collect::<Result<_, sea_orm::DbErr>>()
            .map_err(Into::into)
    }
}

pub struct Harness {
    pub svc: ProjectsService,
    pub clock: Arc<FrozenClock>,
    pub members: Arc<FakeMembers>,
    pub conn: DatabaseConnection,
}

pub fn start_time() -> DateTime<Utc> {
    Utc::now() - Duration::days(1) + Duration::microseconds(123_457)
}

pub fn harness(db: &TestDb) -> Harness {
    let clock = Arc::new(FrozenClock::at(start_time()));
    let members = Arc::new(FakeMembers::default());
    let svc = ProjectsService::new(
        db.conn.clone(),
        clock.clone() as Arc<dyn Clock>,
        Arc::new(FakeEngagements(db.conn.clone())),
        members.clone() as Arc<dyn Members>,
    );
    Harness { svc, clock, members, conn: db.conn.clone() }
}

impl Harness {
    /// A fresh organization whose owner (a seeded user and a member) is the caller.
    pub async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let owner = self.member_of(org).await;
        OrgCtx { org_id: org, principal: Principal::User(owner), role: Role::Owner }
    }

    pub async fn member_of(&self, org: OrganizationId) -> UserId {
        let user = seed_user(&self.conn).await;
        self.members.add(org, user);
        user
    }

    /// An engagement whose budget is in `currency` (rate overrides must use it).
    pub async fn engagement_in(&self, ctx: &OrgCtx, currency: &str) -> EngagementId {
        let (engagement, _) = self.engagement(ctx).await;
        let stmt = Query::update()
            .table(Alias::new("engagements"))
            .value(Alias::new("budget_amount_minor"), 1_000_000i64)
            .value(Alias::new("budget_currency"), currency)
            .and_where(Expr::col(Alias::new("id")).eq(engagement.into_uuid()))
            .to_owned();
        self.conn.execute(&stmt).await.expect("budget");
        engagement
    }

    /// A client company and an engagement for it, both in `ctx`'s organization.
    pub async fn engagement(&self, ctx: &OrgCtx) -> (EngagementId, ClientCompanyId) {
        let company = seed_company(&self.conn, ctx.org_id).await;
        (seed_engagement(&self.conn, ctx.org_id, Some(company)).await, company)
    }

    pub async fn project(&self, ctx: &OrgCtx, engagement: EngagementId, name: &str) -> Uuid {
        self.svc.create_project(ctx, project_in(name, engagement)).await.expect("create project").id.into_uuid()
    }

    pub async fn task(&self, ctx: &OrgCtx, project: Uuid, title: &str) -> Uuid {
        self.svc.create_task(ctx, task_in(project, title)).await.expect("create task").id.into_uuid()
    }
}

pub async fn seed_user(conn: &DatabaseConnection) -> UserId {
    atrium_testkit::seed_user(conn).await.into()
}

pub async fn seed_company(conn: &DatabaseConnection, org: OrganizationId) -> ClientCompanyId {
    atrium_testkit::seed_company(conn, org.into_uuid(), "Globex").await.into()
}

pub async fn seed_engagement(
    conn: &DatabaseConnection,
    org: OrganizationId,
    company: Option<ClientCompanyId>,
) -> EngagementId {
    let id = Uuid::now_v7();
    let now = Utc::now();
    let stmt = Query::insert()
        .into_table(Alias::new("engagements"))
        .columns(
            [
                "id",
                "organization_id",
                "client_company_id",
                "name",
                "billing_model",
                "status",
                "version",
                "created_at",
                "updated_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            id.into(),
            org.into_uuid().into(),
            company.map(ClientCompanyId::into_uuid).into(),
            "Relaunch".into(),
            "fixed".into(),
            "active".into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed engagement");
    id.into()
}

/// What agreements would do when an engagement changes hands.
pub async fn set_engagement_company(
    conn: &DatabaseConnection,
    engagement: EngagementId,
    company: Option<ClientCompanyId>,
) {
    let stmt = Query::update()
        .table(Alias::new("engagements"))
        .value(Alias::new("client_company_id"), company.map(ClientCompanyId::into_uuid))
        .and_where(Expr::col(Alias::new("id")).eq(engagement.into_uuid()))
        .to_owned();
    conn.execute(&stmt).await.expect("update engagement");
}

/// Text as a client would send it (the test's literals are valid).
pub fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// `date` as wire input.
pub fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(date(y, m, d)).expect("storable date")
}

pub fn project_in(name: &str, engagement: EngagementId) -> ProjectIn {
    ProjectIn {
        name: text(name),
        engagement_id: engagement,
        description: None,
        status: None,
        start_date: None,
        due_date: None,
        client_visible: None,
    }
}

pub fn task_in(project: Uuid, title: &str) -> TaskIn {
    TaskIn {
        project_id: project.into(),
        title: text(title),
        milestone_id: None,
        assignee_id: None,
        status: None,
        description: None,
        due_date: None,
        estimate_minutes: None,
        client_visible: None,
    }
}

/// Every projects row and outbox event, ordered by id.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub projects: Vec<project::Model>,
    pub milestones: Vec<milestone::Model>,
    pub tasks: Vec<task::Model>,
    pub templates: Vec<template::Model>,
    pub time_entries: Vec<time_entry::Model>,
    pub rate_cards: Vec<rate_card::Model>,
    pub capacities: Vec<member_capacity::Model>,
    pub events: Vec<event::Model>,
}

pub async fn snapshot(conn: &DatabaseConnection) -> Snapshot {
    Snapshot {
        projects: project::Entity::find().order_by_asc(project::Column::Id).all(conn).await.expect("projects"),
        milestones: milestone::Entity::find().order_by_asc(milestone::Column::Id).all(conn).await.expect("milestones"),
        tasks: task::Entity::find().order_by_asc(task::Column::Id).all(conn).await.expect("tasks"),
        templates: template::Entity::find().order_by_asc(template::Column::Id).all(conn).await.expect("templates"),
        time_entries: time_entry::Entity::find().order_by_asc(time_entry::Column::Id).all(conn).await.expect("time"),
        rate_cards: rate_card::Entity::find().order_by_asc(rate_card::Column::Id).all(conn).await.expect("rates"),
        capacities: member_capacity::Entity::find()
            .order_by_asc(member_capacity::Column::Id)
            .all(conn)
            .await
            .expect("capacities"),
        events: event::Entity::find().order_by_asc(event::Column::Id).all(conn).await.expect("events"),
    }
}

pub async fn events_of(conn: &DatabaseConnection, aggregate: impl Into<Uuid>) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::AggregateId.eq(aggregate.into()))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
}

pub async fn events_of_type(conn: &DatabaseConnection, event_type: &str) -> Vec<event::Model> {
    event::Entity::find()
        .filter(event::Column::EventType.eq(event_type))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
}

/// The stored event as its typed payload, which must serialize back to the very
/// JSON stored (webhook consumers read that JSON).
pub fn payload<E: EventPayload>(e: &event::Model) -> E {
    assert_eq!(e.event_type, E::TYPE, "event type");
    assert_eq!(e.aggregate_type, E::AGGREGATE, "{} aggregate", E::TYPE);
    let typed: E = serde_json::from_value(e.data.clone()).expect("typed payload");
    assert_eq!(serde_json::to_value(&typed).expect("json"), e.data, "{} round-trips", E::TYPE);
    assert_eq!(typed.aggregate_id(), e.aggregate_id, "{} aggregate id", E::TYPE);
    typed
}

pub fn types(events: &[event::Model]) -> Vec<&str> {
    events.iter().map(|e| e.event_type.as_str()).collect()
}

/// The project row as stored.
pub async fn project_row(conn: &DatabaseConnection, id: impl Into<Uuid>) -> Option<project::Model> {
    project::Entity::find_by_id(id.into()).one(conn).await.expect("query project")
}

pub async fn task_row(conn: &DatabaseConnection, id: impl Into<Uuid>) -> Option<task::Model> {
    task::Entity::find_by_id(id.into()).one(conn).await.expect("query task")
}

/// The project's task ids in position order, and their positions.
pub async fn order_of(conn: &DatabaseConnection, project: Uuid) -> (Vec<Uuid>, Vec<i32>) {
    let rows = task::Entity::find()
        .filter(task::Column::ProjectId.eq(project))
        .order_by_asc(task::Column::Position)
        .order_by_asc(task::Column::Id)
        .all(conn)
        .await
        .expect("tasks");
    (rows.iter().map(|t| t.id).collect(), rows.iter().map(|t| t.position).collect())
}

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
