//! Engagements: where the client company comes from, patches, filters and the
//! lookups the projects domain makes.

use atrium_agreements::dto::{
    BillingModel, ClientCompanyId, ContractId, ContractIn, EngagementFilter, EngagementId, EngagementIn,
    EngagementPatch, EngagementStatus,
};
use atrium_agreements::{AgreementsService, EngagementRef};
use atrium_kernel::{AppError, IfMatch, OrgCtx, PageRequest, Patch};
use atrium_testkit::{TestDb, backend_tests};

use crate::assert_err;
use crate::common::{
    date, eur, events_of_type, harness, invalid_fields, mark_merged, money, org, seed_company, seed_deal, text,
};

backend_tests!(
    client_company_follows_contract_or_deal,
    engagement_crud_and_filters,
    refs_for_other_domains,
    status_moves_along_its_lifecycle,
);

fn engagement(name: &str) -> EngagementIn {
    EngagementIn {
        name: text(name),
        client_company_id: None,
        contract_id: None,
        deal_id: None,
        billing_model: BillingModel::TimeAndMaterials,
        budget: None,
        start_date: None,
        end_date: None,
        status: None,
    }
}

async fn contract_for(svc: &AgreementsService, ctx: &OrgCtx, company: ClientCompanyId) -> ContractId {
    let input = ContractIn {
        title: text("Retainer"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: Some(money(100, "EUR")),
        start_date: None,
        end_date: None,
        terms: None,
    };
    svc.create_contract(ctx, input).await.expect("contract").id
}

async fn client_company_follows_contract_or_deal(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let globex = seed_company(&h.conn, a.org_id, "Globex").await;
    let initech = seed_company(&h.conn, a.org_id, "Initech").await;
    let contract = contract_for(&h.svc, &a, globex).await;
    let globex_deal = seed_deal(&h.conn, a.org_id, Some(globex)).await;
    let initech_deal = seed_deal(&h.conn, a.org_id, Some(initech)).await;

    let from_contract =
        h.svc.create_engagement(&a, EngagementIn { contract_id: Some(contract), ..engagement("c") }).await;
    assert_eq!(from_contract.expect("create").client_company_id, Some(globex));
    let from_deal = h.svc.create_engagement(&a, EngagementIn { deal_id: Some(initech_deal), ..engagement("d") }).await;
    let from_deal = from_deal.expect("create");
    assert_eq!((from_deal.client_company_id, from_deal.deal_id), (Some(initech), Some(initech_deal)));
    let consistent = EngagementIn { contract_id: Some(contract), client_company_id: Some(globex), ..engagement("e") };
    assert_eq!(h.svc.create_engagement(&a, consistent).await.expect("create").client_company_id, Some(globex));
    let standalone = EngagementIn { client_company_id: Some(initech), ..engagement("f") };
    assert_eq!(h.svc.create_engagement(&a, standalone).await.expect("create").client_company_id, Some(initech));

    let clash = EngagementIn { contract_id: Some(contract), client_company_id: Some(initech), ..engagement("x") };
    assert_eq!(invalid_fields(h.svc.create_engagement(&a, clash).await), ["client_company_id"]);
    let clash = EngagementIn { contract_id: Some(contract), deal_id: Some(initech_deal), ..engagement("x") };
    assert_eq!(invalid_fields(h.svc.create_engagement(&a, clash).await), ["deal_id"]);
    let agree = EngagementIn { contract_id: Some(contract), deal_id: Some(globex_deal), ..engagement("g") };
    assert_eq!(h.svc.create_engagement(&a, agree).await.expect("create").client_company_id, Some(globex));

    // A merged company given explicitly is stored as its survivor.
    let old = seed_company(&h.conn, a.org_id, "Initech (dup)").await;
    mark_merged(&h.conn, "client_companies", old, initech).await;
    let merged = EngagementIn { client_company_id: Some(old), ..engagement("m") };
    assert_eq!(h.svc.create_engagement(&a, merged).await.expect("create").client_company_id, Some(initech));

    // Pointing an engagement at a contract takes the contract's company.
    let clash = EngagementPatch { contract_id: Patch::Value(contract), ..EngagementPatch::default() };
    assert_eq!(invalid_fields(h.svc.update_engagement(&a, from_deal.id, clash, IfMatch(None)).await), ["deal_id"]);
    let patch =
        EngagementPatch { contract_id: Patch::Value(contract), deal_id: Patch::Null, ..EngagementPatch::default() };
    let moved = h.svc.update_engagement(&a, from_deal.id, patch, IfMatch(Some(1))).await;
    let moved = moved.expect("patch");
    assert_eq!((moved.client_company_id, moved.contract_id, moved.deal_id), (Some(globex), Some(contract), None));
    assert_eq!(moved.version, 2);
    let bad = EngagementPatch { client_company_id: Patch::Value(initech), ..EngagementPatch::default() };
    assert_eq!(invalid_fields(h.svc.update_engagement(&a, moved.id, bad, IfMatch(None)).await), ["client_company_id"]);
}

async fn engagement_crud_and_filters(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let globex = seed_company(&h.conn, a.org_id, "Globex").await;
    let contract = contract_for(&h.svc, &a, globex).await;
    let d = date;
    let bad_dates =
        EngagementIn { start_date: Some(d("2027-02-01")), end_date: Some(d("2027-01-01")), ..engagement("x") };
    assert_eq!(invalid_fields(h.svc.create_engagement(&a, bad_dates).await), ["end_date"]);
    let e = h
        .svc
        .create_engagement(
            &a,
            EngagementIn {
                contract_id: Some(contract),
                budget: Some(money(5_000_000, "EUR")),
                start_date: Some(d("2027-01-04")),
                status: Some(EngagementStatus::Active),
                ..engagement("Delivery")
            },
        )
        .await
        .expect("create");
    let other = h.svc.create_engagement(&a, engagement("Internal")).await.expect("create");
    let patch = EngagementPatch {
        name: Some(text("Delivery, phase 1")),
        budget: Patch::Null,
        status: Some(EngagementStatus::OnHold),
        ..EngagementPatch::default()
    };
    assert_err!(h.svc.update_engagement(&a, e.id, patch.clone(), IfMatch(Some(9))).await, AppError::Conflict { .. });
    let changed = h.svc.update_engagement(&a, e.id, patch, IfMatch(Some(1))).await.expect("patch");
    assert_eq!(
        (changed.name.as_str(), changed.budget, changed.status),
        ("Delivery, phase 1", None, EngagementStatus::OnHold)
    );
    assert_eq!(changed.start_date, Some(d("2027-01-04").get()), "absent fields are kept");

    let list = |f: EngagementFilter| {
        let svc = h.svc.clone();
        async move {
            svc.list_engagements(&a, &f, PageRequest::default())
                .await
                .expect("list")
                .items
                .into_iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list(EngagementFilter { contract_id: Some(contract), ..Default::default() }).await, [e.id]);
    assert_eq!(list(EngagementFilter { client_company_id: Some(globex), ..Default::default() }).await, [e.id]);
    assert_eq!(
        list(EngagementFilter { status: Some(EngagementStatus::Planned), ..Default::default() }).await,
        [other.id]
    );
    assert_eq!(list(EngagementFilter::default()).await, [e.id, other.id]);

    assert_err!(h.svc.delete_engagement(&a, e.id, IfMatch(Some(1))).await, AppError::Conflict { .. });
    h.svc.delete_engagement(&a, e.id, IfMatch(Some(2))).await.expect("delete");
    assert_err!(h.svc.get_engagement(&a, e.id).await, AppError::NotFound("engagement"));
}

async fn refs_for_other_domains(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (org(&h).await, org(&h).await);
    let globex = seed_company(&h.conn, a.org_id, "Globex").await;
    let budget = Some(atrium_kernel::Money::new(100_000, "CHF".parse().expect("currency")));
    let e = h.svc.create_engagement(&a, EngagementIn { client_company_id: Some(globex), budget, ..engagement("e") });
    let e = e.await.expect("create");
    let bare = h.svc.create_engagement(&a, engagement("bare")).await.expect("create");
    let found = h.svc.engagement_ref(a.org_id, e.id).await.expect("ref");
    let currency = Some("CHF".parse().expect("currency"));
    assert_eq!(
        found,
        Some(EngagementRef { id: e.id, client_company_id: Some(globex), currency, contract_id: e.contract_id })
    );
    let found = h.svc.engagement_ref(a.org_id, bare.id).await.expect("ref");
    assert_eq!(
        found,
        Some(EngagementRef { id: bare.id, client_company_id: None, currency: None, contract_id: None }),
        "no budget"
    );
    assert_eq!(h.svc.engagement_ref(b.org_id, e.id).await.expect("ref"), None, "not another org's");
    let missing = EngagementId::new();
    let map = h.svc.engagement_client_companies(a.org_id, &[e.id, bare.id, missing]).await.expect("map");
    assert_eq!(map.len(), 2);
    assert_eq!(map[&e.id], Some(globex));
    assert_eq!(map[&bare.id], None);
    let theirs = h.svc.engagement_client_companies(b.org_id, &[e.id]).await.expect("map");
    assert!(theirs.is_empty());
}

async fn status_moves_along_its_lifecycle(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let e = h.svc.create_engagement(&a, engagement("Lifecycle")).await.expect("create");
    assert_eq!(e.status, EngagementStatus::Planned);
    let to = |status| EngagementPatch { status: Some(status), ..EngagementPatch::default() };
    let skip = h.svc.update_engagement(&a, e.id, to(EngagementStatus::Completed), IfMatch(None)).await;
    assert_err!(skip, AppError::Conflict { ref detail, .. } if detail.contains("`planned`"));
    for step in
        [EngagementStatus::Active, EngagementStatus::OnHold, EngagementStatus::Active, EngagementStatus::Completed]
    {
        let out = h.svc.update_engagement(&a, e.id, to(step), IfMatch(None)).await.expect("allowed move");
        assert_eq!(out.status, step);
    }
    let reopened = h.svc.update_engagement(&a, e.id, to(EngagementStatus::Active), IfMatch(None)).await;
    assert_err!(reopened, AppError::Conflict { ref detail, .. } if detail.contains("final"));
    let same = h.svc.update_engagement(&a, e.id, to(EngagementStatus::Completed), IfMatch(None)).await;
    assert_eq!(same.expect("the same status is no move").status, EngagementStatus::Completed);

    let moves = events_of_type(&h.conn, a.org_id, "agreements.engagement.status_changed").await;
    let pairs: Vec<(String, String)> = moves
        .iter()
        .map(|m| (m.data["from"].as_str().unwrap_or("").to_owned(), m.data["to"].as_str().unwrap_or("").to_owned()))
        .collect();
    let expected = [("planned", "active"), ("active", "on_hold"), ("on_hold", "active"), ("active", "completed")];
    assert_eq!(pairs, expected.map(|(f, t)| (f.to_owned(), t.to_owned())), "one event per move, none for refusals");
    assert!(moves.iter().all(|m| m.data["engagement_id"] == serde_json::json!(e.id)), "filed under the engagement");
}
