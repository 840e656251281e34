//! The expiry job and the CRM merge subscriber.

use atrium_agreements::dto::{BillingModel, ClientCompanyId, ContactId, ContractIn, EngagementIn, ProposalStatus};
use atrium_agreements::{CrmMergeSubscriber, ProposalExpiryJob};
use atrium_events::EventPayload;
use atrium_events::crm::{CompanyMerged, ContactMerged};
use atrium_kernel::{Clock, Date, IfMatch, OrganizationId};
use atrium_outbox::{Event, EventId, Job, Subscriber};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use uuid::Uuid;

use crate::common::{
    all_event_ids, eur, events_of_type, harness, mark_merged, new_events, org, proposal_in, seed_company, seed_contact,
    text,
};

backend_tests!(expiry_job_expires_only_sent_proposals_past_validity, merge_subscriber_repoints_idempotently);

async fn expiry_job_expires_only_sent_proposals_past_validity(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (org(&h).await, org(&h).await);
    let ca = seed_company(&h.conn, a.org_id, "Globex").await;
    let cb = seed_company(&h.conn, b.org_id, "Initech").await;
    let today = h.clock.now().date_naive();
    let make = |ctx, company: ClientCompanyId, valid: Option<i64>, send: bool, accept: bool| {
        let svc = h.svc.clone();
        async move {
            let mut input = proposal_in(company);
            input.valid_until = valid.map(|d| Date::new(today + Duration::days(d)).expect("date"));
            let p = svc.create_proposal(&ctx, input).await.expect("create");
            if send {
                svc.send_proposal(&ctx, p.id, IfMatch(None)).await.expect("send");
            }
            if accept {
                svc.accept_proposal(&ctx, p.id, IfMatch(None)).await.expect("accept");
            }
            p.id
        }
    };
    // Accept while still valid, then let the clock pass its validity.
    let accepted = make(a, ca, Some(0), true, true).await;
    let due_a = make(a, ca, Some(0), true, false).await;
    let due_b = make(b, cb, Some(-3), true, false).await;
    let valid_today = make(a, ca, Some(1), true, false).await;
    let open_ended = make(a, ca, None, true, false).await;
    let draft = make(a, ca, Some(-5), false, false).await;
    h.clock.advance(Duration::days(1));

    let job = ProposalExpiryJob::new(h.svc.clone());
    assert_eq!(job.name(), "agreements.proposal_expiry");
    let before = all_event_ids(&h.conn).await;
    let report = job.run(h.clock.now()).await.expect("run");
    assert_eq!(report, "expired 2 proposals");
    let status = |ctx, id| {
        let svc = h.svc.clone();
        async move { svc.get_proposal(&ctx, id).await.expect("get").status }
    };
    assert_eq!(status(a, due_a).await, ProposalStatus::Expired);
    assert_eq!(status(b, due_b).await, ProposalStatus::Expired);
    assert_eq!(status(a, valid_today).await, ProposalStatus::Sent, "valid through today");
    assert_eq!(status(a, open_ended).await, ProposalStatus::Sent);
    assert_eq!(status(a, draft).await, ProposalStatus::Draft);
    assert_eq!(status(a, accepted).await, ProposalStatus::Accepted);
    let events = new_events(&h.conn, &before).await;
    let mut expired: Vec<(Uuid, &str, &str)> =
        events.iter().map(|e| (e.aggregate_id, e.event_type.as_str(), e.actor.as_str())).collect();
    expired.sort();
    let mut want = vec![
        (due_a.into_uuid(), "agreements.proposal.expired", "system:agreements.proposal_expiry"),
        (due_b.into_uuid(), "agreements.proposal.expired", "system:agreements.proposal_expiry"),
    ];
    want.sort();
    assert_eq!(expired, want, "one event per expiry, in its own organization");
    assert_eq!(
        events.iter().find(|e| e.aggregate_id == due_b.into_uuid()).map(|e| e.organization_id),
        Some(b.org_id.into_uuid())
    );

    assert_eq!(job.run(h.clock.now()).await.expect("rerun"), "expired 0 proposals", "idempotent");
}

/// A CRM merge event as CRM publishes it.
fn merge_event<E: EventPayload>(org: OrganizationId, payload: &E) -> Event {
    Event {
        id: EventId::new(),
        org_id: org,
        event_type: E::TYPE.into(),
        aggregate_type: E::AGGREGATE.into(),
        aggregate_id: payload.aggregate_id(),
        occurred_at: chrono::Utc::now(),
        actor: "user:x".into(),
        data: serde_json::to_value(payload).expect("json"),
    }
}

fn companies_merged(survivor: ClientCompanyId, merged: &[ClientCompanyId]) -> CompanyMerged {
    CompanyMerged { survivor_id: survivor, merged_ids: merged.to_vec(), repointed_contacts: 0, repointed_deals: 0 }
}

fn contacts_merged(survivor: ContactId, merged: &[ContactId]) -> ContactMerged {
    ContactMerged { survivor_id: survivor, merged_ids: merged.to_vec(), repointed_deals: 0 }
}

async fn merge_subscriber_repoints_idempotently(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let survivor = seed_company(&h.conn, a.org_id, "Globex").await;
    let dup = seed_company(&h.conn, a.org_id, "Globex Inc").await;
    let keep_contact = seed_contact(&h.conn, a.org_id, Some(dup)).await;
    let dup_contact = seed_contact(&h.conn, a.org_id, Some(dup)).await;
    let mut input = proposal_in(dup);
    input.contact_id = Some(dup_contact);
    let p = h.svc.create_proposal(&a, input).await.expect("proposal");
    let c = h
        .svc
        .create_contract(
            &a,
            ContractIn {
                title: text("Retainer"),
                client_company_id: dup,
                contact_id: Some(dup_contact),
                deal_id: None,
                currency: eur(),
                total: None,
                start_date: None,
                end_date: None,
                terms: None,
            },
        )
        .await
        .expect("contract");
    let e = h
        .svc
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
    assert_eq!(e.client_company_id, Some(dup));

    let sub = CrmMergeSubscriber::new(h.svc.clone());
    assert!(sub.accepts("crm.company.merged") && sub.accepts("crm.contact.merged"));
    assert!(!sub.accepts("crm.company.updated"));
    mark_merged(&h.conn, "client_companies", dup, survivor).await;
    let company_merge = merge_event(a.org_id, &companies_merged(survivor, &[dup]));
    for round in 0..2 {
        sub.deliver(sub.name(), &company_merge).await.expect("deliver");
        let repointed = events_of_type(&h.conn, a.org_id, "agreements.references.repointed").await;
        assert_eq!(repointed.len(), 1, "round {round}: a redelivery writes nothing");
        assert_eq!(repointed[0].data["proposals"], 1);
        assert_eq!(repointed[0].data["contracts"], 1);
        assert_eq!(repointed[0].data["engagements"], 1);
        assert_eq!(repointed[0].actor, "system:agreements.crm_merges");
    }
    let p2 = h.svc.get_proposal(&a, p.id).await.expect("get");
    assert_eq!((p2.client_company_id, p2.version), (Some(survivor), 2), "repointed once, version bumped once");
    assert_eq!(h.svc.get_contract(&a, c.id).await.expect("get").client_company_id, Some(survivor));
    assert_eq!(h.svc.get_engagement(&a, e.id).await.expect("get").client_company_id, Some(survivor));

    let contact_merge = merge_event(a.org_id, &contacts_merged(keep_contact, &[dup_contact]));
    sub.deliver(sub.name(), &contact_merge).await.expect("deliver");
    sub.deliver(sub.name(), &contact_merge).await.expect("redeliver");
    assert_eq!(h.svc.get_proposal(&a, p.id).await.expect("get").contact_id, Some(keep_contact));
    assert_eq!(h.svc.get_contract(&a, c.id).await.expect("get").contact_id, Some(keep_contact));
    assert_eq!(events_of_type(&h.conn, a.org_id, "agreements.references.repointed").await.len(), 2);

    // Another organization's merge event cannot touch these rows.
    let b = org(&h).await;
    let stray = merge_event(b.org_id, &contacts_merged(ContactId::new(), &[keep_contact]));
    let before = all_event_ids(&h.conn).await;
    sub.deliver(sub.name(), &stray).await.expect("deliver");
    assert!(new_events(&h.conn, &before).await.is_empty());
    assert_eq!(h.svc.get_proposal(&a, p.id).await.expect("get").contact_id, Some(keep_contact));
}
