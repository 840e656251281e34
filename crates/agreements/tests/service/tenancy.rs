//! Another organization's records: never referenced, never reached.

use atrium_agreements::dto::{
    BillingModel, ContractFilter, ContractIn, ContractPatch, EngagementIn, EngagementPatch, ProposalFilter,
    ProposalPatch, SignIn,
};
use atrium_agreements::entity::{contract, engagement, proposal};
use atrium_kernel::{AppError, IfMatch, PageRequest};
use atrium_testkit::{TestDb, backend_tests};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::assert_err;
use crate::common::{
    all_event_ids, email, eur, harness, invalid_fields, new_events, org, proposal_in, seed_company, seed_contact,
    seed_deal, text,
};

backend_tests!(references_to_another_organization_are_422, another_organizations_ids_are_not_found);

async fn references_to_another_organization_are_422(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (org(&h).await, org(&h).await);
    let ours = seed_company(&h.conn, a.org_id, "Globex").await;
    let other_company_of_ours = seed_company(&h.conn, a.org_id, "Initech").await;
    let theirs = seed_company(&h.conn, b.org_id, "Hooli").await;
    let their_contact = seed_contact(&h.conn, b.org_id, Some(theirs)).await;
    let their_deal = seed_deal(&h.conn, b.org_id, Some(theirs)).await;
    let wrong_contact = seed_contact(&h.conn, a.org_id, Some(other_company_of_ours)).await;
    let before = all_event_ids(&h.conn).await;

    assert_eq!(invalid_fields(h.svc.create_proposal(&a, proposal_in(theirs)).await), ["client_company_id"]);
    let mut p = proposal_in(ours);
    p.contact_id = Some(their_contact);
    p.deal_id = Some(their_deal);
    assert_eq!(invalid_fields(h.svc.create_proposal(&a, p).await), ["contact_id", "deal_id"]);
    let mut p = proposal_in(ours);
    p.contact_id = Some(wrong_contact);
    assert_eq!(invalid_fields(h.svc.create_proposal(&a, p).await), ["contact_id"], "a contact of another company");
    let c = ContractIn {
        title: text("x"),
        client_company_id: theirs,
        contact_id: None,
        deal_id: None,
        currency: eur(),
        total: None,
        start_date: None,
        end_date: None,
        terms: None,
    };
    assert_eq!(invalid_fields(h.svc.create_contract(&a, c).await), ["client_company_id"]);
    let their_contract = h
        .svc
        .create_contract(
            &b,
            ContractIn {
                title: text("Theirs"),
                client_company_id: theirs,
                contact_id: None,
                deal_id: None,
                currency: eur(),
                total: None,
                start_date: None,
                end_date: None,
                terms: None,
            },
        )
        .await
        .expect("their contract");
    let e = |name: &str| EngagementIn {
        name: text(name),
        client_company_id: None,
        contract_id: None,
        deal_id: None,
        billing_model: BillingModel::Retainer,
        budget: None,
        start_date: None,
        end_date: None,
        status: None,
    };
    let fields = |r| invalid_fields(r);
    assert_eq!(
        fields(h.svc.create_engagement(&a, EngagementIn { contract_id: Some(their_contract.id), ..e("x") }).await),
        ["contract_id"]
    );
    assert_eq!(
        fields(h.svc.create_engagement(&a, EngagementIn { deal_id: Some(their_deal), ..e("x") }).await),
        ["deal_id"]
    );
    assert_eq!(
        fields(h.svc.create_engagement(&a, EngagementIn { client_company_id: Some(theirs), ..e("x") }).await),
        ["client_company_id"]
    );

    // PATCH is checked the same way.
    let mine = h.svc.create_proposal(&a, proposal_in(ours)).await.expect("create");
    let patch = ProposalPatch { client_company_id: Some(theirs), ..ProposalPatch::default() };
    assert_eq!(invalid_fields(h.svc.update_proposal(&a, mine.id, patch, IfMatch(None)).await), ["client_company_id"]);
    let eng = h.svc.create_engagement(&a, e("ours")).await.expect("create");
    let patch = EngagementPatch { contract_id: atrium_kernel::Patch::Value(their_contract.id), ..Default::default() };
    assert_eq!(invalid_fields(h.svc.update_engagement(&a, eng.id, patch, IfMatch(None)).await), ["contract_id"]);

    // Only the three successful creations wrote anything.
    let written: Vec<String> = new_events(&h.conn, &before).await.into_iter().map(|e| e.event_type).collect();
    assert_eq!(
        written,
        ["agreements.contract.created", "agreements.proposal.created", "agreements.engagement.created"]
    );
    assert_eq!(proposal::Entity::find().count(&h.conn).await.expect("count"), 1);
}

async fn another_organizations_ids_are_not_found(db: &TestDb) {
    let h = harness(db);
    let (a, b) = (org(&h).await, org(&h).await);
    let company = seed_company(&h.conn, a.org_id, "Globex").await;
    let p = h.svc.create_proposal(&a, proposal_in(company)).await.expect("proposal");
    let c = h
        .svc
        .create_contract(
            &a,
            ContractIn {
                title: text("Ours"),
                client_company_id: company,
                contact_id: None,
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
                name: text("Ours"),
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
    let before = all_event_ids(&h.conn).await;
    let svc = &h.svc;
    assert_err!(svc.get_proposal(&b, p.id).await, AppError::NotFound("proposal"));
    assert_err!(svc.update_proposal(&b, p.id, ProposalPatch::default(), IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.send_proposal(&b, p.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.accept_proposal(&b, p.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.decline_proposal(&b, p.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.contract_from_proposal(&b, p.id).await, AppError::NotFound(_));
    assert_err!(svc.delete_proposal(&b, p.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.get_contract(&b, c.id).await, AppError::NotFound("contract"));
    assert_err!(svc.update_contract(&b, c.id, ContractPatch::default(), IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.send_contract(&b, c.id, IfMatch(None)).await, AppError::NotFound(_));
    let sign = SignIn { signer_name: text("x"), signer_email: email("x@example.com"), signature_data: text("x") };
    assert_err!(svc.sign_contract(&b, c.id, sign, None, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.activate_contract(&b, c.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.complete_contract(&b, c.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.terminate_contract(&b, c.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.contract_signature(&b, c.id).await, AppError::NotFound(_));
    assert_err!(svc.delete_contract(&b, c.id, IfMatch(None)).await, AppError::NotFound(_));
    assert_err!(svc.get_engagement(&b, e.id).await, AppError::NotFound("engagement"));
    assert_err!(
        svc.update_engagement(&b, e.id, EngagementPatch::default(), IfMatch(None)).await,
        AppError::NotFound(_)
    );
    assert_err!(svc.delete_engagement(&b, e.id, IfMatch(None)).await, AppError::NotFound(_));
    // B's lists are empty; A's rows and events are untouched.
    let pr = PageRequest::default();
    assert!(svc.list_proposals(&b, &ProposalFilter::default(), pr).await.expect("list").items.is_empty());
    assert!(svc.list_contracts(&b, &ContractFilter::default(), pr).await.expect("list").items.is_empty());
    assert!(svc.list_engagements(&b, &Default::default(), pr).await.expect("list").items.is_empty());
    assert!(new_events(&h.conn, &before).await.is_empty());
    assert_eq!(proposal::Entity::find().count(&h.conn).await.expect("count"), 1);
    assert_eq!(contract::Entity::find().count(&h.conn).await.expect("count"), 1);
    assert_eq!(engagement::Entity::find().count(&h.conn).await.expect("count"), 1);
    assert_eq!(svc.get_proposal(&a, p.id).await.expect("get").version, 1);
}
