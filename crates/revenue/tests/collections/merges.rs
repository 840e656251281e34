//! Invoices follow CRM merges (idempotently) and are realigned with their
//! engagement by the reconciliation job.

use atrium_events::EventPayload;
use atrium_events::crm::CompanyMerged;
use atrium_kernel::OrganizationId;
use atrium_outbox::{Event, EventId, Subscriber};
use atrium_revenue::dto::{ClientCompanyId, EngagementId, InvoiceId};
use atrium_revenue::jobs::CrmMergeSubscriber;
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use serde_json::json;
use uuid::Uuid;

use super::{day, harness};

backend_tests!(a_merge_repoints_invoices_once_and_redelivery_changes_nothing, reconciliation_realigns_drifted_invoices,);

fn merged(org: OrganizationId, survivor: ClientCompanyId, merged: &[ClientCompanyId]) -> Event {
    let payload =
        CompanyMerged { survivor_id: survivor, merged_ids: merged.to_vec(), repointed_contacts: 0, repointed_deals: 0 };
    Event {
        id: EventId::new(),
        org_id: org,
        event_type: CompanyMerged::TYPE.into(),
        aggregate_type: CompanyMerged::AGGREGATE.into(),
        aggregate_id: payload.aggregate_id(),
        occurred_at: chrono::Utc::now(),
        actor: "user:x".into(),
        data: serde_json::to_value(&payload).expect("payload"),
    }
}

async fn client_of(conn: &sea_orm::DatabaseConnection, table: &str, id: Uuid) -> Option<Uuid> {
    let stmt = Query::select()
        .column(Alias::new("client_company_id"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    let row = conn.query_one(&stmt).await.expect("read").expect("row");
    row.try_get("", "client_company_id").expect("column")
}

async fn set_client(conn: &sea_orm::DatabaseConnection, table: &str, id: Uuid, to: Option<Uuid>) {
    let stmt = Query::update()
        .table(Alias::new(table))
        .value(Alias::new("client_company_id"), to)
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    conn.execute(&stmt).await.expect("update");
}

async fn a_merge_repoints_invoices_once_and_redelivery_changes_nothing(db: &TestDb) {
    let h = harness(db);
    let (ctx, other) = (h.org().await, h.org().await);
    let survivor = h.company(&ctx, "Globex").await;
    let (dup, untouched) = (h.company(&ctx, "Globex Inc").await, h.company(&ctx, "Initech").await);
    let on_dup = h.engagement(&ctx, dup).await;
    let issued = h.issued(&ctx, on_dup, 10_000, day(2027, 1, 2)).await;
    let draft = h.draft(&ctx, on_dup, "USD", 5_000).await;
    let kept = h.draft(&ctx, h.engagement(&ctx, untouched).await, "USD", 5_000).await;
    // Another organization's invoice naming a company id in the event is never touched.
    let theirs_company = h.company(&other, "Globex (theirs)").await;
    let theirs = h.draft(&other, h.engagement(&other, theirs_company).await, "USD", 1_000).await;

    let event = merged(ctx.org_id, survivor, &[dup, theirs_company]);
    let sub = CrmMergeSubscriber(h.svc.clone());
    assert!(sub.accepts("crm.company.merged") && !sub.accepts("crm.contact.merged"));
    sub.deliver("revenue.crm_merges", &event).await.expect("deliver");
    let read = |id: InvoiceId| client_of(&h.conn, "invoices", id.into_uuid());
    assert_eq!(
        (read(issued.id).await, read(draft.id).await, read(kept.id).await, read(theirs.id).await),
        (
            Some(survivor.into_uuid()),
            Some(survivor.into_uuid()),
            Some(untouched.into_uuid()),
            Some(theirs_company.into_uuid())
        )
    );
    let events = h.events("revenue.invoices.repointed").await;
    assert_eq!(events.len(), 1);
    let mut moved = vec![json!(issued.id), json!(draft.id)];
    moved.sort_by_key(|v| v.to_string());
    assert_eq!(
        (&events[0].data["count"], &events[0].data["invoice_ids"], &events[0].data["cause_event_id"]),
        (&json!(2), &json!(moved), &json!(event.id))
    );
    assert_eq!(
        (events[0].organization_id, events[0].actor.as_str()),
        (ctx.org_id.into_uuid(), "system:revenue.crm_merges")
    );
    let repointed = h.svc.get_invoice(&ctx, issued.id).await.expect("get");
    assert_eq!(repointed.version, issued.version + 1, "the ETag moves with the change");

    // Redelivery: nothing left to move, no second event.
    sub.deliver("revenue.crm_merges", &event).await.expect("redeliver");
    assert_eq!(
        h.svc
            .repoint_merged_invoices(
                &event,
                &CompanyMerged {
                    survivor_id: survivor,
                    merged_ids: vec![dup],
                    repointed_contacts: 0,
                    repointed_deals: 0
                }
            )
            .await
            .expect("again"),
        0
    );
    assert_eq!(h.events("revenue.invoices.repointed").await.len(), 1);
    assert_eq!(h.svc.get_invoice(&ctx, issued.id).await.expect("get").version, repointed.version);

    let mut bad = event.clone();
    bad.data = json!({"survivor_id": "not-an-id"});
    assert!(sub.deliver("revenue.crm_merges", &bad).await.is_err(), "a malformed event is retried, not swallowed");
}

async fn reconciliation_realigns_drifted_invoices(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let (globex, initech) = (h.company(&ctx, "Globex").await, h.company(&ctx, "Initech").await);
    let engagement: EngagementId = h.engagement(&ctx, globex).await;
    let aligned = h.issued(&ctx, engagement, 10_000, day(2027, 1, 2)).await;
    let drifted = h.issued(&ctx, engagement, 20_000, day(2027, 1, 2)).await;
    let orphaned = h.draft(&ctx, engagement, "USD", 3_000).await;
    set_client(&h.conn, "invoices", drifted.id.into_uuid(), Some(initech.into_uuid())).await;
    set_client(&h.conn, "invoices", orphaned.id.into_uuid(), None).await;

    assert_eq!(h.svc.reconcile_client_companies().await.expect("reconcile"), 2);
    for inv in [&aligned, &drifted, &orphaned] {
        assert_eq!(client_of(&h.conn, "invoices", inv.id.into_uuid()).await, Some(globex.into_uuid()));
    }
    let events = h.events("revenue.invoice.reconciled").await;
    let moves: Vec<_> =
        events.iter().map(|e| (e.data["id"].clone(), e.data["from"].clone(), e.data["to"].clone())).collect();
    assert_eq!(
        moves,
        [
            (json!(drifted.id), json!(initech), json!(globex)),
            (json!(orphaned.id), serde_json::Value::Null, json!(globex)),
        ]
    );
    assert_eq!(events[0].data["engagement_id"], json!(engagement));
    assert_eq!(events[0].actor, "system:revenue.reconcile_client_companies");
    assert_eq!(h.svc.reconcile_client_companies().await.expect("rerun"), 0, "a rerun repairs nothing");
    assert_eq!(h.events("revenue.invoice.reconciled").await.len(), 2);

    // The engagement moves to another client (a manual fix): its invoices follow.
    set_client(&h.conn, "engagements", engagement.into_uuid(), Some(initech.into_uuid())).await;
    assert_eq!(h.svc.reconcile_organization(ctx.org_id).await.expect("reconcile"), 3);
    assert_eq!(client_of(&h.conn, "invoices", aligned.id.into_uuid()).await, Some(initech.into_uuid()));
}
