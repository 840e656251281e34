//! Shared set-up: the service over a test database with a frozen clock, CRM rows
//! seeded by plain inserts (this crate cannot use CRM's service), and a CRM port
//! that reads those rows the way CRM's own lookups do.

use std::collections::HashSet;
use std::sync::Arc;

use async_trait::async_trait;
use atrium_agreements::dto::{ClientCompanyId, ContactId, DealId, LineItemIn, ProposalIn, Quantity};
use atrium_agreements::{AgreementsService, ContactRef, Crm, DealRef, SIGNATURE_COLUMN};
use atrium_kernel::{
    AppError, Clock, Currency, Date, Email, FrozenClock, Money, OrgCtx, OrganizationId, Principal, Role, Scoped, Text,
    UserId,
};
use atrium_outbox::entity::event;
use atrium_testkit::{TestDb, seed_organization};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub struct Harness {
    pub svc: AgreementsService,
    pub clock: Arc<FrozenClock>,
    pub conn: DatabaseConnection,
}

/// Mid-morning UTC, so "today" is the same date on every backend and machine.
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 30, 0).single().expect("valid time")
        + chrono::Duration::microseconds(123_457)
}

pub fn harness(db: &TestDb) -> Harness {
    let clock = Arc::new(FrozenClock::at(start_time()));
    let svc = AgreementsService::new(
        db.conn.clone(),
        clock.clone() as Arc<dyn Clock>,
        Arc::new(TableCrm(db.conn.clone())),
        atrium_kernel::vault::ColumnVault::new(
            &atrium_kernel::vault::KeyRing::from_secret(b"agreements tests"),
            &SIGNATURE_COLUMN,
        ),
    );
    Harness { svc, clock, conn: db.conn.clone() }
}

pub fn ctx_for(org: OrganizationId) -> OrgCtx {
    OrgCtx { org_id: org, principal: Principal::User(UserId::new()), role: Role::Member }
}

/// A fresh organization and a caller in it.
pub async fn org(h: &Harness) -> OrgCtx {
    ctx_for(seed_organization(&h.conn).await.into())
}

/// Valid text for an input field (the kernel type parses and bounds it).
pub fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

pub fn email(s: &str) -> Email {
    Email::parse(s).expect("valid email")
}

/// `YYYY-MM-DD` as an input date.
pub fn date(s: &str) -> Date {
    Date::new(s.parse().expect("date")).expect("storable date")
}

pub fn eur() -> Currency {
    "EUR".parse().expect("EUR")
}

pub fn money(amount: i64, code: &str) -> Money {
    Money::new(amount, code.parse().expect("currency"))
}

pub fn line(description: &str, quantity: &str, unit_minor: i64) -> LineItemIn {
    LineItemIn {
        description: text(description),
        quantity: quantity.parse::<Quantity>().expect("quantity"),
        unit_price: Money::new(unit_minor, eur()),
    }
}

pub fn proposal_in(company: ClientCompanyId) -> ProposalIn {
    ProposalIn {
        title: text("Website relaunch"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        valid_until: None,
        line_items: vec![line("Discovery workshop", "2", 120_000)],
    }
}

#[macro_export]
macro_rules! assert_err {
    ($result:expr, $pattern:pat $(if $guard:expr)?) => {
        match $result {
            Err(e) => assert!(matches!(e, $pattern $(if $guard)?), "unexpected error: {e:?}"),
            Ok(v) => panic!("expected an error, got {v:?}"),
        }
    };
}

/// The 409's detail, for asserting that it names the current status.
pub fn conflict_detail<T: std::fmt::Debug>(r: Result<T, AppError>) -> String {
    match r {
        Err(AppError::Conflict { detail, .. }) => detail,
        other => panic!("expected a 409, got {other:?}"),
    }
}

pub fn invalid_fields<T: std::fmt::Debug>(r: Result<T, AppError>) -> Vec<String> {
    match r {
        Err(AppError::Validation(errors)) => errors.into_iter().map(|e| e.field).collect(),
        other => panic!("expected a 422, got {other:?}"),
    }
}

// ---- CRM rows ----------------------------------------------------------------

fn t(name: &str) -> Alias {
    Alias::new(name)
}

pub async fn seed_company(conn: &DatabaseConnection, org: OrganizationId, name: &str) -> ClientCompanyId {
    atrium_testkit::seed_company(conn, org.into_uuid(), name).await.into()
}

pub async fn seed_contact(
    conn: &DatabaseConnection,
    org: OrganizationId,
    company: Option<ClientCompanyId>,
) -> ContactId {
    let company = company.map(ClientCompanyId::into_uuid);
    let id = Uuid::now_v7();
    let now = Utc::now();
    let stmt = Query::insert()
        .into_table(t("contacts"))
        .columns(
            [
                "id",
                "organization_id",
                "client_company_id",
                "first_name",
                "last_name",
                "version",
                "created_at",
                "updated_at",
            ]
            .map(t),
        )
        .values_panic([
            id.into(),
            org.into_uuid().into(),
            company.into(),
            "Hank".into(),
            "Scorpio".into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed contact");
    id.into()
}

pub async fn seed_deal(conn: &DatabaseConnection, org: OrganizationId, company: Option<ClientCompanyId>) -> DealId {
    let company = company.map(ClientCompanyId::into_uuid);
    let id = Uuid::now_v7();
    let now = Utc::now();
    let stmt = Query::insert()
        .into_table(t("deals"))
        .columns(
            ["id", "organization_id", "name", "stage", "client_company_id", "version", "created_at", "updated_at"]
                .map(t),
        )
        .values_panic([
            id.into(),
            org.into_uuid().into(),
            "Relaunch".into(),
            "won".into(),
            company.into(),
            1i32.into(),
            now.into(),
            now.into(),
        ])
        .to_owned();
    conn.execute(&stmt).await.expect("seed deal");
    id.into()
}

/// Marks `merged` as folded into `survivor`, as CRM's merge does.
pub async fn mark_merged(conn: &DatabaseConnection, table: &str, merged: impl Into<Uuid>, survivor: impl Into<Uuid>) {
    let stmt = Query::update()
        .table(t(table))
        .value(t("merged_into_id"), survivor.into())
        .and_where(Expr::col(t("id")).eq(merged.into()))
        .to_owned();
    conn.execute(&stmt).await.expect("mark merged");
}

/// The CRM port over the seeded tables: scoped by organization, merged ids
/// resolve to their survivors (as `CrmService::*_ref` do).
pub struct TableCrm(pub DatabaseConnection);

impl TableCrm {
    async fn row(
        &self,
        table: &str,
        org: OrganizationId,
        id: Uuid,
        cols: &[&str],
    ) -> Result<Option<sea_orm::QueryResult>, AppError> {
        let stmt = Query::select()
            .columns(cols.iter().map(|c| t(c)))
            .from(t(table))
            .and_where(Expr::col(t("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(t("id")).eq(id))
            .to_owned();
        Ok(self.0.query_one(&stmt).await?)
    }

    async fn live(&self, table: &str, org: OrganizationId, id: Uuid) -> Result<Option<sea_orm::QueryResult>, AppError> {
        let mut id = id;
        for _ in 0..8 {
            let cols = ["id", "merged_into_id", "client_company_id"];
            let cols = if table == "client_companies" { &cols[..2] } else { &cols[..] };
            let Some(row) = self.row(table, org, id, cols).await? else { return Ok(None) };
            match row.try_get::<Option<Uuid>>("", "merged_into_id")? {
                Some(next) => id = next,
                None => return Ok(Some(row)),
            }
        }
        Ok(None)
    }
}

#[async_trait]
impl Crm for TableCrm {
    async fn company(&self, org: OrganizationId, id: ClientCompanyId) -> Result<Option<ClientCompanyId>, AppError> {
        match self.live("client_companies", org, id.into_uuid()).await? {
            Some(row) => Ok(Some(row.try_get::<Uuid>("", "id")?.into())),
            None => Ok(None),
        }
    }

    async fn contact(&self, org: OrganizationId, id: ContactId) -> Result<Option<ContactRef>, AppError> {
        match self.live("contacts", org, id.into_uuid()).await? {
            Some(row) => Ok(Some(ContactRef {
                id: row.try_get::<Uuid>("", "id")?.into(),
                client_company_id: row.try_get::<Option<Uuid>>("", "client_company_id")?.map(Into::into),
            })),
            None => Ok(None),
        }
    }

    async fn deal(&self, org: OrganizationId, id: DealId) -> Result<Option<DealRef>, AppError> {
        let row = self.row("deals", org, id.into_uuid(), &["id", "client_company_id", "contact_id"]).await?;
        match row {
            Some(row) => Ok(Some(DealRef {
                id: row.try_get::<Uuid>("", "id")?.into(),
                client_company_id: row.try_get::<Option<Uuid>>("", "client_company_id")?.map(Into::into),
                contact_id: row.try_get::<Option<Uuid>>("", "contact_id")?.map(Into::into),
            })),
            None => Ok(None),
        }
    }
}

// ---- events -----------------------------------------------------------------

pub async fn events_of(conn: &DatabaseConnection, org: OrganizationId) -> Vec<event::Model> {
    event::Entity::scoped(org).order_by_asc(event::Column::Id).all(conn).await.expect("events")
}

pub async fn all_event_ids(conn: &DatabaseConnection) -> HashSet<Uuid> {
    event::Entity::find().all(conn).await.expect("events").into_iter().map(|e| e.id).collect()
}

/// The events written since `before` (a snapshot of [`all_event_ids`]).
pub async fn new_events(conn: &DatabaseConnection, before: &HashSet<Uuid>) -> Vec<event::Model> {
    let all = event::Entity::find().order_by_asc(event::Column::Id).all(conn).await.expect("events");
    all.into_iter().filter(|e| !before.contains(&e.id)).collect()
}

pub async fn events_of_type(conn: &DatabaseConnection, org: OrganizationId, event_type: &str) -> Vec<event::Model> {
    event::Entity::scoped(org)
        .filter(event::Column::EventType.eq(event_type))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await
        .expect("events")
}
