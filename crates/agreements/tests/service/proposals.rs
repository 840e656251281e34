//! Proposal numbering, server-side pricing and list filters.

use atrium_agreements::dto::{ProposalFilter, ProposalIn, ProposalPatch, ProposalStatus};
use atrium_agreements::entity::{counter, line_item, proposal};
use atrium_kernel::{IfMatch, PageRequest};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::common::{
    all_event_ids, eur, harness, invalid_fields, line, money, new_events, org, proposal_in, seed_company,
};

backend_tests!(
    numbers_are_sequential_per_organization,
    concurrent_creations_get_distinct_numbers,
    totals_are_computed_by_the_server,
    currency_mismatch_is_422_and_writes_nothing,
    lists_filter_and_page,
);

async fn numbers_are_sequential_per_organization(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (org(&h).await, org(&h).await);
    let ca = seed_company(&h.conn, a.org_id, "Globex").await;
    let cb = seed_company(&h.conn, b.org_id, "Initech").await;
    let mut seen = Vec::new();
    for (ctx, company) in [(&a, ca), (&b, cb), (&a, ca), (&b, cb)] {
        seen.push(h.svc.create_proposal(ctx, proposal_in(company)).await.expect("create").number);
    }
    assert_eq!(seen, [1, 1, 2, 2], "each organization counts from 1");
}

async fn concurrent_creations_get_distinct_numbers(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let (svc, ctx) = (h.svc.clone(), a);
            tokio::spawn(async move { svc.create_proposal(&ctx, proposal_in(company)).await.map(|p| p.number) })
        })
        .collect();
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.expect("join").expect("create"));
    }
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
    let stored = counter::Entity::find_by_id(a.org_id.into_uuid()).one(&h.conn).await.expect("q").expect("counter");
    assert_eq!(stored.last_proposal_number, 6);
}

async fn totals_are_computed_by_the_server(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    // A client that sends its own totals (wrong ones): they are ignored.
    let body = json!({
        "title": "Relaunch",
        "client_company_id": company,
        "currency": "EUR",
        "line_items": [
            {"description": "Workshop", "quantity": 2, "unit_price": {"amount_minor": 120000, "currency": "EUR"}, "amount": {"amount_minor": 1, "currency": "EUR"}},
            {"description": "Design", "quantity": "7.5", "unit_price": {"amount_minor": 95000, "currency": "EUR"}},
            {"description": "Rounding", "quantity": "0.333", "unit_price": {"amount_minor": 100, "currency": "EUR"}},
            {"description": "Discount", "quantity": 1, "unit_price": {"amount_minor": -2500, "currency": "EUR"}}
        ],
        "subtotal": {"amount_minor": 5, "currency": "EUR"},
        "total": {"amount_minor": 5, "currency": "EUR"}
    });
    let input: ProposalIn = serde_json::from_value(body).expect("valid body");
    let p = h.svc.create_proposal(&a, input).await.expect("create");
    let amounts: Vec<i64> = p.line_items.iter().map(|l| l.amount.amount_minor).collect();
    assert_eq!(amounts, [240_000, 712_500, 33, -2_500]);
    assert_eq!(p.subtotal, money(950_033, "EUR"));
    assert_eq!(p.total, money(950_033, "EUR"));
    assert_eq!(p.line_items[1].quantity.to_string(), "7.5");
    let stored = proposal::Entity::find_by_id(p.id.into_uuid()).one(&h.conn).await.expect("q").expect("row");
    assert_eq!((stored.subtotal_minor, stored.total_minor), (950_033, 950_033));
    let lines = line_item::Entity::find().all(&h.conn).await.expect("lines");
    assert_eq!(lines.iter().map(|l| l.quantity_milli).collect::<Vec<_>>(), [2000, 7500, 333, 1000]);

    // Replacing the lines recomputes; changing the currency needs lines in it.
    let patch = ProposalPatch { line_items: Some(vec![line("Audit", "3", 10_000)]), ..ProposalPatch::default() };
    let p = h.svc.update_proposal(&a, p.id, patch, IfMatch(Some(1))).await.expect("patch");
    assert_eq!((p.total, p.version, p.line_items.len()), (money(30_000, "EUR"), 2, 1));
    let to_usd = ProposalPatch { currency: Some("USD".parse().expect("USD")), ..ProposalPatch::default() };
    assert_eq!(invalid_fields(h.svc.update_proposal(&a, p.id, to_usd, IfMatch(None)).await), ["currency"]);
    let mut usd_line = line("Audit", "3", 10_000);
    usd_line.unit_price = money(10_000, "USD");
    let to_usd = ProposalPatch {
        currency: Some("USD".parse().expect("USD")),
        line_items: Some(vec![usd_line]),
        ..ProposalPatch::default()
    };
    let p = h.svc.update_proposal(&a, p.id, to_usd, IfMatch(None)).await.expect("to USD");
    assert_eq!(p.total, money(30_000, "USD"));
}

async fn currency_mismatch_is_422_and_writes_nothing(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let before = all_event_ids(&h.conn).await;
    let mut input = proposal_in(company);
    let mut usd = line("Hosting", "1", 5_000);
    usd.unit_price = money(5_000, "USD");
    input.line_items.push(usd);
    let fields = invalid_fields(h.svc.create_proposal(&a, input).await);
    assert_eq!(fields, ["line_items[1].unit_price.currency"]);
    assert_eq!(proposal::Entity::find().count(&h.conn).await.expect("count"), 0, "no row");
    assert_eq!(line_item::Entity::find().count(&h.conn).await.expect("count"), 0, "no line");
    assert!(new_events(&h.conn, &before).await.is_empty(), "no event");
    let first = h.svc.create_proposal(&a, proposal_in(company)).await.expect("create");
    assert_eq!(first.number, 1, "the failed creation took no number");
    assert_eq!(first.currency, eur());
}

async fn lists_filter_and_page(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let globex = seed_company(&h.conn, a.org_id, "Globex").await;
    let initech = seed_company(&h.conn, a.org_id, "Initech").await;
    let mut ids = Vec::new();
    for company in [globex, initech, globex] {
        ids.push(h.svc.create_proposal(&a, proposal_in(company)).await.expect("create").id);
    }
    h.svc.send_proposal(&a, ids[2], IfMatch(None)).await.expect("send");
    let list = |f: ProposalFilter, limit| {
        let svc = h.svc.clone();
        async move { svc.list_proposals(&a, &f, PageRequest::first(limit)).await.expect("list") }
    };
    let by_company = list(ProposalFilter { client_company_id: Some(globex), ..Default::default() }, 50).await;
    assert_eq!(by_company.items.iter().map(|p| p.id).collect::<Vec<_>>(), [ids[0], ids[2]]);
    let sent = list(ProposalFilter { status: Some(ProposalStatus::Sent), ..Default::default() }, 50).await;
    assert_eq!(sent.items.iter().map(|p| p.id).collect::<Vec<_>>(), [ids[2]]);
    assert_eq!(sent.items[0].line_items.len(), 1, "lists carry the lines");
    let first = list(ProposalFilter::default(), 2).await;
    assert_eq!(first.items.len(), 2);
    let rest = h
        .svc
        .list_proposals(&a, &ProposalFilter::default(), PageRequest { limit: 2, after: first.next_after })
        .await
        .expect("page 2");
    assert_eq!(rest.items.iter().map(|p| p.id).collect::<Vec<_>>(), [ids[2]]);
    assert_eq!(rest.next_after, None);
}
