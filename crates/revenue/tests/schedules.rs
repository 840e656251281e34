//! Invoice schedules against real SQLite and PostgreSQL: each kind's terms, the
//! daily runner (once per period, catch-up, two runners at once), the time a draft
//! bills and releases, milestones, validation that writes nothing, and tenancy.
//! Projects' time comes through the port, as a list this test controls.

// Snapshots count every organization's rows on purpose: a refused write must have
// changed nothing anywhere.
#![allow(clippy::disallowed_methods)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use atrium_events::projects::{MilestoneId, TaskId, TimeEntryId};
use atrium_kernel::{
    AppError, Clock, Currency, Date, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, Principal, Role, Text, UserId,
};
use atrium_outbox::entity::event;
use atrium_revenue::dto::{
    BillingPeriod, ClientCompanyId, EngagementId, InstallmentIn, InvoiceFilter, InvoiceOut, IssueIn, MilestoneTermIn,
    RunIn, RunOutcome, ScheduleIn, ScheduleKind, SchedulePatch, ScheduleStatus, SettingsPatch,
};
use atrium_revenue::{BillableTime, EngagementRef, Engagements, Parties, Projects, RevenueService};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};
use uuid::Uuid;

backend_tests!(
    time_and_materials_drafts_each_period_once_and_catches_up,
    two_runners_at_once_draft_each_period_once,
    a_retainer_bills_its_fee_and_the_time_beyond_its_hours,
    fixed_installments_come_due_on_their_day,
    a_completed_milestone_is_billed_once,
    issuing_names_the_time_and_voiding_releases_it,
    terms_of_another_kind_are_refused_and_nothing_is_written,
    a_paused_schedule_waits_and_catches_up_when_resumed,
    another_orgs_ids_are_not_found,
);

struct TableEngagements(DatabaseConnection);

#[async_trait]
impl Engagements for TableEngagements {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError> {
        let stmt = Query::select()
            .columns(["id", "client_company_id"].map(Alias::new))
            .from(Alias::new("engagements"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        let row = self.0.query_one(&stmt).await?;
        row.map(|r| {
            let company: Option<Uuid> = r.try_get("", "client_company_id")?;
            Ok(EngagementRef {
                id,
                client_company_id: company.map(ClientCompanyId::from),
                currency: Some(cur("EUR")),
                contract_id: None,
            })
        })
        .transpose()
        .map_err(|e: sea_orm::DbErr| e.into())
    }
}

struct FixedParties;

#[async_trait]
impl Parties for FixedParties {
    async fn organization_name(&self, _: &OrgCtx) -> Result<String, AppError> {
        Ok("Acme Consulting".into())
    }
    async fn company_name(&self, _: &OrgCtx, _: ClientCompanyId) -> Result<Option<String>, AppError> {
        Ok(Some("Globex".into()))
    }
}

/// Projects as revenue sees it: approved billable time per engagement (billed or
/// not: revenue must not bill twice what a live invoice bills), and milestones.
#[derive(Default)]
struct Delivery {
    time: Mutex<Vec<(OrganizationId, EngagementId, BillableTime)>>,
    milestones: Mutex<HashMap<MilestoneId, (OrganizationId, EngagementId)>>,
}

#[async_trait]
impl Projects for Delivery {
    async fn billable_time(
        &self,
        org: OrganizationId,
        engagement: EngagementId,
        up_to: NaiveDate,
    ) -> Result<Vec<BillableTime>, AppError> {
        let all = self.time.lock().expect("time").clone();
        let mut out: Vec<BillableTime> = all
            .into_iter()
            .filter(|(o, e, t)| *o == org && *e == engagement && t.date <= up_to)
            .map(|(_, _, t)| t)
            .collect();
        out.sort_by_key(|t| (t.date, t.entry_id));
        Ok(out)
    }
    async fn member_names(&self, _: OrganizationId, ids: &[UserId]) -> Result<HashMap<UserId, String>, AppError> {
        Ok(ids.iter().map(|u| (*u, format!("Member {}", &u.to_string()[..8]))).collect())
    }
    async fn task_titles(&self, _: OrganizationId, _: &[TaskId]) -> Result<HashMap<TaskId, String>, AppError> {
        Ok(HashMap::new())
    }
    async fn milestone_engagements(
        &self,
        org: OrganizationId,
        ids: &[MilestoneId],
    ) -> Result<HashMap<MilestoneId, EngagementId>, AppError> {
        let m = self.milestones.lock().expect("milestones");
        Ok(ids.iter().filter_map(|id| m.get(id).filter(|(o, _)| *o == org).map(|(_, e)| (*id, *e))).collect())
    }
}

struct Harness {
    svc: RevenueService,
    conn: DatabaseConnection,
    clock: Arc<FrozenClock>,
    delivery: Arc<Delivery>,
}

/// "Today" is 2027-03-05 unless a test moves the clock.
fn harness(db: &TestDb) -> Harness {
    let now = Utc.with_ymd_and_hms(2027, 3, 5, 9, 0, 0).single().expect("time");
    let clock = Arc::new(FrozenClock::at(now));
    let delivery = Arc::new(Delivery::default());
    let svc = RevenueService::new(
        db.conn.clone(),
        clock.clone() as Arc<dyn Clock>,
        Arc::new(TableEngagements(db.conn.clone())),
        Arc::new(FixedParties),
        delivery.clone(),
    );
    Harness { svc, conn: db.conn.clone(), clock, delivery }
}

impl Harness {
    async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user: UserId = atrium_testkit::seed_user(&self.conn).await.into();
        let ctx = OrgCtx { org_id: org, principal: Principal::User(user), role: Role::Owner };
        let base = SettingsPatch { base_currency: Some(cur("EUR")), ..SettingsPatch::default() };
        self.svc.update_settings(&ctx, base, IfMatch(None)).await.expect("EUR base");
        ctx
    }

    async fn engagement(&self, ctx: &OrgCtx) -> EngagementId {
        let company = atrium_testkit::seed_company(&self.conn, ctx.org_id.into_uuid(), "Globex").await;
        let id = Uuid::now_v7();
        let now = Utc::now();
        let stmt = Query::insert()
            .into_table(Alias::new("engagements"))
            .columns(
                ["id", "organization_id", "client_company_id", "name", "billing_model", "status", "version"]
                    .map(Alias::new)
                    .into_iter()
                    .chain(["created_at", "updated_at"].map(Alias::new)),
            )
            .values_panic([
                id.into(),
                ctx.org_id.into_uuid().into(),
                company.into(),
                "Relaunch".into(),
                "time_and_materials".into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id.into()
    }

    /// Approved billable time of `member` on `engagement`, at `rate` EUR cents an hour.
    fn time(
        &self,
        ctx: &OrgCtx,
        engagement: EngagementId,
        member: UserId,
        day: NaiveDate,
        minutes: i32,
        rate: i64,
    ) -> TimeEntryId {
        let entry: TimeEntryId = Uuid::now_v7().into();
        let t = BillableTime {
            entry_id: entry,
            member_id: member,
            task_id: None,
            date: day,
            minutes,
            billing_rate: Some(Money::new(rate, cur("EUR"))),
        };
        self.delivery.time.lock().expect("time").push((ctx.org_id, engagement, t));
        entry
    }

    async fn invoices(
        &self,
        ctx: &OrgCtx,
        schedule: Option<atrium_revenue::dto::InvoiceScheduleId>,
    ) -> Vec<InvoiceOut> {
        let f = InvoiceFilter { schedule_id: schedule, ..InvoiceFilter::default() };
        self.svc.list_invoices(ctx, &f, Default::default()).await.expect("invoices").items
    }

    async fn count(&self, table: &str) -> u64 {
        let stmt = Query::select().expr(Expr::cust("COUNT(*) AS n")).from(Alias::new(table)).to_owned();
        let row = self.conn.query_one(&stmt).await.expect("count").expect("row");
        let n: i64 = row.try_get("", "n").expect("n");
        u64::try_from(n).expect("count")
    }

    async fn events(&self) -> u64 {
        event::Entity::find().count(&self.conn).await.expect("events")
    }
}

fn cur(code: &str) -> Currency {
    code.parse().expect("ISO 4217")
}

fn eur(minor: i64) -> Money {
    Money::new(minor, cur("EUR"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(day(y, m, d)).expect("date")
}

fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

fn member() -> UserId {
    Uuid::now_v7().into()
}

fn tm(engagement: EngagementId, starts_on: Date) -> ScheduleIn {
    ScheduleIn {
        engagement_id: engagement,
        contract_id: None,
        kind: ScheduleKind::TimeAndMaterials,
        name: text("Monthly T&M"),
        currency: None,
        tax_rate_id: None,
        installments: Vec::new(),
        milestones: Vec::new(),
        period: Some(BillingPeriod::Monthly),
        starts_on: Some(starts_on),
        ends_on: None,
        amount: None,
        included_minutes: None,
        group_by: None,
    }
}

async fn time_and_materials_drafts_each_period_once_and_catches_up(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    let (ada, bob) = (member(), member());
    // January: Ada 1.5 h + 2.5 h at €150, Bob 1 h at €120. February: Ada 0.5 h.
    let jan = [
        h.time(&ctx, eng, ada, day(2027, 1, 4), 90, 15000),
        h.time(&ctx, eng, ada, day(2027, 1, 28), 150, 15000),
        h.time(&ctx, eng, bob, day(2027, 1, 31), 60, 12000),
    ];
    let feb = h.time(&ctx, eng, ada, day(2027, 2, 10), 30, 15000);
    let s = h.svc.create_schedule(&ctx, tm(eng, date(2027, 1, 1))).await.expect("schedule");
    assert_eq!(s.currency, cur("EUR"), "the engagement's currency");
    assert_eq!(s.next_due_on, Some(day(2027, 2, 1)));

    // Today is 5 March: January and February are due (a missed run catches up).
    let summary = h.svc.run_due_schedules(day(2027, 3, 5)).await.expect("run");
    assert_eq!((summary.invoiced, summary.failed), (2, 0), "{summary:?}");
    let invoices = h.invoices(&ctx, Some(s.id)).await;
    assert_eq!(invoices.len(), 2);
    let by_total: HashMap<i64, &InvoiceOut> = invoices.iter().map(|i| (i.total.amount_minor, i)).collect();
    // January: Ada 4 h × 150.00 = 600.00, Bob 1 h × 120.00 = 120.00.
    let january = by_total.get(&72000).expect("January draft of €720.00");
    assert_eq!(january.lines.len(), 2);
    assert_eq!(january.lines.iter().map(|l| l.total.amount_minor).sum::<i64>(), 72000);
    assert!(january.lines.iter().all(|l| l.description.contains("time through 2027-01-31")));
    let february = by_total.get(&7500).expect("February draft of €75.00");
    assert_eq!(february.lines[0].quantity.milli(), 500);
    let billed = h.svc.invoiced_time(&ctx, january.id).await.expect("time");
    let mut ids: Vec<_> = billed.iter().map(|t| t.time_entry_id).collect();
    ids.sort_unstable();
    let mut want = jan.to_vec();
    want.sort_unstable();
    assert_eq!(ids, want);
    assert_eq!(h.svc.invoiced_time(&ctx, february.id).await.expect("time")[0].time_entry_id, feb);

    // A rerun the same day, and the manual run, find nothing new.
    let again = h.svc.run_due_schedules(day(2027, 3, 5)).await.expect("rerun");
    assert_eq!(again.invoiced, 0);
    assert!(h.svc.run_schedule(&ctx, s.id, RunIn::default()).await.expect("manual").is_empty());
    assert_eq!(h.invoices(&ctx, Some(s.id)).await.len(), 2);
    let runs = h.svc.list_runs(&ctx, s.id, Default::default()).await.expect("runs").items;
    assert_eq!(
        runs.iter().map(|r| r.period_key.as_str()).collect::<Vec<_>>(),
        ["period:2027-01-01", "period:2027-02-01"]
    );
    assert_eq!(runs[0].period_end, Some(day(2027, 1, 31)));
    assert_eq!(h.svc.get_schedule(&ctx, s.id).await.expect("get").next_due_on, Some(day(2027, 4, 1)));

    // March with no time: the period is recorded as nothing to bill, once.
    h.clock.advance(Duration::days(30));
    let april = h.svc.run_schedule(&ctx, s.id, RunIn::default()).await.expect("april run");
    assert_eq!(april.len(), 1);
    assert_eq!(april[0].outcome, RunOutcome::NothingToBill);
    assert!(april[0].invoice_id.is_none());
    assert!(h.svc.run_schedule(&ctx, s.id, RunIn::default()).await.expect("again").is_empty());
}

async fn two_runners_at_once_draft_each_period_once(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let mut schedules = Vec::new();
    for _ in 0..3 {
        let eng = h.engagement(&ctx).await;
        h.time(&ctx, eng, member(), day(2027, 1, 10), 60, 10000);
        h.time(&ctx, eng, member(), day(2027, 2, 10), 60, 10000);
        schedules.push(h.svc.create_schedule(&ctx, tm(eng, date(2027, 1, 1))).await.expect("schedule").id);
    }
    let today = day(2027, 3, 5);
    let (a, b) = tokio::join!(h.svc.run_due_schedules(today), h.svc.run_due_schedules(today));
    let (a, b) = (a.expect("runner a"), b.expect("runner b"));
    assert_eq!(a.invoiced + b.invoiced, 6, "{a:?} {b:?}");
    assert_eq!(a.failed + b.failed, 0);
    for s in schedules {
        assert_eq!(h.invoices(&ctx, Some(s)).await.len(), 2);
    }
    assert_eq!(h.count("invoice_schedule_runs").await, 6);
}

async fn a_retainer_bills_its_fee_and_the_time_beyond_its_hours(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    let ada = member();
    // 10 h included; January has 6 h + 5 h (1 h over) and 2 h of December, not this period's.
    let older = h.time(&ctx, eng, ada, day(2026, 12, 20), 120, 20000);
    let first = h.time(&ctx, eng, ada, day(2027, 1, 5), 360, 20000);
    let second = h.time(&ctx, eng, ada, day(2027, 1, 20), 300, 20000);
    let input = ScheduleIn {
        kind: ScheduleKind::Retainer,
        name: text("Advisory retainer"),
        amount: Some(eur(500_000)),
        included_minutes: Some(600),
        ..tm(eng, date(2027, 1, 1))
    };
    let s = h.svc.create_schedule(&ctx, input).await.expect("retainer");
    let runs = h.svc.run_schedule(&ctx, s.id, RunIn { up_to: Some(date(2027, 2, 1)) }).await.expect("run");
    assert_eq!(runs.len(), 1, "January only: February has not ended");
    let inv = h.svc.get_invoice(&ctx, runs[0].invoice_id.expect("drafted")).await.expect("draft");
    assert_eq!(inv.lines.len(), 2);
    assert_eq!(inv.lines[0].description, "Advisory retainer: 2027-01-01 – 2027-01-31");
    assert_eq!(inv.lines[0].total, eur(500_000));
    assert!(inv.lines[1].description.contains("beyond the 10 h included"), "{}", inv.lines[1].description);
    assert_eq!((inv.lines[1].quantity.milli(), inv.lines[1].total), (1000, eur(20_000)));
    assert_eq!(inv.total, eur(520_000));
    let billed: HashMap<TimeEntryId, (i32, i32)> = h
        .svc
        .invoiced_time(&ctx, inv.id)
        .await
        .expect("time")
        .into_iter()
        .map(|t| (t.time_entry_id, (t.line_position, t.minutes)))
        .collect();
    assert_eq!(billed.get(&first), Some(&(1, 360)), "covered by the fee");
    assert_eq!(billed.get(&second), Some(&(2, 60)), "the hour beyond the included ten");
    assert!(!billed.contains_key(&older), "December is not this period's");
}

async fn fixed_installments_come_due_on_their_day(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    let installment =
        |d: &str, amount: i64, on: Date| InstallmentIn { description: text(d), amount: eur(amount), due_on: on };
    let input = ScheduleIn {
        kind: ScheduleKind::Fixed,
        name: text("Fixed fee"),
        period: None,
        starts_on: None,
        installments: vec![
            installment("Deposit", 300_000, date(2027, 1, 15)),
            installment("Delivery", 500_000, date(2027, 3, 5)),
            installment("Acceptance", 200_000, date(2027, 6, 1)),
        ],
        ..tm(eng, date(2027, 1, 1))
    };
    let s = h.svc.create_schedule(&ctx, input).await.expect("fixed");
    assert_eq!(s.next_due_on, Some(day(2027, 1, 15)));
    let summary = h.svc.run_due_schedules(day(2027, 3, 5)).await.expect("run");
    assert_eq!(summary.invoiced, 2);
    let mut totals: Vec<i64> = h.invoices(&ctx, Some(s.id)).await.iter().map(|i| i.total.amount_minor).collect();
    totals.sort_unstable();
    assert_eq!(totals, [300_000, 500_000]);
    assert_eq!(h.svc.get_schedule(&ctx, s.id).await.expect("get").next_due_on, Some(day(2027, 6, 1)));
    // Once run, the installments stay as billed.
    let patch = SchedulePatch {
        installments: Some(vec![installment("Everything", 1_000_000, date(2027, 7, 1))]),
        ..SchedulePatch::default()
    };
    let err = h.svc.update_schedule(&ctx, s.id, patch, IfMatch(None)).await.expect_err("ran already");
    assert!(matches!(err, AppError::Conflict { .. }), "{err:?}");
}

async fn a_completed_milestone_is_billed_once(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (eng, other_eng) = (h.engagement(&ctx).await, h.engagement(&ctx).await);
    let (design, other): (MilestoneId, MilestoneId) = (Uuid::now_v7().into(), Uuid::now_v7().into());
    h.delivery.milestones.lock().expect("m").insert(design, (ctx.org_id, eng));
    h.delivery.milestones.lock().expect("m").insert(other, (ctx.org_id, other_eng));
    let term = |m: MilestoneId| MilestoneTermIn {
        milestone_id: m,
        description: text("Design sign-off"),
        amount: eur(1_500_000),
    };
    let base = ScheduleIn {
        kind: ScheduleKind::Milestone,
        name: text("Milestones"),
        period: None,
        starts_on: None,
        ..tm(eng, date(2027, 1, 1))
    };
    let foreign = ScheduleIn { milestones: vec![term(other)], ..base.clone() };
    let err = h.svc.create_schedule(&ctx, foreign).await.expect_err("another engagement's milestone");
    assert!(matches!(&err, AppError::Validation(_)), "{err:?}");
    let unknown = ScheduleIn { milestones: vec![term(Uuid::now_v7().into())], ..base.clone() };
    assert!(matches!(h.svc.create_schedule(&ctx, unknown).await, Err(AppError::NotFound(_))));
    let s = h.svc.create_schedule(&ctx, ScheduleIn { milestones: vec![term(design)], ..base }).await.expect("schedule");
    assert_eq!(s.next_due_on, None);
    assert_eq!(h.svc.bill_milestone(ctx.org_id, eng, design, "Design").await.expect("bill"), 1);
    // A redelivered event, or the milestone reopened and completed again: still one invoice.
    assert_eq!(h.svc.bill_milestone(ctx.org_id, eng, design, "Design").await.expect("again"), 0);
    let invoices = h.invoices(&ctx, Some(s.id)).await;
    assert_eq!(invoices.len(), 1);
    assert_eq!(invoices[0].lines[0].description, "Design sign-off");
    assert_eq!(invoices[0].total, eur(1_500_000));
}

async fn issuing_names_the_time_and_voiding_releases_it(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    let entry = h.time(&ctx, eng, member(), day(2027, 1, 10), 120, 10000);
    let s = h.svc.create_schedule(&ctx, tm(eng, date(2027, 1, 1))).await.expect("schedule");
    let runs = h.svc.run_schedule(&ctx, s.id, RunIn { up_to: Some(date(2027, 2, 1)) }).await.expect("run");
    let id = runs[0].invoice_id.expect("drafted");
    // A second schedule on the same engagement cannot bill the same time again.
    let second = h.svc.create_schedule(&ctx, tm(eng, date(2027, 1, 1))).await.expect("second");
    let none = h.svc.run_schedule(&ctx, second.id, RunIn { up_to: Some(date(2027, 2, 1)) }).await.expect("run 2");
    assert_eq!(none[0].outcome, RunOutcome::NothingToBill);
    h.svc.issue_invoice(&ctx, id, IssueIn::default(), IfMatch(None)).await.expect("issue");
    let issued = last_payload(&h, "revenue.invoice.issued").await;
    assert_eq!(issued["time_entry_ids"], serde_json::json!([entry]));
    h.svc.void_invoice(&ctx, id, IfMatch(None)).await.expect("void");
    let voided = last_payload(&h, "revenue.invoice.voided").await;
    assert_eq!(voided["time_entry_ids"], serde_json::json!([entry]));
    assert!(h.svc.invoiced_time(&ctx, id).await.expect("time").is_empty());
    // Released: the second schedule's next period bills it.
    let later = h.svc.run_schedule(&ctx, second.id, RunIn { up_to: Some(date(2027, 3, 1)) }).await.expect("run 3");
    let redrafted = later[0].invoice_id.expect("the released time is billed again");
    assert_eq!(h.svc.invoiced_time(&ctx, redrafted).await.expect("time")[0].time_entry_id, entry);
}

async fn last_payload(h: &Harness, event_type: &str) -> serde_json::Value {
    let rows = event::Entity::find().all(&h.conn).await.expect("events");
    let e = rows.into_iter().rfind(|e| e.event_type == event_type).expect("event");
    e.data
}

async fn terms_of_another_kind_are_refused_and_nothing_is_written(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    let before = (h.count("invoice_schedules").await, h.events().await);
    let cases: Vec<(ScheduleIn, &str)> = vec![
        (ScheduleIn { amount: Some(eur(100)), ..tm(eng, date(2027, 1, 1)) }, "amount"),
        (ScheduleIn { period: None, ..tm(eng, date(2027, 1, 1)) }, "period"),
        (ScheduleIn { kind: ScheduleKind::Retainer, ..tm(eng, date(2027, 1, 1)) }, "amount"),
        (
            ScheduleIn {
                kind: ScheduleKind::Retainer,
                amount: Some(Money::new(100, cur("USD"))),
                ..tm(eng, date(2027, 1, 1))
            },
            "amount.currency",
        ),
        (ScheduleIn { ends_on: Some(date(2026, 12, 31)), ..tm(eng, date(2027, 1, 1)) }, "ends_on"),
        (
            ScheduleIn { kind: ScheduleKind::Fixed, period: None, starts_on: None, ..tm(eng, date(2027, 1, 1)) },
            "installments",
        ),
        (ScheduleIn { included_minutes: Some(60), ..tm(eng, date(2027, 1, 1)) }, "included_minutes"),
    ];
    for (input, field) in cases {
        match h.svc.create_schedule(&ctx, input).await {
            Err(AppError::Validation(errors)) => {
                assert!(errors.iter().any(|e| e.field == field), "expected {field}: {errors:?}");
            }
            other => panic!("expected a 422 naming {field}, got {other:?}"),
        }
    }
    assert_eq!((h.count("invoice_schedules").await, h.events().await), before);
}

async fn a_paused_schedule_waits_and_catches_up_when_resumed(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let eng = h.engagement(&ctx).await;
    h.time(&ctx, eng, member(), day(2027, 1, 10), 60, 10000);
    let s = h.svc.create_schedule(&ctx, tm(eng, date(2027, 1, 1))).await.expect("schedule");
    let pause = SchedulePatch { status: Some(ScheduleStatus::Paused), ..SchedulePatch::default() };
    let paused = h.svc.update_schedule(&ctx, s.id, pause, IfMatch(Some(s.version))).await.expect("pause");
    assert_eq!(h.svc.run_due_schedules(day(2027, 3, 5)).await.expect("run").schedules, 0);
    assert!(matches!(h.svc.run_schedule(&ctx, s.id, RunIn::default()).await, Err(AppError::Conflict { .. })));
    let resume = SchedulePatch { status: Some(ScheduleStatus::Active), ..SchedulePatch::default() };
    h.svc.update_schedule(&ctx, s.id, resume, IfMatch(Some(paused.version))).await.expect("resume");
    let summary = h.svc.run_due_schedules(day(2027, 3, 5)).await.expect("run");
    assert_eq!((summary.invoiced, summary.nothing_to_bill), (1, 1), "January billed, February empty");
    // Ended is final.
    let end = SchedulePatch { status: Some(ScheduleStatus::Ended), ..SchedulePatch::default() };
    h.svc.update_schedule(&ctx, s.id, end.clone(), IfMatch(None)).await.expect("end");
    assert!(matches!(h.svc.update_schedule(&ctx, s.id, end, IfMatch(None)).await, Err(AppError::Conflict { .. })));
}

async fn another_orgs_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let (ours, theirs) = (h.org().await, h.org().await);
    let their_eng = h.engagement(&theirs).await;
    let their_schedule = h.svc.create_schedule(&theirs, tm(their_eng, date(2027, 1, 1))).await.expect("theirs");
    let before = (h.count("invoice_schedules").await, h.events().await);
    assert!(matches!(h.svc.create_schedule(&ours, tm(their_eng, date(2027, 1, 1))).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.get_schedule(&ours, their_schedule.id).await, Err(AppError::NotFound(_))));
    let pause = SchedulePatch { status: Some(ScheduleStatus::Paused), ..SchedulePatch::default() };
    assert!(matches!(
        h.svc.update_schedule(&ours, their_schedule.id, pause, IfMatch(None)).await,
        Err(AppError::NotFound(_))
    ));
    assert!(matches!(h.svc.run_schedule(&ours, their_schedule.id, RunIn::default()).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.list_runs(&ours, their_schedule.id, Default::default()).await, Err(AppError::NotFound(_))));
    assert!(matches!(h.svc.delete_schedule(&ours, their_schedule.id, IfMatch(None)).await, Err(AppError::NotFound(_))));
    let f = InvoiceFilter { schedule_id: Some(their_schedule.id), ..InvoiceFilter::default() };
    assert!(matches!(h.svc.list_invoices(&ours, &f, Default::default()).await, Err(AppError::NotFound(_))));
    assert_eq!((h.count("invoice_schedules").await, h.events().await), before);
}
