//! The finance reports against real SQLite and PostgreSQL, checked to the cent:
//! AR aging (bucket edges at exactly 30/31/60/61/90/91 days, partial payments,
//! credit notes, several currencies converted per invoice), revenue by client and
//! month (net of tax, less credit notes, void and drafts left out), engagement
//! profitability (invoiced vs cost of time vs budget, a missing rate is a 422),
//! pagination by client or engagement, and other tenants' filter ids as 404.

use std::sync::Arc;

#[path = "support/no_projects.rs"]
mod no_projects;

use async_trait::async_trait;
use atrium_kernel::{
    AppError, Clock, Currency, Date, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, PageRequest, Principal, Role,
    Text, UserId,
};
use atrium_revenue::dto::{
    AgingBuckets, ArAgingQuery, ClientCompanyId, CreditNoteIn, EngagementId, FxRateIn, InvoiceIn, InvoiceOut, IssueIn,
    LineIn, Month, MonthRevenue, PaymentIn, ProfitabilityQuery, Quantity, RevenueByClientQuery, TaxRateIn,
};
use atrium_revenue::{
    EngagementBudget, EngagementBudgets, EngagementPage, EngagementRef, Engagements, Parties, ReportPorts,
    ReportsService, RevenueService, TimeCost, TimeCosts,
};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

backend_tests!(
    ar_aging_buckets_open_balances_at_their_stored_rates,
    revenue_by_client_is_net_of_tax_and_credit_notes_per_month,
    profitability_sets_invoiced_against_cost_and_budget,
);

/// Agreements' engagements table, scoped by organization, as the gateway reads it.
struct Table(DatabaseConnection);

fn engagement_query(org: OrganizationId) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .columns(["id", "client_company_id", "name", "budget_amount_minor", "budget_currency"].map(Alias::new))
        .from(Alias::new("engagements"))
        .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
        .order_by(Alias::new("id"), Order::Asc)
        .to_owned()
}

fn budget_of(r: &sea_orm::QueryResult) -> Result<EngagementBudget, sea_orm::DbErr> {
    let id: Uuid = r.try_get("", "id")?;
    let company: Option<Uuid> = r.try_get("", "client_company_id")?;
    let amount: Option<i64> = r.try_get("", "budget_amount_minor")?;
    let currency: Option<String> = r.try_get("", "budget_currency")?;
    Ok(EngagementBudget {
        id: id.into(),
        client_company_id: company.map(Into::into),
        name: r.try_get("", "name")?,
        budget: amount.zip(currency).map(|(a, c)| Money::new(a, cur(&c))),
    })
}

#[async_trait]
impl Engagements for Table {
    async fn engagement(&self, org: OrganizationId, id: EngagementId) -> Result<Option<EngagementRef>, AppError> {
        let mut q = engagement_query(org);
        q.and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()));
        let row = self.0.query_one(&q).await?;
        let found = row.map(|r| budget_of(&r)).transpose()?;
        Ok(found.map(|e| EngagementRef {
            id: e.id,
            client_company_id: e.client_company_id,
            currency: None,
            contract_id: None,
        }))
    }
}

#[async_trait]
impl EngagementBudgets for Table {
    async fn engagements(&self, org: OrganizationId, page: &EngagementPage) -> Result<Vec<EngagementBudget>, AppError> {
        let mut q = engagement_query(org);
        if let Some(e) = page.engagement_id {
            q.and_where(Expr::col(Alias::new("id")).eq(e.into_uuid()));
        }
        if let Some(c) = page.client_company_id {
            q.and_where(Expr::col(Alias::new("client_company_id")).eq(c.into_uuid()));
        }
        if let Some(a) = page.after {
            q.and_where(Expr::col(Alias::new("id")).gt(a.into_uuid()));
        }
        q.limit(page.limit);
        let rows = self.0.query_all(&q).await?;
        Ok(rows.iter().map(budget_of).collect::<Result<_, _>>()?)
    }
}

/// CRM's companies: another organization's company is not found.
#[async_trait]
impl Parties for Table {
    async fn organization_name(&self, _: &OrgCtx) -> Result<String, AppError> {
        Ok("Acme Consulting".into())
    }
    async fn company_name(&self, ctx: &OrgCtx, id: ClientCompanyId) -> Result<Option<String>, AppError> {
        let q = Query::select()
            .column(Alias::new("name"))
            .from(Alias::new("client_companies"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(ctx.org_id.into_uuid()))
            .and_where(Expr::col(Alias::new("id")).eq(id.into_uuid()))
            .to_owned();
        let row = self.0.query_one(&q).await?;
        Ok(row.map(|r| r.try_get("", "name")).transpose()?)
    }
}

/// Projects' costs as fixed answers: the pricing itself is tested in projects.
struct FixedCosts(Vec<TimeCost>);

#[async_trait]
impl TimeCosts for FixedCosts {
    async fn time_costs(
        &self,
        _: &OrgCtx,
        engagements: &[(EngagementId, Option<Currency>)],
        _: Option<NaiveDate>,
        _: Option<NaiveDate>,
    ) -> Result<Vec<TimeCost>, AppError> {
        Ok(self.0.iter().filter(|c| engagements.iter().any(|(e, _)| *e == c.engagement_id)).cloned().collect())
    }
}

struct Harness {
    svc: RevenueService,
    conn: DatabaseConnection,
    clock: Arc<dyn Clock>,
}

/// Today is 2027-01-15.
fn harness(db: &TestDb) -> Harness {
    let now = Utc.with_ymd_and_hms(2027, 1, 15, 9, 0, 0).single().expect("time");
    let clock = Arc::new(FrozenClock::at(now)) as Arc<dyn Clock>;
    let table = Arc::new(Table(db.conn.clone()));
    let svc =
        RevenueService::new(db.conn.clone(), clock.clone(), table.clone(), table, Arc::new(no_projects::NoProjects));
    Harness { svc, conn: db.conn.clone(), clock }
}

impl Harness {
    fn reports(&self, costs: Vec<TimeCost>) -> ReportsService {
        let table = Arc::new(Table(self.conn.clone()));
        let ports = ReportPorts { budgets: table.clone(), costs: Arc::new(FixedCosts(costs)) };
        ReportsService::new(self.conn.clone(), self.clock.clone(), table.clone(), table, ports)
    }

    async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user: UserId = atrium_testkit::seed_user(&self.conn).await.into();
        OrgCtx { org_id: org, principal: Principal::User(user), role: Role::Viewer }
    }

    async fn company(&self, ctx: &OrgCtx, name: &str) -> ClientCompanyId {
        atrium_testkit::seed_company(&self.conn, ctx.org_id.into_uuid(), name).await.into()
    }

    async fn engagement(&self, ctx: &OrgCtx, client: Option<ClientCompanyId>, budget: Option<Money>) -> EngagementId {
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
                    "budget_amount_minor",
                    "budget_currency",
                    "status",
                    "version",
                    "created_at",
                    "updated_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                id.into(),
                ctx.org_id.into_uuid().into(),
                client.map(|c| c.into_uuid()).into(),
                "Relaunch".into(),
                "fixed".into(),
                budget.map(|b| b.amount_minor).into(),
                budget.map(|b| b.currency.code().to_owned()).into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id.into()
    }

    async fn rate(&self, ctx: &OrgCtx, currency: &str, on: Date, rate: &str) {
        let input = FxRateIn { currency: cur(currency), rate_date: on, rate: rate.into() };
        self.svc.record_fx_rate(&as_owner(ctx), input).await.expect("fx rate");
    }

    /// An issued invoice of one line (`tax` optional) in `currency`, issued on `issued` with `terms` days.
    async fn invoice(
        &self,
        ctx: &OrgCtx,
        engagement: EngagementId,
        amount: Money,
        tax: Option<atrium_revenue::dto::TaxRateId>,
        issued: Date,
        terms: i32,
    ) -> InvoiceOut {
        let owner = as_owner(ctx);
        let input = InvoiceIn {
            engagement_id: engagement,
            currency: Some(amount.currency),
            payment_terms_days: Some(terms),
            notes: None,
            lines: vec![line(amount, tax)],
        };
        let d = self.svc.create_invoice(&owner, input).await.expect("draft");
        let issue = IssueIn { issue_date: Some(issued) };
        self.svc.issue_invoice(&owner, d.id, issue, IfMatch(None)).await.expect("issue")
    }

    async fn pay(&self, ctx: &OrgCtx, invoice: &InvoiceOut, amount: Money, on: Date) {
        let input = PaymentIn { amount, received_on: on, method: None, reference: None };
        self.svc.record_payment(&as_owner(ctx), invoice.id, input).await.expect("payment");
    }

    async fn credit(
        &self,
        ctx: &OrgCtx,
        invoice: &InvoiceOut,
        amount: Money,
        tax: Option<atrium_revenue::dto::TaxRateId>,
        on: Date,
    ) {
        let input = CreditNoteIn { reason: None, issue_date: Some(on), lines: vec![line(amount, tax)] };
        self.svc.create_credit_note(&as_owner(ctx), invoice.id, input).await.expect("credit note");
    }
}

/// Writes need a billing role; the reports are read as a viewer.
fn as_owner(ctx: &OrgCtx) -> OrgCtx {
    OrgCtx { role: Role::Owner, ..*ctx }
}

fn cur(code: &str) -> Currency {
    code.parse().expect("ISO 4217")
}

fn usd(minor: i64) -> Money {
    Money::new(minor, cur("USD"))
}

fn eur(minor: i64) -> Money {
    Money::new(minor, cur("EUR"))
}

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(NaiveDate::from_ymd_opt(y, m, d).expect("date")).expect("storable")
}

/// `days` before 2027-01-15.
fn ago(days: u64) -> Date {
    let today = NaiveDate::from_ymd_opt(2027, 1, 15).expect("date");
    Date::new(today.checked_sub_days(chrono::Days::new(days)).expect("date")).expect("storable")
}

fn month(s: &str) -> Month {
    Month::parse(s).expect("month")
}

fn line(amount: Money, tax: Option<atrium_revenue::dto::TaxRateId>) -> LineIn {
    LineIn {
        description: Text::parse("Work").expect("text"),
        quantity: Quantity::from_milli(1000).expect("quantity"),
        unit_price: amount,
        tax_rate_id: tax,
    }
}

/// Buckets in USD minor units: current, 1–30, 31–60, 61–90, 91+ (total computed).
fn buckets(b: [i64; 5]) -> AgingBuckets {
    AgingBuckets {
        current: usd(b[0]),
        days_1_30: usd(b[1]),
        days_31_60: usd(b[2]),
        days_61_90: usd(b[3]),
        days_over_90: usd(b[4]),
        total: usd(b.iter().sum()),
    }
}

fn field_of(e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(fields) => fields.first().map(|f| f.field.clone()),
        _ => None,
    }
}

async fn ar_aging_buckets_open_balances_at_their_stored_rates(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (a, b) = (h.company(&ctx, "Globex").await, h.company(&ctx, "Initech").await);
    let (ea, eb, none) = (
        h.engagement(&ctx, Some(a), None).await,
        h.engagement(&ctx, Some(b), None).await,
        h.engagement(&ctx, None, None).await,
    );

    // Client A, in the base currency: due exactly 0, 1, 30, 31, 60, 61, 90 and 91 days
    // ago (issued then with 0 days' terms), and one due in 30 days.
    let mut by_age = Vec::new();
    for (i, days) in [0_u64, 1, 30, 31, 60, 61, 90, 91].into_iter().enumerate() {
        by_age.push(h.invoice(&ctx, ea, usd(100 << i), None, ago(days), 0).await);
    }
    h.invoice(&ctx, ea, usd(25_600), None, ago(0), 30).await;
    // 91 days: 128.00 less a payment of 28.00; 61 days: 32.00 less a credit of 12.00.
    h.pay(&ctx, &by_age[7], usd(2_800), ago(5)).await;
    h.credit(&ctx, &by_age[5], usd(1_200), None, ago(3)).await;
    // Not receivable: paid in full, a draft, a void invoice.
    let paid = h.invoice(&ctx, ea, usd(99_900), None, ago(40), 0).await;
    h.pay(&ctx, &paid, usd(99_900), ago(2)).await;
    let draft = InvoiceIn {
        engagement_id: ea,
        currency: None,
        payment_terms_days: Some(0),
        notes: None,
        lines: vec![line(usd(77_700), None)],
    };
    h.svc.create_invoice(&as_owner(&ctx), draft).await.expect("draft");
    let void = h.invoice(&ctx, ea, usd(88_800), None, ago(50), 0).await;
    h.svc.void_invoice(&as_owner(&ctx), void.id, IfMatch(None)).await.expect("void");

    // Client B, in EUR: two invoices of 0.05 at 1.1 are 0.055 → 0.06 each (half-even),
    // 0.12 together — converting their sum would say 0.11.
    h.rate(&ctx, "EUR", ago(0), "1.1").await;
    h.invoice(&ctx, eb, eur(5), None, ago(0), 30).await;
    h.invoice(&ctx, eb, eur(5), None, ago(0), 30).await;
    // 1,000.05 EUR issued 10 days ago at 1.0834, less 500.00 paid at another rate:
    // the balance 500.05 converts at the issue rate, 541.754… → 541.75.
    h.rate(&ctx, "EUR", ago(10), "1.0834").await;
    h.rate(&ctx, "EUR", ago(5), "1.2").await;
    let big = h.invoice(&ctx, eb, eur(100_005), None, ago(10), 0).await;
    h.pay(&ctx, &big, eur(50_000), ago(5)).await;
    // No client: 50.00 due in 30 days.
    h.invoice(&ctx, none, usd(5_000), None, ago(0), 30).await;

    let reports = h.reports(Vec::new());
    let all = |q: ArAgingQuery, req| {
        let (reports, ctx) = (reports.clone(), ctx);
        async move { reports.ar_aging(&ctx, &q, req).await }
    };
    let (as_of, base, page, totals) = all(ArAgingQuery::default(), PageRequest::default()).await.expect("aging");
    assert_eq!((as_of, base), (NaiveDate::from_ymd_opt(2027, 1, 15).expect("date"), cur("USD")));
    let mut want_clients = [(a, 9), (b, 3)];
    want_clients.sort_by_key(|(c, _)| c.into_uuid());
    let got: Vec<_> = page.items.iter().map(|r| (r.client_company_id, r.open_invoices)).collect();
    assert_eq!(
        got,
        [(None, 1), (Some(want_clients[0].0), want_clients[0].1), (Some(want_clients[1].0), want_clients[1].1)],
        "no client first, then by id"
    );
    let row =
        |c: Option<ClientCompanyId>| page.items.iter().find(|r| r.client_company_id == c).expect("row").buckets.clone();
    // current: 1.00 (due today) + 256.00; 1–30: 2.00 + 4.00; 31–60: 8.00 + 16.00;
    // 61–90: 20.00 + 64.00; 91+: 100.00.
    assert_eq!(row(Some(a)), buckets([25_700, 600, 2_400, 8_400, 10_000]));
    assert_eq!(row(Some(b)), buckets([12, 54_175, 0, 0, 0]));
    assert_eq!(row(None), buckets([5_000, 0, 0, 0, 0]));
    assert_eq!(totals, buckets([30_712, 54_775, 2_400, 8_400, 10_000]));

    // A day earlier every edge moves by one, and today's invoices did not exist yet.
    let q = ArAgingQuery { as_of: Some(ago(1)), client_company_id: Some(a) };
    let (_, _, page, totals) = all(q, PageRequest::default()).await.expect("as of yesterday");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].buckets, buckets([200, 1_200, 3_600, 16_400, 0]));
    assert_eq!(totals, page.items[0].buckets, "the totals follow the client filter");

    // Pages of one client; the totals are everyone's on every page.
    let first = all(ArAgingQuery::default(), PageRequest::first(2)).await.expect("page 1").2;
    assert_eq!(first.items.len(), 2);
    let after = first.next_after.expect("a second page");
    let (_, _, second, totals2) =
        all(ArAgingQuery::default(), PageRequest { limit: 2, after: Some(after) }).await.expect("page 2");
    assert_eq!((second.items.len(), second.next_after), (1, None));
    assert_eq!(second.items[0].client_company_id, Some(want_clients[1].0));
    assert_eq!(totals2, buckets([30_712, 54_775, 2_400, 8_400, 10_000]));

    // Another organization's client is not found; its own report is empty.
    let other = h.org().await;
    let theirs = h.company(&other, "Umbrella").await;
    let err = all(ArAgingQuery { client_company_id: Some(theirs), ..Default::default() }, PageRequest::default())
        .await
        .expect_err("foreign client");
    assert!(matches!(err, AppError::NotFound(_)), "{err:?}");
    let (_, _, empty, zero) =
        reports.ar_aging(&other, &ArAgingQuery::default(), PageRequest::default()).await.expect("empty");
    assert_eq!((empty.items.len(), zero), (0, buckets([0; 5])));
}

async fn revenue_by_client_is_net_of_tax_and_credit_notes_per_month(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (a, b) = (h.company(&ctx, "Globex").await, h.company(&ctx, "Initech").await);
    let (ea, eb) = (h.engagement(&ctx, Some(a), None).await, h.engagement(&ctx, Some(b), None).await);
    let vat = TaxRateIn { name: Text::parse("VAT 20%").expect("text"), basis_points: 2000, inclusive: false };
    let vat = h.svc.create_tax_rate(&as_owner(&ctx), vat).await.expect("tax rate").id;

    // A: 1,000.00 + VAT in November, 500.00 in December, credit of 100.00 + VAT in January.
    let nov = h.invoice(&ctx, ea, usd(100_000), Some(vat), day(2026, 11, 10), 30).await;
    assert_eq!(nov.total, usd(120_000));
    h.invoice(&ctx, ea, usd(50_000), None, day(2026, 12, 3), 30).await;
    h.credit(&ctx, &nov, usd(10_000), Some(vat), day(2027, 1, 5)).await;
    let void = h.invoice(&ctx, ea, usd(70_000), None, day(2026, 12, 20), 30).await;
    h.svc.void_invoice(&as_owner(&ctx), void.id, IfMatch(None)).await.expect("void");
    let draft = InvoiceIn {
        engagement_id: ea,
        currency: None,
        payment_terms_days: None,
        notes: None,
        lines: vec![line(usd(30_000), None)],
    };
    h.svc.create_invoice(&as_owner(&ctx), draft).await.expect("draft");
    // B in EUR: 200.00 at 1.0834 in December (216.68); two of 0.05 at 1.1 in January (0.06 each).
    h.rate(&ctx, "EUR", day(2026, 12, 10), "1.0834").await;
    h.rate(&ctx, "EUR", day(2027, 1, 15), "1.1").await;
    h.invoice(&ctx, eb, eur(20_000), None, day(2026, 12, 10), 30).await;
    h.invoice(&ctx, eb, eur(5), None, day(2027, 1, 15), 30).await;
    h.invoice(&ctx, eb, eur(5), None, day(2027, 1, 15), 30).await;

    let reports = h.reports(Vec::new());
    let m = |mo: &str, invoiced: i64, credited: i64| MonthRevenue {
        month: month(mo),
        invoiced: usd(invoiced),
        credited: usd(credited),
        revenue: usd(invoiced - credited),
    };
    let q = RevenueByClientQuery { from: Some(month("2026-11")), to: Some(month("2027-01")), client_company_id: None };
    let (from, to, base, page, totals) =
        reports.revenue_by_client(&ctx, &q, PageRequest::default()).await.expect("report");
    assert_eq!((from, to, base), (month("2026-11"), month("2027-01"), cur("USD")));
    let row = |c| page.items.iter().find(|r| r.client_company_id == Some(c)).expect("client row");
    assert_eq!(row(a).months, [m("2026-11", 100_000, 0), m("2026-12", 50_000, 0), m("2027-01", 0, 10_000)]);
    assert_eq!((row(a).invoiced, row(a).credited, row(a).revenue), (usd(150_000), usd(10_000), usd(140_000)));
    assert_eq!(row(b).months, [m("2026-12", 21_668, 0), m("2027-01", 12, 0)]);
    assert_eq!(row(b).revenue, usd(21_680));
    assert_eq!(totals, [m("2026-11", 100_000, 0), m("2026-12", 71_668, 0), m("2027-01", 12, 10_000)]);

    // The default is the twelve months to this one; a narrower range drops November.
    let (from, to, _, _, totals) = reports
        .revenue_by_client(&ctx, &RevenueByClientQuery::default(), PageRequest::default())
        .await
        .expect("default range");
    assert_eq!((from, to, totals.len()), (month("2026-02"), month("2027-01"), 3));
    let q = RevenueByClientQuery { from: Some(month("2026-12")), to: None, client_company_id: Some(a) };
    let (_, _, _, page, totals) = reports.revenue_by_client(&ctx, &q, PageRequest::default()).await.expect("A only");
    assert_eq!(page.items.len(), 1);
    assert_eq!(totals, [m("2026-12", 50_000, 0), m("2027-01", 0, 10_000)]);

    // Pagination by client.
    let first = reports.revenue_by_client(&ctx, &RevenueByClientQuery::default(), PageRequest::first(1)).await;
    let first = first.expect("page 1").3;
    let rest = PageRequest { limit: 1, after: first.next_after };
    let second = reports.revenue_by_client(&ctx, &RevenueByClientQuery::default(), rest).await.expect("page 2").3;
    assert_eq!((first.items.len(), second.items.len(), second.next_after), (1, 1, None));
    assert_ne!(first.items[0].client_company_id, second.items[0].client_company_id);

    let backwards =
        RevenueByClientQuery { from: Some(month("2027-01")), to: Some(month("2026-12")), client_company_id: None };
    let err = reports.revenue_by_client(&ctx, &backwards, PageRequest::default()).await.expect_err("from after to");
    assert_eq!(field_of(&err).as_deref(), Some("from"));
    let other = h.org().await;
    let q = RevenueByClientQuery { client_company_id: Some(a), ..Default::default() };
    let err = reports.revenue_by_client(&other, &q, PageRequest::default()).await.expect_err("foreign client");
    assert!(matches!(err, AppError::NotFound(_)), "{err:?}");
}

async fn profitability_sets_invoiced_against_cost_and_budget(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let a = h.company(&ctx, "Globex").await;
    let e1 = h.engagement(&ctx, Some(a), Some(eur(1_000_000))).await;
    let e2 = h.engagement(&ctx, None, None).await;
    // 1,000.00 USD on Jan 5, 500.00 EUR at 1.0834 on Jan 10 (541.70), credit of 100.00 USD on Jan 12.
    let jan5 = h.invoice(&ctx, e1, usd(100_000), None, day(2027, 1, 5), 30).await;
    h.rate(&ctx, "EUR", day(2027, 1, 10), "1.0834").await;
    h.invoice(&ctx, e1, eur(50_000), None, day(2027, 1, 10), 30).await;
    h.credit(&ctx, &jan5, usd(10_000), None, day(2027, 1, 12)).await;
    // Time: 900.00 EUR and 150.00 USD of cost; an hour no card prices.
    let costs = vec![TimeCost {
        engagement_id: e1,
        minutes: 1_200,
        unpriced_minutes: 60,
        costs: vec![eur(90_000), usd(15_000)],
    }];
    let reports = h.reports(costs);

    // No EUR rate for today (the default rate date): the report says which date it needs.
    let err = reports.engagement_profitability(&ctx, &ProfitabilityQuery::default(), PageRequest::default()).await;
    assert_eq!(field_of(&err.expect_err("no rate")).as_deref(), Some("rate_date"));

    h.rate(&ctx, "EUR", day(2027, 1, 15), "1.1").await;
    let (base, rate_date, page) = reports
        .engagement_profitability(&ctx, &ProfitabilityQuery::default(), PageRequest::default())
        .await
        .expect("report");
    assert_eq!((base, rate_date), (cur("USD"), NaiveDate::from_ymd_opt(2027, 1, 15).expect("date")));
    let mut ids = vec![e1, e2];
    ids.sort_by_key(|e| e.into_uuid());
    assert_eq!(page.items.iter().map(|r| r.engagement_id).collect::<Vec<_>>(), ids);
    let one = page.items.iter().find(|r| r.engagement_id == e1).expect("e1");
    // Invoiced 1,000.00 + 541.70 − 100.00; cost 990.00 + 150.00; margin 301.70 = 20.93 %.
    assert_eq!((one.invoiced, one.cost, one.margin), (usd(144_170), usd(114_000), usd(30_170)));
    assert_eq!(one.margin_basis_points, Some(2_093));
    assert_eq!((one.budget, one.budget_in_base), (Some(eur(1_000_000)), Some(usd(1_100_000))));
    assert_eq!((one.approved_minutes, one.unpriced_minutes, one.client_company_id), (1_200, 60, Some(a)));
    let two = page.items.iter().find(|r| r.engagement_id == e2).expect("e2");
    assert_eq!((two.invoiced, two.cost, two.margin_basis_points, two.budget), (usd(0), usd(0), None, None));

    // From Jan 6 the first invoice is outside the period, its credit note inside.
    let q = ProfitabilityQuery { engagement_id: Some(e1), from: Some(day(2027, 1, 6)), ..Default::default() };
    let (_, _, page) = reports.engagement_profitability(&ctx, &q, PageRequest::default()).await.expect("period");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].invoiced, usd(44_170));
    let q = ProfitabilityQuery { client_company_id: Some(a), ..Default::default() };
    let (_, _, page) = reports.engagement_profitability(&ctx, &q, PageRequest::default()).await.expect("client");
    assert_eq!(page.items.iter().map(|r| r.engagement_id).collect::<Vec<_>>(), [e1]);
    let first = reports.engagement_profitability(&ctx, &ProfitabilityQuery::default(), PageRequest::first(1)).await;
    let first = first.expect("page 1").2;
    assert_eq!((first.items.len(), first.next_after), (1, Some(ids[0].into_uuid())));

    let other = h.org().await;
    let q = ProfitabilityQuery { engagement_id: Some(e1), ..Default::default() };
    let err = reports.engagement_profitability(&other, &q, PageRequest::default()).await.expect_err("foreign");
    assert!(matches!(err, AppError::NotFound(_)), "{err:?}");
    let q = ProfitabilityQuery { client_company_id: Some(a), ..Default::default() };
    let err = reports.engagement_profitability(&other, &q, PageRequest::default()).await.expect_err("foreign client");
    assert!(matches!(err, AppError::NotFound(_)), "{err:?}");
}
