//! Tenant isolation: another organization's ids are not found and nothing changes;
//! the lookups other domains make (`company_ref`, `contact_ref`, `deal_ref`) stay in
//! the organization and follow merges to the survivor.

use atrium_crm::dto::{
    ClientCompanyId, CompanyPatch, CompanyStatus, ContactId, ContactIn, ContactPatch, DealId, DealIn, DealPatch,
    DealStage, MergeIn,
};
use atrium_crm::{ContactRef, DealRef};
use atrium_kernel::{AppError, IfMatch, Patch};
use atrium_testkit::{TestDb, backend_tests};

use crate::assert_err;
use crate::common::{contact_in, deal_in, harness, snapshot, text};
use crate::companies::new_company;
use crate::contacts::new_contact;
use crate::deals::new_deal;

backend_tests!(other_orgs_records_are_not_found, refs_stay_in_the_organization_and_follow_merges);

async fn other_orgs_records_are_not_found(db: &TestDb) {
    let h = harness(db);
    let a = h.org().await;
    let b = h.org().await;
    let company = new_company(&h, &a, "Globex", CompanyStatus::Active).await;
    let contact_input = ContactIn { client_company_id: Some(company.into()), ..contact_in("Ada", "L", Some("a@x.io")) };
    let contact = new_contact(&h, &a, contact_input).await;
    let deal_input =
        DealIn { client_company_id: Some(company.into()), contact_id: Some(contact.into()), ..deal_in("D") };
    let deal = new_deal(&h, &a, deal_input).await;
    let b_contact = new_contact(&h, &b, contact_in("Eve", "B", None)).await;
    let before = snapshot(&h.conn).await;

    for if_match in [IfMatch(None), IfMatch(Some(1))] {
        assert_err!(h.svc.get_company(&b, company.into()).await, AppError::NotFound(_), "get company");
        let patch = CompanyPatch { name: Some(text("Stolen")), ..CompanyPatch::default() };
        assert_err!(
            h.svc.update_company(&b, company.into(), patch, if_match).await,
            AppError::NotFound(_),
            "update company"
        );
        assert_err!(h.svc.delete_company(&b, company.into(), if_match).await, AppError::NotFound(_), "delete company");

        assert_err!(h.svc.get_contact(&b, contact.into()).await, AppError::NotFound(_), "get contact");
        let patch = ContactPatch { title: Patch::Value(text("Stolen")), ..ContactPatch::default() };
        assert_err!(
            h.svc.update_contact(&b, contact.into(), patch, if_match).await,
            AppError::NotFound(_),
            "update contact"
        );
        assert_err!(h.svc.delete_contact(&b, contact.into(), if_match).await, AppError::NotFound(_), "delete contact");

        assert_err!(h.svc.get_deal(&b, deal.into()).await, AppError::NotFound(_), "get deal");
        let patch = DealPatch { stage: Some(DealStage::Lost), ..DealPatch::default() };
        assert_err!(h.svc.update_deal(&b, deal.into(), patch, if_match).await, AppError::NotFound(_), "update deal");
        assert_err!(h.svc.delete_deal(&b, deal.into(), if_match).await, AppError::NotFound(_), "delete deal");
    }
    for dry_run in [true, false] {
        let into_theirs = MergeIn { source_ids: vec![b_contact], dry_run };
        assert_err!(
            h.svc.merge_contacts(&b, contact.into(), into_theirs).await,
            AppError::NotFound(_),
            "merge survivor"
        );
        let take_theirs = MergeIn { source_ids: vec![contact], dry_run };
        assert_err!(
            h.svc.merge_contacts(&b, b_contact.into(), take_theirs).await,
            AppError::NotFound(_),
            "merge source"
        );
    }
    assert_eq!(snapshot(&h.conn).await, before, "nothing changed for anyone");
    // Still there for its own organization.
    assert_eq!(h.svc.get_company(&a, company.into()).await.expect("own company").name, "Globex");
    assert_eq!(h.svc.get_contact(&a, contact.into()).await.expect("own contact").version, 1);
    assert_eq!(h.svc.get_deal(&a, deal.into()).await.expect("own deal").stage, DealStage::Lead);
}

async fn refs_stay_in_the_organization_and_follow_merges(db: &TestDb) {
    let h = harness(db);
    let a = h.org().await;
    let b = h.org().await;
    let (org_a, org_b) = (a.org_id, b.org_id);
    let company = new_company(&h, &a, "Globex", CompanyStatus::Active).await;
    let contact_input = ContactIn { client_company_id: Some(company.into()), ..contact_in("Ada", "L", None) };
    let source = new_contact(&h, &a, contact_input).await;
    let survivor = new_contact(&h, &a, contact_in("Ada", "Lovelace", None)).await;
    let last = new_contact(&h, &a, contact_in("Ada", "Final", None)).await;
    let deal = new_deal(&h, &a, DealIn { contact_id: Some(source.into()), ..deal_in("D") }).await;

    let (company_id, source_id, survivor_id, last_id): (ClientCompanyId, ContactId, ContactId, ContactId) =
        (company.into(), source.into(), survivor.into(), last.into());
    let deal_id: DealId = deal.into();
    assert_eq!(h.svc.company_ref(org_a, company_id).await.expect("ref"), Some(company_id));
    assert_eq!(h.svc.company_ref(org_b, company_id).await.expect("ref"), None, "another org's company");
    assert_eq!(h.svc.company_ref(org_a, ClientCompanyId::new()).await.expect("ref"), None, "unknown company");
    let src_ref = ContactRef { id: source_id, client_company_id: Some(company_id) };
    assert_eq!(h.svc.contact_ref(org_a, source_id).await.expect("ref"), Some(src_ref));
    assert_eq!(h.svc.contact_ref(org_b, source_id).await.expect("ref"), None, "another org's contact");
    assert_eq!(h.svc.contact_ref(org_a, deal.into()).await.expect("ref"), None, "a deal id is no contact");
    let deal_ref = DealRef { id: deal_id, client_company_id: None, contact_id: Some(source_id) };
    assert_eq!(h.svc.deal_ref(org_a, deal_id).await.expect("ref"), Some(deal_ref));
    assert_eq!(h.svc.deal_ref(org_b, deal_id).await.expect("ref"), None, "another org's deal");

    // A merged id resolves to the survivor, which took the source's company.
    let merge = MergeIn { source_ids: vec![source], dry_run: false };
    h.svc.merge_contacts(&a, survivor_id, merge).await.expect("merge");
    let survivor_ref = ContactRef { id: survivor_id, client_company_id: Some(company_id) };
    assert_eq!(h.svc.contact_ref(org_a, source_id).await.expect("ref"), Some(survivor_ref));
    assert_eq!(h.svc.contact_ref(org_b, source_id).await.expect("ref"), None, "a merged id stays in its org");
    let moved = DealRef { id: deal_id, client_company_id: None, contact_id: Some(survivor_id) };
    assert_eq!(h.svc.deal_ref(org_a, deal_id).await.expect("ref"), Some(moved), "the deal follows the survivor");

    // And through a chain of merges.
    let merge = MergeIn { source_ids: vec![survivor], dry_run: false };
    h.svc.merge_contacts(&a, last_id, merge).await.expect("merge again");
    let last_ref = ContactRef { id: last_id, client_company_id: Some(company_id) };
    assert_eq!(h.svc.contact_ref(org_a, source_id).await.expect("ref"), Some(last_ref));
    assert_eq!(h.svc.contact_ref(org_a, survivor_id).await.expect("ref"), Some(last_ref));
}
