//! Client companies: create/get/update/delete, PATCH semantics, If-Match, filters,
//! keyset pagination, and what deleting a company does to its contacts and deals.

use std::collections::BTreeSet;

use atrium_crm::dto::{CompanyFilter, CompanyIn, CompanyPatch, CompanyStatus, ContactId, ContactIn, DealIn};
use atrium_crm::entity::company;
use atrium_events::crm::{CompanyCreated, CompanyDeleted, CompanyUpdated};
use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, PageRequest, Patch};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use sea_orm::EntityTrait;
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{
    Harness, all_pages, contact_in, contact_row, deal_in, deal_row, events_of, harness, snapshot, text, types,
};

backend_tests!(
    company_crud_patch_and_if_match,
    company_filters_and_keyset_pages,
    company_name_prefix_treats_wildcards_literally,
    deleting_a_company_cascades_contacts_and_nulls_deals,
);

pub fn company_in(name: &str) -> CompanyIn {
    CompanyIn::named(text(name))
}

pub async fn new_company(h: &Harness, ctx: &OrgCtx, name: &str, status: CompanyStatus) -> Uuid {
    let input = CompanyIn { status: Some(status), ..company_in(name) };
    h.svc.create_company(ctx, input).await.expect("create company").id.into_uuid()
}

async fn company_crud_patch_and_if_match(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let owner = ctx.user_id().expect("user principal");
    let created_at = h.clock.now();
    let input = CompanyIn {
        domain: Some(text(" Globex.Example ")),
        address: Some(text("1 Main St")),
        owner_id: Some(owner),
        tags: vec![text(" retainer ")],
        notes: Some(text("met at a fair")),
        ..company_in("  Globex   Corp ")
    };
    let out = h.svc.create_company(&ctx, input).await.expect("create");
    assert_eq!(out.name, "Globex   Corp", "trimmed, inner spacing kept");
    assert_eq!(out.domain.as_deref(), Some("globex.example"));
    assert_eq!(out.status, CompanyStatus::Lead, "default status");
    assert_eq!(out.owner_id, Some(owner));
    assert_eq!(out.tags, ["retainer"]);
    assert_eq!((out.version, out.created_at, out.updated_at), (1, created_at, created_at));
    assert_eq!(out.merged_into_id, None);
    let row = company::Entity::find_by_id(out.id.into_uuid()).one(&h.conn).await.expect("query").expect("row");
    assert_eq!(row.name_normalized, "globex corp");
    assert_eq!(row.organization_id, ctx.org_id.into_uuid());
    let got = h.svc.get_company(&ctx, out.id).await.expect("get");
    assert_eq!(json!(got), json!(out), "get returns what create returned");

    let created = events_of(&h.conn, out.id).await;
    assert_eq!(types(&created), ["crm.company.created"]);
    assert_eq!(created[0].aggregate_type, "client_company");
    assert_eq!(created[0].organization_id, ctx.org_id.into_uuid());
    assert_eq!(created[0].actor, format!("user:{owner}"));
    assert_eq!(created[0].data, json!(out), "the event carries the created company");
    let payload: CompanyCreated = serde_json::from_value(created[0].data.clone()).expect("typed payload");
    assert_eq!((payload.company.id, payload.source), (out.id, None), "an API create names no source");

    // Absent leaves a field alone; a value sets it.
    h.clock.advance(Duration::minutes(5));
    let patch = CompanyPatch { notes: Patch::Value(text("renewal due")), ..CompanyPatch::default() };
    let v2 = h.svc.update_company(&ctx, out.id, patch, IfMatch(Some(1))).await.expect("update v1");
    assert_eq!(v2.version, 2);
    assert_eq!(v2.notes.as_deref(), Some("renewal due"));
    assert_eq!(v2.domain.as_deref(), Some("globex.example"), "absent domain unchanged");
    assert_eq!(v2.address.as_deref(), Some("1 Main St"), "absent address unchanged");
    assert_eq!(v2.owner_id, Some(owner), "absent owner unchanged");
    assert_eq!(v2.tags, ["retainer"], "absent tags unchanged");
    assert_eq!(v2.created_at, created_at);
    assert_eq!(v2.updated_at, created_at + Duration::minutes(5));

    // Null clears.
    let patch = CompanyPatch {
        domain: Patch::Null,
        owner_id: Patch::Null,
        address: Patch::Value(text("2 Side St")),
        ..CompanyPatch::default()
    };
    let v3 = h.svc.update_company(&ctx, out.id, patch, IfMatch(None)).await.expect("update without If-Match");
    assert_eq!((v3.version, v3.domain.clone(), v3.owner_id), (3, None, None));
    assert_eq!(v3.address.as_deref(), Some("2 Side St"));
    assert_eq!(v3.notes.as_deref(), Some("renewal due"));

    // A stale If-Match is a 409 and changes nothing.
    let before = snapshot(&h.conn).await;
    let stale = CompanyPatch { name: Some(text("Stale")), ..CompanyPatch::default() };
    let err = assert_err!(
        h.svc.update_company(&ctx, out.id, stale, IfMatch(Some(2))).await,
        AppError::Conflict { existing_id: None, .. },
        "stale If-Match on update"
    );
    assert!(err.to_string().contains("version 3"), "{err}");
    let err = assert_err!(
        h.svc.delete_company(&ctx, out.id, IfMatch(Some(2))).await,
        AppError::Conflict { existing_id: None, .. },
        "stale If-Match on delete"
    );
    assert!(err.to_string().contains("version 3"), "{err}");
    assert_eq!(snapshot(&h.conn).await, before, "a stale write leaves rows and events alone");

    let patch = CompanyPatch {
        name: Some(text(" Initech  Ltd")),
        status: Some(CompanyStatus::Active),
        tags: Some(vec![text("a"), text("b")]),
        notes: Patch::Null,
        ..CompanyPatch::default()
    };
    let v4 = h.svc.update_company(&ctx, out.id, patch, IfMatch(Some(3))).await.expect("matching If-Match");
    assert_eq!((v4.version, v4.name.as_str(), v4.status), (4, "Initech  Ltd", CompanyStatus::Active));
    assert_eq!((v4.tags.clone(), v4.notes.clone()), (vec!["a".to_owned(), "b".to_owned()], None));
    let row = company::Entity::find_by_id(out.id.into_uuid()).one(&h.conn).await.expect("query").expect("row");
    assert_eq!(row.name_normalized, "initech ltd", "the normalized name follows a rename");
    assert_eq!(row.version, 4);

    h.svc.delete_company(&ctx, out.id, IfMatch(Some(4))).await.expect("delete");
    assert_err!(h.svc.get_company(&ctx, out.id).await, AppError::NotFound(_), "get after delete");
    assert_err!(h.svc.delete_company(&ctx, out.id, IfMatch(None)).await, AppError::NotFound(_), "delete twice");
    let all = events_of(&h.conn, out.id).await;
    assert_eq!(
        types(&all),
        [
            "crm.company.created",
            "crm.company.updated",
            "crm.company.updated",
            "crm.company.updated",
            "crm.company.deleted"
        ]
    );
    let update: CompanyUpdated = serde_json::from_value(all[3].data.clone()).expect("typed payload");
    assert_eq!(json!(update.company), json!(v4), "an update event carries the new state");
    assert_eq!(update.changed, ["name", "notes", "status", "tags"], "and names what changed");
    let mut state = all[3].data.clone();
    state.as_object_mut().expect("object").remove("changed");
    assert_eq!(state, json!(v4), "with the field names of the API");
    let cleared: CompanyUpdated = serde_json::from_value(all[2].data.clone()).expect("typed payload");
    assert_eq!(cleared.changed, ["address", "domain", "owner_id"]);
    assert_eq!(all[4].data, json!({"id": out.id, "name": "Initech  Ltd", "deleted_contact_ids": []}));
}

async fn company_filters_and_keyset_pages(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let acme = new_company(&h, &ctx, "Acme", CompanyStatus::Active).await;
    let labs = new_company(&h, &ctx, "acme  Labs", CompanyStatus::Lead).await;
    let globex = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let initech = new_company(&h, &ctx, "Initech", CompanyStatus::Inactive).await;
    let archived = new_company(&h, &ctx, "Acme Archive", CompanyStatus::Archived).await;
    new_company(&h, &other, "Acme Elsewhere", CompanyStatus::Active).await;

    let ids = |f: CompanyFilter| {
        let (h, ctx) = (&h, &ctx);
        async move {
            let page = h.svc.list_companies(ctx, &f, PageRequest::first(50)).await.expect("list");
            assert_eq!(page.next_after, None);
            page.items.into_iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    assert_eq!(ids(CompanyFilter::default()).await, [acme, labs, globex, initech, archived], "by id, own org only");
    let active = CompanyFilter { status: Some(CompanyStatus::Active), ..CompanyFilter::default() };
    assert_eq!(ids(active).await, [acme, globex]);
    let prefix = |p: &str| CompanyFilter { name_prefix: Some(text(p)), ..CompanyFilter::default() };
    assert_eq!(ids(prefix("ACME")).await, [acme, labs, archived], "case-insensitive prefix");
    assert_eq!(ids(prefix("  acme   labs ")).await, [labs], "the prefix is normalized like names");
    assert_eq!(ids(prefix("cme")).await, Vec::<Uuid>::new(), "a prefix, not a substring");
    let both = CompanyFilter { status: Some(CompanyStatus::Archived), name_prefix: Some(text("ac")) };
    assert_eq!(ids(both).await, [archived]);

    let expected = [acme, labs, globex, initech, archived];
    for (limit, sizes) in [(1, vec![1, 1, 1, 1, 1]), (2, vec![2, 2, 1]), (5, vec![5]), (6, vec![5])] {
        let f = CompanyFilter::default();
        let (svc, ctx, f) = (&h.svc, &ctx, &f);
        let pages = all_pages(limit, move |req| svc.list_companies(ctx, f, req), |c| c.id.into_uuid()).await;
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), sizes, "page sizes at limit {limit}");
        assert_eq!(pages.concat(), expected, "every company exactly once at limit {limit}");
    }
    // A filtered list pages too, and a company created mid-way is not skipped.
    let f = prefix("acme");
    let first = h.svc.list_companies(&ctx, &f, PageRequest::first(2)).await.expect("first page");
    assert_eq!(first.items.iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>(), [acme, labs]);
    let late = new_company(&h, &ctx, "Acme Late", CompanyStatus::Lead).await;
    let rest =
        h.svc.list_companies(&ctx, &f, PageRequest { limit: 2, after: first.next_after }).await.expect("second page");
    assert_eq!(rest.items.iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>(), [archived, late]);
    assert_eq!(rest.next_after, None, "the last page has no continuation");
}

/// `_` and `%` in a name prefix are characters, not LIKE wildcards.
async fn company_name_prefix_treats_wildcards_literally(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let plain = new_company(&h, &ctx, "Abc Corp", CompanyStatus::Lead).await;
    let underscore = new_company(&h, &ctx, "A_c Corp", CompanyStatus::Lead).await;
    let percent = new_company(&h, &ctx, "100% Agency", CompanyStatus::Lead).await;
    let list = |p: &str| {
        let f = CompanyFilter { name_prefix: Some(text(p)), ..CompanyFilter::default() };
        let (h, ctx) = (&h, &ctx);
        async move {
            let page = h.svc.list_companies(ctx, &f, PageRequest::first(50)).await.expect("list");
            page.items.into_iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    assert_eq!(list("abc").await, [plain]);
    assert_eq!(list("a_c").await, [underscore], "`_` must not match any one character");
    assert_eq!(list("100%").await, [percent]);
    assert_eq!(list("%").await, Vec::<Uuid>::new(), "`%` must not match everything");
}

async fn deleting_a_company_cascades_contacts_and_nulls_deals(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let doomed = new_company(&h, &ctx, "Doomed", CompanyStatus::Active).await;
    let kept = new_company(&h, &ctx, "Kept", CompanyStatus::Active).await;
    let at = |company: Uuid, first: &str, email: Option<&str>| ContactIn {
        client_company_id: Some(company.into()),
        ..contact_in(first, "X", email)
    };
    let c1 = h.svc.create_contact(&ctx, at(doomed, "One", None)).await.expect("contact").id;
    let c2 = h.svc.create_contact(&ctx, at(doomed, "Two", Some("two@doomed.example"))).await.expect("contact").id;
    let k1 = h.svc.create_contact(&ctx, at(kept, "Keep", Some("keep@kept.example"))).await.expect("contact").id;
    let deal = |name: &str, company: Uuid, contact: Uuid| DealIn {
        client_company_id: Some(company.into()),
        contact_id: Some(contact.into()),
        ..deal_in(name)
    };
    let d1 = h.svc.create_deal(&ctx, deal("doomed/own contact", doomed, c1.into_uuid())).await.expect("deal").id;
    let d2 = h.svc.create_deal(&ctx, deal("doomed/kept contact", doomed, k1.into_uuid())).await.expect("deal").id;
    let d3 = h.svc.create_deal(&ctx, deal("kept", kept, k1.into_uuid())).await.expect("deal").id;
    let d3_before = deal_row(&h.conn, d3).await.expect("deal row");

    h.svc.delete_company(&ctx, doomed.into(), IfMatch(Some(1))).await.expect("delete company");
    assert_eq!(contact_row(&h.conn, c1).await, None, "contacts cascade");
    assert_eq!(contact_row(&h.conn, c2).await, None, "contacts cascade");
    assert!(contact_row(&h.conn, k1).await.is_some(), "another company's contact stays");
    let d1_row = deal_row(&h.conn, d1).await.expect("deal survives its company");
    assert_eq!((d1_row.client_company_id, d1_row.contact_id), (None, None), "company and cascaded contact nulled");
    let d2_row = deal_row(&h.conn, d2).await.expect("deal survives its company");
    assert_eq!((d2_row.client_company_id, d2_row.contact_id), (None, Some(k1.into_uuid())));
    assert_eq!(deal_row(&h.conn, d3).await, Some(d3_before), "an unrelated deal is untouched");
    let deleted = events_of(&h.conn, doomed).await;
    assert_eq!(types(&deleted), ["crm.company.created", "crm.company.deleted"]);
    let payload: CompanyDeleted = serde_json::from_value(deleted[1].data.clone()).expect("typed payload");
    let listed: BTreeSet<ContactId> = payload.deleted_contact_ids.into_iter().collect();
    assert_eq!(listed, BTreeSet::from([c1, c2]));
    // The cascaded contact's email is free again.
    h.svc.create_contact(&ctx, contact_in("New", "Two", Some("two@doomed.example"))).await.expect("email freed");

    h.svc.delete_contact(&ctx, k1, IfMatch(Some(1))).await.expect("delete contact");
    for d in [d2, d3] {
        assert_eq!(deal_row(&h.conn, d).await.expect("deal").contact_id, None, "deleting a contact nulls deals");
    }
    assert_eq!(deal_row(&h.conn, d3).await.expect("deal").client_company_id, Some(kept));
    let contact_events = events_of(&h.conn, k1).await;
    assert_eq!(types(&contact_events), ["crm.contact.created", "crm.contact.deleted"]);
    assert_eq!(contact_events[1].data, json!({"id": k1, "email": "keep@kept.example", "client_company_id": kept}));
}
