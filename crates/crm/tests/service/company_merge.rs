//! Company merge and duplicates, and contacts created from `appointment.booked`.

use atrium_crm::BookingOutcome;
use atrium_crm::dto::{CompanyDuplicateReason, CompanyPatch, CompanyStatus, ContactIn, DealIn, MergeIn};
use atrium_events::crm::{AppointmentBooked, CompanyCreated, CompanyMerged, ContactCreated, Source};
use atrium_kernel::{AppError, IfMatch, Patch};
use atrium_testkit::{TestDb, backend_tests};
use serde_json::json;

use crate::assert_err;
use crate::common::{contact_in, contact_row, deal_in, deal_row, events_of, harness, snapshot, text, types};
use crate::companies::new_company;
use crate::contacts::new_contact;
use crate::deals::new_deal;

backend_tests!(
    company_merge_repoints_contacts_and_deals_and_leaves_a_tombstone,
    company_merge_dry_run_and_refusals_write_nothing,
    company_duplicates_by_name_and_domain,
    appointment_booking_creates_a_contact_once,
);

async fn company_merge_repoints_contacts_and_deals_and_leaves_a_tombstone(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let keep = new_company(&h, &ctx, "Globex", CompanyStatus::Active).await;
    let dup = new_company(&h, &ctx, "Globex Corp", CompanyStatus::Lead).await;
    let patch = CompanyPatch {
        domain: Patch::Value(text("globex.example")),
        tags: Some(vec![text("retainer"), text("eu")]),
        notes: Patch::Value(text("from the import")),
        ..CompanyPatch::default()
    };
    h.svc.update_company(&ctx, dup.into(), patch, IfMatch(None)).await.expect("patch dup");
    let keep_tags = CompanyPatch { tags: Some(vec![text("eu"), text("vip")]), ..CompanyPatch::default() };
    h.svc.update_company(&ctx, keep.into(), keep_tags, IfMatch(None)).await.expect("patch keep");
    let c =
        new_contact(&h, &ctx, ContactIn { client_company_id: Some(dup.into()), ..contact_in("Hank", "", None) }).await;
    let d = new_deal(&h, &ctx, DealIn { client_company_id: Some(dup.into()), ..deal_in("Relaunch") }).await;
    let deal_version = deal_row(&h.conn, d).await.expect("deal").version;

    let out = h
        .svc
        .merge_companies(&ctx, keep.into(), MergeIn { source_ids: vec![dup], dry_run: false })
        .await
        .expect("merge");
    assert_eq!(out.survivor.domain.as_deref(), Some("globex.example"), "empty field filled from the source");
    assert_eq!(out.survivor.notes.as_deref(), Some("from the import"));
    assert_eq!(out.survivor.tags, ["eu", "vip", "retainer"], "union of tags, survivor's first");
    assert_eq!((out.repointed_contacts, out.repointed_deals), (1, 1));
    assert_eq!(contact_row(&h.conn, c).await.expect("contact").client_company_id, Some(keep));
    let deal = deal_row(&h.conn, d).await.expect("deal");
    assert_eq!(deal.client_company_id, Some(keep));
    assert_eq!(deal.version, deal_version + 1, "a repointed deal gets a new version");

    let tomb = h.svc.get_company(&ctx, dup.into()).await.expect("tombstone resolves");
    assert_eq!(tomb.status, CompanyStatus::Merged);
    assert_eq!(tomb.merged_into_id.map(|i| i.into_uuid()), Some(keep));
    assert_eq!(
        h.svc.company_ref(ctx.org_id, dup.into()).await.expect("ref"),
        Some(keep.into()),
        "stale ids land on the survivor"
    );
    let merged = events_of(&h.conn, keep).await;
    let last = merged.last().expect("events");
    assert_eq!(last.event_type, "crm.company.merged");
    let payload: CompanyMerged = serde_json::from_value(last.data.clone()).expect("typed payload");
    let expected = CompanyMerged {
        survivor_id: keep.into(),
        merged_ids: vec![dup.into()],
        repointed_contacts: 1,
        repointed_deals: 1,
    };
    assert_eq!(payload, expected);
    assert_eq!(last.data["merged_ids"], json!([dup]), "ids on the wire are plain UUIDs");
    assert_eq!(types(&events_of(&h.conn, dup).await), ["crm.company.created", "crm.company.updated"]);
    assert_err!(
        h.svc.update_company(&ctx, dup.into(), CompanyPatch::default(), IfMatch(None)).await,
        AppError::Conflict { .. },
        "a tombstone is read-only"
    );
}

async fn company_merge_dry_run_and_refusals_write_nothing(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let other = h.org().await;
    let keep = new_company(&h, &ctx, "Initech", CompanyStatus::Active).await;
    let dup = new_company(&h, &ctx, "Initech", CompanyStatus::Lead).await;
    let foreign = new_company(&h, &other, "Initech", CompanyStatus::Lead).await;
    new_contact(&h, &ctx, ContactIn { client_company_id: Some(dup.into()), ..contact_in("Peter", "", None) }).await;
    let before = snapshot(&h.conn).await;

    let dry = h
        .svc
        .merge_companies(&ctx, keep.into(), MergeIn { source_ids: vec![dup], dry_run: true })
        .await
        .expect("dry run");
    assert!(dry.dry_run);
    assert_eq!(dry.repointed_contacts, 1);
    assert_err!(
        h.svc.merge_companies(&ctx, keep.into(), MergeIn { source_ids: vec![foreign], dry_run: false }).await,
        AppError::NotFound(_),
        "another organization's company"
    );
    assert_err!(
        h.svc.merge_companies(&ctx, keep.into(), MergeIn { source_ids: vec![keep], dry_run: false }).await,
        AppError::Validation(_),
        "survivor among the sources"
    );
    assert_eq!(snapshot(&h.conn).await, before, "dry run and refusals wrote nothing");
}

async fn company_duplicates_by_name_and_domain(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let a = new_company(&h, &ctx, "Acme  Corp", CompanyStatus::Active).await;
    let b = new_company(&h, &ctx, "acme corp", CompanyStatus::Lead).await;
    let c = new_company(&h, &ctx, "Road Runner", CompanyStatus::Lead).await;
    let d = new_company(&h, &ctx, "RR Ltd", CompanyStatus::Lead).await;
    for id in [c, d] {
        let p = CompanyPatch { domain: Patch::Value(text("RoadRunner.example")), ..CompanyPatch::default() };
        h.svc.update_company(&ctx, id.into(), p, IfMatch(None)).await.expect("domain");
    }
    let other = h.org().await;
    new_company(&h, &other, "Acme Corp", CompanyStatus::Lead).await;

    let groups = h.svc.company_duplicates(&ctx).await.expect("duplicates");
    let found: Vec<_> = groups
        .iter()
        .map(|g| (g.reason, g.key.as_str(), g.company_ids.iter().map(|i| i.into_uuid()).collect::<Vec<_>>()))
        .collect();
    assert_eq!(
        found,
        [
            (CompanyDuplicateReason::SameName, "acme corp", vec![a, b]),
            (CompanyDuplicateReason::SameDomain, "roadrunner.example", vec![c, d]),
        ]
    );
    h.svc.merge_companies(&ctx, a.into(), MergeIn { source_ids: vec![b], dry_run: false }).await.expect("merge");
    let after = h.svc.company_duplicates(&ctx).await.expect("duplicates");
    assert_eq!(after.len(), 1, "a merged tombstone is no longer a candidate: {after:?}");
}

fn booking(data: serde_json::Value) -> AppointmentBooked {
    serde_json::from_value(data).expect("a booking")
}

async fn appointment_booking_creates_a_contact_once(db: &TestDb) {
    let h = harness(db);
    let ctx = h.org().await;
    let known = new_contact(&h, &ctx, contact_in("Ada", "Lovelace", Some("ada@example.com"))).await;
    let actor = "system:workflow:01936f0e-7c1a-7d3e-9a4b-3f2e1d0c9b8a";

    let same = booking(json!({"email": " ADA@example.com", "name": "A. L."}));
    assert_eq!(
        h.svc.contact_from_booking(ctx.org_id, actor, &same).await.expect("known"),
        BookingOutcome::Known(known.into())
    );

    let grace = booking(json!({"email": "grace@navy.example", "name": "Grace Brewster Hopper", "company": "US Navy"}));
    let BookingOutcome::Created { contact, company } =
        h.svc.contact_from_booking(ctx.org_id, actor, &grace).await.expect("book")
    else {
        panic!("a new person becomes a contact");
    };
    let created = h.svc.get_contact(&ctx, contact).await.expect("contact");
    assert_eq!((created.first_name.as_str(), created.last_name.as_str()), ("Grace", "Brewster Hopper"));
    assert_eq!(created.client_company_id, company);
    let company = company.expect("company created from the booking");
    assert_eq!(h.svc.get_company(&ctx, company).await.expect("company").name, "US Navy");
    let evs = events_of(&h.conn, contact.into_uuid()).await;
    assert_eq!(types(&evs), ["crm.contact.created"]);
    assert_eq!(evs[0].actor, actor);
    let payload: ContactCreated = serde_json::from_value(evs[0].data.clone()).expect("typed payload");
    assert_eq!(payload.source, Some(Source::AppointmentBooked), "the event says where the contact came from");
    assert_eq!(evs[0].data["source"], "appointment.booked");
    let company_events = events_of(&h.conn, company.into_uuid()).await;
    let payload: CompanyCreated = serde_json::from_value(company_events[0].data.clone()).expect("typed payload");
    assert_eq!(payload.source, Some(Source::AppointmentBooked));

    // Redelivery and a second booking at the same company create nothing new.
    let before = snapshot(&h.conn).await;
    assert_eq!(
        h.svc.contact_from_booking(ctx.org_id, actor, &grace).await.expect("again"),
        BookingOutcome::Known(contact)
    );
    assert_eq!(snapshot(&h.conn).await, before);
    let colleague = booking(json!({"email": "bob@navy.example", "company": "us  navy"}));
    let BookingOutcome::Created { company: same_company, contact: bob } =
        h.svc.contact_from_booking(ctx.org_id, actor, &colleague).await.expect("colleague")
    else {
        panic!("new contact");
    };
    assert_eq!(same_company, Some(company), "the existing company is reused");
    assert_eq!(h.svc.get_contact(&ctx, bob).await.expect("bob").first_name, "bob", "no name: the email's local part");

    // The same email in another organization is another person there.
    let other = h.org().await;
    assert!(matches!(
        h.svc.contact_from_booking(other.org_id, actor, &grace).await,
        Ok(BookingOutcome::Created { .. })
    ));

    // A bad booking is refused by its payload type.
    let before = snapshot(&h.conn).await;
    for bad in [json!({"email": "not an email"}), json!({"name": "No Email"}), json!({"email": "a\u{0}@x.io"})] {
        assert!(serde_json::from_value::<AppointmentBooked>(bad.clone()).is_err(), "accepted {bad}");
    }
    let nul_name = booking(json!({"email": "zed@x.io", "name": "Z\u{0}ed"}));
    assert_err!(
        h.svc.contact_from_booking(ctx.org_id, actor, &nul_name).await,
        AppError::Validation(_),
        "NUL in the name"
    );
    assert_eq!(snapshot(&h.conn).await, before, "a bad booking writes nothing");
}
