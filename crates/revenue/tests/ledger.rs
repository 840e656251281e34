//! Ledger sync against a QuickBooks Online stand-in (a real HTTP server in the
//! test process, in QBO's documented shapes), on real SQLite and PostgreSQL:
//! connect and token exchange, mappings validated against the ledger's lists,
//! a 429 waited out, one record refused while the others go, a crash after the
//! ledger created a record then a rerun that creates nothing twice, a conflict
//! flagged and not overwritten, a payment pulled back marking the invoice paid,
//! a 401 refreshed, a revoked grant → `auth_failed` with its event, and another
//! organization's connection and runs not found.

#![allow(clippy::disallowed_methods)]

use std::sync::Arc;
use std::time::Duration;

#[path = "support/fake_qbo.rs"]
mod fake_qbo;
#[path = "support/fake_xero.rs"]
mod fake_xero;
#[path = "support/no_files.rs"]
mod no_files;
#[path = "support/no_projects.rs"]
mod no_projects;

use async_trait::async_trait;
use atrium_kernel::vault::{ColumnVault, KeyRing};
use atrium_kernel::{
    AppError, Clock, Currency, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, PageRequest, Principal, Role, Text,
    UserId,
};
use atrium_outbox::entity::event;
use atrium_revenue::dto::{
    BillIn, BillLineIn, BillOut, BillPaymentIn, BillPaymentReverseIn, BillStatus, Keep, LinkFilter, LinkStatus,
    RecordKind, ResolveIn, TaxRateId, TaxRateIn, VendorId,
};
use atrium_revenue::dto::{
    CallbackQuery, ClientCompanyId, ConnectionStatus, EngagementId, InvoiceIn, InvoiceStatus, IssueIn, LineIn,
    MappingIn, MappingKind, PaymentIn, Quantity, VendorIn, VendorPatch,
};
use atrium_revenue::{
    EngagementRef, Engagements, LEDGER_ACCESS_TOKEN_COLUMN, LEDGER_REFRESH_TOKEN_COLUMN, LedgerConfig, LedgerService,
    Members, Parties, PayablesService, Provider, ProviderConfig, RevenueService, VENDOR_TAX_ID_COLUMN,
};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

backend_tests!(
    quickbooks_sync_end_to_end,
    xero_sync_end_to_end,
    another_orgs_connection_and_runs_are_not_found,
    quickbooks_keep_remote_copies_edits_and_reversals_delete_payments,
    xero_keep_remote_copies_edits_and_reversals_delete_payments,
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
                currency: None,
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

struct NoMembers;

#[async_trait]
impl Members for NoMembers {
    async fn is_member(&self, _: OrganizationId, _: UserId) -> Result<bool, AppError> {
        Ok(true)
    }
    async fn members_with_role(&self, _: OrganizationId, _: Role) -> Result<Vec<UserId>, AppError> {
        Ok(Vec::new())
    }
}

struct Harness {
    ledger: LedgerService,
    revenue: RevenueService,
    payables: PayablesService,
    clock: Arc<FrozenClock>,
    conn: DatabaseConnection,
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 15, 9, 0, 0).single().expect("time")
}

/// Services against the fake of `provider` at `base`.
fn harness(db: &TestDb, provider: Provider, base: &str) -> Harness {
    let clock = Arc::new(FrozenClock::at(now()));
    let dyn_clock = clock.clone() as Arc<dyn Clock>;
    let ring = KeyRing::from_secret(b"ledger test secret");
    let engagements = Arc::new(TableEngagements(db.conn.clone()));
    let mut cfg = ProviderConfig::production(provider, "client-1".into(), "secret-1".into());
    cfg.api_base = base.to_owned();
    let quickbooks = (provider == Provider::Quickbooks).then(|| ProviderConfig {
        authorize_url: format!("{base}/connect/oauth2"),
        token_url: format!("{base}/oauth2/v1/tokens/bearer"),
        ..cfg.clone()
    });
    let xero = (provider == Provider::Xero).then(|| ProviderConfig {
        authorize_url: format!("{base}/identity/connect/authorize"),
        token_url: format!("{base}/connect/token"),
        ..cfg
    });
    let config = LedgerConfig {
        quickbooks,
        xero,
        redirect_base: "https://atrium.test".into(),
        max_retry_after: Duration::from_secs(5),
    };
    let ledger = LedgerService::new(
        db.conn.clone(),
        dyn_clock.clone(),
        Arc::new(FixedParties),
        config,
        ColumnVault::new(&ring, &LEDGER_ACCESS_TOKEN_COLUMN),
        ColumnVault::new(&ring, &LEDGER_REFRESH_TOKEN_COLUMN),
    );
    let revenue = RevenueService::new(
        db.conn.clone(),
        dyn_clock.clone(),
        engagements.clone(),
        Arc::new(FixedParties),
        Arc::new(no_projects::NoProjects),
    );
    let payables = PayablesService::new(
        db.conn.clone(),
        dyn_clock,
        engagements,
        Arc::new(NoMembers),
        Arc::new(no_files::NoFiles),
        ColumnVault::new(&ring, &VENDOR_TAX_ID_COLUMN),
    );
    Harness { ledger, revenue, payables, clock, conn: db.conn.clone() }
}

fn text<const N: usize>(s: &str) -> Text<N> {
    Text::parse(s).expect("valid text")
}

fn usd(minor: i64) -> Money {
    Money::new(minor, "USD".parse::<Currency>().expect("usd"))
}

fn status_of(e: &AppError) -> u16 {
    e.to_problem().status
}

fn field_of(e: &AppError) -> Option<String> {
    match e {
        AppError::Validation(errs) => errs.first().map(|f| f.field.clone()),
        _ => None,
    }
}

impl Harness {
    async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        let user: UserId = atrium_testkit::seed_user(&self.conn).await.into();
        OrgCtx { org_id: org, principal: Principal::User(user), role: Role::Owner }
    }

    async fn engagement(&self, ctx: &OrgCtx) -> EngagementId {
        let company = atrium_testkit::seed_company(&self.conn, ctx.org_id.into_uuid(), "Globex").await;
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
                company.into(),
                "Relaunch".into(),
                "fixed".into(),
                "active".into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed engagement");
        id.into()
    }

    async fn issued(&self, ctx: &OrgCtx, engagement: EngagementId, amount: i64) -> atrium_revenue::dto::InvoiceOut {
        self.issued_taxed(ctx, engagement, amount, None).await
    }

    async fn issued_taxed(
        &self,
        ctx: &OrgCtx,
        engagement: EngagementId,
        amount: i64,
        tax_rate_id: Option<TaxRateId>,
    ) -> atrium_revenue::dto::InvoiceOut {
        let line = LineIn {
            description: text("Work"),
            quantity: Quantity::from_milli(1000).expect("qty"),
            unit_price: usd(amount),
            tax_rate_id,
        };
        let input = InvoiceIn {
            engagement_id: engagement,
            currency: Some("USD".parse().expect("usd")),
            payment_terms_days: None,
            notes: None,
            lines: vec![line],
        };
        let d = self.revenue.create_invoice(ctx, input).await.expect("draft");
        self.revenue.issue_invoice(ctx, d.id, IssueIn::default(), IfMatch(None)).await.expect("issue")
    }

    /// Connects through the OAuth round trip; QBO names its realm on the callback,
    /// Xero's tenant is found through `/connections`.
    async fn connect(&self, ctx: &OrgCtx, provider: Provider) {
        let start = self.ledger.start_connect(ctx, provider).await.expect("start");
        assert!(start.authorize_url.contains("client_id=client-1"), "{}", start.authorize_url);
        assert!(start.authorize_url.contains(&format!("state={}", start.state)));
        let (realm, tenant) = match provider {
            Provider::Quickbooks => (Some(fake_qbo::REALM.to_owned()), fake_qbo::REALM),
            Provider::Xero => (None, fake_xero::TENANT),
        };
        let q =
            CallbackQuery { code: Some("good-code".into()), state: Some(start.state), realm_id: realm, error: None };
        let c = self.ledger.finish_connect(ctx, provider, q).await.expect("callback");
        assert_eq!((c.status, c.tenant.as_deref()), (ConnectionStatus::Connected, Some(tenant)));
    }

    async fn map(&self, ctx: &OrgCtx, kind: MappingKind, remote: &str) {
        let input = MappingIn { kind, local_key: "default".into(), remote_id: remote.into() };
        self.ledger.set_mapping(ctx, input).await.expect("mapping");
    }

    async fn events(&self, ctx: &OrgCtx, ty: &str) -> usize {
        event::Entity::find()
            .filter(event::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(event::Column::EventType.eq(ty))
            .all(&self.conn)
            .await
            .expect("events")
            .len()
    }
}

async fn quickbooks_sync_end_to_end(db: &TestDb) {
    let (base, books) = fake_qbo::start().await;
    let h = harness(db, Provider::Quickbooks, &base);
    let ctx = h.org().await;

    // Connect: a wrong state is refused; the right one exchanges the code and seals the tokens.
    let start = h.ledger.start_connect(&ctx, Provider::Quickbooks).await.expect("start");
    let bad = CallbackQuery {
        code: Some("good-code".into()),
        state: Some("forged".into()),
        realm_id: Some(fake_qbo::REALM.into()),
        error: None,
    };
    let err = h.ledger.finish_connect(&ctx, Provider::Quickbooks, bad).await.expect_err("forged state");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("state")));
    drop(start);
    h.connect(&ctx, Provider::Quickbooks).await;
    let stored = h
        .conn
        .query_one(
            &Query::select()
                .column(Alias::new("access_token_ciphertext"))
                .from(Alias::new("ledger_connections"))
                .and_where(Expr::col(Alias::new("organization_id")).eq(ctx.org_id.into_uuid()))
                .to_owned(),
        )
        .await
        .expect("row")
        .expect("connection");
    let sealed: String = stored.try_get("", "access_token_ciphertext").expect("column");
    assert!(!sealed.contains("at-1"), "the access token is sealed at rest");
    assert_eq!(h.events(&ctx, "revenue.ledger.connected").await, 1);

    // Mappings are validated against the ledger's lists.
    let bad = MappingIn { kind: MappingKind::IncomeAccount, local_key: "default".into(), remote_id: "999".into() };
    let err = h.ledger.set_mapping(&ctx, bad).await.expect_err("not in the ledger");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("remote_id")));
    h.map(&ctx, MappingKind::IncomeAccount, "1").await;
    h.map(&ctx, MappingKind::BankAccount, "35").await;
    h.map(&ctx, MappingKind::ExpenseAccount, "7").await;
    assert_eq!(h.ledger.list_mappings(&ctx).await.expect("list").len(), 3);

    // Records: two invoices (the first paid in part in Atrium), two vendors (one the ledger refuses).
    let engagement = h.engagement(&ctx).await;
    let first = h.issued(&ctx, engagement, 40_000).await;
    let second = h.issued(&ctx, engagement, 25_000).await;
    let pay = PaymentIn {
        amount: usd(10_000),
        received_on: atrium_kernel::Date::new(NaiveDate::from_ymd_opt(2027, 1, 14).expect("d")).expect("date"),
        method: None,
        reference: None,
    };
    h.revenue.record_payment(&ctx, first.id, pay).await.expect("payment");
    let vendor_in = |name: &str| VendorIn {
        name: text(name),
        email: None,
        tax_id: None,
        default_currency: None,
        payment_terms_days: None,
    };
    let northwind = h.payables.create_vendor(&ctx, vendor_in("Northwind")).await.expect("vendor");
    h.payables.create_vendor(&ctx, vendor_in("Rejected Supplies")).await.expect("vendor");

    // Run 1: a 429 is waited out; the ledger refuses one vendor; the process "dies"
    // after QBO created the first invoice (the answer never arrives).
    {
        let mut b = books.lock().expect("books");
        b.rate_limit_next = 1;
        b.crash_on_create = Some("Invoice".into());
    }
    let run1 = h.ledger.sync_now(&ctx).await.expect("run 1");
    assert_eq!(run1.status, "partial");
    assert_eq!(books.lock().expect("books").rate_limited, 1, "the 429 was retried after Retry-After");
    let messages: Vec<String> = run1.errors.iter().map(|e| format!("{} {}", e.record_type, e.message)).collect();
    assert!(messages.iter().any(|m| m.starts_with("vendor") && m.contains("blocked")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("invoice")), "{messages:?}");
    {
        let b = books.lock().expect("books");
        assert_eq!((b.count("Customer"), b.count("Vendor"), b.count("Invoice")), (1, 1, 2));
    }

    // Run 2 resumes: the crashed invoice is the same request (requestid), nothing twice.
    let run2 = h.ledger.sync_now(&ctx).await.expect("run 2");
    {
        let b = books.lock().expect("books");
        assert_eq!((b.count("Customer"), b.count("Vendor"), b.count("Invoice"), b.count("Payment")), (1, 1, 2, 1));
    }
    assert_eq!(run2.errors.len(), 1, "only the refused vendor remains: {:?}", run2.errors);
    assert!(run2.skipped >= 3, "customer, vendor and the other invoice were in sync: {run2:?}");

    // A conflict: the vendor changed in Atrium and in QuickBooks; flagged, not overwritten.
    let remote_vendor = books.lock().expect("books").objects["Vendor"][0]["Id"].as_str().expect("id").to_owned();
    books.lock().expect("books").edit("Vendor", &remote_vendor);
    let patch = VendorPatch { name: Some(text("Northwind Traders")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, northwind.id, patch, IfMatch(None)).await.expect("rename");
    let run3 = h.ledger.sync_now(&ctx).await.expect("run 3");
    assert_eq!(run3.conflicts, 1, "{run3:?}");
    assert_eq!(books.lock().expect("books").objects["Vendor"][0]["DisplayName"], "Northwind", "not overwritten");

    // Decided for Atrium: the next run pushes its name over QuickBooks' current version.
    let conflicts = h.ledger.list_links(&ctx, &in_conflict(), PageRequest::default()).await.expect("links");
    assert_eq!(conflicts.items.len(), 1);
    let link = &conflicts.items[0];
    assert_eq!((link.record_type, link.record_id), (RecordKind::Vendor, northwind.id.into_uuid()));
    let resolved = h.ledger.resolve_link(&ctx, link.id, ResolveIn { keep: Keep::Local }).await.expect("keep Atrium's");
    assert_eq!((resolved.status, resolved.remote_version.as_deref()), (LinkStatus::Synced, Some("1")));
    assert_eq!(h.events(&ctx, "revenue.ledger.conflict_resolved").await, 1);

    // Pull: a payment recorded in QuickBooks against the second invoice marks it paid, once.
    let remote_invoice = {
        let b = books.lock().expect("books");
        let marker = format!("atrium:{}", second.id);
        b.objects["Invoice"].iter().find(|o| o["PrivateNote"] == marker.as_str()).expect("pushed")["Id"].clone()
    };
    books.lock().expect("books").payments.push(json!({
        "Id": "P-77", "SyncToken": "0", "TotalAmt": 250.0, "TxnDate": "2027-01-15", "CurrencyRef": {"value": "USD"},
        "Line": [{"Amount": 250.0, "LinkedTxn": [{"TxnId": remote_invoice, "TxnType": "Invoice"}]}]
    }));
    let run4 = h.ledger.sync_now(&ctx).await.expect("run 4");
    assert_eq!(run4.pulled, 1, "{run4:?}");
    let paid = h.revenue.get_invoice(&ctx, second.id).await.expect("invoice");
    assert_eq!(paid.status, InvoiceStatus::Paid);
    assert_eq!((run4.conflicts, run4.pushed), (0, 1), "{run4:?}");
    assert_eq!(books.lock().expect("books").objects["Vendor"][0]["DisplayName"], "Northwind Traders");
    let run5 = h.ledger.sync_now(&ctx).await.expect("run 5");
    assert_eq!(run5.pulled, 0, "the same ledger payment is not pulled twice");
    assert_eq!(books.lock().expect("books").count("Payment"), 1, "a pulled payment is not pushed back");

    // A 401 (token revoked server side) refreshes once and goes on.
    books.lock().expect("books").access_token = "rotated-elsewhere".into();
    h.ledger.sync_now(&ctx).await.expect("run after 401");
    assert_eq!(books.lock().expect("books").refreshes, 1);

    // Expiry: refreshed before the token runs out.
    h.clock.advance(chrono::Duration::minutes(58));
    h.ledger.sync_now(&ctx).await.expect("run near expiry");
    assert_eq!(books.lock().expect("books").refreshes, 2);

    // A revoked grant: auth_failed with its event, and the run says why.
    books.lock().expect("books").revoked = true;
    h.clock.advance(chrono::Duration::hours(2));
    let failed = h.ledger.sync_now(&ctx).await.expect("run with a revoked grant");
    assert_eq!(failed.status, "failed");
    assert!(failed.errors[0].message.contains("invalid_grant"), "{:?}", failed.errors);
    let c = h.ledger.get_connection(&ctx).await.expect("connection");
    assert_eq!(c.status, ConnectionStatus::AuthFailed);
    assert_eq!(h.events(&ctx, "revenue.ledger.auth_failed").await, 1);
    let err = h.ledger.sync_now(&ctx).await.expect_err("needs connecting again");
    assert_eq!(status_of(&err), 409);

    let runs = h.ledger.list_runs(&ctx, PageRequest::default()).await.expect("runs");
    assert_eq!(runs.items.first().map(|r| r.id), Some(failed.id), "newest first");
    assert_eq!(h.events(&ctx, "revenue.ledger.sync_finished").await, 8);
}

fn vendor_in(name: &str) -> VendorIn {
    VendorIn { name: text(name), email: None, tax_id: None, default_currency: None, payment_terms_days: None }
}

fn day(y: i32, m: u32, d: u32) -> atrium_kernel::Date {
    atrium_kernel::Date::new(NaiveDate::from_ymd_opt(y, m, d).expect("d")).expect("date")
}

fn messages(run: &atrium_revenue::dto::SyncRunOut) -> Vec<String> {
    run.errors.iter().map(|e| format!("{} {}", e.record_type, e.message)).collect()
}

fn in_conflict() -> LinkFilter {
    LinkFilter { status: Some(LinkStatus::Conflict), record_type: None }
}

/// The run's errors other than conflicts still flagged.
fn problems(run: &atrium_revenue::dto::SyncRunOut) -> Vec<String> {
    messages(run).into_iter().filter(|m| !m.contains(" conflict: ")).collect()
}

/// The same journey against the Xero fake, plus what is Xero's own: the tenant
/// found through `/connections`, `Xero-tenant-id` on every call, creates replayed
/// by `Idempotency-Key` (bills keep no `Reference` in Xero), a refused record
/// sent again as a new request once corrected, `UpdatedDateUTC` as the version,
/// the minute limit waited out and the daily limit stopping the run (resumed by
/// the next), and payments pulled with `If-Modified-Since`.
async fn xero_sync_end_to_end(db: &TestDb) {
    let (base, books) = fake_xero::start(now()).await;
    let h = harness(db, Provider::Xero, &base);
    let ctx = h.org().await;
    h.connect(&ctx, Provider::Xero).await;
    assert_eq!(h.events(&ctx, "revenue.ledger.connected").await, 1);

    // Mappings against Xero's accounts (by type) and tax types.
    let vat = h
        .revenue
        .create_tax_rate(&ctx, TaxRateIn { name: text("VAT 20%"), basis_points: 2000, inclusive: false })
        .await
        .expect("tax rate");
    let wrong_type = MappingIn { kind: MappingKind::BankAccount, local_key: "default".into(), remote_id: "200".into() };
    let err = h.ledger.set_mapping(&ctx, wrong_type).await.expect_err("a revenue account is not a bank");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("remote_id")));
    h.map(&ctx, MappingKind::IncomeAccount, "200").await;
    h.map(&ctx, MappingKind::BankAccount, "090").await;
    h.map(&ctx, MappingKind::ExpenseAccount, "310").await;
    let tax = MappingIn { kind: MappingKind::TaxRate, local_key: vat.id.to_string(), remote_id: "OUTPUT2".into() };
    h.ledger.set_mapping(&ctx, tax).await.expect("tax mapping");

    // Records: two invoices (the first paid in part in Atrium, the second taxed),
    // two vendors (Xero refuses one), an approved bill paid in part.
    let engagement = h.engagement(&ctx).await;
    let first = h.issued(&ctx, engagement, 40_000).await;
    let second = h.issued_taxed(&ctx, engagement, 25_000, Some(vat.id)).await;
    let pay = PaymentIn { amount: usd(10_000), received_on: day(2027, 1, 14), method: None, reference: None };
    h.revenue.record_payment(&ctx, first.id, pay).await.expect("payment");
    let northwind = h.payables.create_vendor(&ctx, vendor_in("Northwind")).await.expect("vendor");
    let refused = h.payables.create_vendor(&ctx, vendor_in("Rejected Supplies")).await.expect("vendor");
    let line = BillLineIn {
        description: text("Printing"),
        account: None,
        quantity: Quantity::from_milli(1000).expect("qty"),
        unit_price: usd(12_000),
        tax_rate_id: None,
    };
    let bill = BillIn {
        vendor_id: Some(northwind.id),
        engagement_id: None,
        vendor_reference: Some(text("NW-0113")),
        bill_date: day(2027, 1, 10),
        due_date: None,
        currency: None,
        notes: None,
        lines: vec![line],
    };
    let bill = h.payables.create_bill(&ctx, bill).await.expect("bill");
    let bill = h.payables.submit_bill(&ctx, bill.id, IfMatch(None)).await.expect("no rule: approved");
    assert_eq!(bill.status, BillStatus::Approved);
    let bill_pay = BillPaymentIn { amount: usd(5_000), paid_on: day(2027, 1, 14), method: None, reference: None };
    h.payables.record_bill_payment(&ctx, bill.id, bill_pay).await.expect("bill payment");

    // Run 1: a minute-limit 429 is waited out; Xero refuses one contact; the process
    // "dies" after Xero created the first invoice and the bill (answers lost).
    {
        let mut b = books.lock().expect("books");
        b.rate_limit_next = 1;
        b.crash_on_create = vec!["Invoices/ACCREC".into(), "Invoices/ACCPAY".into()];
    }
    let run1 = h.ledger.sync_now(&ctx).await.expect("run 1");
    assert_eq!(run1.status, "partial");
    assert_eq!(books.lock().expect("books").rate_limited, 1, "the 429 was retried after Retry-After");
    let m = messages(&run1);
    assert!(m.iter().any(|m| m.starts_with("vendor") && m.contains("has been archived")), "{m:?}");
    assert!(m.iter().any(|m| m.starts_with("invoice")), "{m:?}");
    assert!(m.iter().any(|m| m.starts_with("bill ")), "{m:?}");
    assert!(m.iter().any(|m| m.starts_with("payment") && m.contains("not in the ledger yet")), "{m:?}");
    assert!(m.iter().any(|m| m.starts_with("bill_payment") && m.contains("not in the ledger yet")), "{m:?}");
    {
        let b = books.lock().expect("books");
        let counts =
            (b.count("Contacts", None), b.count("Invoices", Some("ACCREC")), b.count("Invoices", Some("ACCPAY")));
        assert_eq!(counts, (2, 2, 1));
        let taxed = b.find("Invoices", "Reference", &format!("atrium:{}", second.id)).expect("pushed");
        assert_eq!(
            (&taxed["LineItems"][0]["TaxType"], &taxed["LineItems"][0]["AccountCode"]),
            (&json!("OUTPUT2"), &json!("200"))
        );
        let bill = b.find("Invoices", "Type", "ACCPAY").expect("bill");
        assert_eq!(bill["Reference"], serde_json::Value::Null, "Xero keeps no bill reference");
    }

    // Run 2 resumes: the invoice is found by its reference, the bill's create is
    // replayed by its Idempotency-Key; nothing twice, and the payments follow.
    let run2 = h.ledger.sync_now(&ctx).await.expect("run 2");
    {
        let b = books.lock().expect("books");
        let counts = (
            b.count("Contacts", None),
            b.count("Invoices", Some("ACCREC")),
            b.count("Invoices", Some("ACCPAY")),
            b.count("Payments", None),
        );
        assert_eq!(counts, (2, 2, 1, 2), "nothing created twice");
        let bill_payment = b.objects["Payments"].iter().find(|p| p["Invoice"]["Type"] == "ACCPAY").expect("paid");
        assert_eq!((&bill_payment["Amount"], &bill_payment["Account"]["Code"]), (&json!(50.0), &json!("090")));
    }
    assert_eq!(messages(&run2).len(), 1, "only the refused vendor remains: {:?}", run2.errors);

    // The refused vendor, corrected, goes as a new request (the old key would replay the refusal).
    let patch = VendorPatch { name: Some(text("Rejected Supplies Ltd")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, refused.id, patch, IfMatch(None)).await.expect("rename");
    let run3 = h.ledger.sync_now(&ctx).await.expect("run 3");
    assert_eq!((run3.status.as_str(), run3.pushed), ("completed", 1), "{run3:?}");
    assert_eq!(books.lock().expect("books").count("Contacts", None), 3);

    // A conflict: Northwind edited in Xero and in Atrium; flagged, not overwritten.
    // The other vendor, changed only in Atrium, is updated.
    let remote_northwind = books
        .lock()
        .expect("books")
        .find("Contacts", "ContactNumber", &format!("atrium:{}", northwind.id))
        .expect("pushed")["ContactID"]
        .as_str()
        .expect("id")
        .to_owned();
    books.lock().expect("books").edit("Contacts", &remote_northwind, "Name", "Northwind Ltd");
    let patch = VendorPatch { name: Some(text("Northwind Traders")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, northwind.id, patch, IfMatch(None)).await.expect("rename");
    let patch = VendorPatch { name: Some(text("Rejected Supplies Limited")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, refused.id, patch, IfMatch(None)).await.expect("rename");
    let run4 = h.ledger.sync_now(&ctx).await.expect("run 4");
    assert_eq!((run4.conflicts, run4.pushed), (1, 1), "{run4:?}");
    {
        let b = books.lock().expect("books");
        assert_eq!(b.find("Contacts", "ContactID", &remote_northwind).expect("contact")["Name"], "Northwind Ltd");
        assert!(b.find("Contacts", "Name", "Rejected Supplies Limited").is_some(), "updated in Xero");
    }

    // Pull: a payment recorded in Xero against the taxed invoice (300.00) marks it paid, once.
    {
        let mut b = books.lock().expect("books");
        let invoice_id =
            b.find("Invoices", "Reference", &format!("atrium:{}", second.id)).expect("pushed")["InvoiceID"].clone();
        let stamp = b.stamp();
        let paid = json!({"PaymentID": "9d1c0000-0000-4000-8000-000000000077", "Amount": 300.0, "Status": "AUTHORISED",
            "Date": "/Date(1800000000000+0000)/", "UpdatedDateUTC": stamp,
            "Invoice": {"InvoiceID": invoice_id, "Type": "ACCREC", "CurrencyCode": "USD"}});
        b.objects.entry("Payments".into()).or_default().push(paid);
    }
    let run5 = h.ledger.sync_now(&ctx).await.expect("run 5");
    assert_eq!(run5.pulled, 1, "{run5:?}");
    assert_eq!(h.revenue.get_invoice(&ctx, second.id).await.expect("invoice").status, InvoiceStatus::Paid);
    let calls = books.lock().expect("books").calls;
    let run6 = h.ledger.sync_now(&ctx).await.expect("run 6");
    assert_eq!(run6.pulled, 0, "the same Xero payment is not pulled twice");
    assert_eq!(books.lock().expect("books").calls - calls, 1, "nothing changed: only the payments are read");
    {
        let b = books.lock().expect("books");
        assert_eq!(b.count("Payments", None), 3, "a pulled payment is not pushed back");
        assert_eq!(b.modified_since.first(), Some(&None), "the first pull reads everything");
        assert_eq!(
            b.modified_since.last().cloned().flatten().as_deref(),
            Some("Fri, 15 Jan 2027 09:00:00 GMT"),
            "later pulls ask for changes since the watermark"
        );
    }

    // A 401 (token expired early) refreshes once (the refresh token rotates) and goes on.
    books.lock().expect("books").access_token = "expired-elsewhere".into();
    let run7 = h.ledger.sync_now(&ctx).await.expect("run after 401");
    assert_eq!((problems(&run7), books.lock().expect("books").refreshes), (vec![], 1));
    assert_eq!(run7.conflicts, 1, "the conflict stays flagged until resolved");
    // Xero's access tokens live 30 minutes: refreshed before they run out.
    h.clock.advance(chrono::Duration::minutes(26));
    h.ledger.sync_now(&ctx).await.expect("run near expiry");
    assert_eq!(books.lock().expect("books").refreshes, 2);

    // The daily limit: not waited for, the run stops and says so; the next run resumes.
    let patch = VendorPatch { name: Some(text("Rejected Supplies Limited UK")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, refused.id, patch, IfMatch(None)).await.expect("rename");
    {
        let mut b = books.lock().expect("books");
        b.rate_limit_next = 1;
        b.rate_problem = "day".into();
        b.retry_after = 1;
    }
    let limited = h.ledger.sync_now(&ctx).await.expect("run at the daily limit");
    assert_eq!(limited.status, "failed", "{limited:?}");
    assert!(messages(&limited).iter().any(|m| m.contains("rate limited")), "{limited:?}");
    assert_eq!(books.lock().expect("books").rate_limited, 2, "the daily limit is not retried");
    let resumed = h.ledger.sync_now(&ctx).await.expect("resumed");
    assert_eq!((problems(&resumed), resumed.pushed), (vec![], 1), "{resumed:?}");

    // The conflict decided for Xero: Atrium's conflicting name is not pushed; a
    // later change in Atrium is. Another organization cannot see or decide it.
    let conflicts = h.ledger.list_links(&ctx, &in_conflict(), PageRequest::default()).await.expect("links");
    assert_eq!(conflicts.items.len(), 1);
    let link = &conflicts.items[0];
    assert_eq!(
        (link.record_type, link.record_id, link.remote_id.as_deref()),
        (RecordKind::Vendor, northwind.id.into_uuid(), Some(remote_northwind.as_str()))
    );
    let keep_remote = || ResolveIn { keep: Keep::Remote };
    let other = h.org().await;
    assert_eq!(status_of(&h.ledger.get_link(&other, link.id).await.expect_err("theirs")), 404);
    assert_eq!(status_of(&h.ledger.resolve_link(&other, link.id, keep_remote()).await.expect_err("theirs")), 404);
    let resolved = h.ledger.resolve_link(&ctx, link.id, keep_remote()).await.expect("keep Xero's");
    assert_eq!(resolved.status, LinkStatus::Synced);
    assert_eq!(status_of(&h.ledger.resolve_link(&ctx, link.id, keep_remote()).await.expect_err("decided")), 409);
    assert_eq!(h.events(&ctx, "revenue.ledger.conflict_resolved").await, 1);
    let kept = h.ledger.sync_now(&ctx).await.expect("after keeping Xero's");
    assert_eq!((kept.status.as_str(), kept.pushed, kept.conflicts), ("completed", 0, 0), "{kept:?}");
    assert_eq!(
        books.lock().expect("books").find("Contacts", "ContactID", &remote_northwind).expect("c")["Name"],
        "Northwind Ltd"
    );
    let patch = VendorPatch { name: Some(text("Northwind Group")), ..VendorPatch::default() };
    h.payables.update_vendor(&ctx, northwind.id, patch, IfMatch(None)).await.expect("rename");
    let later = h.ledger.sync_now(&ctx).await.expect("a later change");
    assert_eq!((later.status.as_str(), later.pushed), ("completed", 1), "{later:?}");
    assert_eq!(
        books.lock().expect("books").find("Contacts", "ContactID", &remote_northwind).expect("c")["Name"],
        "Northwind Group"
    );
    let synced = LinkFilter { status: Some(LinkStatus::Synced), record_type: Some(RecordKind::Vendor) };
    assert_eq!(h.ledger.list_links(&ctx, &synced, PageRequest::default()).await.expect("links").items.len(), 2);

    // A revoked grant: auth_failed with its event, and the run says why.
    books.lock().expect("books").revoked = true;
    h.clock.advance(chrono::Duration::hours(1));
    let failed = h.ledger.sync_now(&ctx).await.expect("run with a revoked grant");
    assert_eq!(failed.status, "failed");
    assert!(failed.errors[0].message.contains("invalid_grant"), "{:?}", failed.errors);
    assert_eq!(h.ledger.get_connection(&ctx).await.expect("connection").status, ConnectionStatus::AuthFailed);
    assert_eq!(h.events(&ctx, "revenue.ledger.auth_failed").await, 1);
    assert_eq!(status_of(&h.ledger.sync_now(&ctx).await.expect_err("needs connecting again")), 409);

    assert_eq!(books.lock().expect("books").wrong_tenant, 0, "every call named the tenant");
    assert_eq!(h.events(&ctx, "revenue.ledger.sync_finished").await, 13);
}

async fn another_orgs_connection_and_runs_are_not_found(db: &TestDb) {
    let (base, _books) = fake_qbo::start().await;
    let h = harness(db, Provider::Quickbooks, &base);
    let ours = h.org().await;
    let theirs = h.org().await;
    h.connect(&ours, Provider::Quickbooks).await;
    let run = h.ledger.sync_now(&ours).await.expect("run");
    assert_eq!(status_of(&h.ledger.get_connection(&theirs).await.expect_err("theirs")), 404);
    assert_eq!(status_of(&h.ledger.get_run(&theirs, run.id).await.expect_err("their run")), 404);
    assert!(h.ledger.list_runs(&theirs, PageRequest::default()).await.expect("runs").items.is_empty());
    // Their callback cannot finish our authorization.
    let start = h.ledger.start_connect(&ours, Provider::Quickbooks).await.expect("start");
    let q = CallbackQuery {
        code: Some("good-code".into()),
        state: Some(start.state),
        realm_id: Some(fake_qbo::REALM.into()),
        error: None,
    };
    assert_eq!(status_of(&h.ledger.finish_connect(&theirs, Provider::Quickbooks, q).await.expect_err("theirs")), 404);
    let err = h.ledger.sync_now(&theirs).await.expect_err("no connection");
    assert_eq!(status_of(&err), 409);
}

/// What both providers' "keep the ledger's version" and reversal journeys share: a
/// taxed invoice, a vendor, a taxed approved bill paid in part, all pushed.
struct Pushed {
    ctx: OrgCtx,
    vat: TaxRateId,
    invoice: atrium_revenue::dto::InvoiceOut,
    vendor: VendorId,
    bill: BillOut,
    bill_payment: atrium_revenue::dto::BillPaymentOut,
}

impl Harness {
    async fn pushed(&self, provider: Provider, accounts: [&str; 4]) -> Pushed {
        let ctx = self.org().await;
        self.connect(&ctx, provider).await;
        let [income, bank, expense, tax] = accounts;
        self.map(&ctx, MappingKind::IncomeAccount, income).await;
        self.map(&ctx, MappingKind::BankAccount, bank).await;
        self.map(&ctx, MappingKind::ExpenseAccount, expense).await;
        let vat = self
            .revenue
            .create_tax_rate(&ctx, TaxRateIn { name: text("VAT 20%"), basis_points: 2000, inclusive: false })
            .await
            .expect("tax rate");
        let mapping = MappingIn { kind: MappingKind::TaxRate, local_key: vat.id.to_string(), remote_id: tax.into() };
        self.ledger.set_mapping(&ctx, mapping).await.expect("tax mapping");
        let engagement = self.engagement(&ctx).await;
        let invoice = self.issued_taxed(&ctx, engagement, 25_000, Some(vat.id)).await;
        let vendor = self.payables.create_vendor(&ctx, vendor_in("Northwind")).await.expect("vendor").id;
        let line = BillLineIn {
            description: text("Printing"),
            account: None,
            quantity: Quantity::from_milli(1000).expect("qty"),
            unit_price: usd(10_000),
            tax_rate_id: Some(vat.id),
        };
        let bill = BillIn {
            vendor_id: Some(vendor),
            engagement_id: None,
            vendor_reference: Some(text("NW-0113")),
            bill_date: day(2027, 1, 10),
            due_date: Some(day(2027, 2, 10)),
            currency: None,
            notes: None,
            lines: vec![line],
        };
        let bill = self.payables.create_bill(&ctx, bill).await.expect("bill");
        let bill = self.payables.submit_bill(&ctx, bill.id, IfMatch(None)).await.expect("no rule: approved");
        let pay = BillPaymentIn { amount: usd(5_000), paid_on: day(2027, 1, 14), method: None, reference: None };
        let bill_payment = self.payables.record_bill_payment(&ctx, bill.id, pay).await.expect("bill payment");
        let run = self.ledger.sync_now(&ctx).await.expect("first push");
        assert_eq!((run.status.as_str(), run.errors.len()), ("completed", 0), "{run:?}");
        Pushed { ctx, vat: vat.id, invoice, vendor, bill, bill_payment }
    }

    /// Atrium's side of a conflict on all three: the vendor renamed, and the tax
    /// code the invoice's and the bill's lines post to remapped.
    async fn change_locally(&self, p: &Pushed, new_tax_code: &str) {
        let patch = VendorPatch { name: Some(text("Northwind Ltd")), ..VendorPatch::default() };
        self.payables.update_vendor(&p.ctx, p.vendor, patch, IfMatch(None)).await.expect("rename");
        let mapping =
            MappingIn { kind: MappingKind::TaxRate, local_key: p.vat.to_string(), remote_id: new_tax_code.into() };
        self.ledger.set_mapping(&p.ctx, mapping).await.expect("remap");
    }

    /// Three conflicts, each decided for the ledger; the ledger's edits are now
    /// Atrium's, with their update events, and the next run pushes nothing.
    async fn keep_remote_everywhere(&self, p: &Pushed) {
        let ctx = &p.ctx;
        let run = self.ledger.sync_now(ctx).await.expect("conflicting run");
        assert_eq!(run.conflicts, 3, "vendor, invoice and bill changed on both sides: {run:?}");
        let before = (
            self.events(ctx, "revenue.vendor.updated").await,
            self.events(ctx, "revenue.bill.updated").await,
            self.events(ctx, "revenue.invoice.updated").await,
        );
        let conflicts = self.ledger.list_links(ctx, &in_conflict(), PageRequest::default()).await.expect("links");
        assert_eq!(conflicts.items.len(), 3);
        // Dedup holds: the ledger's name taken by another vendor is 409, and nothing is decided.
        let clash = self.payables.create_vendor(ctx, vendor_in("Northwind Trading")).await.expect("clash");
        let vendor_link = conflicts.items.iter().find(|l| l.record_type == RecordKind::Vendor).expect("vendor");
        let err = self.ledger.resolve_link(ctx, vendor_link.id, ResolveIn { keep: Keep::Remote }).await;
        assert_eq!(status_of(&err.expect_err("the name is taken")), 409);
        assert_eq!(self.ledger.get_link(ctx, vendor_link.id).await.expect("link").status, LinkStatus::Conflict);
        self.payables.delete_vendor(ctx, clash.id, IfMatch(None)).await.expect("delete the clash");
        for link in &conflicts.items {
            let resolved =
                self.ledger.resolve_link(ctx, link.id, ResolveIn { keep: Keep::Remote }).await.expect("keep ledger's");
            assert_eq!(resolved.status, LinkStatus::Synced);
        }
        let vendor = self.payables.get_vendor(ctx, p.vendor).await.expect("vendor");
        assert_eq!(
            (vendor.name.as_str(), vendor.email.as_deref()),
            ("Northwind Trading", Some("ap@northwind.example"))
        );
        let bill = self.payables.get_bill(ctx, p.bill.id).await.expect("bill");
        assert_eq!(
            (bill.due_date, bill.vendor_reference.as_deref(), bill.total),
            (NaiveDate::from_ymd_opt(2027, 3, 1), Some("NW-0113-R"), p.bill.total),
            "due date and reference copied; lines and amounts never"
        );
        let invoice = self.revenue.get_invoice(ctx, p.invoice.id).await.expect("invoice");
        assert_eq!((invoice.due_date, invoice.total), (NaiveDate::from_ymd_opt(2027, 3, 15), p.invoice.total));
        let after = (
            self.events(ctx, "revenue.vendor.updated").await,
            self.events(ctx, "revenue.bill.updated").await,
            self.events(ctx, "revenue.invoice.updated").await,
        );
        assert_eq!(after, (before.0 + 1, before.1 + 1, before.2 + 1), "one update event per record copied into");
        let copied = event::Entity::find()
            .filter(event::Column::OrganizationId.eq(ctx.org_id.into_uuid()))
            .filter(event::Column::EventType.eq("revenue.ledger.conflict_resolved"))
            .all(&self.conn)
            .await
            .expect("events");
        let mut fields: Vec<String> = copied
            .iter()
            .flat_map(|e| e.data["copied"].as_array().cloned().unwrap_or_default())
            .map(|v| v.to_string())
            .collect();
        fields.sort();
        assert_eq!(fields, ["\"due_date\"", "\"due_date\"", "\"email\"", "\"name\"", "\"vendor_reference\""]);
        let next = self.ledger.sync_now(ctx).await.expect("after keeping the ledger's");
        assert_eq!(
            (next.status.as_str(), next.conflicts, next.pushed),
            ("completed", 0, 0),
            "the copied records are not pushed back, nor flagged again: {next:?}"
        );
    }

    async fn reverse(&self, p: &Pushed) {
        let reason = BillPaymentReverseIn { reason: text("Bank returned the transfer") };
        self.payables.reverse_bill_payment(&p.ctx, p.bill_payment.id, reason, IfMatch(None)).await.expect("reverse");
    }

    async fn bill_payment_link(&self, p: &Pushed) -> atrium_revenue::dto::LinkOut {
        let f = LinkFilter { status: None, record_type: Some(RecordKind::BillPayment) };
        let links = self.ledger.list_links(&p.ctx, &f, PageRequest::default()).await.expect("links");
        links.items.into_iter().find(|l| l.record_id == p.bill_payment.id.into_uuid()).expect("linked")
    }

    /// A crash after the ledger deleted the payment but before Atrium marked it.
    async fn forget_removal(&self, p: &Pushed) {
        let stmt = Query::update()
            .table(Alias::new("ledger_links"))
            .value(Alias::new("remote_deleted_at"), Option::<chrono::DateTime<Utc>>::None)
            .and_where(Expr::col(Alias::new("local_id")).eq(p.bill_payment.id.into_uuid()))
            .to_owned();
        self.conn.execute(&stmt).await.expect("forget the mark");
    }
}

async fn quickbooks_keep_remote_copies_edits_and_reversals_delete_payments(db: &TestDb) {
    let (base, books) = fake_qbo::start().await;
    let h = harness(db, Provider::Quickbooks, &base);
    let p = h.pushed(Provider::Quickbooks, ["1", "35", "7", "TAX"]).await;
    {
        let mut b = books.lock().expect("books");
        let (vendor, bill, invoice) = (b.first_id("Vendor"), b.first_id("Bill"), b.first_id("Invoice"));
        b.set("Vendor", &vendor, "DisplayName", json!("Northwind Trading"));
        b.set("Vendor", &vendor, "PrimaryEmailAddr", json!({"Address": "ap@northwind.example"}));
        b.set("Bill", &bill, "DueDate", json!("2027-03-01"));
        b.set("Bill", &bill, "DocNumber", json!("NW-0113-R"));
        b.set("Invoice", &invoice, "DueDate", json!("2027-03-15"));
    }
    h.change_locally(&p, "NON").await;
    h.keep_remote_everywhere(&p).await;
    assert_eq!(books.lock().expect("books").objects["Vendor"][0]["DisplayName"], "Northwind Trading");

    // A reversed bill payment is deleted in QuickBooks, once.
    h.reverse(&p).await;
    let run = h.ledger.sync_now(&p.ctx).await.expect("push the reversal");
    assert_eq!((run.status.as_str(), run.pushed), ("completed", 1), "{run:?}");
    {
        let b = books.lock().expect("books");
        assert_eq!((b.count("BillPayment"), b.deleted.len()), (0, 1));
        assert_eq!(b.deleted[0]["PrivateNote"], format!("atrium:{}", p.bill_payment.id).as_str());
    }
    assert!(h.bill_payment_link(&p).await.remote_deleted_at.is_some());
    let again = h.ledger.sync_now(&p.ctx).await.expect("rerun");
    assert_eq!((again.status.as_str(), again.pushed), ("completed", 0), "{again:?}");
    // The mark lost in a crash: QuickBooks answers "not found" and that is done.
    h.forget_removal(&p).await;
    let after_crash = h.ledger.sync_now(&p.ctx).await.expect("after a crash");
    assert_eq!((after_crash.status.as_str(), after_crash.errors.len()), ("completed", 0), "{after_crash:?}");
    assert_eq!(books.lock().expect("books").deleted.len(), 1, "nothing deleted twice");
    assert!(h.bill_payment_link(&p).await.remote_deleted_at.is_some());
}

async fn xero_keep_remote_copies_edits_and_reversals_delete_payments(db: &TestDb) {
    let (base, books) = fake_xero::start(now()).await;
    let h = harness(db, Provider::Xero, &base);
    let p = h.pushed(Provider::Xero, ["200", "090", "310", "OUTPUT2"]).await;
    {
        let mut b = books.lock().expect("books");
        let id = |b: &fake_xero::Books, resource: &str, field: &str, value: &str, id_field: &str| {
            b.find(resource, field, value).expect("pushed")[id_field].as_str().expect("id").to_owned()
        };
        let vendor = id(&b, "Contacts", "ContactNumber", &format!("atrium:{}", p.vendor), "ContactID");
        let bill = id(&b, "Invoices", "Type", "ACCPAY", "InvoiceID");
        let invoice = id(&b, "Invoices", "Reference", &format!("atrium:{}", p.invoice.id), "InvoiceID");
        b.edit("Contacts", &vendor, "Name", "Northwind Trading");
        b.edit("Contacts", &vendor, "EmailAddress", "ap@northwind.example");
        b.edit("Invoices", &bill, "DueDate", "2027-03-01");
        b.edit("Invoices", &bill, "InvoiceNumber", "NW-0113-R");
        b.edit("Invoices", &invoice, "DueDate", "2027-03-15T00:00:00");
    }
    h.change_locally(&p, "NONE").await;
    h.keep_remote_everywhere(&p).await;

    // A reversed bill payment is deleted in Xero (`Status: DELETED`), once.
    h.reverse(&p).await;
    let run = h.ledger.sync_now(&p.ctx).await.expect("push the reversal");
    assert_eq!((run.status.as_str(), run.pushed), ("completed", 1), "{run:?}");
    let deleted = |b: &fake_xero::Books| {
        b.find("Payments", "Reference", &format!("atrium:{}", p.bill_payment.id)).expect("payment")["Status"].clone()
    };
    assert_eq!(deleted(&books.lock().expect("books")), "DELETED");
    assert!(h.bill_payment_link(&p).await.remote_deleted_at.is_some());
    let calls = books.lock().expect("books").calls;
    let again = h.ledger.sync_now(&p.ctx).await.expect("rerun");
    assert_eq!((again.status.as_str(), again.pushed), ("completed", 0), "{again:?}");
    assert_eq!(books.lock().expect("books").calls - calls, 1, "only the payments are read");
    // The mark lost in a crash: Xero says it is deleted already; nothing is sent.
    h.forget_removal(&p).await;
    let calls = books.lock().expect("books").calls;
    let after_crash = h.ledger.sync_now(&p.ctx).await.expect("after a crash");
    assert_eq!((after_crash.status.as_str(), after_crash.errors.len()), ("completed", 0), "{after_crash:?}");
    assert_eq!(books.lock().expect("books").calls - calls, 2, "the payments read, and the deleted one read once");
    assert!(h.bill_payment_link(&p).await.remote_deleted_at.is_some());
}
