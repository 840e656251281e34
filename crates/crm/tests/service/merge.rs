//! Contact merge (dry run and real), tombstones, refusals, and duplicate detection.

use atrium_crm::dto::{
    CompanyStatus, ContactFilter, ContactIn, ContactPatch, DealIn, DuplicateReason, MergeConflict, MergeIn,
};
use atrium_kernel::{AppError, Clock, IfMatch, PageRequest, Patch};
use atrium_testkit::{TestDb, backend_tests};
use chrono::Duration;
use serde_json::json;
use uuid::Uuid;

use crate::assert_err;
use crate::common::{
    contact_in, contact_row, deal_in, deal_row, email, events_of, harness, invalid_field, phone, snapshot, text, types,
};
use crate::companies::new_company;
use crate::contacts::new_contact;
use crate::deals::new_deal;

backend_tests!(
    merge_dry_run_reports_and_writes_nothing,
    merge_folds_fields_repoints_deals_and_leaves_tombstones,
    merge_refusals_write_nothing,
    survivor_takes_a_source_email,
    duplicates_by_phone_and_by_name_within_a_company,
    phones_without_digits_are_not_duplicates,
);

fn conflict(field: &str, kept: &str, discarded: &[&str]) -> MergeConflict {
    MergeConflict {
        field: field.into(),
        kept: kept.into(),
        discarded: discarded.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// A survivor with email and last name, and two sources whose fields fill its gaps
/// and clash with each other; four deals, two on the sources.
struct Scene {
    survivor: Uuid,
    a: Uuid,
    b: Uuid,
    c1: Uuid,
    c2: Uuid,
    deal_a: Uuid,
    deal_b: Uuid,
    deal_s: Uuid,
    deal_none: Uuid,
}

async fn scene(h: &crate::common::Harness, ctx: &atrium_kernel::OrgCtx) -> Scene {
    let c1 = new_company(h, ctx, "First", CompanyStatus::Active).await;
    let c2 = new_company(h, ctx, "Second", CompanyStatus::Active).await;
    let survivor = new_contact(h, ctx, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let a = ContactIn {
        client_company_id: Some(c1.into()),
        phone: Some(phone("+44 1")),
        title: Some(text("Countess")),
        ..contact_in("Ada", "King", Some("Ada.King@example.com"))
    };
    let a = new_contact(h, ctx, a).await;
    let b = ContactIn {
        client_company_id: Some(c2.into()),
        phone: Some(phone("+44 2")),
        title: Some(text("Mathematician")),
        ..contact_in("Ada", "", None)
    };
    let b = new_contact(h, ctx, b).await;
    let on = |c: Option<Uuid>| DealIn { contact_id: c.map(Into::into), ..deal_in("deal") };
    Scene {
        survivor,
        a,
        b,
        c1,
        c2,
        deal_a: new_deal(h, ctx, on(Some(a))).await,
        deal_b: new_deal(h, ctx, on(Some(b))).await,
        deal_s: new_deal(h, ctx, on(Some(survivor))).await,
        deal_none: new_deal(h, ctx, on(None)).await,
    }
}

fn expected_conflicts(s: &Scene) -> Vec<MergeConflict> {
    vec![
        conflict("email", "ada@example.com", &["Ada.King@example.com"]),
        conflict("phone", "+44 1", &["+44 2"]),
        conflict("title", "Countess", &["Mathematician"]),
        conflict("client_company_id", &s.c1.to_string(), &[&s.c2.to_string()]),
        conflict("last_name", "Lovelace", &["King"]),
    ]
}

async fn merge_dry_run_reports_and_writes_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let s = scene(&h, &ctx).await;
    let before = snapshot(&h.conn).await;
    h.clock.advance(Duration::minutes(1));
    let input = MergeIn { source_ids: vec![s.a, s.b], dry_run: true };
    let out = h.svc.merge_contacts(&ctx, s.survivor.into(), input).await.expect("dry run");
    assert!(out.dry_run);
    assert_eq!(out.survivor.id.into_uuid(), s.survivor);
    assert_eq!(out.merged_ids.iter().map(|i| i.into_uuid()).collect::<Vec<_>>(), [s.a, s.b]);
    assert_eq!(out.repointed_deals, 2);
    assert_eq!(out.conflicts, expected_conflicts(&s));
    let m = &out.survivor;
    assert_eq!((m.first_name.as_str(), m.last_name.as_str()), ("Ada", "Lovelace"));
    assert_eq!(
        (m.email.as_deref(), m.phone.as_deref(), m.title.as_deref()),
        (Some("ada@example.com"), Some("+44 1"), Some("Countess"))
    );
    assert_eq!(m.client_company_id.map(|c| c.into_uuid()), Some(s.c1), "the first source fills an empty field");
    assert_eq!(m.merged_into_id, None);

    // The order of the sources decides which fills a gap.
    let input = MergeIn { source_ids: vec![s.b, s.a], dry_run: true };
    let out = h.svc.merge_contacts(&ctx, s.survivor.into(), input).await.expect("dry run, reversed");
    let m = &out.survivor;
    assert_eq!((m.phone.as_deref(), m.title.as_deref()), (Some("+44 2"), Some("Mathematician")));
    assert_eq!(m.client_company_id.map(|c| c.into_uuid()), Some(s.c2));
    assert_eq!(out.conflicts[1], conflict("phone", "+44 2", &["+44 1"]));
    assert_eq!(snapshot(&h.conn).await, before, "a dry run writes no row and no event");
}

async fn merge_folds_fields_repoints_deals_and_leaves_tombstones(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let s = scene(&h, &ctx).await;
    let dry = h
        .svc
        .merge_contacts(&ctx, s.survivor.into(), MergeIn { source_ids: vec![s.a, s.b], dry_run: true })
        .await
        .expect("dry run");
    let t = h.clock.now() + Duration::minutes(1);
    h.clock.advance(Duration::minutes(1));
    let deal_none_before = deal_row(&h.conn, s.deal_none).await;
    let out = h
        .svc
        .merge_contacts(&ctx, s.survivor.into(), MergeIn { source_ids: vec![s.a, s.b], dry_run: false })
        .await
        .expect("merge");
    assert!(!out.dry_run);
    assert_eq!(out.conflicts, expected_conflicts(&s));
    assert_eq!(out.repointed_deals, 2);
    assert_eq!((out.survivor.version, out.survivor.updated_at), (2, t));
    let mut as_dry = json!(dry.survivor);
    as_dry["version"] = json!(2);
    as_dry["updated_at"] = json!(t);
    assert_eq!(json!(out.survivor), as_dry, "the dry run predicted the merge");
    assert_eq!(json!(h.svc.get_contact(&ctx, s.survivor.into()).await.expect("get")), json!(out.survivor));
    let row = contact_row(&h.conn, s.survivor).await.expect("survivor row");
    assert_eq!(
        (row.email_normalized.as_deref(), row.phone_normalized.as_deref()),
        (Some("ada@example.com"), Some("+441"))
    );

    for src in [s.a, s.b] {
        let tomb = h.svc.get_contact(&ctx, src.into()).await.expect("a tombstone still resolves");
        assert_eq!(tomb.merged_into_id.map(|m| m.into_uuid()), Some(s.survivor));
        let row = contact_row(&h.conn, src).await.expect("tombstone row");
        assert_eq!((row.email_normalized, row.updated_at), (None, t), "a tombstone holds no unique email");
    }
    for d in [s.deal_a, s.deal_b, s.deal_s] {
        let row = deal_row(&h.conn, d).await.expect("deal");
        assert_eq!(row.contact_id, Some(s.survivor), "deals follow the survivor");
    }
    assert_eq!(deal_row(&h.conn, s.deal_none).await, deal_none_before, "an unrelated deal is untouched");

    let events = events_of(&h.conn, s.survivor).await;
    assert_eq!(types(&events), ["crm.contact.created", "crm.contact.merged"]);
    assert_eq!(events[1].data, json!({"survivor_id": s.survivor, "merged_ids": [s.a, s.b], "repointed_deals": 2}));
    assert_eq!(types(&events_of(&h.conn, s.a).await), ["crm.contact.created"], "the event is the survivor's");

    // Tombstones leave lists; the survivor keeps its email, the source's is free again.
    let page = h.svc.list_contacts(&ctx, &ContactFilter::default(), PageRequest::first(50)).await.expect("list");
    assert_eq!(page.items.iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>(), [s.survivor]);
    let dup = h.svc.create_contact(&ctx, contact_in("X", "", Some("ADA@example.com"))).await;
    let err = assert_err!(dup, AppError::Conflict { existing_id: Some(_), .. }, "survivor keeps its email");
    assert!(matches!(&err, AppError::Conflict { existing_id: Some(id), .. } if *id == s.survivor.to_string()));
    new_contact(&h, &ctx, contact_in("Ada", "King", Some("ada.king@example.com"))).await;
}

async fn merge_refusals_write_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let s = scene(&h, &ctx).await;
    h.svc
        .merge_contacts(&ctx, s.survivor.into(), MergeIn { source_ids: vec![s.a], dry_run: false })
        .await
        .expect("merge");
    let fresh = new_contact(&h, &ctx, contact_in("Fresh", "", None)).await;
    let foreign = new_contact(&h, &other, contact_in("Foreign", "", None)).await;
    let before = snapshot(&h.conn).await;

    let merge = |survivor: Uuid, sources: Vec<Uuid>, dry_run: bool| {
        let (h, ctx) = (&h, &ctx);
        async move { h.svc.merge_contacts(ctx, survivor.into(), MergeIn { source_ids: sources, dry_run }).await }
    };
    for dry_run in [false, true] {
        assert_err!(merge(s.survivor, vec![s.a], dry_run).await, AppError::Conflict { .. }, "tombstone merged again");
        assert_err!(
            merge(s.survivor, vec![s.b, s.a], dry_run).await,
            AppError::Conflict { .. },
            "a tombstone among sources"
        );
        assert_err!(merge(s.a, vec![fresh], dry_run).await, AppError::Conflict { .. }, "into a tombstone");
        let err =
            assert_err!(merge(s.b, vec![fresh, s.b], dry_run).await, AppError::Validation(_), "survivor in sources");
        assert_eq!(invalid_field(&err), "source_ids");
        assert_err!(merge(s.survivor, vec![foreign], dry_run).await, AppError::NotFound(_), "another org's source");
        assert_err!(merge(s.survivor, vec![Uuid::now_v7()], dry_run).await, AppError::NotFound(_), "unknown source");
    }
    let patch = ContactPatch { title: Patch::Value(text("x")), ..ContactPatch::default() };
    let err = h.svc.update_contact(&ctx, s.a.into(), patch, IfMatch(None)).await;
    assert_err!(err, AppError::Conflict { .. }, "a tombstone is read-only");
    assert_eq!(snapshot(&h.conn).await, before, "refused merges write nothing");
}

async fn survivor_takes_a_source_email(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let survivor = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", None)).await;
    let source = new_contact(&h, &ctx, contact_in("Ada", "L", Some(" Ada@Example.com"))).await;
    let out = h
        .svc
        .merge_contacts(&ctx, survivor.into(), MergeIn { source_ids: vec![source], dry_run: false })
        .await
        .expect("merge");
    assert_eq!(out.survivor.email.as_deref(), Some("Ada@Example.com"));
    assert_eq!(out.conflicts, [conflict("last_name", "Lovelace", &["L"])], "an empty field taken is no conflict");
    assert_eq!(contact_row(&h.conn, survivor).await.expect("row").email_normalized.as_deref(), Some("ada@example.com"));
    let f = ContactFilter { email: Some(email("ada@example.com")), ..ContactFilter::default() };
    let found = h.svc.list_contacts(&ctx, &f, PageRequest::first(10)).await.expect("list");
    assert_eq!(found.items.iter().map(|c| c.id.into_uuid()).collect::<Vec<_>>(), [survivor]);
    let dup = h.svc.create_contact(&ctx, contact_in("New", "", Some("ada@example.com"))).await;
    let err = assert_err!(dup, AppError::Conflict { existing_id: Some(_), .. }, "the survivor now holds the email");
    assert!(matches!(&err, AppError::Conflict { existing_id: Some(id), .. } if *id == survivor.to_string()), "{err:?}");
}

async fn duplicates_by_phone_and_by_name_within_a_company(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let c1 = new_company(&h, &ctx, "One", CompanyStatus::Active).await;
    let c2 = new_company(&h, &ctx, "Two", CompanyStatus::Active).await;
    let phoned = |first: &str, number: &str| ContactIn { phone: Some(phone(number)), ..contact_in(first, "P", None) };
    let p1 = new_contact(&h, &ctx, phoned("Pat", "+49 (30) 123")).await;
    let p2 = new_contact(&h, &ctx, phoned("Sam", "+4930123")).await;
    new_contact(&h, &ctx, phoned("Kim", "4930123")).await; // no `+`: another number
    new_contact(&h, &other, phoned("Lou", "+4930123")).await; // another organization
    let at = |company: Option<Uuid>, first: &str, last: &str| ContactIn {
        client_company_id: company.map(Into::into),
        ..contact_in(first, last, None)
    };
    let n1 = new_contact(&h, &ctx, at(Some(c1), "Ada", "Lovelace")).await;
    let n2 = new_contact(&h, &ctx, at(Some(c1), "ADA", "lovelace")).await;
    new_contact(&h, &ctx, at(None, "Ada", "Lovelace")).await; // no company: not compared by name
    new_contact(&h, &ctx, at(Some(c2), "Ada", "Lovelace")).await; // alone in its company

    let groups = || {
        let (h, ctx) = (&h, &ctx);
        async move {
            let groups = h.svc.contact_duplicates(ctx).await.expect("duplicates");
            groups
                .into_iter()
                .map(|g| (g.reason, g.key, g.contact_ids.iter().map(|i| i.into_uuid()).collect()))
                .collect::<Vec<(DuplicateReason, String, Vec<Uuid>)>>()
        }
    };
    let sorted = |mut ids: Vec<Uuid>| {
        ids.sort();
        ids
    };
    assert_eq!(
        groups().await,
        [
            (DuplicateReason::SamePhone, "+4930123".to_owned(), sorted(vec![p1, p2])),
            (DuplicateReason::SameNameInCompany, "ada lovelace".to_owned(), sorted(vec![n1, n2])),
        ]
    );
    h.svc.merge_contacts(&ctx, p1.into(), MergeIn { source_ids: vec![p2], dry_run: false }).await.expect("merge");
    assert_eq!(
        groups().await,
        [(DuplicateReason::SameNameInCompany, "ada lovelace".to_owned(), sorted(vec![n1, n2]))],
        "a tombstone is no duplicate"
    );
    h.svc.merge_contacts(&ctx, n2.into(), MergeIn { source_ids: vec![n1], dry_run: false }).await.expect("merge");
    assert_eq!(groups().await, [], "nothing left to merge");
}

/// A phone with no digits ("n/a") normalizes to nothing; such contacts are not
/// the same person.
async fn phones_without_digits_are_not_duplicates(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    for (first, number) in [("Pat", "n/a"), ("Sam", "unknown"), ("Kim", "---")] {
        new_contact(&h, &ctx, ContactIn { phone: Some(phone(number)), ..contact_in(first, "P", None) }).await;
    }
    let groups = h.svc.contact_duplicates(&ctx).await.expect("duplicates");
    assert!(groups.is_empty(), "digit-less phones grouped as duplicates: {groups:?}");
}
