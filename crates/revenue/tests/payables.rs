//! Payables against real SQLite and PostgreSQL: vendors deduplicated with their
//! tax id sealed, bills with server-computed totals, approval rules at their edges,
//! routes stored at submission (two steps, self-approval refused, rejection back to
//! draft, a rule change never moving a bill in flight), "awaiting me", payments,
//! and another organization's ids.

// Snapshots and member seeding read and write tables directly on purpose: a refused
// write must have changed nothing anywhere.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

#[path = "support/no_files.rs"]
mod no_files;
#[path = "support/no_projects.rs"]
mod no_projects;

use async_trait::async_trait;
use atrium_kernel::vault::{ColumnVault, KeyRing};
use atrium_kernel::{
    AppError, Clock, Currency, Date, Email, FrozenClock, IfMatch, Money, OrgCtx, OrganizationId, PageRequest, Patch,
    Principal, Role, Text, UserId,
};
use atrium_outbox::entity::event;
use atrium_revenue::dto::{
    ApprovalRuleIn, ApprovalRulePatch, ApprovalStep, ApproveIn, ApproverIn, BillIn, BillLineIn, BillOut, BillPatch,
    BillPaymentIn, BillPaymentReverseIn, BillStatus, ClientCompanyId, EngagementId, FxRateIn, Quantity, RejectIn,
    SettingsPatch, StepMode, TaxRateIn, VendorIn, VendorPatch,
};
use atrium_revenue::{
    EngagementRef, Engagements, Members, Parties, PayablesService, RevenueService, VENDOR_TAX_ID_COLUMN,
};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use serde_json::json;
use uuid::Uuid;

backend_tests!(
    vendors_are_deduplicated_and_their_tax_id_is_sealed,
    bills_total_their_lines_and_only_drafts_change,
    rules_route_by_amount_edges_and_a_route_never_moves,
    conditions_pick_the_first_matching_rule_in_priority_order,
    concurrent_duplicates_make_one_vendor,
    two_approvers_at_once_decide_an_any_of_step_once,
    bills_are_paid_in_part_then_in_full,
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
        Ok(row.map(|_| EngagementRef { id, client_company_id: None, currency: None, contract_id: None }))
    }
}

/// Identity as the gateway wires it: the organization_members table.
struct TableMembers(DatabaseConnection);

#[async_trait]
impl Members for TableMembers {
    async fn is_member(&self, org: OrganizationId, user: UserId) -> Result<bool, AppError> {
        let stmt = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("organization_members"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("user_id")).eq(user.into_uuid()))
            .to_owned();
        Ok(self.0.query_one(&stmt).await?.is_some())
    }

    async fn members_with_role(&self, org: OrganizationId, role: Role) -> Result<Vec<UserId>, AppError> {
        let stmt = Query::select()
            .column(Alias::new("user_id"))
            .from(Alias::new("organization_members"))
            .and_where(Expr::col(Alias::new("organization_id")).eq(org.into_uuid()))
            .and_where(Expr::col(Alias::new("role")).eq(role.as_str()))
            .order_by(Alias::new("id"), sea_orm::Order::Asc)
            .to_owned();
        let rows = self.0.query_all(&stmt).await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<Uuid>("", "user_id")?.into()))
            .collect::<Result<_, sea_orm::DbErr>>()
            .map_err(Into::into)
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

struct Harness {
    svc: PayablesService,
    revenue: RevenueService,
    conn: DatabaseConnection,
}

fn harness(db: &TestDb) -> Harness {
    let now = Utc.with_ymd_and_hms(2027, 1, 15, 9, 0, 0).single().expect("time");
    let clock = Arc::new(FrozenClock::at(now)) as Arc<dyn Clock>;
    let engagements = Arc::new(TableEngagements(db.conn.clone()));
    let vault = ColumnVault::new(&KeyRing::from_secret(b"payables test secret"), &VENDOR_TAX_ID_COLUMN);
    let svc = PayablesService::new(
        db.conn.clone(),
        clock.clone(),
        engagements.clone(),
        Arc::new(TableMembers(db.conn.clone())),
        Arc::new(no_files::NoFiles),
        vault,
    );
    let revenue = RevenueService::new(
        db.conn.clone(),
        clock,
        engagements,
        Arc::new(FixedParties),
        Arc::new(no_projects::NoProjects),
    );
    Harness { svc, revenue, conn: db.conn.clone() }
}

impl Harness {
    /// A fresh organization and its owner.
    async fn org(&self) -> OrgCtx {
        let org: OrganizationId = atrium_testkit::seed_organization(&self.conn).await.into();
        self.member(org, Role::Owner).await
    }

    /// A new member of `org` with `role`, acting.
    async fn member(&self, org: OrganizationId, role: Role) -> OrgCtx {
        let user = atrium_testkit::seed_user(&self.conn).await;
        let now = Utc::now();
        let stmt = Query::insert()
            .into_table(Alias::new("organization_members"))
            .columns(
                ["id", "organization_id", "user_id", "role", "version", "created_at", "updated_at"].map(Alias::new),
            )
            .values_panic([
                Uuid::now_v7().into(),
                org.into_uuid().into(),
                user.into(),
                role.as_str().into(),
                1i32.into(),
                now.into(),
                now.into(),
            ])
            .to_owned();
        self.conn.execute(&stmt).await.expect("seed member");
        OrgCtx { org_id: org, principal: Principal::User(user.into()), role }
    }

    async fn engagement(&self, ctx: &OrgCtx) -> EngagementId {
        let id = Uuid::now_v7();
        let now = Utc::now();
        let stmt = Query::insert()
            .into_table(Alias::new("engagements"))
            .columns(
                ["id", "organization_id", "name", "billing_model", "status", "version", "created_at", "updated_at"]
                    .map(Alias::new),
            )
            .values_panic([
                id.into(),
                ctx.org_id.into_uuid().into(),
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

    async fn vendor(&self, ctx: &OrgCtx, name: &str) -> atrium_revenue::dto::VendorOut {
        let input = VendorIn {
            name: text(name),
            email: None,
            tax_id: None,
            default_currency: None,
            payment_terms_days: Some(30),
        };
        self.svc.create_vendor(ctx, input).await.expect("vendor")
    }

    /// A draft bill of one untaxed line of `amount` USD cents.
    async fn bill(&self, ctx: &OrgCtx, vendor: atrium_revenue::dto::VendorId, amount: i64) -> BillOut {
        let input = BillIn {
            vendor_id: Some(vendor),
            engagement_id: None,
            vendor_reference: None,
            bill_date: day(2027, 1, 10),
            due_date: None,
            currency: None,
            notes: None,
            lines: vec![bill_line("Work", 1000, amount, None, None)],
        };
        self.svc.create_bill(ctx, input).await.expect("bill")
    }

    /// Row counts of every payables table and the outbox, and each bill's state.
    async fn snapshot(&self) -> serde_json::Value {
        let mut all = serde_json::Map::new();
        for table in ["vendors", "bills", "bill_lines", "bill_approval_rules", "bill_approvals", "bill_payments"] {
            let stmt = Query::select().expr(Expr::cust("*")).from(Alias::new(table)).to_owned();
            all.insert(table.into(), json!(self.conn.query_all(&stmt).await.expect("snapshot").len()));
        }
        let events = event::Entity::find().count(&self.conn).await.expect("events");
        all.insert("events".into(), json!(events));
        let stmt = Query::select()
            .columns(["status", "version", "paid"].map(Alias::new))
            .from(Alias::new("bills"))
            .order_by(Alias::new("id"), sea_orm::Order::Asc)
            .to_owned();
        let rows = self.conn.query_all(&stmt).await.expect("bills");
        let states: Vec<String> = rows
            .iter()
            .map(|r| {
                let (s, v, p): (String, i32, i64) = (
                    r.try_get("", "status").expect("status"),
                    r.try_get("", "version").expect("version"),
                    r.try_get("", "paid").expect("paid"),
                );
                format!("{s}/{v}/{p}")
            })
            .collect();
        all.insert("bills_state".into(), json!(states));
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

    async fn event_data(&self, event_type: &str) -> Vec<serde_json::Value> {
        event::Entity::find()
            .order_by_asc(event::Column::Id)
            .all(&self.conn)
            .await
            .expect("events")
            .into_iter()
            .filter(|e| e.event_type == event_type)
            .map(|e| e.data)
            .collect()
    }

    async fn awaiting(&self, ctx: &OrgCtx) -> Vec<atrium_revenue::dto::BillId> {
        let page = self.svc.bills_awaiting_me(ctx, PageRequest::first(50)).await.expect("awaiting me");
        page.items.into_iter().map(|b| b.id).collect()
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

fn money(amount: i64, code: &str) -> Money {
    Money::new(amount, cur(code))
}

fn bill_line(
    description: &str,
    quantity: i64,
    unit_price: i64,
    tax: Option<atrium_revenue::dto::TaxRateId>,
    account: Option<&str>,
) -> BillLineIn {
    BillLineIn {
        description: text(description),
        account: account.map(text),
        quantity: Quantity::from_milli(quantity).expect("quantity"),
        unit_price: money(unit_price, "USD"),
        tax_rate_id: tax,
    }
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

fn role(r: Role) -> ApproverIn {
    ApproverIn { role: Some(r), member_id: None }
}

fn person(ctx: &OrgCtx) -> ApproverIn {
    ApproverIn { role: None, member_id: ctx.user_id() }
}

fn step(mode: StepMode, approvers: Vec<ApproverIn>) -> ApprovalStep {
    ApprovalStep { mode, approvers }
}

fn rule(name: &str, priority: i32, min: Option<i64>, max: Option<i64>, steps: Vec<ApprovalStep>) -> ApprovalRuleIn {
    ApprovalRuleIn {
        name: text(name),
        priority,
        active: true,
        min_amount: min.map(|m| money(m, "USD")),
        max_amount: max.map(|m| money(m, "USD")),
        vendor_id: None,
        engagement_id: None,
        currency: None,
        account: None,
        steps,
    }
}

async fn vendors_are_deduplicated_and_their_tax_id_is_sealed(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let input = VendorIn {
        name: text("Northwind Print, Ltd."),
        email: Some(Email::parse("Billing@Northwind.example").expect("email")),
        tax_id: Some(text("GB123456789")),
        default_currency: Some(cur("GBP")),
        payment_terms_days: Some(14),
    };
    let v = h.svc.create_vendor(&ctx, input.clone()).await.expect("vendor");
    assert_eq!((v.tax_id.as_deref(), v.version), (Some("GB123456789"), 1));
    let stmt = Query::select().column(Alias::new("tax_id_ciphertext")).from(Alias::new("vendors")).to_owned();
    let stored: String =
        h.conn.query_one(&stmt).await.expect("read").expect("row").try_get("", "tax_id_ciphertext").expect("col");
    assert!(stored.starts_with("v2:") && !stored.contains("GB123456789"), "sealed at rest: {stored}");

    let before = h.snapshot().await;
    let same_name = VendorIn { name: text("NORTHWIND  print ltd"), email: None, ..input.clone() };
    let err = h.svc.create_vendor(&ctx, same_name).await.expect_err("same normalized name");
    let problem = err.to_problem();
    assert_eq!((problem.status, problem.existing_id), (409, Some(v.id.to_string())));
    let same_email = VendorIn {
        name: text("Someone Else"),
        email: Some(Email::parse("billing@northwind.EXAMPLE").expect("email")),
        ..input.clone()
    };
    let err = h.svc.create_vendor(&ctx, same_email).await.expect_err("same email");
    assert_eq!((status_of(&err), err.to_problem().existing_id), (409, Some(v.id.to_string())));
    let err = h
        .svc
        .create_vendor(&ctx, VendorIn { name: text("--"), email: None, ..input.clone() })
        .await
        .expect_err("nothing to compare");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("name")));
    assert_eq!(h.snapshot().await, before, "refused vendors wrote nothing");

    // Another organization may have the same vendor.
    let other = h.org().await;
    h.svc.create_vendor(&other, input).await.expect("dedup is per organization");

    let second = h.vendor(&ctx, "Contoso").await;
    let taken = VendorPatch { name: Some(text("northwind print")), ..VendorPatch::default() };
    let err = h.svc.update_vendor(&ctx, second.id, taken, IfMatch(None)).await.expect_err("rename onto a duplicate");
    assert_eq!(err.to_problem().existing_id, Some(v.id.to_string()));
    let patch = VendorPatch { tax_id: Patch::Null, email: Patch::Null, ..VendorPatch::default() };
    let err = h.svc.update_vendor(&ctx, v.id, patch.clone(), IfMatch(Some(7))).await.expect_err("stale");
    assert_eq!(status_of(&err), 409);
    let v = h.svc.update_vendor(&ctx, v.id, patch, IfMatch(Some(1))).await.expect("clear");
    assert_eq!((v.tax_id, v.email, v.version), (None, None, 2));
    let updated = h.event_data("revenue.vendor.updated").await;
    assert_eq!(updated.last().map(|d| d["changed"].clone()), Some(json!(["email", "tax_id"])));
    assert!(!updated.iter().any(|d| d.to_string().contains("GB123456789")), "the tax id never leaves in an event");
    h.svc.delete_vendor(&ctx, second.id, IfMatch(Some(1))).await.expect("delete");
    assert_eq!(status_of(&h.svc.get_vendor(&ctx, second.id).await.expect_err("gone")), 404);
}

async fn bills_total_their_lines_and_only_drafts_change(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let engagement = h.engagement(&ctx).await;
    let vendor = h.vendor(&ctx, "Northwind").await;
    let vat = h
        .revenue
        .create_tax_rate(&ctx, TaxRateIn { name: text("VAT 19%"), basis_points: 1900, inclusive: false })
        .await
        .expect("tax rate");
    let input = BillIn {
        vendor_id: Some(vendor.id),
        engagement_id: Some(engagement),
        vendor_reference: Some(text("NW-0113")),
        bill_date: day(2027, 1, 10),
        due_date: None,
        currency: None,
        notes: None,
        lines: (0..3).map(|_| bill_line("Toner", 1000, 333, Some(vat.id), Some("6100"))).collect(),
    };
    let b = h.svc.create_bill(&ctx, input.clone()).await.expect("bill");
    // 3 × 3.33 at 19 %, tax rounded per line (0.6327 → 0.63); due after the vendor's 30 days.
    assert_eq!(
        (b.subtotal, b.tax_total, b.total, b.balance, b.status),
        (money(999, "USD"), money(189, "USD"), money(1188, "USD"), money(1188, "USD"), BillStatus::Draft)
    );
    assert_eq!((b.due_date, b.lines[0].account.as_deref()), (NaiveDate::from_ymd_opt(2027, 2, 9), Some("6100")));
    assert_eq!(b.tax_totals[0].tax, money(189, "USD"));

    let other = h.org().await;
    let foreign_vendor = h.vendor(&other, "Theirs").await;
    let foreign_engagement = h.engagement(&other).await;
    let before = h.snapshot().await;
    let eur_line =
        BillIn { lines: vec![BillLineIn { unit_price: money(1, "EUR"), ..input.lines[0].clone() }], ..input.clone() };
    let err = h.svc.create_bill(&ctx, eur_line).await.expect_err("line in another currency");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("lines[0].unit_price.currency")));
    let early = BillIn { due_date: Some(day(2027, 1, 9)), ..input.clone() };
    let err = h.svc.create_bill(&ctx, early).await.expect_err("due before the bill date");
    assert_eq!(field_of(&err).as_deref(), Some("due_date"));
    let err = h
        .svc
        .create_bill(&ctx, BillIn { vendor_id: Some(foreign_vendor.id), ..input.clone() })
        .await
        .expect_err("another org's vendor");
    assert_eq!(status_of(&err), 404);
    let err = h
        .svc
        .create_bill(&ctx, BillIn { engagement_id: Some(foreign_engagement), ..input.clone() })
        .await
        .expect_err("another org's engagement");
    assert_eq!(status_of(&err), 404);
    assert_eq!(h.snapshot().await, before, "refused bills wrote nothing");

    let patch = BillPatch { lines: Some(vec![bill_line("Advice", 1500, 10001, None, None)]), ..BillPatch::default() };
    let b = h.svc.update_bill(&ctx, b.id, patch, IfMatch(Some(1))).await.expect("patch");
    assert_eq!((b.total, b.lines.len(), b.version), (money(15002, "USD"), 1, 2));
    let b = h.svc.submit_bill(&ctx, b.id, IfMatch(Some(2))).await.expect("no rule: approved at once");
    assert_eq!(
        (b.status, b.fx_rate.as_deref(), b.base_total),
        (BillStatus::Approved, Some("1"), Some(money(15002, "USD")))
    );
    let before = h.snapshot().await;
    let err = h.svc.update_bill(&ctx, b.id, BillPatch::default(), IfMatch(None)).await.expect_err("submitted");
    assert_eq!(status_of(&err), 409);
    assert_eq!(status_of(&h.svc.delete_bill(&ctx, b.id, IfMatch(None)).await.expect_err("not a draft")), 409);
    assert_eq!(h.snapshot().await, before);
    let b = h.svc.void_bill(&ctx, b.id, IfMatch(None)).await.expect("void");
    assert_eq!(b.status, BillStatus::Void);
    assert_eq!(status_of(&h.svc.void_bill(&ctx, b.id, IfMatch(None)).await.expect_err("twice")), 409);

    // Foreign currency: the rate of the bill date is needed at submission.
    let eur = h
        .svc
        .create_bill(
            &ctx,
            BillIn {
                currency: Some(cur("EUR")),
                lines: vec![BillLineIn {
                    unit_price: money(10000, "EUR"),
                    tax_rate_id: None,
                    ..input.lines[0].clone()
                }],
                ..input.clone()
            },
        )
        .await
        .expect("EUR bill");
    let err = h.svc.submit_bill(&ctx, eur.id, IfMatch(None)).await.expect_err("no rate");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("bill_date")));
    let rate = FxRateIn { currency: cur("EUR"), rate_date: day(2027, 1, 10), rate: "1.0834".into() };
    h.revenue.record_fx_rate(&ctx, rate).await.expect("rate");
    let eur = h.svc.submit_bill(&ctx, eur.id, IfMatch(None)).await.expect("submit");
    assert_eq!((eur.fx_rate.as_deref(), eur.base_total), (Some("1.0834"), Some(money(10834, "USD"))));
    let empty = BillIn { lines: vec![], ..input };
    let empty = h.svc.create_bill(&ctx, empty).await.expect("empty draft");
    let err = h.svc.submit_bill(&ctx, empty.id, IfMatch(None)).await.expect_err("no lines");
    assert_eq!(field_of(&err).as_deref(), Some("lines"));
    h.svc.delete_bill(&ctx, empty.id, IfMatch(Some(1))).await.expect("delete draft");
    let types = h.event_types().await;
    let bills: Vec<&str> = types.iter().map(String::as_str).filter(|t| t.starts_with("revenue.bill.")).collect();
    assert_eq!(
        bills,
        [
            "revenue.bill.created",
            "revenue.bill.updated",
            "revenue.bill.approved",
            "revenue.bill.voided",
            "revenue.bill.created",
            "revenue.bill.approved",
            "revenue.bill.created",
            "revenue.bill.deleted"
        ]
    );
}

async fn rules_route_by_amount_edges_and_a_route_never_moves(db: &TestDb) {
    let h = harness(db);
    let owner = h.org().await;
    let org = owner.org_id;
    let (ada, al) = (h.member(org, Role::Admin).await, h.member(org, Role::Admin).await);
    let (bea, bo) = (h.member(org, Role::Billing).await, h.member(org, Role::Billing).await);
    let vendor = h.vendor(&owner, "Northwind").await;
    // Large bills (>= 1,000.00): any admin, then the owner. Smaller ones: any billing clerk.
    let large = rule(
        "Large",
        10,
        Some(100_000),
        None,
        vec![step(StepMode::AnyOf, vec![role(Role::Admin)]), step(StepMode::AllOf, vec![person(&owner)])],
    );
    let large = h.svc.create_approval_rule(&owner, large).await.expect("rule");
    let small = rule("Small", 20, None, Some(100_000), vec![step(StepMode::AnyOf, vec![role(Role::Billing)])]);
    h.svc.create_approval_rule(&owner, small).await.expect("rule");

    let stranger = h.org().await;
    let before = h.snapshot().await;
    let bad = rule("Bad", 1, Some(500), Some(500), vec![step(StepMode::AnyOf, vec![role(Role::Admin)])]);
    let err = h.svc.create_approval_rule(&owner, bad).await.expect_err("empty range");
    assert_eq!(field_of(&err).as_deref(), Some("max_amount"));
    let bad = rule("Bad", 1, None, None, vec![step(StepMode::AnyOf, vec![ApproverIn { role: None, member_id: None }])]);
    let err = h.svc.create_approval_rule(&owner, bad).await.expect_err("nobody");
    assert_eq!(field_of(&err).as_deref(), Some("steps[0].approvers[0]"));
    let bad = rule("Bad", 1, None, None, vec![step(StepMode::AnyOf, vec![person(&stranger)])]);
    let err = h.svc.create_approval_rule(&owner, bad).await.expect_err("not a member");
    assert_eq!(field_of(&err).as_deref(), Some("steps[0].approvers[0].member_id"));
    let bad = ApprovalRuleIn { min_amount: Some(money(1, "EUR")), ..rule("Bad", 1, None, None, vec![]) };
    let err = h.svc.create_approval_rule(&owner, bad).await.expect_err("not the base currency");
    assert_eq!(field_of(&err).as_deref(), Some("min_amount.currency"));
    assert_eq!(h.snapshot().await, before, "refused rules wrote nothing");

    // 999.99 is small: Bea submits, Bo (the other clerk) decides; Bea may not.
    let b = h.bill(&bea, vendor.id, 99_999).await;
    let b = h.svc.submit_bill(&bea, b.id, IfMatch(None)).await.expect("submit small");
    let route = b.approval.clone().expect("route");
    assert_eq!(
        (b.status, route.rule_name.as_deref(), route.steps.len()),
        (BillStatus::PendingApproval, Some("Small"), 1)
    );
    assert_eq!(
        route.steps[0].approvers.iter().map(|s| s.approver_id).collect::<Vec<_>>(),
        [bo.user_id().expect("user")]
    );
    let before = h.snapshot().await;
    let err = h.svc.approve_bill(&bea, b.id, ApproveIn::default()).await.expect_err("own bill");
    assert_eq!((status_of(&err), err.to_string().contains("submitter")), (403, true));
    let err = h.svc.approve_bill(&ada, b.id, ApproveIn::default()).await.expect_err("not on this route");
    assert_eq!(status_of(&err), 403);
    assert_eq!(h.snapshot().await, before, "refused decisions wrote nothing");
    assert_eq!(h.awaiting(&bo).await, [b.id]);
    assert!(h.awaiting(&bea).await.is_empty());
    let b = h.svc.approve_bill(&bo, b.id, ApproveIn { comment: Some(text("ok")) }).await.expect("approve");
    assert_eq!(b.status, BillStatus::Approved);
    assert!(h.awaiting(&bo).await.is_empty());

    // Exactly 1,000.00 is large: two steps in order.
    let big = h.bill(&bea, vendor.id, 100_000).await;
    let big = h.svc.submit_bill(&bea, big.id, IfMatch(None)).await.expect("submit large");
    let route = big.approval.clone().expect("route");
    assert_eq!((route.rule_id, route.current_step, route.steps.len()), (Some(large.id), Some(1), 2));
    let admins: Vec<UserId> = route.steps[0].approvers.iter().map(|s| s.approver_id).collect();
    assert_eq!(admins, [ada.user_id().expect("u"), al.user_id().expect("u")]);
    assert_eq!(route.steps[0].approvers[0].source, "role:admin");
    assert_eq!(h.awaiting(&ada).await, [big.id]);
    assert!(h.awaiting(&owner).await.is_empty(), "step 2 waits for step 1");
    let requested = h.event_data("revenue.bill.approval_requested").await;
    let last = requested.last().expect("requested");
    assert_eq!(
        (last["step"].clone(), last["steps"].clone(), last["mode"].clone()),
        (json!(1), json!(2), json!("any_of"))
    );
    assert_eq!(last["approvers"], json!([ada.user_id(), al.user_id()]));

    // Al rejects: a draft again with the reason; nobody awaits it.
    let big = h.svc.reject_bill(&al, big.id, RejectIn { reason: text("Wrong engagement") }).await.expect("reject");
    assert_eq!(
        (big.status, big.rejection.as_ref().map(|r| r.reason.as_str())),
        (BillStatus::Draft, Some("Wrong engagement"))
    );
    assert!(h.awaiting(&ada).await.is_empty());
    let rejected = h.event_data("revenue.bill.rejected").await;
    assert_eq!(rejected[0]["reason"], "Wrong engagement");
    let patch = BillPatch { notes: Patch::Value(text("fixed")), ..BillPatch::default() };
    h.svc.update_bill(&bea, big.id, patch, IfMatch(None)).await.expect("a rejected bill is editable");

    // Resubmitted: a new round; then the rule changes and the bill's route does not.
    let big = h.svc.submit_bill(&bea, big.id, IfMatch(None)).await.expect("resubmit");
    assert_eq!((big.approval.as_ref().map(|a| a.round), big.rejection.is_none()), (Some(2), true));
    let change = ApprovalRulePatch {
        steps: Some(vec![step(StepMode::AnyOf, vec![role(Role::Billing)])]),
        ..ApprovalRulePatch::default()
    };
    h.svc.update_approval_rule(&owner, large.id, change, IfMatch(Some(1))).await.expect("change rule");
    assert!(h.awaiting(&bo).await.is_empty(), "the changed rule does not reach a bill in flight");
    let big = h.svc.approve_bill(&ada, big.id, ApproveIn::default()).await.expect("step 1");
    assert_eq!(
        (big.status, big.approval.as_ref().and_then(|a| a.current_step)),
        (BillStatus::PendingApproval, Some(2))
    );
    let err = h.svc.approve_bill(&al, big.id, ApproveIn::default()).await.expect_err("step 1 is done");
    assert_eq!(status_of(&err), 403);
    assert_eq!(h.awaiting(&owner).await, [big.id]);
    let big = h.svc.approve_bill(&owner, big.id, ApproveIn { comment: Some(text("go")) }).await.expect("step 2");
    assert_eq!(big.status, BillStatus::Approved);
    let approved = h.event_data("revenue.bill.approved").await;
    assert_eq!(approved.last().map(|d| d["approved_by"].clone()), Some(json!([ada.user_id(), owner.user_id()])));
    assert_eq!(status_of(&h.svc.approve_bill(&owner, big.id, ApproveIn::default()).await.expect_err("done")), 409);

    // A step whose only approver is the submitter could never be decided.
    let solo = rule("Solo", 1, Some(500_000), None, vec![step(StepMode::AnyOf, vec![person(&bea)])]);
    h.svc.create_approval_rule(&owner, solo).await.expect("rule");
    let huge = h.bill(&bea, vendor.id, 500_000).await;
    let before = h.snapshot().await;
    let err = h.svc.submit_bill(&bea, huge.id, IfMatch(None)).await.expect_err("no approver left");
    assert_eq!(status_of(&err), 409);
    assert_eq!(h.snapshot().await, before);

    // Routes and thresholds are in the base currency: it no longer changes.
    let patch = SettingsPatch { base_currency: Some(cur("EUR")), ..SettingsPatch::default() };
    let err = h.revenue.update_settings(&owner, patch, IfMatch(None)).await.expect_err("base currency in use");
    assert_eq!(status_of(&err), 409);
}

async fn bills_are_paid_in_part_then_in_full(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let vendor = h.vendor(&ctx, "Northwind").await;
    let draft = h.bill(&ctx, vendor.id, 50_000).await;
    let pay = |amount: i64| BillPaymentIn {
        amount: money(amount, "USD"),
        paid_on: day(2027, 1, 20),
        method: Some(text("bank transfer")),
        reference: None,
    };
    let err = h.svc.record_bill_payment(&ctx, draft.id, pay(100)).await.expect_err("a draft is not payable");
    assert_eq!(status_of(&err), 409);
    let b = h.svc.submit_bill(&ctx, draft.id, IfMatch(None)).await.expect("approved at once");
    let p = h.svc.record_bill_payment(&ctx, b.id, pay(20_000)).await.expect("partial");
    assert_eq!(p.base_amount, money(20_000, "USD"));
    let b = h.svc.get_bill(&ctx, b.id).await.expect("bill");
    assert_eq!((b.status, b.paid, b.balance), (BillStatus::PartiallyPaid, money(20_000, "USD"), money(30_000, "USD")));
    let before = h.snapshot().await;
    let err = h.svc.record_bill_payment(&ctx, b.id, pay(30_001)).await.expect_err("over the balance");
    assert_eq!((status_of(&err), field_of(&err).as_deref()), (422, Some("amount")));
    let err = h.svc.record_bill_payment(&ctx, b.id, BillPaymentIn { amount: money(1, "EUR"), ..pay(1) }).await;
    assert_eq!(field_of(&err.expect_err("currency")).as_deref(), Some("amount.currency"));
    let err = h.svc.record_bill_payment(&ctx, b.id, pay(0)).await.expect_err("zero");
    assert_eq!(field_of(&err).as_deref(), Some("amount.amount_minor"));
    assert_eq!(h.snapshot().await, before, "refused payments wrote nothing");
    let rest = h.svc.record_bill_payment(&ctx, b.id, pay(30_000)).await.expect("the rest");
    let b = h.svc.get_bill(&ctx, b.id).await.expect("bill");
    assert_eq!((b.status, b.balance), (BillStatus::Paid, money(0, "USD")));
    assert_eq!(status_of(&h.svc.record_bill_payment(&ctx, b.id, pay(1)).await.expect_err("settled")), 409);
    assert_eq!(status_of(&h.svc.void_bill(&ctx, b.id, IfMatch(None)).await.expect_err("paid")), 409);
    let payments = h.svc.list_bill_payments(&ctx, b.id, PageRequest::first(1)).await.expect("page");
    assert_eq!((payments.items.len(), payments.next_after.is_some()), (1, true));
    let recorded = h.event_data("revenue.bill_payment.recorded").await;
    assert_eq!(
        recorded
            .iter()
            .map(|d| (d["bill_status"].clone(), d["bill_balance"]["amount_minor"].clone()))
            .collect::<Vec<_>>(),
        [(json!("partially_paid"), json!(30_000)), (json!("paid"), json!(0))]
    );

    // Reversals, with a reason: back to partially paid, then to approved (payable
    // again); never twice; a stale If-Match is refused and changes nothing.
    let reverse = |reason: &str| BillPaymentReverseIn { reason: text(reason) };
    let err = h.svc.reverse_bill_payment(&ctx, rest.id, reverse("Bounced"), IfMatch(Some(7))).await;
    assert_eq!(status_of(&err.expect_err("stale")), 409);
    let r = h.svc.reverse_bill_payment(&ctx, rest.id, reverse("Bounced"), IfMatch(Some(1))).await.expect("reverse");
    assert_eq!((r.reversal_reason.as_deref(), r.reversed_at.is_some(), r.version), (Some("Bounced"), true, 2));
    let b = h.svc.get_bill(&ctx, b.id).await.expect("bill");
    assert_eq!((b.status, b.balance), (BillStatus::PartiallyPaid, money(30_000, "USD")));
    let err = h.svc.reverse_bill_payment(&ctx, rest.id, reverse("Again"), IfMatch(None)).await.expect_err("twice");
    assert_eq!(status_of(&err), 409);
    h.svc.reverse_bill_payment(&ctx, p.id, reverse("Wrong bill"), IfMatch(None)).await.expect("reverse the first");
    let b = h.svc.get_bill(&ctx, b.id).await.expect("bill");
    assert_eq!((b.status, b.paid, b.balance), (BillStatus::Approved, money(0, "USD"), money(50_000, "USD")));
    h.svc.record_bill_payment(&ctx, b.id, pay(50_000)).await.expect("payable again");
    let reversed = h.event_data("revenue.bill_payment.reversed").await;
    assert_eq!(
        reversed.iter().map(|d| (d["bill_status"].clone(), d["reason"].clone())).collect::<Vec<_>>(),
        [(json!("partially_paid"), json!("Bounced")), (json!("approved"), json!("Wrong bill"))]
    );
    let other = h.org().await;
    let err = h.svc.reverse_bill_payment(&other, p.id, reverse("Theirs"), IfMatch(None)).await.expect_err("theirs");
    assert_eq!(status_of(&err), 404);
}

async fn another_orgs_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let ada = h.org().await;
    let approver = h.member(ada.org_id, Role::Admin).await;
    let vendor = h.vendor(&ada, "Northwind").await;
    let r = rule("All", 1, None, None, vec![step(StepMode::AnyOf, vec![person(&approver)])]);
    let r = h.svc.create_approval_rule(&ada, r).await.expect("rule");
    let b = h.bill(&ada, vendor.id, 10_000).await;
    let pending = h.bill(&ada, vendor.id, 10_000).await;
    h.svc.submit_bill(&ada, pending.id, IfMatch(None)).await.expect("submit");

    let bob = h.org().await;
    let before = h.snapshot().await;
    assert_eq!(nf(h.svc.get_vendor(&bob, vendor.id).await), Err(404));
    assert_eq!(nf(h.svc.update_vendor(&bob, vendor.id, VendorPatch::default(), IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.delete_vendor(&bob, vendor.id, IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.get_bill(&bob, b.id).await), Err(404));
    assert_eq!(nf(h.svc.update_bill(&bob, b.id, BillPatch::default(), IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.submit_bill(&bob, b.id, IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.approve_bill(&bob, pending.id, ApproveIn::default()).await), Err(404));
    assert_eq!(nf(h.svc.reject_bill(&bob, pending.id, RejectIn { reason: text("no") }).await), Err(404));
    assert_eq!(nf(h.svc.void_bill(&bob, b.id, IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.delete_bill(&bob, b.id, IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.list_bill_payments(&bob, b.id, PageRequest::first(10)).await), Err(404));
    assert_eq!(nf(h.svc.get_approval_rule(&bob, r.id).await), Err(404));
    assert_eq!(nf(h.svc.update_approval_rule(&bob, r.id, ApprovalRulePatch::default(), IfMatch(None)).await), Err(404));
    assert_eq!(nf(h.svc.delete_approval_rule(&bob, r.id, IfMatch(None)).await), Err(404));
    let as_filter = atrium_revenue::dto::BillFilter { vendor_id: Some(vendor.id), ..Default::default() };
    assert_eq!(nf(h.svc.list_bills(&bob, &as_filter, PageRequest::first(10)).await), Err(404));
    let with_vendor = BillIn {
        vendor_id: Some(vendor.id),
        engagement_id: None,
        vendor_reference: None,
        bill_date: day(2027, 1, 10),
        due_date: None,
        currency: None,
        notes: None,
        lines: vec![],
    };
    assert_eq!(nf(h.svc.create_bill(&bob, with_vendor).await), Err(404));
    let naming = ApprovalRuleIn { vendor_id: Some(vendor.id), ..rule("X", 1, None, None, vec![]) };
    let naming = ApprovalRuleIn { steps: vec![step(StepMode::AnyOf, vec![role(Role::Owner)])], ..naming };
    assert_eq!(nf(h.svc.create_approval_rule(&bob, naming).await), Err(404));
    assert_eq!(h.snapshot().await, before, "nothing of A changed");
    let listed = h.svc.list_bills(&bob, &Default::default(), PageRequest::first(50)).await.expect("list");
    assert!(listed.items.is_empty());
    assert!(
        h.svc.list_vendors(&bob, &Default::default(), PageRequest::first(50)).await.expect("list").items.is_empty()
    );
    assert!(h.svc.list_approval_rules(&bob, PageRequest::first(50)).await.expect("list").items.is_empty());
    // A's approver is nobody's approver in B.
    let in_b = OrgCtx { org_id: bob.org_id, ..approver };
    assert!(h.awaiting(&in_b).await.is_empty());
    assert_eq!(h.awaiting(&approver).await, [pending.id]);
}

/// The status a refused call answered with.
fn nf<T>(r: Result<T, AppError>) -> Result<(), u16> {
    r.map(|_| ()).map_err(|e| status_of(&e))
}

async fn conditions_pick_the_first_matching_rule_in_priority_order(db: &TestDb) {
    let h = harness(db);
    let owner = h.org().await;
    let admin = h.member(owner.org_id, Role::Admin).await;
    let engagement = h.engagement(&owner).await;
    let (northwind, contoso) = (h.vendor(&owner, "Northwind").await, h.vendor(&owner, "Contoso").await);
    let by_admin = || vec![step(StepMode::AnyOf, vec![role(Role::Admin)])];
    let mk = |name: &str, priority: i32| rule(name, priority, None, None, by_admin());
    let vendor_rule = ApprovalRuleIn { vendor_id: Some(contoso.id), ..mk("Contoso", 30) };
    let account_rule = ApprovalRuleIn { account: Some(text("6400")), ..mk("Travel", 20) };
    let engagement_rule = ApprovalRuleIn { engagement_id: Some(engagement), ..mk("Client costs", 10) };
    let eur_rule = ApprovalRuleIn { currency: Some(cur("EUR")), ..mk("Euro", 40) };
    let inactive = ApprovalRuleIn { active: false, ..mk("Off", 0) };
    for r in [vendor_rule, account_rule, engagement_rule, eur_rule, inactive] {
        h.svc.create_approval_rule(&owner, r).await.expect("rule");
    }
    h.revenue
        .record_fx_rate(&owner, FxRateIn { currency: cur("EUR"), rate_date: day(2027, 1, 10), rate: "1.1".into() })
        .await
        .expect("rate");
    let routed = |input: BillIn| async {
        let b = h.svc.create_bill(&owner, input).await.expect("bill");
        let b = h.svc.submit_bill(&owner, b.id, IfMatch(None)).await.expect("submit");
        b.approval.and_then(|a| a.rule_name)
    };
    let base = BillIn {
        vendor_id: Some(northwind.id),
        engagement_id: None,
        vendor_reference: None,
        bill_date: day(2027, 1, 10),
        due_date: None,
        currency: None,
        notes: None,
        lines: vec![bill_line("Work", 1000, 1000, None, Some("6100"))],
    };
    assert_eq!(routed(base.clone()).await, None, "nothing matches: approved at once");
    assert_eq!(routed(BillIn { vendor_id: Some(contoso.id), ..base.clone() }).await.as_deref(), Some("Contoso"));
    let travel =
        vec![bill_line("Work", 1000, 1000, None, Some("6100")), bill_line("Train", 1000, 500, None, Some("6400"))];
    assert_eq!(
        routed(BillIn { vendor_id: Some(contoso.id), lines: travel, ..base.clone() }).await.as_deref(),
        Some("Travel"),
        "an account on any line; priority 20 before 30"
    );
    let both = BillIn { vendor_id: Some(contoso.id), engagement_id: Some(engagement), ..base.clone() };
    assert_eq!(routed(both).await.as_deref(), Some("Client costs"));
    let eur = BillIn {
        currency: Some(cur("EUR")),
        lines: vec![BillLineIn { unit_price: money(1000, "EUR"), ..bill_line("Work", 1000, 0, None, None) }],
        ..base
    };
    assert_eq!(routed(eur).await.as_deref(), Some("Euro"));
    assert_eq!(h.awaiting(&admin).await.len(), 4);
}

async fn concurrent_duplicates_make_one_vendor(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let input = |name: &str| VendorIn {
        name: text(name),
        email: None,
        tax_id: None,
        default_currency: None,
        payment_terms_days: None,
    };
    let tries = (0..6).map(|i| {
        let svc = h.svc.clone();
        let name = if i % 2 == 0 { "Northwind Ltd" } else { "NORTHWIND" };
        let body = input(name);
        tokio::spawn(async move { svc.create_vendor(&ctx, body).await })
    });
    let mut created = Vec::new();
    let mut conflicts = Vec::new();
    for t in tries {
        match t.await.expect("task") {
            Ok(v) => created.push(v.id.to_string()),
            Err(e) => conflicts.push((status_of(&e), e.to_problem().existing_id)),
        }
    }
    assert_eq!(created.len(), 1, "one vendor, whoever wins: {conflicts:?}");
    assert!(conflicts.iter().all(|c| *c == (409, Some(created[0].clone()))), "{conflicts:?}");
}

async fn two_approvers_at_once_decide_an_any_of_step_once(db: &TestDb) {
    let h = harness(db);
    let owner = h.org().await;
    let (ada, al) = (h.member(owner.org_id, Role::Admin).await, h.member(owner.org_id, Role::Admin).await);
    let vendor = h.vendor(&owner, "Northwind").await;
    let r = rule("Admins", 1, None, None, vec![step(StepMode::AnyOf, vec![role(Role::Admin)])]);
    h.svc.create_approval_rule(&owner, r).await.expect("rule");
    let b = h.bill(&owner, vendor.id, 10_000).await;
    h.svc.submit_bill(&owner, b.id, IfMatch(None)).await.expect("submit");
    let decide = |ctx: OrgCtx| {
        let svc = h.svc.clone();
        tokio::spawn(async move { svc.approve_bill(&ctx, b.id, ApproveIn::default()).await })
    };
    let (first, second) = (decide(ada), decide(al));
    let outcomes = [first.await.expect("task"), second.await.expect("task")];
    let won: Vec<&BillOut> = outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    let lost: Vec<u16> = outcomes.iter().filter_map(|o| o.as_ref().err()).map(status_of).collect();
    // The loser waited for the winner's lock and found the bill no longer pending.
    assert_eq!((won.len(), lost.as_slice()), (1, [409].as_slice()), "the step is decided once");
    assert_eq!(won[0].status, BillStatus::Approved);
    assert_eq!(h.event_data("revenue.bill.approved").await.len(), 1);
    assert_eq!(h.event_data("revenue.bill.step_approved").await.len(), 1);
}
