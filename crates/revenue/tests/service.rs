//! The revenue service against real SQLite and PostgreSQL: drafts and their
//! server-computed totals, gapless numbers under parallel issues, exchange rates,
//! payments, reversals, credit notes, void, and tenancy.

// Snapshots read every organization's rows on purpose: a refused write must have
// changed nothing anywhere.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

#[path = "support/no_projects.rs"]
mod no_projects;

use async_trait::async_trait;
use atrium_kernel::{
    AppError, Clock, Currency, Date, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, Principal, Role, Text, UserId,
};
use atrium_outbox::entity::event;
use atrium_revenue::dto::{
    ClientCompanyId, CreditNoteIn, EngagementId, FxRateIn, InvoiceFilter, InvoiceIn, InvoiceOut, InvoicePatch,
    InvoiceStatus, IssueIn, LineIn, PaymentIn, Quantity, ReverseIn, SettingsPatch, StatusFilter, TaxRateIn,
};
use atrium_revenue::{EngagementRef, Engagements, Parties, RevenueService};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use serde_json::json;
use uuid::Uuid;

backend_tests!(
    a_draft_totals_its_lines_and_only_a_draft_changes,
    numbers_are_gapless_and_unique_under_parallel_issues,
    a_foreign_currency_invoice_needs_the_rate_of_its_issue_date,
    payments_move_the_status_and_never_exceed_the_balance,
    credit_notes_reduce_the_balance_within_what_remains,
    only_an_unpaid_issued_invoice_can_be_voided,
    another_orgs_ids_are_not_found,
);

/// Agreements as the gateway wires it: the engagements table, scoped by organization.
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
                currency: None,
                contract_id: None,
            })
        })
        .transpose()
        .map_err(|e: sea_orm::DbErr| e.into())
    }
}

/// Names as identity and CRM would give them.
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

struct Harness {
    svc: RevenueService,
    conn: DatabaseConnection,
}

fn harness(db: &TestDb) -> Harness {
    let now = Utc.with_ymd_and_hms(2027, 1, 15, 9, 0, 0).single().expect("time");
    let clock = Arc::new(FrozenClock::at(now)) as Arc<dyn Clock>;
    let svc = RevenueService::new(
        db.conn.clone(),
        clock,
        Arc::new(TableEngagements(db.conn.clone())),
        Arc::new(FixedParties),
        Arc::new(no_projects::NoProjects),
    );
    Harness { svc, conn: db.conn.clone() }
}

impl Harness {
    async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user: UserId = atrium_testkit::seed_user(&self.conn).await.into();
        OrgCtx { org_id: org, principal: Principal::User(user), role: Role::Owner }
    }

    async fn engagement(&self, ctx: &OrgCtx) -> (EngagementId, ClientCompanyId) {
        let company: ClientCompanyId =
            atrium_testkit::seed_company(&self.conn, ctx.org_id.into_uuid(), "Globex").await.into();
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
                ctx.org_id.into_uuid().into(),
                company.into_uuid().into(),
                "Relaunch".into(),
                "fixed".into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        (id.into(), company)
    }

    async fn draft(&self, ctx: &OrgCtx, engagement: EngagementId, currency: &str, lines: Vec<LineIn>) -> InvoiceOut {
        let lines =
            lines.into_iter().map(|l| LineIn { unit_price: money(l.unit_price.amount_minor, currency), ..l }).collect();
        let input = InvoiceIn {
            engagement_id: engagement,
            currency: Some(cur(currency)),
            payment_terms_days: None,
            notes: None,
            lines,
        };
        self.svc.create_invoice(ctx, input).await.expect("create draft")
    }

    async fn issued(&self, ctx: &OrgCtx, engagement: EngagementId, amount: i64) -> InvoiceOut {
        let d = self.draft(ctx, engagement, "USD", vec![line("Work", 1000, amount, None)]).await;
        self.svc.issue_invoice(ctx, d.id, IssueIn::default(), IfMatch(None)).await.expect("issue")
    }

    /// Every revenue row and outbox event, to prove a refused write wrote nothing.
    async fn snapshot(&self) -> serde_json::Value {
        let mut all = serde_json::Map::new();
        for table in
            ["invoices", "invoice_lines", "payments", "credit_notes", "credit_note_lines", "number_series", "fx_rates"]
        {
            let stmt = Query::select().expr(Expr::cust("*")).from(Alias::new(table)).to_owned();
            let rows = self.conn.query_all(&stmt).await.expect("snapshot");
            all.insert(table.into(), json!(rows.len()));
        }
        let events = event::Entity::find().order_by_asc(event::Column::Id).count(&self.conn).await.expect("events");
        all.insert("events".into(), json!(events));
        let versions = Query::select()
            .columns(["id", "status", "version", "paid", "credited"].map(Alias::new))
            .from(Alias::new("invoices"))
            .to_owned();
        let rows = self.conn.query_all(&versions).await.expect("versions");
        let v: Vec<String> = rows
            .iter()
            .map(|r| {
                let status: String = r.try_get("", "status").expect("status");
                let version: i32 = r.try_get("", "version").expect("version");
                let paid: i64 = r.try_get("", "paid").expect("paid");
                format!("{status}/{version}/{paid}")
            })
            .collect();
        all.insert("invoices_state".into(), json!(v));
        serde_json::Value::Object(all)
    }

    async fn event_types(&self) -> Vec<String> {
        event::Entity::find()
            .order_by_asc(event::Column::Id)
            .all(&self.conn)
            .await
            .expect("events")
            .into_iter()
            .map(|e| e.event_type)
            .collect()
    }
}

fn cur(code: &str) -> Currency {
    code.parse().expect("ISO 4217")
}

fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(NaiveDate::from_ymd_opt(y, m, d).expect("date")).expect("storable")
}

/// A line in USD (`draft` moves it to the draft's currency); quantity in thousandths.
fn line(description: &str, quantity: i64, unit_price: i64, tax: Option<atrium_revenue::dto::TaxRateId>) -> LineIn {
    LineIn {
        description: text(description),
        quantity: Quantity::from_milli(quantity).expect("quantity"),
        unit_price: money(unit_price, "USD"),
        tax_rate_id: tax,
    }
}

fn money(amount: i64, code: &str) -> Money {
    Money::new(amount, cur(code))
}

fn status_of(e: &AppError) -> u16 {
    e.status().as_u16()
}

fn field_of(e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(fields) => fields.first().map(|f| f.field.clone()),
        _ => None,
    }
}

async fn a_draft_totals_its_lines_and_only_a_draft_changes(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, company) = h.engagement(&ctx).await;
    let vat = h
        .svc
        .create_tax_rate(&ctx, TaxRateIn { name: text("VAT 19%"), basis_points: 1900, inclusive: false })
        .await
        .expect("tax rate");
    // 3 × 3.33 at 19 %: each line's tax 0.6327 → 0.63, so the document is 9.99 + 1.89.
    let lines = (0..3).map(|_| line("Widget", 1000, 333, Some(vat.id))).collect();
    let d = h.draft(&ctx, engagement, "USD", lines).await;
    assert_eq!((d.status, d.number.as_deref(), d.client_company_id), (InvoiceStatus::Draft, None, Some(company)));
    assert_eq!(
        (d.subtotal, d.tax_total, d.total, d.balance),
        (money(999, "USD"), money(189, "USD"), money(1188, "USD"), money(1188, "USD"))
    );
    assert_eq!(d.tax_totals.len(), 1);
    assert_eq!((d.tax_totals[0].taxable, d.tax_totals[0].tax), (money(999, "USD"), money(189, "USD")));

    // 1.5 h at 100.01 rounds half-even once per line: 150.015 → 150.02.
    let patch = InvoicePatch { lines: Some(vec![line("Advice", 1500, 10001, None)]), ..InvoicePatch::default() };
    let d = h.svc.update_invoice(&ctx, d.id, patch, IfMatch(Some(1))).await.expect("patch draft");
    assert_eq!((d.total, d.lines.len(), d.version), (money(15002, "USD"), 1, 2));

    let issued = h
        .svc
        .issue_invoice(&ctx, d.id, IssueIn { issue_date: Some(day(2027, 1, 10)) }, IfMatch(None))
        .await
        .expect("issue");
    assert_eq!(issued.number.as_deref(), Some("INV-2027-0001"));
    assert_eq!(
        (issued.issue_date, issued.due_date),
        (NaiveDate::from_ymd_opt(2027, 1, 10), NaiveDate::from_ymd_opt(2027, 2, 9))
    );
    assert_eq!((issued.fx_rate.as_deref(), issued.base_total), (Some("1"), Some(money(15002, "USD"))));

    let before = h.snapshot().await;
    let patch = InvoicePatch { payment_terms_days: Some(5), ..InvoicePatch::default() };
    let err = h.svc.update_invoice(&ctx, d.id, patch, IfMatch(None)).await.expect_err("issued is immutable");
    assert_eq!(status_of(&err), 409);
    let err = h.svc.delete_invoice(&ctx, d.id, IfMatch(None)).await.expect_err("issued is never deleted");
    assert_eq!(status_of(&err), 409);
    let err = h.svc.issue_invoice(&ctx, d.id, IssueIn::default(), IfMatch(None)).await.expect_err("issued twice");
    assert_eq!(status_of(&err), 409);
    assert_eq!(h.snapshot().await, before, "refused changes wrote nothing");

    // An empty draft cannot be issued.
    let empty = h.draft(&ctx, engagement, "USD", vec![]).await;
    let err = h.svc.issue_invoice(&ctx, empty.id, IssueIn::default(), IfMatch(None)).await.expect_err("no lines");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("lines")));
    assert_eq!(
        h.event_types().await,
        [
            "revenue.tax_rate.created",
            "revenue.invoice.created",
            "revenue.invoice.updated",
            "revenue.invoice.issued",
            "revenue.invoice.created"
        ]
    );
}

async fn numbers_are_gapless_and_unique_under_parallel_issues(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let mut drafts = Vec::new();
    for i in 0..12 {
        drafts.push(h.draft(&ctx, engagement, "USD", vec![line("Work", 1000, 100 + i, None)]).await.id);
    }
    // One of them is refused (no EUR rate) among the others: it takes no number.
    let eur = h.draft(&ctx, engagement, "EUR", vec![line("Work", 1000, 100, None)]).await.id;
    drafts.push(eur);
    let tasks: Vec<_> = drafts
        .iter()
        .map(|&id| {
            let svc = h.svc.clone();
            tokio::spawn(async move { svc.issue_invoice(&ctx, id, IssueIn::default(), IfMatch(None)).await })
        })
        .collect();
    let mut numbers = Vec::new();
    let mut refused = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(out) => numbers.push(out.number.expect("number")),
            Err(e) => {
                assert_eq!(field_of(&e).as_deref(), Some("issue_date"), "{e:?}");
                refused += 1;
            }
        }
    }
    numbers.sort();
    let expected: Vec<String> = (1..=12).map(|n| format!("INV-2027-{n:04}")).collect();
    assert_eq!((numbers, refused), (expected, 1), "12 numbers, no gap, no duplicate");
    // Another organization has its own series.
    let other = h.org().await;
    let (e2, _) = h.engagement(&other).await;
    assert_eq!(h.issued(&other, e2, 100).await.number.as_deref(), Some("INV-2027-0001"));
}

async fn a_foreign_currency_invoice_needs_the_rate_of_its_issue_date(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let d = h.draft(&ctx, engagement, "EUR", vec![line("Workshop", 1000, 250_000, None)]).await;
    let on = IssueIn { issue_date: Some(day(2027, 1, 31)) };
    let before = h.snapshot().await;
    let err = h.svc.issue_invoice(&ctx, d.id, on.clone(), IfMatch(None)).await.expect_err("no rate");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("issue_date")));
    assert!(err.to_string().contains("validation") || format!("{err:?}").contains("2027-01-31"), "{err:?}");
    assert_eq!(h.snapshot().await, before, "a refused issue takes no number and writes nothing");

    let bad = h
        .svc
        .record_fx_rate(&ctx, FxRateIn { currency: cur("EUR"), rate_date: day(2027, 1, 31), rate: "1,08".into() })
        .await;
    assert_eq!(bad.map_err(|e| field_of(&e)).err().flatten().as_deref(), Some("rate"));
    h.svc
        .record_fx_rate(&ctx, FxRateIn { currency: cur("EUR"), rate_date: day(2027, 1, 31), rate: "1.1".into() })
        .await
        .expect("rate");
    // The same day again replaces it.
    let r = h
        .svc
        .record_fx_rate(&ctx, FxRateIn { currency: cur("EUR"), rate_date: day(2027, 1, 31), rate: "1.0834".into() })
        .await
        .expect("rate");
    assert_eq!((r.rate.as_str(), r.base_currency), ("1.0834", cur("USD")));
    let issued = h.svc.issue_invoice(&ctx, d.id, on, IfMatch(None)).await.expect("issue");
    assert_eq!((issued.fx_rate.as_deref(), issued.base_total), (Some("1.0834"), Some(money(270_850, "USD"))));

    // Paid on a day with another rate: the difference is realized.
    h.svc
        .record_fx_rate(&ctx, FxRateIn { currency: cur("EUR"), rate_date: day(2027, 2, 10), rate: "1.1".into() })
        .await
        .expect("rate");
    let p = h
        .svc
        .record_payment(
            &ctx,
            issued.id,
            PaymentIn { amount: money(100_000, "EUR"), received_on: day(2027, 2, 10), method: None, reference: None },
        )
        .await
        .expect("pay");
    // 1,000.00 EUR: 1,100.00 USD received vs 1,083.40 USD at the invoice's rate.
    assert_eq!((p.base_amount, p.realized_fx_difference), (money(110_000, "USD"), money(1_660, "USD")));
    // The base currency is fixed once invoices are issued.
    let err = h
        .svc
        .update_settings(
            &ctx,
            SettingsPatch { base_currency: Some(cur("EUR")), ..SettingsPatch::default() },
            IfMatch(None),
        )
        .await
        .expect_err("base locked");
    assert_eq!(status_of(&err), 409);
}

async fn payments_move_the_status_and_never_exceed_the_balance(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let inv = h.issued(&ctx, engagement, 10_000).await;
    let pay = |amount: i64, code: &str| PaymentIn {
        amount: money(amount, code),
        received_on: day(2027, 1, 20),
        method: Some(text("wire")),
        reference: None,
    };

    let before = h.snapshot().await;
    for (input, field) in
        [(pay(10_001, "USD"), "amount"), (pay(100, "EUR"), "amount.currency"), (pay(0, "USD"), "amount.amount_minor")]
    {
        let err = h.svc.record_payment(&ctx, inv.id, input).await.expect_err("refused");
        assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some(field)));
    }
    assert_eq!(h.snapshot().await, before);

    let p1 = h.svc.record_payment(&ctx, inv.id, pay(4_000, "USD")).await.expect("partial");
    let got = h.svc.get_invoice(&ctx, inv.id).await.expect("get");
    assert_eq!(
        (got.status, got.paid, got.balance),
        (InvoiceStatus::PartiallyPaid, money(4_000, "USD"), money(6_000, "USD"))
    );
    h.svc.record_payment(&ctx, inv.id, pay(6_000, "USD")).await.expect("rest");
    let got = h.svc.get_invoice(&ctx, inv.id).await.expect("get");
    assert_eq!((got.status, got.balance), (InvoiceStatus::Paid, money(0, "USD")));
    let err = h.svc.record_payment(&ctx, inv.id, pay(1, "USD")).await.expect_err("paid is closed");
    assert_eq!(status_of(&err), 409);

    let r = h
        .svc
        .reverse_payment(&ctx, p1.id, ReverseIn { reason: Some(text("bounced")) }, IfMatch(None))
        .await
        .expect("reverse");
    assert!(r.reversed_at.is_some());
    let got = h.svc.get_invoice(&ctx, inv.id).await.expect("get");
    assert_eq!((got.status, got.balance), (InvoiceStatus::PartiallyPaid, money(4_000, "USD")));
    let err = h.svc.reverse_payment(&ctx, p1.id, ReverseIn::default(), IfMatch(None)).await.expect_err("twice");
    assert_eq!(status_of(&err), 409);
    let types = h.event_types().await;
    assert_eq!(types.iter().filter(|t| *t == "revenue.payment.recorded").count(), 2);
    assert_eq!(types.last().map(String::as_str), Some("revenue.payment.reversed"));

    // Overdue is derived from the due date, and filterable.
    let overdue = h
        .svc
        .list_invoices(
            &ctx,
            &InvoiceFilter { status: Some(StatusFilter::Overdue), ..InvoiceFilter::default() },
            atrium_kernel::PageRequest::first(50),
        )
        .await
        .expect("list");
    assert!(overdue.items.is_empty(), "due 2027-02-14, today 2027-01-15");
}

async fn credit_notes_reduce_the_balance_within_what_remains(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let inv = h.issued(&ctx, engagement, 10_000).await;
    h.svc
        .record_payment(
            &ctx,
            inv.id,
            PaymentIn { amount: money(3_000, "USD"), received_on: day(2027, 1, 20), method: None, reference: None },
        )
        .await
        .expect("pay");
    let before = h.snapshot().await;
    let too_much = CreditNoteIn { reason: None, issue_date: None, lines: vec![line("Refund", 1000, 7_001, None)] };
    let err = h.svc.create_credit_note(&ctx, inv.id, too_much).await.expect_err("over credit");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("lines")));
    let whole = CreditNoteIn { reason: None, issue_date: None, lines: vec![] };
    let err = h.svc.create_credit_note(&ctx, inv.id, whole).await.expect_err("partly paid needs lines");
    assert_eq!(status_of(&err), 422);
    assert_eq!(h.snapshot().await, before);

    let cn = h
        .svc
        .create_credit_note(
            &ctx,
            inv.id,
            CreditNoteIn {
                reason: Some(text("shorter")),
                issue_date: None,
                lines: vec![line("Shorter workshop", 1000, 2_000, None)],
            },
        )
        .await
        .expect("credit");
    assert_eq!((cn.number.as_str(), cn.total), ("CN-2027-0001", money(2_000, "USD")));
    let got = h.svc.get_invoice(&ctx, inv.id).await.expect("get");
    assert_eq!(
        (got.status, got.credited, got.balance),
        (InvoiceStatus::PartiallyPaid, money(2_000, "USD"), money(5_000, "USD"))
    );

    // A fresh invoice credited whole copies its lines and is settled.
    let other = h.issued(&ctx, engagement, 4_200).await;
    let full = h
        .svc
        .create_credit_note(&ctx, other.id, CreditNoteIn { reason: None, issue_date: None, lines: vec![] })
        .await
        .expect("full");
    assert_eq!((full.number.as_str(), full.total, full.lines.len()), ("CN-2027-0002", money(4_200, "USD"), 1));
    let got = h.svc.get_invoice(&ctx, other.id).await.expect("get");
    assert_eq!((got.status, got.balance), (InvoiceStatus::Paid, money(0, "USD")));
    let notes = h.svc.list_credit_notes(&ctx, inv.id, atrium_kernel::PageRequest::first(50)).await.expect("list");
    assert_eq!(notes.items.len(), 1);
}

async fn only_an_unpaid_issued_invoice_can_be_voided(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (engagement, _) = h.engagement(&ctx).await;
    let draft = h.draft(&ctx, engagement, "USD", vec![line("Work", 1000, 100, None)]).await;
    let err = h.svc.void_invoice(&ctx, draft.id, IfMatch(None)).await.expect_err("draft");
    assert_eq!(status_of(&err), 409);
    let inv = h.issued(&ctx, engagement, 5_000).await;
    let voided = h.svc.void_invoice(&ctx, inv.id, IfMatch(None)).await.expect("void");
    assert_eq!((voided.status, voided.number), (InvoiceStatus::Void, inv.number.clone()));
    let paid = h.issued(&ctx, engagement, 5_000).await;
    assert_eq!(paid.number.as_deref(), Some("INV-2027-0002"), "a voided number is never reused");
    h.svc
        .record_payment(
            &ctx,
            paid.id,
            PaymentIn { amount: money(1, "USD"), received_on: day(2027, 1, 20), method: None, reference: None },
        )
        .await
        .expect("pay");
    let err = h.svc.void_invoice(&ctx, paid.id, IfMatch(None)).await.expect_err("paid");
    assert_eq!(status_of(&err), 409);
}

async fn another_orgs_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let mine = h.org().await;
    let theirs = h.org().await;
    let (their_engagement, _) = h.engagement(&theirs).await;
    let (my_engagement, _) = h.engagement(&mine).await;
    let their_invoice = h.issued(&theirs, their_engagement, 1_000).await;
    let their_rate = h
        .svc
        .create_tax_rate(&theirs, TaxRateIn { name: text("VAT"), basis_points: 2000, inclusive: false })
        .await
        .expect("rate");
    let before = h.snapshot().await;
    let input = InvoiceIn {
        engagement_id: their_engagement,
        currency: None,
        payment_terms_days: None,
        notes: None,
        lines: vec![],
    };
    assert_eq!(status_of(&h.svc.create_invoice(&mine, input).await.expect_err("engagement")), 404);
    let input = InvoiceIn {
        engagement_id: my_engagement,
        currency: None,
        payment_terms_days: None,
        notes: None,
        lines: vec![line("x", 1000, 1, Some(their_rate.id))],
    };
    assert_eq!(status_of(&h.svc.create_invoice(&mine, input).await.expect_err("tax rate")), 404);
    assert_eq!(status_of(&h.svc.get_invoice(&mine, their_invoice.id).await.expect_err("get")), 404);
    let pay = PaymentIn { amount: money(1, "USD"), received_on: day(2027, 1, 20), method: None, reference: None };
    assert_eq!(status_of(&h.svc.record_payment(&mine, their_invoice.id, pay).await.expect_err("pay")), 404);
    assert_eq!(status_of(&h.svc.void_invoice(&mine, their_invoice.id, IfMatch(None)).await.expect_err("void")), 404);
    let filter = InvoiceFilter { engagement_id: Some(their_engagement), ..InvoiceFilter::default() };
    let err = h.svc.list_invoices(&mine, &filter, atrium_kernel::PageRequest::first(50)).await.expect_err("filter");
    assert_eq!(status_of(&err), 404);
    assert_eq!(h.snapshot().await, before);
    let listed = h
        .svc
        .list_invoices(&mine, &InvoiceFilter::default(), atrium_kernel::PageRequest::first(50))
        .await
        .expect("list");
    assert!(listed.items.is_empty());
}
