//! Deals: create/get/update/delete, PATCH semantics, If-Match, stage-change events,
//! money, filters, keyset pagination, and references to companies, contacts and owners.

use atrium_crm::dto::{CompanyIn, CompanyPatch, CompanyStatus, DealFilter, DealIn, DealPatch, DealStage, MergeIn};
use atrium_events::crm::{DealStageChanged, DealUpdated};
use atrium_kernel::{AppError, Clock, Currency, Date, IfMatch, Money, OrgCtx, PageRequest, Patch, UserId};
use atrium_testkit::{TestDb, backend_tests};
use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{
    Harness, all_pages, contact_in, deal_in, deal_row, events_of, harness, invalid_field, pct, snapshot, types,
};
use crate::companies::{company_in, new_company};
use crate::contacts::new_contact;

backend_tests!(
    deal_crud_patch_and_stage_events,
    deal_money_currency_is_validated,
    deal_filters_and_keyset_pages,
    references_and_owners_must_belong_to_the_organization,
);

fn money(amount_minor: i64, code: &str) -> Money {
    Money::new(amount_minor, code.parse::<Currency>().expect("ISO 4217 code"))
}

pub async fn new_deal(h: &Harness, ctx: &OrgCtx, input: DealIn) -> Uuid {
    h.svc.create_deal(ctx, input).await.expect("create deal").id.into_uuid()
}

async fn deal_crud_patch_and_stage_events(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let owner = ctx.user_id().expect("user principal");
    let company = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let contact = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", None)).await;
    let t0 = h.clock.now();
    let close = NaiveDate::from_ymd_opt(2027, 3, 31).expect("date");
    let input = DealIn {
        stage: Some(DealStage::Qualified),
        value: Some(money(4_500_000, "EUR")),
        probability: Some(pct(40)),
        expected_close_date: Some(Date::new(close).expect("storable date")),
        client_company_id: Some(company.into()),
        contact_id: Some(contact.into()),
        owner_id: Some(owner),
        ..deal_in("  Website relaunch ")
    };
    let out = h.svc.create_deal(&ctx, input).await.expect("create");
    assert_eq!(
        (out.name.as_str(), out.stage, out.value),
        ("Website relaunch", DealStage::Qualified, Some(money(4_500_000, "EUR")))
    );
    assert_eq!((out.probability, out.expected_close_date, out.owner_id), (Some(40), Some(close), Some(owner)));
    assert_eq!(out.client_company_id.map(|c| c.into_uuid()), Some(company));
    assert_eq!(out.contact_id.map(|c| c.into_uuid()), Some(contact));
    assert_eq!((out.version, out.created_at, out.updated_at), (1, t0, t0));
    let row = deal_row(&h.conn, out.id).await.expect("row");
    assert_eq!(
        (row.value_amount_minor, row.value_currency.as_deref(), row.stage.as_str()),
        (Some(4_500_000), Some("EUR"), "qualified")
    );
    assert_eq!(json!(h.svc.get_deal(&ctx, out.id).await.expect("get")), json!(out));
    let bare = h.svc.create_deal(&ctx, deal_in("Bare")).await.expect("bare deal");
    assert_eq!((bare.stage, bare.value, bare.probability), (DealStage::Lead, None, None), "defaults");

    // Absent keeps, null clears, a value sets; no stage in the patch, no stage event.
    h.clock.advance(Duration::hours(1));
    let patch = DealPatch { probability: Patch::Value(pct(60)), ..DealPatch::default() };
    let v2 = h.svc.update_deal(&ctx, out.id, patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!(
        (v2.version, v2.probability, v2.value, v2.stage),
        (2, Some(60), Some(money(4_500_000, "EUR")), DealStage::Qualified)
    );
    assert_eq!(
        (v2.expected_close_date, v2.owner_id, v2.updated_at),
        (Some(close), Some(owner), t0 + Duration::hours(1))
    );
    let patch = DealPatch {
        value: Patch::Value(money(5_000, "JPY")),
        expected_close_date: Patch::Null,
        ..DealPatch::default()
    };
    let v3 = h.svc.update_deal(&ctx, out.id, patch, IfMatch(None)).await.expect("update");
    assert_eq!((v3.version, v3.value, v3.expected_close_date), (3, Some(money(5_000, "JPY")), None));
    let patch =
        DealPatch { value: Patch::Null, contact_id: Patch::Null, owner_id: Patch::Null, ..DealPatch::default() };
    let v4 = h.svc.update_deal(&ctx, out.id, patch, IfMatch(Some(3))).await.expect("clear");
    assert_eq!((v4.version, v4.value, v4.contact_id, v4.owner_id), (4, None, None, None));
    assert_eq!(v4.client_company_id.map(|c| c.into_uuid()), Some(company), "absent company kept");
    let row = deal_row(&h.conn, out.id).await.expect("row");
    assert_eq!((row.value_amount_minor, row.value_currency), (None, None), "both money columns cleared");

    let before = snapshot(&h.conn).await;
    for bad in [
        json!({"probability": 101}),
        json!({"probability": -1}),
        json!({"name": "  "}),
        json!({"name": "n".repeat(201)}),
        json!({"expected_close_date": "-10000-01-01"}),
    ] {
        assert!(serde_json::from_value::<DealPatch>(bad.clone()).is_err(), "accepted {bad}");
        let mut create = bad.clone();
        create.as_object_mut().expect("object").entry("name").or_insert(json!("x"));
        assert!(serde_json::from_value::<DealIn>(create).is_err(), "accepted {bad} on create");
    }
    let stale = DealPatch { stage: Some(DealStage::Lost), ..DealPatch::default() };
    let err = assert_err!(
        h.svc.update_deal(&ctx, out.id, stale, IfMatch(Some(3))).await,
        AppError::Conflict { existing_id: None, .. },
        "stale If-Match"
    );
    assert!(err.to_string().contains("version 4"), "{err}");
    assert_err!(h.svc.delete_deal(&ctx, out.id, IfMatch(Some(1))).await, AppError::Conflict { .. }, "stale delete");
    assert_eq!(snapshot(&h.conn).await, before, "refused writes leave rows and events alone");

    let patch = DealPatch { stage: Some(DealStage::Won), probability: Patch::Value(pct(100)), ..DealPatch::default() };
    let v5 = h.svc.update_deal(&ctx, out.id, patch, IfMatch(Some(4))).await.expect("win");
    assert_eq!((v5.version, v5.stage, v5.probability), (5, DealStage::Won, Some(100)));
    let same = DealPatch { stage: Some(DealStage::Won), ..DealPatch::default() };
    let v6 = h.svc.update_deal(&ctx, out.id, same, IfMatch(Some(5))).await.expect("same stage");
    assert_eq!(v6.version, 6);

    h.svc.delete_deal(&ctx, out.id, IfMatch(Some(6))).await.expect("delete");
    assert_err!(h.svc.get_deal(&ctx, out.id).await, AppError::NotFound(_), "get after delete");
    assert_eq!(deal_row(&h.conn, out.id).await, None);
    let all = events_of(&h.conn, out.id).await;
    assert_eq!(
        types(&all),
        [
            "crm.deal.created",
            "crm.deal.updated",
            "crm.deal.updated",
            "crm.deal.updated",
            "crm.deal.updated",
            "crm.deal.stage_changed",
            "crm.deal.updated",
            "crm.deal.deleted",
        ],
        "one stage event, for the one real stage change"
    );
    assert_eq!(all[0].data, json!(out));
    let won: DealUpdated = serde_json::from_value(all[4].data.clone()).expect("typed payload");
    assert_eq!((json!(won.deal), won.changed), (json!(v5), vec!["probability".to_owned(), "stage".to_owned()]));
    let same_stage: DealUpdated = serde_json::from_value(all[6].data.clone()).expect("typed payload");
    assert_eq!(same_stage.changed, Vec::<String>::new(), "nothing changed but the version");
    let stage: DealStageChanged = serde_json::from_value(all[5].data.clone()).expect("typed payload");
    let expected = DealStageChanged {
        id: out.id,
        name: "Website relaunch".into(),
        from: DealStage::Qualified,
        to: DealStage::Won,
    };
    assert_eq!(stage, expected);
    assert_eq!(all[5].data, json!({"id": out.id, "name": "Website relaunch", "from": "qualified", "to": "won"}));
    assert_eq!((all[5].aggregate_type.as_str(), all[5].occurred_at), ("deal", t0 + Duration::hours(1)));
    assert_eq!(all[7].data, json!({"id": out.id, "name": "Website relaunch"}));
}

async fn deal_money_currency_is_validated(db: &TestDb) {
    // Only upper-case ISO 4217 codes deserialize, in a new deal and in a patch.
    for code in ["eur", "EURO", "XYZ", ""] {
        let raw = json!({"name": "x", "value": {"amount_minor": 100, "currency": code}});
        assert!(serde_json::from_value::<DealIn>(raw).is_err(), "currency {code:?} accepted");
        let raw = json!({"value": {"amount_minor": 100, "currency": code}});
        assert!(serde_json::from_value::<DealPatch>(raw).is_err(), "currency {code:?} accepted in a patch");
    }
    let raw = json!({"name": "x", "value": {"amount_minor": 100, "currency": "CHF"}});
    let parsed: DealIn = serde_json::from_value(raw).expect("CHF is ISO 4217");
    assert_eq!(parsed.value, Some(money(100, "CHF")));
    let raw = json!({"value": {"amount_minor": 1.5, "currency": "EUR"}});
    assert!(serde_json::from_value::<DealPatch>(raw).is_err(), "minor units are integers");

    let h = harness(db);
    let ctx = h.org().await;
    let deal = h.svc.create_deal(&ctx, DealIn { value: Some(money(-250, "KWD")), ..deal_in("Refund") }).await;
    let deal = deal.expect("create");
    assert_eq!(h.svc.get_deal(&ctx, deal.id).await.expect("get").value, Some(money(-250, "KWD")), "round trip");
    // A currency that is not ISO 4217 in storage is an internal error, never a guess.
    atrium_crm::entity::deal::Entity::update_many()
        .col_expr(atrium_crm::entity::deal::Column::ValueCurrency, Expr::value("ZZZ"))
        .filter(atrium_crm::entity::deal::Column::Id.eq(deal.id.into_uuid()))
        .exec(&h.conn)
        .await
        .expect("corrupt the currency");
    assert_err!(h.svc.get_deal(&ctx, deal.id).await, AppError::Internal(_), "corrupt stored currency");
}

async fn deal_filters_and_keyset_pages(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let ada = ctx.user_id().expect("user");
    let bob = h.member_of(ctx.org_id).await;
    let globex = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let initech = new_company(&h, &ctx, "Initech", CompanyStatus::Active).await;
    let mk = |stage: DealStage, company: Option<Uuid>, owner: Option<UserId>| DealIn {
        stage: Some(stage),
        client_company_id: company.map(Into::into),
        owner_id: owner,
        ..deal_in("deal")
    };
    let d1 = new_deal(&h, &ctx, mk(DealStage::Lead, Some(globex), Some(ada))).await;
    let d2 = new_deal(&h, &ctx, mk(DealStage::Won, Some(globex), Some(bob))).await;
    let d3 = new_deal(&h, &ctx, mk(DealStage::Lead, Some(initech), Some(bob))).await;
    let d4 = new_deal(&h, &ctx, mk(DealStage::Proposal, None, None)).await;
    let d5 = new_deal(&h, &ctx, mk(DealStage::Lead, None, Some(ada))).await;
    new_deal(&h, &other, mk(DealStage::Lead, None, None)).await;

    let list = |f: DealFilter| {
        let (h, ctx) = (&h, &ctx);
        async move {
            let page = h.svc.list_deals(ctx, &f, PageRequest::first(50)).await.expect("list");
            assert_eq!(page.next_after, None);
            page.items.into_iter().map(|d| d.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    assert_eq!(list(DealFilter::default()).await, [d1, d2, d3, d4, d5], "own org only, by id");
    let lead = DealFilter { stage: Some(DealStage::Lead), ..DealFilter::default() };
    assert_eq!(list(lead.clone()).await, [d1, d3, d5]);
    assert_eq!(list(DealFilter { client_company_id: Some(globex.into()), ..DealFilter::default() }).await, [d1, d2]);
    assert_eq!(list(DealFilter { owner_id: Some(bob), ..DealFilter::default() }).await, [d2, d3]);
    assert_eq!(list(DealFilter { owner_id: Some(ada), ..lead.clone() }).await, [d1, d5]);
    let none = DealFilter { stage: Some(DealStage::Won), client_company_id: Some(initech.into()), owner_id: None };
    assert_eq!(list(none).await, Vec::<Uuid>::new());

    for (limit, sizes) in [(2, vec![2, 2, 1]), (5, vec![5]), (200, vec![5])] {
        let f = DealFilter::default();
        let (svc, ctx, f) = (&h.svc, &ctx, &f);
        let pages = all_pages(limit, move |req| svc.list_deals(ctx, f, req), |d| d.id.into_uuid()).await;
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), sizes, "page sizes at limit {limit}");
        assert_eq!(pages.concat(), [d1, d2, d3, d4, d5], "every deal exactly once at limit {limit}");
    }
    let (svc, ctxr, f) = (&h.svc, &ctx, &lead);
    let pages = all_pages(2, move |req| svc.list_deals(ctxr, f, req), |d| d.id.into_uuid()).await;
    assert_eq!(pages, [vec![d1, d3], vec![d5]]);
}

async fn references_and_owners_must_belong_to_the_organization(db: &TestDb) {
    let h = harness(db);
    let a = h.org().await;
    let b = h.org().await;
    let outsider = h.member_of(b.org_id).await;
    let their_company = new_company(&h, &b, "Theirs", CompanyStatus::Active).await;
    let their_contact = new_contact(&h, &b, contact_in("Eve", "B", None)).await;
    let our_company = new_company(&h, &a, "Ours", CompanyStatus::Active).await;
    let kept = new_contact(&h, &a, contact_in("Kept", "A", None)).await;
    let merged = new_contact(&h, &a, contact_in("Merged", "A", None)).await;
    let input = MergeIn { source_ids: vec![merged], dry_run: false };
    h.svc.merge_contacts(&a, kept.into(), input).await.expect("merge");
    let deal = new_deal(&h, &a, DealIn { client_company_id: Some(our_company.into()), ..deal_in("Ours") }).await;

    let before = snapshot(&h.conn).await;
    let cases: Vec<(DealIn, &str)> = vec![
        (DealIn { client_company_id: Some(their_company.into()), ..deal_in("x") }, "client_company_id"),
        (DealIn { client_company_id: Some(Uuid::now_v7().into()), ..deal_in("x") }, "client_company_id"),
        (DealIn { contact_id: Some(their_contact.into()), ..deal_in("x") }, "contact_id"),
        (DealIn { contact_id: Some(merged.into()), ..deal_in("x") }, "contact_id"),
        (DealIn { owner_id: Some(outsider), ..deal_in("x") }, "owner_id"),
    ];
    for (input, field) in cases {
        let err = assert_err!(h.svc.create_deal(&a, input).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
    let patches: Vec<(DealPatch, &str)> = vec![
        (
            DealPatch { client_company_id: Patch::Value(their_company.into()), ..DealPatch::default() },
            "client_company_id",
        ),
        (DealPatch { contact_id: Patch::Value(their_contact.into()), ..DealPatch::default() }, "contact_id"),
        (DealPatch { contact_id: Patch::Value(merged.into()), ..DealPatch::default() }, "contact_id"),
        (DealPatch { owner_id: Patch::Value(outsider), ..DealPatch::default() }, "owner_id"),
    ];
    for (patch, field) in patches {
        let err =
            assert_err!(h.svc.update_deal(&a, deal.into(), patch, IfMatch(None)).await, AppError::Validation(_), field);
        assert_eq!(invalid_field(&err), field);
    }
    let input = CompanyIn { owner_id: Some(outsider), ..company_in("Owned by an outsider") };
    let err = assert_err!(h.svc.create_company(&a, input).await, AppError::Validation(_), "company owner");
    assert_eq!(invalid_field(&err), "owner_id");
    let patch = CompanyPatch { owner_id: Patch::Value(outsider), ..CompanyPatch::default() };
    let err = h.svc.update_company(&a, our_company.into(), patch, IfMatch(None)).await;
    assert_eq!(invalid_field(&assert_err!(err, AppError::Validation(_), "company owner")), "owner_id");
    assert_eq!(snapshot(&h.conn).await, before, "nothing written by a rejected reference");

    // A member of the organization may own records.
    let member = h.member_of(a.org_id).await;
    let patch =
        DealPatch { owner_id: Patch::Value(member), contact_id: Patch::Value(kept.into()), ..DealPatch::default() };
    let updated = h.svc.update_deal(&a, deal.into(), patch, IfMatch(Some(1))).await.expect("member owner");
    assert_eq!((updated.owner_id, updated.contact_id.map(|c| c.into_uuid())), (Some(member), Some(kept)));
}
