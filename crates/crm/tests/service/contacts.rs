//! Contacts: create/get/update/delete, PATCH semantics, email normalization and
//! per-organization uniqueness, filters, keyset pagination and company references.

use atrium_crm::dto::{CompanyStatus, ContactFilter, ContactIn, ContactPatch};
use atrium_events::crm::{ContactCreated, ContactUpdated};
use atrium_kernel::{AppError, Clock, IfMatch, OrgCtx, PageRequest, Patch};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{
    Harness, all_pages, contact_in, contact_row, email, events_of, harness, invalid_field, phone, snapshot, text, types,
};
use crate::companies::new_company;

backend_tests!(
    contact_crud_and_patch,
    contact_email_is_unique_per_organization,
    contact_filters_and_keyset_pages,
    contact_search_treats_wildcards_literally,
    contact_company_must_be_in_the_organization,
    concurrent_creates_of_one_email_name_the_winner,
);

pub async fn new_contact(h: &Harness, ctx: &OrgCtx, input: ContactIn) -> Uuid {
    h.svc.create_contact(ctx, input).await.expect("create contact").id.into_uuid()
}

async fn contact_crud_and_patch(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let globex = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let t0 = h.clock.now();
    let input = ContactIn {
        client_company_id: Some(globex.into()),
        phone: Some(phone(" +49 (30) 123-456 ")),
        title: Some(text("CTO")),
        ..contact_in(" Ada ", " Lovelace ", Some("  Ada@Globex.Example "))
    };
    let out = h.svc.create_contact(&ctx, input).await.expect("create");
    assert_eq!((out.first_name.as_str(), out.last_name.as_str()), ("Ada", "Lovelace"));
    assert_eq!(out.email.as_deref(), Some("Ada@Globex.Example"), "trimmed, case kept for display");
    assert_eq!(out.phone.as_deref(), Some("+49 (30) 123-456"));
    assert_eq!(out.client_company_id.map(|c| c.into_uuid()), Some(globex));
    assert_eq!((out.version, out.created_at, out.updated_at, out.merged_into_id), (1, t0, t0, None));
    let row = contact_row(&h.conn, out.id).await.expect("row");
    assert_eq!(row.email_normalized.as_deref(), Some("ada@globex.example"));
    assert_eq!(row.phone_normalized.as_deref(), Some("+4930123456"));
    assert_eq!(json!(h.svc.get_contact(&ctx, out.id).await.expect("get")), json!(out));
    let created = events_of(&h.conn, out.id).await;
    assert_eq!(types(&created), ["crm.contact.created"]);
    assert_eq!((created[0].aggregate_type.as_str(), &created[0].data), ("contact", &json!(out)));
    let payload: ContactCreated = serde_json::from_value(created[0].data.clone()).expect("typed payload");
    assert_eq!((payload.contact.id, payload.source), (out.id, None));

    // Blank, NUL and over-long values never reach the service: the input types refuse them.
    for bad in [
        json!({"first_name": "   "}),
        json!({"first_name": "Ada", "email": "   "}),
        json!({"first_name": "Ada", "last_name": "  "}),
        json!({"first_name": "A\u{0}da"}),
        json!({"first_name": "a".repeat(101)}),
        json!({"first_name": "Ada", "title": "t".repeat(201)}),
        json!({"first_name": "Ada", "phone": "12"}),
    ] {
        assert!(serde_json::from_value::<ContactIn>(bad.clone()).is_err(), "accepted {bad}");
    }
    let no_last: ContactIn = serde_json::from_value(json!({"first_name": "Ada"})).expect("no last name");
    let no_last = h.svc.create_contact(&ctx, no_last).await.expect("create without last name");
    assert_eq!((no_last.last_name.as_str(), no_last.email.clone()), ("", None));
    assert_eq!(contact_row(&h.conn, no_last.id).await.expect("row").email_normalized, None);

    h.clock.advance(Duration::seconds(30));
    let patch = ContactPatch { title: Patch::Null, first_name: Some(text(" Augusta ")), ..ContactPatch::default() };
    let v2 = h.svc.update_contact(&ctx, out.id, patch, IfMatch(Some(1))).await.expect("update");
    assert_eq!((v2.version, v2.title.clone(), v2.first_name.as_str()), (2, None, "Augusta"));
    assert_eq!(v2.email.as_deref(), Some("Ada@Globex.Example"), "absent email unchanged");
    assert_eq!(v2.phone.as_deref(), Some("+49 (30) 123-456"), "absent phone unchanged");
    assert_eq!(v2.client_company_id, out.client_company_id, "absent company unchanged");
    assert_eq!((v2.created_at, v2.updated_at), (t0, t0 + Duration::seconds(30)));

    let patch = ContactPatch {
        email: Patch::Value(email("New@Globex.Example")),
        phone: Patch::Value(phone("030 999")),
        client_company_id: Patch::Null,
        ..ContactPatch::default()
    };
    let v3 = h.svc.update_contact(&ctx, out.id, patch, IfMatch(None)).await.expect("update");
    assert_eq!((v3.version, v3.email.as_deref(), v3.client_company_id), (3, Some("New@Globex.Example"), None));
    let row = contact_row(&h.conn, out.id).await.expect("row");
    assert_eq!(row.email_normalized.as_deref(), Some("new@globex.example"));
    assert_eq!(row.phone_normalized.as_deref(), Some("030999"));

    let before = snapshot(&h.conn).await;
    for bad in [
        json!({"email": "not-an-email"}),
        json!({"email": "  "}),
        json!({"title": "t".repeat(201)}),
        json!({"last_name": ""}),
        json!({"phone": "x".repeat(51)}),
    ] {
        assert!(serde_json::from_value::<ContactPatch>(bad.clone()).is_err(), "accepted {bad}");
    }
    let stale = ContactPatch { title: Patch::Value(text("Stale")), ..ContactPatch::default() };
    let err = assert_err!(
        h.svc.update_contact(&ctx, out.id, stale, IfMatch(Some(2))).await,
        AppError::Conflict { existing_id: None, .. },
        "stale If-Match"
    );
    assert!(err.to_string().contains("version 3"), "{err}");
    let err = h.svc.delete_contact(&ctx, out.id, IfMatch(Some(1))).await;
    assert_err!(err, AppError::Conflict { existing_id: None, .. }, "stale If-Match on delete");
    assert_eq!(snapshot(&h.conn).await, before, "refused writes leave rows and events alone");

    let patch = ContactPatch { email: Patch::Null, phone: Patch::Null, ..ContactPatch::default() };
    let v4 = h.svc.update_contact(&ctx, out.id, patch, IfMatch(Some(3))).await.expect("clear");
    assert_eq!((v4.version, v4.email.clone(), v4.phone.clone()), (4, None, None));
    let row = contact_row(&h.conn, out.id).await.expect("row");
    assert_eq!((row.email_normalized, row.phone_normalized), (None, None), "normalized copies cleared too");

    h.svc.delete_contact(&ctx, out.id, IfMatch(Some(4))).await.expect("delete");
    assert_err!(h.svc.get_contact(&ctx, out.id).await, AppError::NotFound(_), "get after delete");
    assert_eq!(contact_row(&h.conn, out.id).await, None);
    let all = events_of(&h.conn, out.id).await;
    let updated = ["crm.contact.updated"; 3];
    assert_eq!(types(&all), [&["crm.contact.created"][..], &updated, &["crm.contact.deleted"]].concat());
    let changes: Vec<Vec<String>> = all[1..4]
        .iter()
        .map(|e| serde_json::from_value::<ContactUpdated>(e.data.clone()).expect("typed payload").changed)
        .collect();
    assert_eq!(
        changes,
        [vec!["first_name", "title"], vec!["client_company_id", "email", "phone"], vec!["email", "phone"]]
    );
    let v4_event: ContactUpdated = serde_json::from_value(all[3].data.clone()).expect("typed payload");
    assert_eq!(json!(v4_event.contact), json!(v4));
    assert_eq!(all[4].data, json!({"id": out.id, "email": null, "client_company_id": null}));
}

async fn contact_email_is_unique_per_organization(db: &TestDb) {
    let h = harness(db);
    let a = h.org().await;
    let b = h.org().await;
    let ada = new_contact(&h, &a, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let grace = new_contact(&h, &a, contact_in("Grace", "Hopper", Some("grace@example.com"))).await;

    let before = snapshot(&h.conn).await;
    let dup = h.svc.create_contact(&a, contact_in("Imposter", "", Some("  ADA@Example.COM "))).await;
    let err = assert_err!(dup, AppError::Conflict { existing_id: Some(_), .. }, "same email, other case");
    assert!(matches!(&err, AppError::Conflict { existing_id: Some(id), .. } if *id == ada.to_string()), "{err:?}");
    let patch = ContactPatch { email: Patch::Value(email("Ada@example.com")), ..ContactPatch::default() };
    let taken = h.svc.update_contact(&a, grace.into(), patch, IfMatch(None)).await;
    let err = assert_err!(taken, AppError::Conflict { existing_id: Some(_), .. }, "update to a taken email");
    assert!(matches!(&err, AppError::Conflict { existing_id: Some(id), .. } if *id == ada.to_string()), "{err:?}");
    assert_eq!(snapshot(&h.conn).await, before, "no row and no event for a refused write");

    // Re-casing one's own email is not a clash with oneself.
    let patch = ContactPatch { email: Patch::Value(email("ADA@example.com")), ..ContactPatch::default() };
    let recased = h.svc.update_contact(&a, ada.into(), patch, IfMatch(Some(1))).await.expect("recase own email");
    assert_eq!(recased.email.as_deref(), Some("ADA@example.com"));

    // Another organization has its own address book.
    let b_ada = new_contact(&h, &b, contact_in("Ada", "Elsewhere", Some("Ada@Example.com"))).await;
    let by_email = |ctx: OrgCtx, e: &str| {
        let f = ContactFilter { email: Some(email(e)), ..ContactFilter::default() };
        let h = &h;
        async move {
            let page = h.svc.list_contacts(&ctx, &f, PageRequest::first(10)).await.expect("list");
            page.items.into_iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    assert_eq!(by_email(a, " ada@EXAMPLE.com ").await, [ada]);
    assert_eq!(by_email(b, "ada@example.com").await, [b_ada]);
    assert_eq!(by_email(a, "ada@example.co").await, Vec::<Uuid>::new(), "the email filter is exact");
}

async fn contact_filters_and_keyset_pages(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let c1 = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let c2 = new_company(&h, &ctx, "Bletchley", CompanyStatus::Active).await;
    let at = |company: Uuid, input: ContactIn| ContactIn { client_company_id: Some(company.into()), ..input };
    let ada = new_contact(&h, &ctx, at(c1, contact_in("Ada", "Lovelace", Some("ada@globex.example")))).await;
    let grace = new_contact(&h, &ctx, at(c1, contact_in("Grace", "Hopper", Some("grace@navy.example")))).await;
    let alan = new_contact(&h, &ctx, at(c2, contact_in("Alan", "Turing", Some("alan@bletchley.example")))).await;
    let adam = new_contact(&h, &ctx, contact_in("Adam", "Smith", Some("Economist@Wealth.example"))).await;
    new_contact(&h, &other, contact_in("Ada", "Other", Some("ada@globex.example"))).await;

    let list = |f: ContactFilter| {
        let (h, ctx) = (&h, &ctx);
        async move {
            let page = h.svc.list_contacts(ctx, &f, PageRequest::first(50)).await.expect("list");
            assert_eq!(page.next_after, None);
            page.items.into_iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    let q = |s: &str| ContactFilter { q: Some(text(s)), ..ContactFilter::default() };
    assert_eq!(list(ContactFilter::default()).await, [ada, grace, alan, adam], "own org only, by id");
    let in_c1 = ContactFilter { client_company_id: Some(c1.into()), ..ContactFilter::default() };
    assert_eq!(list(in_c1.clone()).await, [ada, grace]);
    assert_eq!(list(q("AD")).await, [ada, adam], "first-name prefix, case-insensitive");
    assert_eq!(list(q("  tur ")).await, [alan], "last-name prefix, trimmed");
    assert_eq!(list(q("econ")).await, [adam], "email prefix");
    assert_eq!(list(q("ovelace")).await, Vec::<Uuid>::new(), "a prefix, not a substring");
    assert_eq!(list(ContactFilter { q: Some(text("a")), ..in_c1.clone() }).await, [ada], "q within a company");
    let by_email = ContactFilter { email: Some(email("GRACE@navy.example")), ..ContactFilter::default() };
    assert_eq!(list(by_email).await, [grace]);

    for (limit, sizes) in [(1, vec![1, 1, 1, 1]), (3, vec![3, 1]), (4, vec![4])] {
        let f = ContactFilter::default();
        let (svc, ctx, f) = (&h.svc, &ctx, &f);
        let pages = all_pages(limit, move |req| svc.list_contacts(ctx, f, req), |c| c.id.into_uuid()).await;
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), sizes, "page sizes at limit {limit}");
        assert_eq!(pages.concat(), [ada, grace, alan, adam], "every contact exactly once at limit {limit}");
    }
    let (svc, ctxr, f) = (&h.svc, &ctx, &in_c1);
    let pages = all_pages(1, move |req| svc.list_contacts(ctxr, f, req), |c| c.id.into_uuid()).await;
    assert_eq!(pages, [vec![ada], vec![grace]], "a filtered list pages over its own rows");
}

/// `_` and `%` in the search text are characters, not LIKE wildcards, in names and emails alike.
async fn contact_search_treats_wildcards_literally(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let ada = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let underscored = new_contact(&h, &ctx, contact_in("Zed", "Zulu", Some("a_b@example.com"))).await;
    let list = |s: &str| {
        let f = ContactFilter { q: Some(text(s)), ..ContactFilter::default() };
        let (h, ctx) = (&h, &ctx);
        async move {
            let page = h.svc.list_contacts(ctx, &f, PageRequest::first(50)).await.expect("list");
            page.items.into_iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>()
        }
    };
    assert_eq!(list("ada").await, [ada]);
    assert_eq!(list("a_").await, [underscored], "`_` must not match any one character");
    assert_eq!(list("%").await, Vec::<Uuid>::new(), "`%` must not match every email");
}

async fn contact_company_must_be_in_the_organization(db: &TestDb) {
    let h = harness(db);
    let a = h.org().await;
    let b = h.org().await;
    let theirs = new_company(&h, &b, "Theirs", CompanyStatus::Active).await;
    let ours = new_company(&h, &a, "Ours", CompanyStatus::Active).await;
    let mine = new_contact(&h, &a, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;

    let before = snapshot(&h.conn).await;
    for company in [theirs, Uuid::now_v7()] {
        let input =
            ContactIn { client_company_id: Some(company.into()), ..contact_in("Eve", "", Some("eve@x.example")) };
        let err = assert_err!(h.svc.create_contact(&a, input).await, AppError::Validation(_), "foreign company");
        assert_eq!(invalid_field(&err), "client_company_id");
        let patch = ContactPatch { client_company_id: Patch::Value(company.into()), ..ContactPatch::default() };
        let err = assert_err!(
            h.svc.update_contact(&a, mine.into(), patch, IfMatch(None)).await,
            AppError::Validation(_),
            "repoint to a foreign company"
        );
        assert_eq!(invalid_field(&err), "client_company_id");
    }
    assert_eq!(snapshot(&h.conn).await, before, "nothing written");

    let patch = ContactPatch { client_company_id: Patch::Value(ours.into()), ..ContactPatch::default() };
    let moved = h.svc.update_contact(&a, mine.into(), patch, IfMatch(Some(1))).await.expect("own company");
    assert_eq!(moved.client_company_id.map(|c| c.into_uuid()), Some(ours));
}

/// The unique index decides a race between writers that both found the email
/// free: the losers get the 409 naming the winner, as a sequential duplicate does.
async fn concurrent_creates_of_one_email_name_the_winner(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let attempts =
        (0..6).map(|i| h.svc.create_contact(&ctx, contact_in(&format!("Twin{i}"), "", Some("twin@example.com"))));
    let results = futures::future::join_all(attempts).await;
    let winners: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(winners.len(), 1, "exactly one contact holds the email: {results:?}");
    let winner = winners[0].id.to_string();
    for r in &results {
        if let Err(e) = r {
            assert!(
                matches!(e, AppError::Conflict { existing_id: Some(id), .. } if *id == winner),
                "a loser names the winner: {e:?}"
            );
        }
    }
}
