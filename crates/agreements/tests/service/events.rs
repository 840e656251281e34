//! Every write emits exactly its event, in its transaction; a failed write emits none.

use std::collections::HashSet;

use atrium_agreements::dto::{
    BillingModel, ContractIn, ContractPatch, EngagementIn, EngagementPatch, ProposalPatch, SignIn,
};
use atrium_kernel::{IfMatch, OrgCtx};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::common::{Harness, all_event_ids, eur, harness, new_events, org, proposal_in, seed_company};

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
    let patch = ProposalPatch { title: Some("Relaunch v2".into()), ..ProposalPatch::default() };
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
    let patch = ContractPatch { terms: atrium_kernel::Patch::Value("Net 14".into()), ..ContractPatch::default() };
    svc.update_contract(&a, c.id, patch, IfMatch(None)).await.expect("patch");
    w.expect(cid, &["agreements.contract.updated"]).await;
    svc.send_contract(&a, c.id, IfMatch(None)).await.expect("send");
    w.expect(cid, &["agreements.contract.sent"]).await;
    let sign =
        SignIn { signer_name: "Hank".into(), signer_email: "hank@example.com".into(), signature_data: "s".into() };
    svc.sign_contract(&a, c.id, sign, None, IfMatch(None)).await.expect("sign");
    w.expect(cid, &["agreements.contract.signed"]).await;
    svc.activate_contract(&a, c.id, IfMatch(None)).await.expect("activate");
    w.expect(cid, &["agreements.contract.activated"]).await;
    svc.complete_contract(&a, c.id, IfMatch(None)).await.expect("complete");
    w.expect(cid, &["agreements.contract.completed"]).await;
    assert!(svc.delete_contract(&a, c.id, IfMatch(None)).await.is_err(), "signed contracts are kept");
    w.none().await;

    let d = ContractIn {
        title: "Direct".into(),
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
    let sign =
        SignIn { signer_name: "Hank".into(), signer_email: "hank@example.com".into(), signature_data: "s".into() };
    svc.sign_contract(&a, d.id, sign, None, IfMatch(None)).await.expect("sign");
    w.seen = all_event_ids(&h.conn).await;
    svc.terminate_contract(&a, d.id, IfMatch(None)).await.expect("terminate");
    w.expect(d.id.into_uuid(), &["agreements.contract.terminated"]).await;
    let draft = svc.create_contract(&a, ContractIn { title: "Draft".into(), ..contract_in(company) }).await;
    let draft = draft.expect("draft");
    w.seen = all_event_ids(&h.conn).await;
    svc.delete_contract(&a, draft.id, IfMatch(None)).await.expect("delete");
    w.expect(draft.id.into_uuid(), &["agreements.contract.deleted"]).await;

    let e = svc
        .create_engagement(
            &a,
            EngagementIn {
                name: "Delivery".into(),
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
    let patch = EngagementPatch { name: Some("Delivery 2".into()), ..EngagementPatch::default() };
    assert!(svc.update_engagement(&a, e.id, patch.clone(), stale).await.is_err());
    w.none().await;
    svc.update_engagement(&a, e.id, patch, IfMatch(None)).await.expect("patch");
    w.expect(eid, &["agreements.engagement.updated"]).await;
    svc.delete_engagement(&a, e.id, IfMatch(None)).await.expect("delete");
    w.expect(eid, &["agreements.engagement.deleted"]).await;
    let deleted = crate::common::events_of_type(&h.conn, a.org_id, "agreements.engagement.deleted").await;
    assert_eq!(deleted[0].data["engagement_id"], e.id.to_string());
    assert_eq!(deleted[0].data["proposal_id"], p.id.to_string());
}

fn contract_in(company: Uuid) -> ContractIn {
    ContractIn {
        title: "x".into(),
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
