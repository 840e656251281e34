//! Every write emits exactly its event, in its transaction; a failed write emits none.

use std::collections::HashSet;

use atrium_agreements::dto::{
    BillingModel, ClientCompanyId, ContractId, ContractIn, ContractPatch, EngagementId, EngagementIn, EngagementPatch,
    ProposalId, ProposalPatch, SignIn,
};
use atrium_events::EventPayload;
use atrium_events::agreements::{
    ContractUpdated, EngagementCreated, EngagementUpdated, ProposalCreated, ProposalUpdated,
};
use atrium_kernel::{IfMatch, OrgCtx};
use atrium_outbox::Event;
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::common::{
    Harness, all_event_ids, email, eur, events_of, harness, new_events, org, proposal_in, seed_company, text,
};

backend_tests!(each_write_emits_exactly_its_event);

struct Watch<'a> {
    conn: &'a DatabaseConnection,
    ctx: OrgCtx,
    seen: HashSet<Uuid>,
}

impl Watch<'_> {
    /// Asserts the events since the last call: these types, on this aggregate, by the caller.
    async fn expect(&mut self, aggregate: Uuid, types: &[&str]) {
        let events = new_events(self.conn, &self.seen).await;
        let got: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
        assert_eq!(got, types);
        for e in &events {
            assert_eq!((e.aggregate_id, e.organization_id), (aggregate, self.ctx.org_id.into_uuid()));
            assert_eq!(e.actor, self.ctx.actor());
        }
        self.seen = all_event_ids(self.conn).await;
    }

    async fn none(&mut self) {
        assert!(new_events(self.conn, &self.seen).await.is_empty(), "a failed write emitted an event");
    }
}

async fn each_write_emits_exactly_its_event(db: &TestDb) {
    let h: Harness = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let mut w = Watch { conn: &h.conn, ctx: a, seen: all_event_ids(&h.conn).await };
    let svc = &h.svc;
    let stale = IfMatch(Some(99));

    let p = svc.create_proposal(&a, proposal_in(company)).await.expect("create");
    let pid = p.id.into_uuid();
    w.expect(pid, &["agreements.proposal.created"]).await;
    let patch = ProposalPatch { title: Some(text("Relaunch v2")), ..ProposalPatch::default() };
    assert!(svc.update_proposal(&a, p.id, patch.clone(), stale).await.is_err());
    w.none().await;
    svc.update_proposal(&a, p.id, patch, IfMatch(None)).await.expect("patch");
    w.expect(pid, &["agreements.proposal.updated"]).await;
    assert!(svc.accept_proposal(&a, p.id, IfMatch(None)).await.is_err());
    w.none().await;
    svc.send_proposal(&a, p.id, IfMatch(None)).await.expect("send");
    w.expect(pid, &["agreements.proposal.sent"]).await;
    svc.accept_proposal(&a, p.id, IfMatch(None)).await.expect("accept");
    w.expect(pid, &["agreements.proposal.accepted"]).await;
    let q = svc.create_proposal(&a, proposal_in(company)).await.expect("create");
    w.expect(q.id.into_uuid(), &["agreements.proposal.created"]).await;
    svc.send_proposal(&a, q.id, IfMatch(None)).await.expect("send");
    w.expect(q.id.into_uuid(), &["agreements.proposal.sent"]).await;
    svc.decline_proposal(&a, q.id, IfMatch(None)).await.expect("decline");
    w.expect(q.id.into_uuid(), &["agreements.proposal.declined"]).await;
    assert!(svc.delete_proposal(&a, q.id, stale).await.is_err());
    w.none().await;
    svc.delete_proposal(&a, q.id, IfMatch(None)).await.expect("delete");
    w.expect(q.id.into_uuid(), &["agreements.proposal.deleted"]).await;

    let c = svc.contract_from_proposal(&a, p.id).await.expect("contract");
    let cid = c.id.into_uuid();
    w.expect(cid, &["agreements.contract.created"]).await;
    assert!(svc.contract_from_proposal(&a, p.id).await.is_err());
    w.none().await;
    let patch = ContractPatch { terms: atrium_kernel::Patch::Value(text("Net 14")), ..ContractPatch::default() };
    svc.update_contract(&a, c.id, patch, IfMatch(None)).await.expect("patch");
    w.expect(cid, &["agreements.contract.updated"]).await;
    svc.send_contract(&a, c.id, IfMatch(None)).await.expect("send");
    w.expect(cid, &["agreements.contract.sent"]).await;
    let sign = SignIn { signer_name: text("Hank"), signer_email: email("hank@example.com"), signature_data: text("s") };
    svc.sign_contract(&a, c.id, sign, None, IfMatch(None)).await.expect("sign");
    w.expect(cid, &["agreements.contract.signed"]).await;
    svc.activate_contract(&a, c.id, IfMatch(None)).await.expect("activate");
    w.expect(cid, &["agreements.contract.activated"]).await;
    svc.complete_contract(&a, c.id, IfMatch(None)).await.expect("complete");
    w.expect(cid, &["agreements.contract.completed"]).await;
    assert!(svc.delete_contract(&a, c.id, IfMatch(None)).await.is_err(), "signed contracts are kept");
    w.none().await;

    let d = ContractIn {
        title: text("Direct"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: Some(atrium_kernel::Money::new(100, "USD".parse().expect("USD"))),
        start_date: None,
        end_date: None,
        terms: None,
    };
    assert!(svc.create_contract(&a, d.clone()).await.is_err(), "total in another currency");
    w.none().await;
    let d = svc.create_contract(&a, ContractIn { total: None, ..d }).await.expect("direct");
    w.expect(d.id.into_uuid(), &["agreements.contract.created"]).await;
    svc.send_contract(&a, d.id, IfMatch(None)).await.expect("send");
    let sign = SignIn { signer_name: text("Hank"), signer_email: email("hank@example.com"), signature_data: text("s") };
    svc.sign_contract(&a, d.id, sign, None, IfMatch(None)).await.expect("sign");
    w.seen = all_event_ids(&h.conn).await;
    svc.terminate_contract(&a, d.id, IfMatch(None)).await.expect("terminate");
    w.expect(d.id.into_uuid(), &["agreements.contract.terminated"]).await;
    let draft = svc.create_contract(&a, ContractIn { title: text("Draft"), ..contract_in(company) }).await;
    let draft = draft.expect("draft");
    w.seen = all_event_ids(&h.conn).await;
    svc.delete_contract(&a, draft.id, IfMatch(None)).await.expect("delete");
    w.expect(draft.id.into_uuid(), &["agreements.contract.deleted"]).await;

    let e = svc
        .create_engagement(
            &a,
            EngagementIn {
                name: text("Delivery"),
                client_company_id: None,
                contract_id: Some(c.id),
                deal_id: None,
                billing_model: BillingModel::Fixed,
                budget: None,
                start_date: None,
                end_date: None,
                status: None,
            },
        )
        .await
        .expect("engagement");
    let eid = e.id.into_uuid();
    w.expect(eid, &["agreements.engagement.created"]).await;
    let patch = EngagementPatch { name: Some(text("Delivery 2")), ..EngagementPatch::default() };
    assert!(svc.update_engagement(&a, e.id, patch.clone(), stale).await.is_err());
    w.none().await;
    svc.update_engagement(&a, e.id, patch, IfMatch(None)).await.expect("patch");
    w.expect(eid, &["agreements.engagement.updated"]).await;
    svc.delete_engagement(&a, e.id, IfMatch(None)).await.expect("delete");
    w.expect(eid, &["agreements.engagement.deleted"]).await;
    let deleted = crate::common::events_of_type(&h.conn, a.org_id, "agreements.engagement.deleted").await;
    assert_eq!(deleted[0].data["engagement_id"], e.id.to_string());
    assert_eq!(deleted[0].data["proposal_id"], p.id.to_string());
    payloads_decode_as_their_types(&h, &a, (p.id, c.id, e.id)).await;
}

/// Every stored payload reads back as its catalog type, and the typed ones carry
/// what generic consumers (the timeline) file by.
async fn payloads_decode_as_their_types(h: &Harness, a: &OrgCtx, (p, c, e): (ProposalId, ContractId, EngagementId)) {
    let events: Vec<Event> = events_of(&h.conn, a.org_id).await.into_iter().map(Event::from).collect();
    for ev in &events {
        let kind =
            atrium_events::find(&ev.event_type).unwrap_or_else(|| panic!("{} is not in the catalog", ev.event_type));
        kind.facets(&ev.data).unwrap_or_else(|err| panic!("{}: {err}", ev.event_type));
    }
    let one = |t: &str| events.iter().find(|ev| ev.event_type == t).unwrap_or_else(|| panic!("no {t}"));
    let updated = one(ProposalUpdated::TYPE).payload::<ProposalUpdated>().expect("typed");
    assert_eq!((updated.proposal.id, updated.changed), (p, vec!["title".to_owned()]));
    assert_eq!(updated.proposal.title, "Relaunch v2");
    let updated = one(ContractUpdated::TYPE).payload::<ContractUpdated>().expect("typed");
    assert_eq!((updated.contract.id, updated.changed), (c, vec!["terms".to_owned()]));
    let updated = one(EngagementUpdated::TYPE).payload::<EngagementUpdated>().expect("typed");
    assert_eq!((updated.engagement.id, updated.changed), (e, vec!["name".to_owned()]));
    let created = one(EngagementCreated::TYPE).payload::<EngagementCreated>().expect("typed");
    let facets = created.facets();
    assert_eq!(facets.origins, [c.into_uuid(), p.into_uuid()], "the contract's and proposal's entries follow it");
    assert_eq!((facets.engagement_id, facets.label.as_deref()), (Some(e.into_uuid()), Some("Delivery")));
    let proposal_created = one(ProposalCreated::TYPE).payload::<ProposalCreated>().expect("typed");
    assert_eq!(proposal_created.facets().label.as_deref(), Some("Website relaunch"));
    let round_trip = serde_json::to_value(&proposal_created).expect("json");
    assert_eq!(round_trip, one(ProposalCreated::TYPE).data, "the stored JSON is the typed payload");
}

fn contract_in(company: ClientCompanyId) -> ContractIn {
    ContractIn {
        title: text("x"),
        client_company_id: company,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: None,
        start_date: None,
        end_date: None,
        terms: None,
    }
}
