//! Proposal → contract → signature → engagement, with the signature data
//! encrypted at rest and absent from lists and events.

use atrium_agreements::dto::{BillingModel, ContractFilter, ContractStatus, EngagementIn, EngagementStatus, SignIn};
use atrium_agreements::entity::contract;
use atrium_kernel::{AppError, Clock, IfMatch, PageRequest};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::EntityTrait;

use crate::common::{email, events_of, harness, money, org, proposal_in, seed_company, seed_contact, seed_deal, text};

backend_tests!(proposal_becomes_a_signed_contract_and_an_engagement);

const SECRET: &str = "data:image/svg+xml;base64,SIGNED-BY-HANK-7f3a9c";

async fn proposal_becomes_a_signed_contract_and_an_engagement(db: &TestDb) {
    let h = harness(db);
    let a = org(&h).await;
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let contact = seed_contact(&h.conn, a.org_id, Some(company)).await;
    let deal = seed_deal(&h.conn, a.org_id, Some(company)).await;
    let mut input = proposal_in(company);
    input.contact_id = Some(contact);
    input.deal_id = Some(deal);
    let p = h.svc.create_proposal(&a, input).await.expect("create");
    h.svc.send_proposal(&a, p.id, IfMatch(None)).await.expect("send");
    h.svc.accept_proposal(&a, p.id, IfMatch(None)).await.expect("accept");

    let c = h.svc.contract_from_proposal(&a, p.id).await.expect("contract");
    assert_eq!(c.proposal_id, Some(p.id));
    assert_eq!(
        (c.title.as_str(), c.client_company_id, c.contact_id, c.deal_id),
        (p.title.as_str(), Some(company), Some(contact), Some(deal))
    );
    assert_eq!((c.currency, c.total), (p.currency, Some(money(240_000, "EUR"))));
    assert_eq!(c.status, ContractStatus::Draft);
    match h.svc.contract_from_proposal(&a, p.id).await {
        Err(AppError::Conflict { existing_id, .. }) => assert_eq!(existing_id, Some(c.id.to_string())),
        other => panic!("a second contract: {other:?}"),
    }
    let linked = h.svc.get_proposal(&a, p.id).await.expect("get");
    assert_eq!(linked.contract_id, Some(c.id));

    h.svc.send_contract(&a, c.id, IfMatch(None)).await.expect("send");
    assert!(matches!(h.svc.contract_signature(&a, c.id).await, Err(AppError::NotFound("signature"))));
    let sign = SignIn {
        signer_name: text("Hank Scorpio"),
        signer_email: email("hank@globex.example"),
        signature_data: text(SECRET),
    };
    let signed = h.svc.sign_contract(&a, c.id, sign, Some("203.0.113.7".into()), IfMatch(None)).await.expect("sign");
    let sig = signed.signature.clone().expect("signature metadata");
    assert_eq!((sig.signer_name.as_str(), sig.signer_ip.as_deref()), ("Hank Scorpio", Some("203.0.113.7")));
    assert_eq!(sig.signed_at, h.clock.now(), "server clock");

    // At rest: ciphertext only.
    let row = contract::Entity::find_by_id(c.id.into_uuid()).one(&h.conn).await.expect("q").expect("row");
    let stored = row.signature_ciphertext.clone().expect("ciphertext");
    assert!(!stored.contains("SIGNED-BY-HANK") && !stored.contains(SECRET));
    assert!(!format!("{row:?}").contains("SIGNED-BY-HANK"), "no column holds the plaintext");
    // Read back decrypted only through the signature endpoint.
    let read = h.svc.contract_signature(&a, c.id).await.expect("signature");
    assert_eq!((read.signature_data.as_str(), &read.signature), (SECRET, &sig));
    let got = serde_json::to_string(&h.svc.get_contract(&a, c.id).await.expect("get")).expect("json");
    let listed = h.svc.list_contracts(&a, &ContractFilter::default(), PageRequest::default()).await.expect("list");
    let listed = serde_json::to_string(&listed.items).expect("json");
    for text in [&got, &listed] {
        assert!(!text.contains("SIGNED-BY-HANK") && !text.contains("signature_data"), "{text}");
    }
    assert!(got.contains("Hank Scorpio"), "who signed is shown");

    // The engagement takes the contract's client company; its events and the
    // contract's later ones carry `engagement_id`.
    let e = h
        .svc
        .create_engagement(
            &a,
            EngagementIn {
                name: text("Relaunch delivery"),
                client_company_id: None,
                contract_id: Some(c.id),
                deal_id: None,
                billing_model: BillingModel::Fixed,
                budget: Some(money(240_000, "EUR")),
                start_date: None,
                end_date: None,
                status: None,
            },
        )
        .await
        .expect("engagement");
    assert_eq!((e.client_company_id, e.contract_id, e.status), (Some(company), Some(c.id), EngagementStatus::Planned));
    let active = h.svc.activate_contract(&a, c.id, IfMatch(None)).await.expect("activate");
    assert_eq!(active.engagement_id, Some(e.id));
    assert_eq!(h.svc.get_proposal(&a, p.id).await.expect("get").engagement_id, Some(e.id));

    let events = events_of(&h.conn, a.org_id).await;
    for ev in &events {
        assert!(!ev.data.to_string().contains("SIGNED-BY-HANK"), "{} leaks the signature", ev.event_type);
    }
    let created = events.iter().find(|ev| ev.event_type == "agreements.engagement.created").expect("event");
    assert_eq!(created.data["engagement_id"], e.id.to_string());
    assert_eq!(created.data["contract_id"], c.id.to_string());
    assert_eq!(created.data["proposal_id"], p.id.to_string());
    let activated = events.iter().find(|ev| ev.event_type == "agreements.contract.activated").expect("event");
    assert_eq!(activated.data["engagement_id"], e.id.to_string());
    let signed_event = events.iter().find(|ev| ev.event_type == "agreements.contract.signed").expect("event");
    assert_eq!(signed_event.data["signature"]["signer_name"], "Hank Scorpio");
}
