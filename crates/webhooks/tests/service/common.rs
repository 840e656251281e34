//! Shared set-up: the service and subscriber over the test database with a frozen
//! clock, organizations, input builders, a local HTTP receiver, and snapshots of
//! every webhook row and outbox event to prove a refused write wrote nothing.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atrium_kernel::{AppError, Clock, FrozenClock, OrgCtx, OrganizationId, Principal, Role, Text, UserId};
use atrium_outbox::Event;
use atrium_outbox::entity::event;
use atrium_testkit::TestDb;
use atrium_webhooks::dto::WebhookIn;
use atrium_webhooks::entity::{attempt, endpoint};
use atrium_webhooks::{SecretStore, UrlGuard, WebhookService, WebhookSubscriber};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

pub struct Harness {
    pub svc: WebhookService,
    /// Delivers to private addresses (the local receiver).
    pub subscriber: WebhookSubscriber,
    pub conn: DatabaseConnection,
}

/// A start time with a sub-second part, so stored timestamps are not all round.
pub fn start_time() -> DateTime<Utc> {
    Utc::now() - chrono::Duration::days(1) + chrono::Duration::microseconds(123_457)
}

/// `allow_private` is the service's guard; the subscriber always may reach 127.0.0.1.
pub fn harness(db: &TestDb, allow_private: bool) -> Harness {
    let clock = Arc::new(FrozenClock::at(start_time()));
    let svc =
        WebhookService::new(db.conn.clone(), clock.clone() as Arc<dyn Clock>, UrlGuard { allow_private }, secrets());
    let subscriber = subscriber(db, true);
    Harness { svc, subscriber, conn: db.conn.clone() }
}

pub fn subscriber(db: &TestDb, allow_private: bool) -> WebhookSubscriber {
    WebhookSubscriber::new(db.conn.clone(), UrlGuard { allow_private }, Duration::from_secs(5), secrets())
        .expect("http client")
}

/// The signing-secret store every test uses (one fixed key).
pub fn secrets() -> SecretStore {
    SecretStore::new(atrium_kernel::vault::ColumnVault::new(
        &atrium_kernel::vault::KeyRing::from_secret(b"webhook tests"),
        &atrium_webhooks::secrets::SECRET_COLUMN,
    ))
}

impl Harness {
    /// A fresh organization whose owner is the caller.
    pub async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        OrgCtx { org_id: org, principal: Principal::User(UserId::new()), role: Role::Owner }
    }
}

pub fn webhook_in(url: &str, patterns: &[&str]) -> WebhookIn {
    WebhookIn {
        url: Text::parse(url).expect("a url"),
        event_types: patterns.iter().map(|p| (*p).to_owned()).collect(),
        description: String::new(),
    }
}

/// Every webhook row and outbox event, ordered by id.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub endpoints: Vec<endpoint::Model>,
    pub attempts: Vec<attempt::Model>,
    pub events: Vec<event::Model>,
}

pub async fn snapshot(conn: &DatabaseConnection) -> Snapshot {
    Snapshot {
        endpoints: endpoint::Entity::find().order_by_asc(endpoint::Column::Id).all(conn).await.expect("endpoints"),
        attempts: attempt::Entity::find().order_by_asc(attempt::Column::Id).all(conn).await.expect("attempts"),
        events: event::Entity::find().order_by_asc(event::Column::Id).all(conn).await.expect("events"),
    }
}

/// The events about one aggregate, oldest first, as subscribers see them.
pub async fn events_of(conn: &DatabaseConnection, aggregate: impl Into<uuid::Uuid>) -> Vec<Event> {
    event::Entity::find()
        .filter(event::Column::AggregateId.eq(aggregate.into()))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
        .into_iter()
        .map(Event::from)
        .collect()
}

/// The error of a call that must fail.
pub fn fails<T: std::fmt::Debug>(result: Result<T, AppError>, what: &str) -> AppError {
    match result {
        Ok(v) => panic!("{what}: expected an error, got Ok({v:?})"),
        Err(e) => e,
    }
}

/// The field names of a 422.
pub fn invalid_fields(err: &AppError) -> Vec<String> {
    match err {
        AppError::Validation(errors) => errors.iter().map(|e| e.field.clone()).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A local HTTP receiver that records deliveries and answers with `statuses` in
/// turn (then 200).
pub struct Receiver {
    pub url: String,
    pub got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

impl Receiver {
    pub fn received(&self) -> Vec<(HeaderMap, Bytes)> {
        self.got.lock().expect("receiver lock").clone()
    }
}

pub async fn receiver(statuses: Vec<u16>) -> Receiver {
    let got: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let script = Arc::new(Mutex::new(statuses.into_iter()));
    let sink = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let (sink, script) = (sink.clone(), script.clone());
            async move {
                sink.lock().expect("receiver lock").push((headers, body));
                let code = script.lock().expect("script lock").next().unwrap_or(200);
                StatusCode::from_u16(code).unwrap_or(StatusCode::OK)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Receiver { url, got }
}
